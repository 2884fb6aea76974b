"""Safe reading of one YAML file: bounded size, UTF-8, no tags, no aliases, no repeated keys.

Every key and list item is mapped to its line so that later checks can point at it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problems

MAX_BYTES = 256 * 1024  # an entry is a page of text; anything larger is a mistake
MAX_DEPTH = 40

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


@dataclass
class YamlDocument:
    path: str  # as reported in messages, relative to the repository root
    data: object = None
    lines: dict = field(default_factory=dict)  # (key, 0, "sub", ...) path -> 1-based line

    def line_of(self, *path) -> int:
        """Line of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(file: Path, shown_as: str, problems: Problems) -> YamlDocument | None:
    """Parse `file`; on any problem record it and return None."""
    doc = YamlDocument(shown_as)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            problems.error(shown_as, 1, f"file is {size // 1024} KB, over the {MAX_BYTES // 1024} KB limit: split it or shorten it.")
            return None
        raw = file.read_bytes()
    except OSError as exc:
        problems.error(shown_as, 1, f"cannot read the file ({exc.strerror}): check it exists and is readable.")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.error(shown_as, line, "text is not UTF-8: save the file with UTF-8 encoding.")
        return None
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problems.error(shown_as, line, f"YAML syntax error: {exc.problem or exc.context}. Check indentation, colons and quotes.")
        return None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        problems.error(shown_as, line, f"the file contains a control character (U+{code:04X}) that YAML does not allow: delete it.")
        return None
    except (yaml.YAMLError, RecursionError) as exc:
        problems.error(shown_as, 1, f"cannot parse YAML ({type(exc).__name__}): simplify the file.")
        return None
    if node is None:
        problems.error(shown_as, 1, "file is empty: add the fields of an entry (see CONTRIBUTING.md).")
        return None
    if not isinstance(node, yaml.MappingNode):
        problems.error(shown_as, node.start_mark.line + 1, "file must be a mapping of `field: value` lines, not a list or a single value.")
        return None
    if not _check_nodes(node, doc, problems):
        return None
    try:
        doc.data = yaml.SafeLoader("").construct_document(node)  # from the checked nodes: no second parse
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.error(shown_as, mark.line + 1 if mark else 1, f"cannot read a value: {getattr(exc, 'problem', exc)}. Write it as plain text.")
        return None
    return doc


def _check_nodes(root: yaml.Node, doc: YamlDocument, problems: Problems) -> bool:
    """Walk the node tree once: record lines, reject tags, aliases, repeated keys and deep nesting."""
    ok = True
    seen: set[int] = set()
    stack = [(root, ())]
    while stack:
        node, path = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:
            problems.error(doc.path, line, "anchors and aliases (`&name`, `*name`) are not allowed: write the value out in full.")
            return False
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            problems.error(doc.path, line, f"the tag `{tag}` is not allowed: remove it and write a plain value.")
            ok = False
            continue
        if len(path) > MAX_DEPTH:
            problems.error(doc.path, line, f"values are nested more than {MAX_DEPTH} levels deep: flatten the structure.")
            return False
        if isinstance(node, yaml.MappingNode):
            keys: dict = {}
            for key_node, value_node in node.value:
                key = key_node.value
                key_line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    problems.error(doc.path, key_line, "a key must be a plain word, not a list or a mapping.")
                    ok = False
                    continue
                if key in keys:
                    problems.error(doc.path, key_line, f"`{key}` is repeated (first on line {keys[key]}): keep one and remove the other.")
                    ok = False
                    continue
                keys[key] = key_line
                doc.lines[path + (key,)] = key_line
                stack.append((value_node, path + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                doc.lines[path + (index,)] = item.start_mark.line + 1
                stack.append((item, path + (index,)))
    return ok
