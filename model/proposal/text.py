"""The contributor's text cleaned for YAML and escaped for a comment, and the YAML serializer (see __init__.py)."""

from __future__ import annotations

import re
import unicodedata

import yaml

from ..scaffold import ID_PATTERN
from .data import MAX_SHOWN


def _clean(text: str | None, keep_lines: bool = False) -> str:
    """Text without control characters (tabs become spaces), with Unix line ends, NFC-normalised."""
    text = unicodedata.normalize("NFC", str(text or "")).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = "".join(c for c in text if c == "\n" or not unicodedata.category(c).startswith("C") or c in "\u200d")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return text if keep_lines else text.strip()


def _one_line(text: str | None) -> str:
    return " ".join(_clean(text).split())


def _text(text: str | None) -> str:
    """A Markdown text: lines without trailing spaces, at most one empty line in a row, no empty first line."""
    lines = [line.rstrip() for line in _clean(text, keep_lines=True).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text + "\n" if text else ""  # a `|` block, as the library's files end theirs


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", _clean(text).casefold()).split())


def _title(item) -> str:
    return item.title if hasattr(item, "title") else str((item or {}).get("title", "")) if isinstance(item, dict) else ""


def _form_field(entry_field: str) -> str:
    return {"sources": "source"}.get(entry_field, entry_field)


def _field_at(text: str, line: int) -> str:
    """The form field of the entry file's line: the top-level key at or above it (`section:` lines apart)."""
    lines = text.split("\n")
    current = ""
    for number, content in enumerate(lines[:line], start=1):
        key = re.match(r"([a-z_]+):", content)
        if key:
            current = key.group(1)
        if number == line and current == "sources" and re.match(r"\s+(?:- )?section:", content):
            return "section"
    return _form_field(current)


def _plain(message: str) -> str:
    """A validator's message, for someone who answered a form: no file names, no field names in front."""
    if message.startswith("missing required field"):
        return "this answer is needed."
    message = re.sub(r"\s*\((?:see|allowed fields are in) [^)]*\)", "", message)
    message = re.sub(r" Use (?:an|a scale|an option) id from [a-z/_-]+\.yml\.$", "", message)
    message = re.sub(r"^`[a-z_]+`(?:, (?:item \d+|`[a-z_]+`))* (?=is |must |needs |lists )", "it ", message)
    if message.endswith("needs at least 1 item: add one."):
        return "choose at least one."
    return message


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _code(text: str | None) -> str:
    """Text to be shown inside a code span: one line, no backticks, shortened."""
    text = _one_line(text).replace("`", "'")
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#!|~&])")


def _escape(text: str) -> str:
    """Plain text for Markdown: every character that could start markup escaped, `@` kept from pinging anyone."""
    text = _MARKDOWN.sub(r"\\\1", _clean(text, keep_lines=True).replace("\n", " ")).replace("@", "@\u200b")
    return re.sub(r"(?i)(www)\.|(/)(/)", lambda m: f"{m[1]}\u200b." if m[1] else "/\u200b/", text)  # no autolinks


def _inline(message: str) -> str:
    """A message whose `code spans` stay code (where nothing is rendered) and whose other text is escaped."""
    parts = _one_line(message).split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: the last one opens nothing
        parts[-2:] = [parts[-2] + "'" + parts[-1]]
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(f"`{part[:MAX_SHOWN]}`" if part.strip() else "` `")
        else:
            out.append(_escape(part))
    return "".join(out)


class _Dumper(yaml.SafeDumper):
    """Text on several lines as a `|` block; lists of plain ids in brackets on one line, and other lists indented
    under their key, as the library writes them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_str(dumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _represent_list(dumper, value: list):
    flow = bool(value) and all(isinstance(v, str) and ID_PATTERN.match(v) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
