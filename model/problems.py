"""Problems found in the YAML sources, reported as `path:line: message`."""
from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = "error"  # "error" fails the build; "warning" fails only `--strict`

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class Problems(list):
    """A list of problems that knows how to add one with a file and line."""

    def error(self, path: str, line: int, message: str) -> None:
        self.append(Problem(path, line, message))

    def warning(self, path: str, line: int, message: str) -> None:
        self.append(Problem(path, line, message, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity == "warning"]


def field_name(path) -> str:
    """A field's path as a reader writes it, e.g. `sources[0].section` ("the file" for the root)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def did_you_mean(value: object, choices) -> str:
    """' Did you mean `x`?' for the closest choice, or a list of the valid choices when few."""
    choices = sorted(str(c) for c in choices)
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    if close:
        return f" Did you mean `{close[0]}`?"
    if 0 < len(choices) <= 8:
        return " Valid values: " + ", ".join(f"`{c}`" for c in choices) + "."
    return ""
