"""Tests of this library's own questionnaire (assessment/): a fork with its own questions replaces these.
The generic rules (questions end with a question mark, every practice is recommendable, versions) are
checked by the validator for any library; these are the editors' rules for this one.

REVIEW (tests/content_review.py) is the editors' review of every rule of the questionnaire: for each
question, the entries it recommends, how well each fits (`central`: it does what the question asks;
`partial`: it helps with part of it) and why. The test checks that the YAML says exactly this, so that a
changed rule needs a reason. A question a contributor adds in a later version, and a rule for a new entry,
pass (tests/content_scope.py): an editor reviews them in the pull request."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from content_review import C, P, REVIEW
from content_scope import added_after_review, from_write_up, removed_after_review, reviewed_questions
from model import load_assessment, load_library

ROOT = Path(__file__).resolve().parents[1]

# The questions of version 1.0.0 that asked two things at once (removed in 2.0.0): the heuristic below
# must catch every one of them, and pass every reviewed question.
OLD_COMPOUND = {
    "com-scope-with-stakeholders": "Is the question shaped with an oversight group and a varied set of stakeholders before it is fixed?",
    "rec-ask-who-declined": "Do you find out why people who were invited chose not to take part, or dropped out?",
    "des-co-design-is-genuine": "When you co-design, can your partners change decisions you would rather keep, and can they see their influence in the result?",
    "des-wellbeing-and-informal-time": "Is time for wellbeing, rest and informal conversation planned and budgeted in the programme?",
    "room-feedback-from-participants": "After the process, do you ask participants in a structured way what it was like and what should change, and act on what they say?",
    "org-promote-co-production": "Does your organisation promote co-producing or co-designing mini-publics with participants and communities, including with the bodies you work for?",
    "org-review-past-processes": "After each process, do you review what it taught you and change how you work as a result?",
    "org-structured-reflection": "Do staff reflect on their practice and build their skills in a regular, structured way?",
}

# What may join two things without making two questions: a list of examples ("such as ..."), a choice
# between two answers ("whether ... or ..."), a contrast ("rather than ...") and one fixed pair.
_EXEMPT = [
    re.compile(r",? (such as|for example)\b[^?]*"),
    re.compile(r",? besides\b[^,?]*"),
    re.compile(r"\bwhether\b.*"),
    re.compile(r",? rather than\b[^,?]*"),
    re.compile(r"\bpower and privilege\b"),
]
_PATTERNS = (" and do you", " or do you", "and whether")


def compound_reason(text: str) -> str | None:
    """Why a question looks like two questions in one, or None. After the exempt phrases are removed,
    a question may contain no 'and' and no 'or' at all, and exactly one question mark."""
    if text.count("?") != 1:
        return "more than one question mark"
    lowered = text.lower()
    for pattern in _PATTERNS:
        if pattern in lowered:
            return f"contains {pattern!r}"
    rest = lowered
    for exempt in _EXEMPT:
        rest = exempt.sub("", rest)
    joined = re.search(r"\b(and|or)\b", rest)
    return f"joins two things with {joined.group(1)!r}" if joined else None


@pytest.fixture(scope="module")
def real():
    lib = load_library(ROOT)
    return lib, load_assessment(ROOT, lib)


@pytest.fixture(scope="module")
def reviewed(real):
    """The questions of the reviewed questionnaire still asked (a contributor's later questions are not here)."""
    return reviewed_questions(real[1], set(REVIEW))


def test_the_questionnaire_is_valid_and_every_section_follows_a_stage_or_the_organisation(real):
    lib, assessment = real
    assert [str(p) for p in assessment.problems] == []
    assert [s.stage for s in assessment.sections] == lib.stage_ids + [None]


def test_questions_are_short_and_no_rule_fires_on_every_answer(real, reviewed):
    _, assessment = real
    for q in reviewed:
        assert len(q.text.split()) <= 35, f"{q.id} is long: split it"
        for rule in q.recommends:
            assert len(rule.when) < len(assessment.scale_values(q.scale)), f"{q.id}: a rule that fires on every answer"


def test_the_review_table_matches_the_questionnaire(real):
    """Every reviewed question is still asked with its reviewed rules, in order, unless a later version removed
    it; a question that is not in the table was added by a later version; a rule after the reviewed ones names
    an entry the editors have not reviewed (a contributor's new one) and, where the question already has a
    central entry, is partial."""
    lib, assessment = real
    asked = {q.id: q for q in assessment.questions}
    assert set(REVIEW) - set(asked) <= removed_after_review(), "a reviewed question went without a version that removes it"
    assert set(asked) - set(REVIEW) <= added_after_review(), "every question is reviewed in REVIEW or added by a later version"
    reviewed_targets = {target for rows in REVIEW.values() for target, _, _ in rows}
    for qid, rows in REVIEW.items():
        if qid not in asked:
            continue
        rules = [(r.target, r.fit) for r in asked[qid].recommends]
        assert rules[:len(rows)] == [(target, fit) for target, fit, _ in rows], f"{qid}: the rules in assessment/sections/ differ from the review table"
        for target, fit in rules[len(rows):]:
            assert target not in reviewed_targets and target in lib.entries, f"{qid}: {target} is not in the review table"
            assert fit == P, f"{qid} already has a central entry: recommend {target} with `fit: partial`"
        assert all(len(why.split()) >= 4 for _, _, why in rows), f"{qid}: say why each target answers the question"


def test_every_question_has_exactly_one_central_target_and_states_every_fit(real):
    for qid, rows in REVIEW.items():
        assert [fit for _, fit, _ in rows].count(C) == 1, f"{qid}: exactly one target is central"
    stated = 0
    for file in (ROOT / "assessment" / "sections").glob("*.yml"):
        for q in yaml.safe_load(file.read_text(encoding="utf-8"))["questions"]:
            if q["id"] in REVIEW:
                assert all("fit" in rule for rule in q["recommends"][:len(REVIEW[q["id"]])]), f"{q['id']}: state the fit of every rule"
                stated += 1
    assert stated == len(reviewed_questions(real[1], set(REVIEW)))


def test_every_entry_from_the_write_up_that_can_be_recommended_is_in_the_review(real):
    lib, _ = real
    targets = {target for rows in REVIEW.values() for target, _, _ in rows}
    for kind in ("practice", "priority-action"):
        for entry in from_write_up(lib.of_kind(kind)):
            assert entry.id in targets, f"{entry.id} is recommended by no question"


def test_no_question_asks_two_things(reviewed):
    assert len(reviewed) > 40
    for q in reviewed:
        assert compound_reason(q.text) is None, f"{q.id} asks two things: {compound_reason(q.text)}: split or reword it"


@pytest.mark.parametrize("qid", sorted(OLD_COMPOUND))
def test_the_compound_heuristic_catches_the_old_compound_questions(qid, real):
    _, assessment = real
    assert compound_reason(OLD_COMPOUND[qid]), f"the heuristic misses {qid}"
    assert qid in assessment.retired_questions, f"{qid} was removed in 2.0.0 and must never come back"


def test_ideas_the_source_only_floats_are_never_weighted_high_nor_treated_as_plainly_best(real, reviewed):
    lib, _ = real
    for q in reviewed:
        tentative = [r for r in q.recommends if lib.entries[r.target].fields.get("tentative")]
        if any(r.fit == C for r in tentative):
            assert q.weight != "high", f"{q.id}: its central entry is only an idea to consider; lower its weight"
        if tentative and len(tentative) == len(q.recommends):
            assert re.search(r"\bconsider|\bweigh|looked at", q.text), f"{q.id}: ask whether the idea was considered"
            assert "whatever you decide" in (q.help or ""), f"{q.id}: say in the help that considering it counts"


def test_the_open_question_is_not_steered(real):
    """The library does not settle mirror-or-over-represent: its question recommends deciding openly,
    never one of the answers (such as a parallel process)."""
    _, assessment = real
    question = {q.id: q for q in assessment.questions}.get("rec-decide-mirror-or-over-represent")
    assert question is not None, "the question on mirroring or over-representing is gone: say here what replaced it"
    assert [r.target for r in question.recommends] == ["decide-openly-how-far-to-adapt-the-model"]
    assert "either choice can be right" in question.help.lower()
