"""The scaffold's placeholders: a value that still holds one is reported on its line.

`python -m model new` fills every required field with a hint that starts with MARKER. An entry is
not finished while any value still contains it, so loading reports it and skips the entry.
"""
from __future__ import annotations

from .problems import Problems, field_name
from .yaml_source import YamlDocument

MARKER = "REPLACE:"


def placeholder(hint: str) -> str:
    """The placeholder text for a field: the marker followed by what to write there."""
    return f"{MARKER} {hint}"


def check(doc: YamlDocument, problems: Problems) -> bool:
    """Report every value of `doc` that still holds a placeholder. True if there is none."""
    found = list(_placeholders(doc.data, ()))
    for path, text in found:
        hint = (text[text.index(MARKER) + len(MARKER):].strip().splitlines() or ["your own text"])[0]
        hint = _shorten(hint).rstrip(".")
        problems.error(doc.path, doc.value_line(*path), f"{field_name(path)} is still a placeholder: replace the placeholder with {hint}.")
    return not found


# --- Helpers ---

def _placeholders(value, path: tuple):
    """(path, text) of every string under `value` that contains the marker, in file order."""
    if isinstance(value, str):
        if MARKER in value:
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholders(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders(item, path + (index,))


def _shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
