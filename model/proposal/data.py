"""The data of a proposal: the issue, the notes said back against its fields, and what is made from it (see __init__.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import forms
from ..kinds import Kind


NO_RESPONSE = "_No response_"
MAX_SHOWN = 300  # characters of a contributor's text quoted back in a comment


@dataclass
class Issue:
    number: int
    title: str
    body: str
    author: str
    author_id: int = 0
    created: str = ""  # YYYY-MM-DD
    url: str = ""


@dataclass
class Note:
    """Something the converter could not make sense of, said to the contributor against a field of the form.
    `instead`: the validator's messages about the same field are left out (this one explains them better)."""
    field: str
    message: str
    instead: bool = True


@dataclass
class Proposal:
    issue: Issue
    kind: Kind | None = None
    entry_id: str = ""
    entry: dict = field(default_factory=dict)
    source: dict | None = None  # a new item for practices/sources.yml
    question: str | None = None  # the id of the question whose rule is added
    notes: list[Note] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # path from the root -> new text, in writing order
    fields: list[forms.Field] = field(default_factory=list)
    blocked: bool = False  # nothing can be written (not a proposal form, or its id is taken)

    @property
    def noun(self) -> str:
        return self.kind.title.lower() if self.kind else "entry"

    @property
    def entry_path(self) -> str:
        return f"practices/{self.kind.folder}/{self.entry_id}.yml" if self.kind and self.entry_id else ""

    def label(self, field_id: str) -> str:
        return next((f.label for f in self.fields if f.id == field_id), field_id)
