"""The scoring data of the self-assessment (assessment/data.json): everything the page's scripts need.

Built from the loaded questionnaire and library, so the form, the scores and the links cannot drift apart.
"""
from __future__ import annotations

import json
from typing import Callable

from .assessment import FORMULA, Assessment
from .library import Entry, Library

DATA_FORMAT = "mpl-assessment-data"


def to_data(assessment: Assessment, lib: Library, url_of: Callable[[Entry], str], strings: dict | None = None,
            storage: dict | None = None, patterns: dict | None = None) -> dict:
    """`url_of(entry)` gives the entry page's URL relative to the assessment page (and to data.json beside it).
    `strings` are the interface strings the scripts show; `storage` names the keys answers are kept under."""
    stage_titles = {s["id"]: s["title"] for s in lib.stages}
    roles = lib.roles
    targets = {}
    for q in assessment.questions:
        for rule in q.recommends:
            entry = lib.entries[rule.target]
            kind = lib.kind_of(entry)
            targets[entry.id] = {
                "title": entry.title, "kind": entry.kind, "kind_title": kind.title, "summary": entry.summary,
                "url": url_of(entry), "stages": [{"id": s, "title": stage_titles.get(s, s)} for s in entry.stages],
                "roles": [{"id": r, "title": roles[r]["title"]} for r in entry.roles if r in roles],
                "effort": entry.fields.get("effort"), "first_step": entry.fields.get("first_step"),
                "tentative": bool(entry.fields.get("tentative")),
            }
    return {
        "format": DATA_FORMAT,
        "version": assessment.version,
        "title": assessment.title,
        "seconds_per_question": assessment.seconds_per_question,
        "formula": FORMULA,
        "scales": {sid: {"id": sid, "title": s["title"], "options": [dict(o) for o in s["options"]]}
                   for sid, s in assessment.scales.items()},
        "profile": {"question": assessment.profile.get("question", ""), "help": assessment.profile.get("help"),
                    "options": [dict(o) for o in assessment.profile.get("options", [])]},
        "sections": [{
            "id": section.id, "title": section.title, "summary": section.summary, "stage": section.stage,
            "kind": "stage" if section.stage else "apart",
            "questions": [{
                "id": q.id, "text": q.text, "help": q.help, "scale": q.scale, "show_if": q.show_if, "weight": q.weight,
                "recommends": [{"target": r.target, "kind": r.kind, "when": r.when, "fit": r.fit} for r in q.recommends],
            } for q in section.questions],
        } for section in assessment.sections],
        "retired_questions": assessment.retired_questions,
        "targets": targets,
        "strings": strings or {},
        "storage": storage or {},
        "patterns": patterns or {},  # the schema's own patterns (ids, versions): the page checks what Python checks
    }


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"  # compact: smaller, and the C encoder
