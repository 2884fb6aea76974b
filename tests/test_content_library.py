"""Tests of this library's content: every finding of the 2022 write-up is present, correctly linked and
credited. They apply to the entries drawn from that write-up only: a contributor's entry from another
source, or an inferred one of any kind, passes them. The generic rules (every entry credits a source that
exists, every link resolves) are the validator's, for any library."""
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


def _from_write_up(entries):
    return [e for e in entries if any(s["source"] == SOURCE for s in e.sources)]


def _stated(entries):
    """Entries that restate a finding of the write-up, not ones the editors inferred."""
    return [e for e in _from_write_up(entries) if not e.inferred]


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
    found = [e.id for e in _stated(entries) if e.kind == "priority-action"]
    assert len(found) == PRIORITY_ACTIONS, found


def test_all_38_findings_are_present(entries):
    assert len(_stated(entries)) == TOTAL_FINDINGS, Counter((e.kind, _primary_stage(e)) for e in _stated(entries))


def test_section_matches_first_stage(entries):
    for entry in _from_write_up(entries):
        if entry.kind == "priority-action":
            continue
        section = next(s["section"] for s in entry.sources if s["source"] == SOURCE)
        if entry.inferred and section == "Priority actions":
            continue  # a practice the editors drew from a priority action, which has no stage of its own
        expected = [stage for prefix, stage in SECTION_STAGE.items() if section.startswith(prefix)]
        assert expected, f"{entry.id}: section `{section}` does not name a stage of the write-up"
        assert _primary_stage(entry) == expected[0], f"{entry.id}: section `{section}` but first stage `{_primary_stage(entry)}`"


def test_priority_actions_credit_their_section(entries):
    for entry in _from_write_up(entries):
        if entry.kind == "priority-action":
            assert any(s.get("section") == "Priority actions" for s in entry.sources), entry.id


def test_inferred_entries_are_challenges_or_practices_and_say_so(entries):
    """The in-the-room practices answer challenges the write-up does not state, and a few findings that it
    states as needs have no practice in it: the editors named those, and each says so in its own text."""
    inferred = [e for e in _from_write_up(entries) if e.inferred]
    assert {e.kind for e in inferred} == {"challenge", "practice"}
    for entry in inferred:
        own_text = entry.body + " " + str(entry.fields.get("editors_note") or "")
        assert "editors" in own_text, f"{entry.id} is inferred: say in its text which parts are the editors'"


def test_every_practice_addresses_a_challenge_and_every_challenge_is_addressed(library, entries):
    for entry in entries:
        links = {link.field: named for link, named in library.links_from(entry)}
        backlinks = {link.field: named for link, named in library.links_to(entry)}
        if entry.kind == "practice":
            assert links["addresses"], f"{entry.id} addresses no challenge"
        elif entry.kind == "challenge":
            assert backlinks["addresses"], f"no practice addresses {entry.id}"
        elif entry.kind == "priority-action":
            assert {e.kind for e in links["carried_out_by"]} == {"practice"}, entry.id


def test_entries_from_the_write_up_credit_it_with_a_section(entries):
    for entry in _from_write_up(entries):
        credited = [s for s in entry.sources if s["source"] == SOURCE]
        assert all(s.get("section") for s in credited), f"{entry.id} credits {SOURCE} without a section"


def test_titles_are_unique(entries):
    titles = Counter(e.title for e in entries)
    assert [t for t, n in titles.items() if n > 1] == []


def test_about_page_credits_sources_and_licence():
    text = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert text.startswith("# About this library\n")
    for needed in ("Charlotte Obijiaku", "20 April 2022", "Involve", "Sortition Foundation", "Talat Yaqoob", "CC BY 4.0"):
        assert needed in text, f"about.md should mention {needed}"


# --- The editors' rules for first steps, uncertain ideas, editorial text and vocabularies ---

# Ideas the write-up only floats: co-commissioning "could", institutionalisation "can lead to", a
# wellbeing role "should be considered", parallel processes only named.
FLOATED = {"co-convene-and-co-commission", "embed-mini-publics-so-they-can-set-the-agenda",
           "appoint-a-wellbeing-lead-separate-from-facilitators", "run-parallel-processes"}


def test_every_practice_and_priority_action_has_a_first_step_and_an_effort(entries):
    for entry in entries:
        if entry.kind in ("practice", "priority-action"):
            assert entry.fields.get("first_step"), f"{entry.id} has no first step"
            assert entry.fields.get("effort"), f"{entry.id} has no effort rating"


def test_only_the_floated_ideas_are_tentative_and_each_says_so(entries):
    tentative = {e.id for e in entries if e.fields.get("tentative")}
    assert tentative == FLOATED
    for entry in entries:
        if entry.id in FLOATED:
            assert entry.title.startswith("Consider"), f"{entry.id}: its title should offer it as an option"


def test_effort_ratings_are_marked_as_the_editors_view(entries):
    for entry in entries:
        if entry.fields.get("effort"):
            note = str(entry.fields.get("editors_note") or "")
            assert "effort" in note and "editors" in note, f"{entry.id}: say in editors_note that the effort rating is the editors'"


def test_the_open_questions_say_their_arguments_are_the_editors(entries):
    for entry_id in ("mirror-the-population-or-over-represent-the-excluded", "should-principles-flex-for-power-and-privilege"):
        entry = next(e for e in entries if e.id == entry_id)
        assert "editors" in str(entry.fields.get("editors_note") or ""), entry_id
        body = " ".join(entry.body.split())
        assert "this library does not settle it" in body or "This library does not answer" in body, entry_id


def test_the_stages_take_no_side_the_write_up_does_not_take(library):
    stages = {s["id"]: s for s in library.stages}
    assert "reflects the public" not in stages["recruitment"]["summary"] + stages["recruitment"]["intro"]
    assert "most power" not in stages["commissioning"]["intro"]
    for stage in library.stages:
        if stage.get("editors_note"):
            assert "editors" in stage["editors_note"], stage["id"]


def test_every_role_and_theme_picks_out_a_part_of_the_library(library, entries):
    for name, vocab in (("roles", library.roles), ("themes", library.themes)):
        counts = Counter(v for e in entries for v in getattr(e, name))
        for item in vocab:
            assert counts[item] > 0, f"the {name[:-1]} `{item}` is on no entry"
            assert counts[item] <= 0.7 * len(entries), f"the {name[:-1]} `{item}` is on {counts[item]} of {len(entries)} entries: the filter would select almost everything"
