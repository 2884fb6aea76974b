"""GitHub Actions workflow commands: a problem as an annotation on its file and line.

Escaping as GitHub documents for workflow commands: in the message, `%`, CR and LF become `%25`,
`%0D`, `%0A`; a property value (here the file) also escapes `:` as `%3A` and `,` as `%2C`.
"""
from __future__ import annotations

from .problems import Problem


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """`::error file=<path>,line=<line>::<message>` (or `::warning …`) for one problem."""
    command = "warning" if problem.severity == "warning" else "error"
    return f"::{command} file={escape_property(problem.path)},line={problem.line}::{escape_data(problem.message)}"
