"""The scoring data of the self-assessment (assessment/data.json): everything the page's scripts need.

Built from the loaded questionnaire and library, so the form, the scores and the links cannot drift apart.
"""
from __future__ import annotations

import json
from typing import Callable

from .assessment import PRIORITY_WEIGHTS, Assessment
from .library import Entry, Library

DATA_FORMAT = "mpl-assessment-data"


def to_data(assessment: Assessment, lib: Library, url_of: Callable[[Entry], str]) -> dict:
    """`url_of(entry)` gives the entry page's URL relative to the assessment page (and to data.json beside it)."""
    stage_titles = {s["id"]: s["title"] for s in lib.stages}
    targets = {}
    for q in assessment.questions:
        for rule in q.recommends:
            entry = lib.entries[rule.target]
            targets[entry.id] = {"title": entry.title, "kind": entry.kind, "summary": entry.summary, "url": url_of(entry),
                                 "stages": [{"id": s, "title": stage_titles.get(s, s)} for s in entry.stages]}
    return {
        "format": DATA_FORMAT,
        "version": assessment.version,
        "title": assessment.title,
        "priority_weights": PRIORITY_WEIGHTS,
        "scales": {sid: {"id": sid, "title": s["title"], "options": [dict(o) for o in s["options"]]}
                   for sid, s in assessment.scales.items()},
        "profile": {"question": assessment.profile.get("question", ""), "help": assessment.profile.get("help"),
                    "options": [dict(o) for o in assessment.profile.get("options", [])]},
        "sections": [{
            "id": section.id, "title": section.title, "summary": section.summary,
            "kind": "stage" if section.is_stage else "organisation",
            "questions": [{
                "id": q.id, "text": q.text, "help": q.help, "scale": q.scale, "show_if": q.show_if,
                "recommends": [{"target": r.target, "kind": r.kind, "when": r.when, "priority": r.priority,
                                "weight": r.weight} for r in q.recommends],
            } for q in section.questions],
        } for section in assessment.sections],
        "targets": targets,
    }


def to_json(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
