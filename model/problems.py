"""Problems found in the YAML sources, reported as `path:line: message`, and the wording they share."""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = "error"  # "error" fails the build; "warning" fails only a strict build

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
    """A field's place as a reader says it: `roles`, item 1 (items count from 1); "the file" for the root."""
    parts = [f"item {part + 1}" if isinstance(part, int) else f"`{part}`" for part in path]
    return ", ".join(parts) or "the file"


def slugify(text: str, limit: int = 80) -> str:
    """'Invite by letter & by phone' -> 'invite-by-letter-by-phone' (at most `limit` characters)."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]", "", text)  # "people's" -> "peoples", not "people-s"
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    while len(slug) > limit and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:limit]


def did_you_mean(value: object, choices) -> str:
    """' Did you mean `x`?' for the closest choice, or a list of the valid choices when few."""
    choices = sorted(str(c) for c in choices)
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    if close:
        return f" Did you mean `{close[0]}`?"
    if 0 < len(choices) <= 8:
        return " Valid values: " + ", ".join(f"`{c}`" for c in choices) + "."
    return ""


def id_hint(value: object, items: dict) -> str:
    """Like did_you_mean for an id, but a title written in place of an id (`Recruitment`, `Trust building`)
    is recognised: ' Write the id, not the title: `recruitment`.'"""
    text = str(value)
    slug = slugify(text)
    by_title = {slugify(item.get("title", "")): key for key, item in items.items() if isinstance(item, dict)}
    if slug != text and (slug in items or slug in by_title):
        return f" Write the id, not the title: `{slug if slug in items else by_title[slug]}`."
    if slug in by_title:
        return f" That is a title: write its id, `{by_title[slug]}`."
    hint = did_you_mean(slug if slug != text else text, items)
    if hint.startswith(" Did you mean"):
        return hint
    words = [key for key in map(str, items) if key and f"-{key}-" in f"-{slug}-"]  # `Trust building` -> `trust`
    if len(words) == 1:
        return f" Did you mean `{words[0]}`?"
    if slug and slug != text:
        return " Write an id (lower-case words joined by hyphens), not a title or a description." + hint
    return hint
