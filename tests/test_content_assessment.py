"""Tests of this library's own questionnaire (assessment/): a fork with its own questions replaces these.
The generic rules (questions end with a question mark, every practice is recommendable, versions) are
checked by the validator for any library; these are the editors' rules for this one.

REVIEW is the editors' review of every rule of the questionnaire: for each question, the entries it
recommends, how well each fits (`central`: it does what the question asks; `partial`: it helps with part
of it) and why. The test checks that the YAML says exactly this, so that a changed rule needs a reason."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from model import load_assessment, load_library

ROOT = Path(__file__).resolve().parents[1]
C, P = "central", "partial"

REVIEW: dict[str, list[tuple[str, str, str]]] = {
    # --- Commissioning ---
    "com-talk-to-affected-groups": [
        ("talk-to-stakeholders-before-commissioning", C, "talking with affected groups before commissioning is the practice itself"),
    ],
    "com-shared-picture-of-good-practice": [
        ("talk-to-stakeholders-before-commissioning", C, "the write-up gives these early conversations as the way to clarity on good practice"),
        ("commissioners-learn-from-each-other", P, "a peer's experience helps a commissioner see what good practice involves"),
    ],
    "com-oversight-group-shapes-question": [
        ("scope-the-question-with-diverse-stakeholders", C, "oversight groups scoping the question is half of the practice"),
    ],
    "com-varied-stakeholders-shape-question": [
        ("scope-the-question-with-diverse-stakeholders", C, "a varied set of stakeholders scoping the question is the other half"),
        ("talk-to-stakeholders-before-commissioning", P, "early conversations test the question, but do not give stakeholders a hand in it"),
    ],
    "com-challenge-the-commissioner": [
        ("scope-the-question-with-diverse-stakeholders", C, "it gives the oversight group and others a set way to challenge the draft question"),
        ("co-convene-and-co-commission", P, "a co-convenor can question the framing from inside; an idea only floated"),
    ],
    "com-consider-co-convening": [
        ("co-convene-and-co-commission", C, "the idea itself; the question asks only whether it is considered"),
    ],
    "com-consider-standing-mini-publics": [
        ("embed-mini-publics-so-they-can-set-the-agenda", C, "the idea itself; the question asks only whether it is weighed"),
    ],
    "com-room-to-reframe": [
        ("give-participants-time-to-shape-the-discussion", C, "the practice is agreed at commissioning and needs the time and money asked about"),
    ],
    "com-learn-from-other-commissioners": [
        ("commissioners-learn-from-each-other", C, "learning from other commissioners is the practice itself"),
    ],
    # --- Recruitment ---
    "rec-interview-marginalised-communities": [
        ("interview-marginalised-communities-about-recruitment", C, "asking them how recruitment looks to them is the practice itself"),
    ],
    "rec-test-invitations": [
        ("interview-marginalised-communities-about-recruitment", C, "the interviews ask whether people would trust the invitation and what would put them off"),
        ("add-an-adviser-to-challenge-tunnel-vision", P, "the adviser may question the wording and look of the invitation, but is not its readers"),
    ],
    "rec-check-what-categories-hide": [
        ("add-an-adviser-to-challenge-tunnel-vision", C, "questioning the categories used to balance the room is the adviser's named task at recruitment"),
        ("interview-marginalised-communities-about-recruitment", P, "talking to several people shows how varied a category is"),
    ],
    "rec-outside-challenge": [
        ("add-an-adviser-to-challenge-tunnel-vision", C, "an outside role whose task is to challenge the team is the practice itself"),
    ],
    "rec-decide-mirror-or-over-represent": [
        ("decide-openly-how-far-to-adapt-the-model", C, "it asks for the choice to be made openly with reasons, and takes no side"),
    ],
    "rec-consider-parallel-process": [
        ("run-parallel-processes", C, "the idea itself; the question asks only whether it is considered"),
    ],
    "rec-not-speaking-for-a-community": [
        ("tell-participants-they-speak-for-themselves", C, "telling participants so is the practice itself"),
    ],
    "rec-understand-why-groups-stay-away": [
        ("learn-from-past-participants", C, "the write-up says the feedback loop can show why some groups take part less"),
        ("interview-marginalised-communities-about-recruitment", P, "the interviews ask what would put people off, before recruitment"),
    ],
    "rec-ask-leavers-why": [
        ("learn-from-past-participants", C, "people who left early are past participants, and the loop hears from them"),
    ],
    # --- Design ---
    "des-co-design": [
        ("co-design-the-mini-public", C, "sharing real design decisions is the practice itself"),
    ],
    "des-partners-can-change-decisions": [
        ("co-design-the-mini-public", C, "its first test of genuine co-design: did proposals change the design"),
    ],
    "des-partners-see-their-influence": [
        ("co-design-the-mini-public", C, "its second test: were people told what changed and why"),
    ],
    "des-open-time-for-speakers": [
        ("give-participants-time-to-shape-the-discussion", C, "time for participants to say whom they hear from is the practice itself"),
    ],
    "des-question-own-assumptions": [
        ("keep-questioning-your-own-assumptions", C, "regular self-questioning during design is the practice itself"),
    ],
    "des-adviser-challenges-blind-spots": [
        ("add-an-adviser-to-challenge-tunnel-vision", C, "an outside role to challenge the team's blind spots is the practice itself"),
    ],
    "des-time-for-wellbeing": [
        ("plan-wellbeing-and-informal-time-into-the-programme", C, "time for wellbeing in the programme is half of the practice"),
    ],
    "des-time-for-informal-conversation": [
        ("plan-wellbeing-and-informal-time-into-the-programme", C, "informal sessions and conversation are the other half"),
        ("make-time-for-trust-between-participants-and-staff", P, "informal time is one way trust is built"),
    ],
    "des-time-for-trust-among-participants": [
        ("make-time-for-trust-between-participants-and-staff", C, "time for trust between participants is one of its two directions"),
    ],
    "des-consider-wellbeing-role": [
        ("appoint-a-wellbeing-lead-separate-from-facilitators", C, "the idea itself; the question asks only whether it is considered"),
    ],
    # --- In the room ---
    "room-agree-ground-rules": [
        ("agree-ground-rules-with-participants", C, "agreeing the rules with the group is the practice itself"),
    ],
    "room-second-person-in-small-groups": [
        ("pair-facilitators-in-small-groups", C, "a second person watching for a fair say is the practice itself"),
    ],
    "room-safe-spaces": [
        ("offer-safe-spaces-to-prepare-and-reflect", C, "separate spaces to prepare and reflect are the practice itself"),
    ],
    "room-support-beyond-facilitator": [
        ("appoint-a-wellbeing-lead-separate-from-facilitators", C, "a named person apart from the facilitators to turn to; an idea to consider"),
        ("plan-wellbeing-and-informal-time-into-the-programme", P, "staff on hand in protected time give some support, but no named person"),
    ],
    "room-facilitators-prepare-together": [
        ("prepare-facilitators-to-notice-power-and-privilege", C, "protected team time on power and privilege in this process is the practice itself"),
    ],
    "room-critical-thinking": [
        ("share-critical-thinking-skills-with-participants", C, "sharing these skills is the practice itself"),
    ],
    "room-reframing-changes-programme": [
        ("give-participants-time-to-shape-the-discussion", C, "organisers answer the changes participants propose, and act on them"),
    ],
    "room-sense-of-coming-together": [
        ("build-on-the-sense-of-coming-together", C, "building on that feeling is the practice itself"),
    ],
    "room-informal-time-with-staff": [
        ("make-time-for-trust-between-participants-and-staff", C, "trust between participants and staff is one of its two directions"),
        ("build-on-the-sense-of-coming-together", P, "informal contact helps the group form, but is not only with staff"),
    ],
    "room-ask-participants-afterwards": [
        ("learn-from-past-participants", C, "asking past participants in a structured way is the practice itself"),
    ],
    "room-act-on-participant-feedback": [
        ("learn-from-past-participants", C, "feeding what comes back into the next process is what makes it a loop"),
    ],
    # --- The organisation as a whole ---
    "org-built-into-standard-practice": [
        ("embed-power-and-privilege-in-everyday-practice", C, "writing it into standard plans is what embedding means"),
    ],
    "org-raised-as-a-matter-of-course": [
        ("embed-power-and-privilege-in-everyday-practice", C, "the action aims for it to stop depending on a few individuals"),
    ],
    "org-encourage-participants-to-shape-processes": [
        ("encourage-co-production-and-co-design", C, "encouraging participants' share in shaping the process is the action itself"),
    ],
    "org-raise-co-design-with-commissioners": [
        ("encourage-co-production-and-co-design", C, "for a delivery organisation the action means proposing co-design from the first conversation"),
        ("co-design-the-mini-public", P, "what it takes to make the co-design real, once proposed"),
    ],
    "org-review-after-each-process": [
        ("learn-from-experience-and-collaborate-across-the-sector", C, "looking back at what earlier processes taught is half of the action"),
        ("reflect-and-build-skills-continuously", P, "a fixed review point is one form of structured reflection"),
    ],
    "org-change-after-review": [
        ("learn-from-experience-and-collaborate-across-the-sector", C, "learning from experience means acting on it"),
    ],
    "org-work-across-the-sector": [
        ("learn-from-experience-and-collaborate-across-the-sector", C, "working with others across the sector is the other half of the action"),
    ],
    "org-facilitator-team-is-varied": [
        ("recruit-facilitators-from-varied-backgrounds", C, "a team from many backgrounds is the action's aim"),
    ],
    "org-look-beyond-usual-networks": [
        ("look-for-facilitators-beyond-your-usual-networks", C, "looking beyond usual networks is the practice itself"),
        ("recruit-facilitators-from-varied-backgrounds", P, "the action this practice carries out"),
    ],
    "org-know-facilitator-backgrounds": [
        ("recruit-facilitators-from-varied-backgrounds", C, "its first step is to find out how the backgrounds compare"),
        ("look-for-facilitators-beyond-your-usual-networks", P, "its first step starts from the same comparison"),
    ],
    "org-staff-reflect-regularly": [
        ("reflect-and-build-skills-continuously", C, "regular, structured reflection is half of the action"),
    ],
    "org-staff-build-skills": [
        ("reflect-and-build-skills-continuously", C, "planned skill development is the other half"),
        ("prepare-facilitators-to-notice-power-and-privilege", P, "training tied to one process, for facilitators only"),
    ],
}

# The questions of version 1.0.0 that asked two things at once (removed in 2.0.0): the heuristic below
# must catch every one of them, and pass every current question.
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


def test_the_questionnaire_is_valid_and_every_section_follows_a_stage_or_the_organisation(real):
    lib, assessment = real
    assert [str(p) for p in assessment.problems] == []
    assert [s.stage for s in assessment.sections] == lib.stage_ids + [None]


def test_questions_are_short_and_no_rule_fires_on_every_answer(real):
    _, assessment = real
    for q in assessment.questions:
        assert len(q.text.split()) <= 35, f"{q.id} is long: split it"
        for rule in q.recommends:
            assert len(rule.when) < len(assessment.scale_values(q.scale)), f"{q.id}: a rule that fires on every answer"


def test_the_review_table_matches_the_questionnaire(real):
    _, assessment = real
    in_yaml = {q.id: [(r.target, r.fit) for r in q.recommends] for q in assessment.questions}
    in_table = {qid: [(target, fit) for target, fit, _ in rows] for qid, rows in REVIEW.items()}
    assert sorted(in_yaml) == sorted(in_table), "every question is reviewed in REVIEW, and only current ones"
    for qid, rules in in_yaml.items():
        assert rules == in_table[qid], f"{qid}: the rules in assessment/sections/ differ from the review table"
    for qid, rows in REVIEW.items():
        assert all(len(why.split()) >= 4 for _, _, why in rows), f"{qid}: say why each target answers the question"


def test_every_question_has_exactly_one_central_target_and_states_every_fit():
    for qid, rows in REVIEW.items():
        assert [fit for _, fit, _ in rows].count(C) == 1, f"{qid}: exactly one target is central"
    for file in (ROOT / "assessment" / "sections").glob("*.yml"):
        text = file.read_text(encoding="utf-8")
        assert text.count("        when: ") == text.count("        fit: "), f"{file.name}: state the fit of every rule"


def test_every_entry_that_can_be_recommended_is_central_to_some_question_or_partial_with_reason(real):
    lib, _ = real
    targets = {target for rows in REVIEW.values() for target, _, _ in rows}
    for kind in ("practice", "priority-action"):
        for entry in lib.of_kind(kind):
            assert entry.id in targets, f"{entry.id} is recommended by no question"


def test_no_question_asks_two_things(real):
    _, assessment = real
    for q in assessment.questions:
        assert compound_reason(q.text) is None, f"{q.id} asks two things: {compound_reason(q.text)}: split or reword it"


@pytest.mark.parametrize("qid", sorted(OLD_COMPOUND))
def test_the_compound_heuristic_catches_the_old_compound_questions(qid, real):
    _, assessment = real
    assert compound_reason(OLD_COMPOUND[qid]), f"the heuristic misses {qid}"
    assert qid in assessment.retired_questions, f"{qid} was removed in 2.0.0 and must never come back"


def test_ideas_the_source_only_floats_are_never_weighted_high_nor_treated_as_plainly_best(real):
    lib, assessment = real
    for q in assessment.questions:
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
    question = next(q for q in assessment.questions if q.id == "rec-decide-mirror-or-over-represent")
    assert [r.target for r in question.recommends] == ["decide-openly-how-far-to-adapt-the-model"]
    assert "either choice can be right" in question.help.lower()
