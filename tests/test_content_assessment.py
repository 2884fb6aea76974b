"""Tests of this library's own questionnaire (assessment/): a fork with its own questions replaces these.
The generic rules (questions end with a question mark, every practice is recommendable, versions) are
checked by the validator for any library; these are the editors' rules for this one."""
from __future__ import annotations

from pathlib import Path

import pytest

from model import load_assessment, load_library

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def real():
    lib = load_library(ROOT)
    return lib, load_assessment(ROOT, lib)


def test_the_questionnaire_is_valid_and_every_section_follows_a_stage_or_the_organisation(real):
    lib, assessment = real
    assert [str(p) for p in assessment.problems] == []
    assert [s.stage for s in assessment.sections] == lib.stage_ids + [None]


def test_questions_are_short_and_no_rule_fires_on_every_answer(real):
    _, assessment = real
    for q in assessment.questions:
        assert len(q.text.split()) <= 35, f"{q.id} is long: split it"
        assert q.text.count("?") == 1, f"{q.id} asks more than one question"
        for rule in q.recommends:
            assert len(rule.when) < len(assessment.scale_values(q.scale)), f"{q.id}: a rule that fires on every answer"
