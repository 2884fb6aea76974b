"""Making a new entry recommendable by the self-assessment: add the rule to a question (`make new ...
QUESTION=<id>`), or say which questions could take it and how to write a new one."""
from __future__ import annotations

import re
from pathlib import Path

from .assessment import load_assessment
from .library import Library


class RecommendError(Exception):
    """The rule cannot be added; the message says what to do instead."""


def _low_values(assessment, question) -> list[int]:
    """The answers of the lower half of the question's scale: at these, the entry is recommended."""
    values = assessment.scale_values(question.scale)
    low, high = min(values), max(values)
    return [v for v in values if (v - low) / (high - low) < 0.5] or values[:1]


def add_rule(root: Path, lib: Library, question_id: str, kind_id: str, entry_id: str) -> str:
    """Add `<key>: <entry_id>` to the `recommends` of question `question_id`; return the file changed."""
    assessment = load_assessment(root, lib)
    question = next((q for q in assessment.questions if q.id == question_id), None)
    if question is None:
        ids = ", ".join(q.id for q in assessment.questions[:8])
        raise RecommendError(f"no question has the id `{question_id}` (for example: {ids}, ...): see assessment/sections/.")
    section = next(s for s in assessment.sections if s.id == question.section)
    key = lib.kinds[kind_id].recommend_as
    if not key:
        raise RecommendError(f"the self-assessment does not recommend entries of kind `{kind_id}` (no `recommend_as` in practices/kinds.yml).")
    file = Path(root) / section.path
    lines = file.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*- id: {re.escape(question_id)}\s*$", line))
    at = next((i for i in range(start + 1, len(lines)) if re.match(r"\s+recommends:\s*$", lines[i])), None)
    if at is None:
        raise RecommendError(f"{section.path}: question `{question_id}` has no `recommends:` line to add to.")
    indent = " " * (len(lines[at]) - len(lines[at].lstrip()) + 2)
    values = ", ".join(str(v) for v in _low_values(assessment, question))
    lines[at + 1:at + 1] = [f"{indent}- {key}: {entry_id}", f"{indent}  when: [{values}]"]
    file.write_text("\n".join(lines), encoding="utf-8")
    return section.path


def guidance(root: Path, lib: Library, kind_id: str, entry_id: str, stages: list[str]) -> str:
    """What to do so that the self-assessment can recommend the new entry."""
    key = lib.kinds[kind_id].recommend_as
    assessment = load_assessment(root, lib)
    sections = [s for s in assessment.sections if s.stage in stages] or [s for s in assessment.sections if not s.stage]
    listed = "\n".join(f"    {q.id}: {q.text}" for s in sections for q in s.questions[:12])
    return (f"The self-assessment must be able to recommend it. If one of these questions is what the entry answers,\n"
            f"add `{key}: {entry_id}` under its `recommends` (or run the command again with QUESTION=<its id>):\n{listed}\n"
            "If none fits, write a new question: CONTRIBUTING.md, \"Add a question to the self-assessment\",\n"
            "says how, and how to list it in assessment/versions.yml.")
