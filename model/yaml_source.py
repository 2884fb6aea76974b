"""Safe reading of one YAML file: bounded size, UTF-8, no tags, no aliases, no repeated keys.

Every key and list item is mapped to its line so that later checks can point at it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import files
from .problems import Problems

MAX_BYTES = 256 * 1024  # an entry is a page of text; anything larger is a mistake
MAX_DEPTH = 40
MAX_SCANNED_DEPTH = 200  # checked on the text before parsing: the C parser overflows its stack long before the
                         # node check below runs (40,000 nested `[` crash it), and the estimate may count high

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


@dataclass
class YamlDocument:
    path: str  # as reported in messages, relative to the repository root
    data: object = None
    first_line: str = ""
    lines: dict = field(default_factory=dict)  # (key, 0, "sub", ...) path -> 1-based line of its key (or list item)
    values: dict = field(default_factory=dict)  # path -> 1-based line where its value starts, when not the key's line

    def line_of(self, *path) -> int:
        """Line of the key (or list item) at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def value_line(self, *path) -> int:
        """Line where the value at `path` starts: the key's line, unless the value is written below its key
        (`summary:` then the text on the next line, or the text of a `|` or `>` block)."""
        return self.values.get(tuple(path)) or self.line_of(*path)


def read_yaml(file: Path, shown_as: str, problems: Problems, root: Path | None = None) -> YamlDocument | None:
    """Parse `file`; on any problem record it and return None. With `root`, a link leading outside it is refused."""
    doc = YamlDocument(shown_as)
    if root is not None and not files.inside(file, root):
        problems.error(shown_as, 1, files.outside_message(file))
        return None
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
    doc.first_line = text.split("\n", 1)[0].rstrip("\r")
    if deep := nesting_too_deep(text):
        problems.error(shown_as, deep, f"values are nested too deeply (more than {MAX_DEPTH} levels): flatten the structure.")
        return None
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        line, message = _syntax_error(exc, text)
        problems.error(shown_as, line, message)
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


SCHEMA_LINE = "# yaml-language-server: $schema="
_COMPACT_RUN = re.compile(r"(?:[-?] +){%d}" % (MAX_SCANNED_DEPTH // 2))


def check_schema_line(doc: YamlDocument, schema: str, problems: Problems) -> None:
    """The first line names the file's schema, relative to the file (editors check the file against it)."""
    depth = doc.path.count("/")
    expected = SCHEMA_LINE + "../" * depth + schema
    if doc.first_line != expected:
        found = "it is missing" if not doc.first_line.startswith(SCHEMA_LINE) else f"it is `{doc.first_line}`"
        problems.error(doc.path, 1, f"the first line must be `{expected}` ({found}): editors use it to check the file as you type.")


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line and the words for a YAML syntax error, pointing where a person would look: the parser
    often notices a mistake a line later (a missing space after a colon is found on the next line)."""
    problem, context = exc.problem or "", exc.context or ""
    at = exc.problem_mark or exc.context_mark
    line = at.line + 1 if at else 1
    start = exc.context_mark.line + 1 if exc.context_mark else line
    lines = text.splitlines()

    def source(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    source_line = source(line)
    if "tab" in problem or ("\t" in source_line[: (exc.problem_mark.column + 1) if exc.problem_mark else None] and "token" in problem):
        return (line if "\t" in source_line else start), "tab character: indent with spaces, never tabs."
    if "quoted scalar" in context:
        return start, "a quotation mark opened on this line is never closed: add the closing quote, or remove the opening one."
    if "flow sequence" in context or "flow mapping" in context:
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return start, f"a `{opening}` opened on this line is not closed where expected: add the missing `{closing}` (or a comma between items)."
    if "could not find expected ':'" in problem and "simple key" in context:
        culprit = source(start)
        if match := _NO_SPACE_AFTER_COLON.match(culprit):
            return start, f"put a space after the colon: `{match['key']}: {match['value'].strip()[:40]}`."
        if _BLOCK_START.search(source(_previous(lines, start))):
            return start, "the text of a `|` or `>` block must be indented: indent this line and the ones below it by two spaces."
        return start, ("this line is not a `field: value` line: add the field's name and a colon, or, if it continues "
                       "the text above, indent it like that text.")
    if "mapping values are not allowed" in problem:
        above = _previous(lines, line)
        if re.match(r"\s*-[^\s-]", source(above)):
            return above, "put a space after the hyphen that starts a list item: `- `."
        if _KEY_LINE.match(source_line) and _indent(source_line) > _indent(source(above)) \
                and not source(above).rstrip().endswith((":", "-")):
            return line, ("this line is indented more than the line above, so YAML reads it as part of that line's "
                          "value: line it up with the line above (an item of a list starts with `- `).")
        return line, ("YAML syntax error: mapping values are not allowed in this context. A value that contains a colon "
                      "followed by a space must be put in double quotes.")
    if "expected key" in problem or "expected '-' indicator" in problem or "expected <block end>" in problem:
        if re.search(r""":\s+(["'])[^"']*\1\s*[^\s#]""", source_line):
            return line, ("text follows a closing quotation mark: put the whole value in double quotes, and use single "
                          "quotes inside it ('like this').")
        block = _enclosing_block(lines, line)
        if block:
            return line, (f"this line is indented less than the text above it: every line of the text under "
                          f"`{block}` keeps the indentation of its first line.")
        return line, "this line is indented differently from the lines above it: line it up with the field it belongs to."
    return line, f"YAML syntax error: {problem or context}. Check the indentation, the colons and the quotes."


_NO_SPACE_AFTER_COLON = re.compile(r"\s*(?:-\s+)?(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:].*)$")
_KEY_LINE = re.compile(r"\s*[A-Za-z_][\w-]*:(\s|$)")
_BLOCK_START = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], number: int) -> int:
    """The number of the last line before `number` that holds something other than a comment."""
    for before in range(number - 1, 0, -1):
        if lines[before - 1].strip() and not lines[before - 1].lstrip().startswith("#"):
            return before
    return 0


def _enclosing_block(lines: list[str], number: int) -> str:
    """`body: |` when line `number` sits in (or just after) the text of a block started above it, else ''."""
    indent = _indent(lines[number - 1]) if 0 < number <= len(lines) else 0
    for before in range(number - 1, 0, -1):
        text = lines[before - 1]
        if not text.strip():
            continue
        if _indent(text) <= indent:
            match = re.match(r"\s*(?:-\s+)?([A-Za-z_][\w-]*):\s*([|>])", text)
            return f"{match[1]}: {match[2]}" if match and _BLOCK_START.search(text) else ""
    return ""


def nesting_too_deep(text: str) -> int:
    """The line at which the nesting of `text` exceeds MAX_SCANNED_DEPTH, or 0, found without parsing it:
    open brackets outside quotes and comments, plus block levels by indentation and `- ` on one line."""
    if (text.count("[") + text.count("{") <= MAX_SCANNED_DEPTH and text.count("\n") <= MAX_SCANNED_DEPTH
            and not _COMPACT_RUN.search(text)):
        return 0  # too few brackets and lines to nest that deep: no need to look closer
    flow = 0
    indents: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if flow == 0 and stripped and not stripped.startswith("#"):
            indent = len(line) - len(stripped)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            compact = len(re.match(r"(?:[-?] +)*", stripped).group(0).split()) if stripped[:1] in "-?" else 0
            if len(indents) + compact > MAX_SCANNED_DEPTH:
                return number
        quote = ""
        for index, char in enumerate(line):
            if quote:
                if char == quote and not (quote == '"' and line[index - 1] == "\\"):
                    quote = ""
            elif char in "\"'" and (index == 0 or line[index - 1] in " [{,:"):
                quote = char
            elif char == "#" and (index == 0 or line[index - 1] in " \t"):
                break
            elif char in "[{":
                flow += 1
                if flow + len(indents) > MAX_SCANNED_DEPTH:
                    return number
            elif char in "]}":
                flow = max(0, flow - 1)
    return 0


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
                if (value_line := _value_line(value_node)) != key_line:
                    doc.values[path + (key,)] = value_line
                stack.append((value_node, path + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                doc.lines[path + (index,)] = item.start_mark.line + 1
                if (value_line := _value_line(item)) != item.start_mark.line + 1:
                    doc.values[path + (index,)] = value_line
                stack.append((item, path + (index,)))
    return ok


def _value_line(node: yaml.Node) -> int:
    """The line a reader sees a value on: for a `|` or `>` block, its first line of text, below the marker."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">") and node.value.strip():
        return line + 1 + len(node.value) - len(node.value.lstrip("\n"))  # empty lines at the top are skipped
    return line
