"""Tests of the library's content: every finding of the write-up is present, correctly linked and credited."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from model import load_library

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "practitioners-network-2022"

# How many findings the write-up states at each stage, by kind of entry.
STATED = {
    ("commissioning", "challenge"): 7,
    ("commissioning", "practice"): 8,
    ("recruitment", "challenge"): 5,
    ("recruitment", "practice"): 3,
    ("design", "practice"): 4,
}
IN_THE_ROOM_POINTS = 6
PRIORITY_ACTIONS = 5
TOTAL_FINDINGS = 38

# Section of the write-up -> the stage an entry from it must list first.
SECTION_STAGE = {
    "Commissioning and convening": "commissioning",
    "Recruitment": "recruitment",
    "In the room": "in-the-room",
    "Design": "design",
}


# --- Fixtures and helpers ---

@pytest.fixture(scope="module")
def library():
    return load_library(ROOT)


@pytest.fixture(scope="module")
def entries(library):
    return [e for e in library.entries.values() if not e.retired]


def _stated(entries):
    return [e for e in entries if not e.inferred]


def _primary_stage(entry):
    return entry.stages[0] if entry.stages else None


# --- Tests ---

def test_library_loads_without_problems(library):
    assert [str(p) for p in library.problems] == []
    assert library.entries, "no entries were loaded"


def test_stages_keep_their_ids_and_order(library):
    assert library.stage_ids == ["commissioning", "recruitment", "design", "in-the-room"]


@pytest.mark.parametrize(("stage", "kind"), sorted(STATED))
def test_stated_findings_per_stage_and_kind(entries, stage, kind):
    found = [e.id for e in _stated(entries) if e.kind == kind and _primary_stage(e) == stage]
    assert len(found) == STATED[(stage, kind)], found


def test_in_the_room_has_its_six_points(entries):
    found = [e.id for e in _stated(entries) if e.kind in ("challenge", "practice") and _primary_stage(e) == "in-the-room"]
    assert len(found) == IN_THE_ROOM_POINTS, found


def test_five_priority_actions(entries):
    found = [e.id for e in entries if e.kind == "priority-action"]
    assert len(found) == PRIORITY_ACTIONS, found
    assert all(not e.inferred for e in entries if e.kind == "priority-action")


def test_all_38_findings_are_present(entries):
    assert len(_stated(entries)) == TOTAL_FINDINGS, Counter((e.kind, _primary_stage(e)) for e in _stated(entries))


def test_section_matches_first_stage(entries):
    for entry in entries:
        if entry.kind == "priority-action":
            continue
        section = next(s["section"] for s in entry.sources if s["source"] == SOURCE)
        expected = [stage for prefix, stage in SECTION_STAGE.items() if section.startswith(prefix)]
        assert expected, f"{entry.id}: section `{section}` does not name a stage of the write-up"
        assert _primary_stage(entry) == expected[0], f"{entry.id}: section `{section}` but first stage `{_primary_stage(entry)}`"


def test_priority_actions_credit_their_section(entries):
    for entry in entries:
        if entry.kind == "priority-action":
            assert any(s.get("section") == "Priority actions" for s in entry.sources), entry.id


def test_inferred_entries_are_challenges_and_say_so(entries):
    inferred = [e for e in entries if e.inferred]
    assert inferred, "the in-the-room practices answer unstated challenges: expected some inferred challenges"
    for entry in inferred:
        assert entry.kind == "challenge", f"{entry.id}: only challenges may be inferred"
        assert "editors" in entry.body, f"{entry.id}: the body should say the editors named this challenge"


def test_every_practice_addresses_a_challenge(library, entries):
    for entry in entries:
        if entry.kind == "practice":
            assert entry.addresses, f"{entry.id} addresses no challenge"
            for ref in entry.addresses:
                assert library.entries[ref].kind == "challenge", f"{entry.id} addresses {ref}, not a challenge"


def test_every_challenge_is_addressed_by_a_practice(library, entries):
    for entry in entries:
        if entry.kind == "challenge":
            assert library.addressed_by(entry.id), f"no practice addresses {entry.id}"


def test_priority_actions_link_only_to_practices(library, entries):
    for entry in entries:
        if entry.kind == "priority-action":
            assert entry.carried_out_by, f"{entry.id} is carried out by no practice"
            kinds = {library.entries[ref].kind for ref in entry.carried_out_by}
            assert kinds == {"practice"}, f"{entry.id} links to {kinds}"


def test_every_entry_credits_the_write_up(entries):
    for entry in entries:
        credited = [s for s in entry.sources if s["source"] == SOURCE]
        assert credited, f"{entry.id} does not credit {SOURCE}"
        assert all(s.get("section") for s in credited), f"{entry.id} credits {SOURCE} without a section"


def test_roles_and_themes_are_filled_in(library, entries):
    for entry in entries:
        assert entry.roles and set(entry.roles) <= set(library.roles), entry.id
        assert entry.themes and set(entry.themes) <= set(library.themes), entry.id


def test_entries_are_unique_and_every_kind_has_a_summary_sentence(entries):
    titles = Counter(e.title for e in entries)
    assert [t for t, n in titles.items() if n > 1] == []
    for entry in entries:
        assert entry.summary.rstrip()[-1] in ".?!", entry.id
        assert "<" not in entry.title + entry.summary, f"{entry.id}: no HTML in titles or summaries"


def test_about_page_credits_sources_and_licence():
    text = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert text.startswith("# About this library\n")
    for needed in ("Charlotte Obijiaku", "20 April 2022", "Involve", "Sortition Foundation", "Talat Yaqoob", "CC BY 4.0"):
        assert needed in text, f"about.md should mention {needed}"
