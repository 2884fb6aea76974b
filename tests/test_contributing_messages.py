"""The messages a contributor reads when a file is wrong: each mistake a person makes (an id written as its
title, a tab, a colon without a space, a line indented wrongly, ...) gives ONE message, on the line where
the mistake is, that says what to write instead. Every case lists the whole output, exactly: a second,
knock-on message would fail it as surely as a wrong line.

They run on the small fixture library (tests/fixtures/library/valid and tests/fixtures/assessment/valid),
with a practice and a section of this file's own (tests/fixtures/contributing/messages/)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from model import load_assessment, load_library

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MINE = FIXTURES / "contributing" / "messages"
ENTRY = "practices/practices/invite-by-letter.yml"
SECTION = "assessment/sections/recruitment.yml"
QUESTIONNAIRE = "assessment/questionnaire.yml"


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """The fixture library and questionnaire with this file's practice and recruitment section."""
    root = tmp_path_factory.mktemp("messages")
    shutil.copytree(FIXTURES / "library" / "valid", root, dirs_exist_ok=True)
    shutil.copytree(ROOT / "schema", root / "schema")
    shutil.copytree(FIXTURES / "assessment" / "valid", root / "assessment")
    shutil.copy(MINE / "invite-by-letter.yml", root / ENTRY)
    shutil.copy(MINE / "recruitment.yml", root / SECTION)
    return root


def problems_after(root: Path, file: str, old: str, new: str) -> list[str]:
    """Every problem, as `path:line: message`, once `old` is replaced by `new` in `file` (then put back)."""
    target = root / file
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {file} exactly once"
    target.write_text(text.replace(old, new), encoding="utf-8")
    try:
        lib = load_library(root)
        return [str(p) for p in sorted(lib.problems + load_assessment(root, lib).problems)]
    finally:
        target.write_text(text, encoding="utf-8")


def test_the_fixture_is_valid(root):
    lib = load_library(root)
    assert [str(p) for p in lib.problems + load_assessment(root, lib).problems] == []


# (what the contributor did, file, text before, text after, [the whole output]). Lines are those of the files in
# tests/fixtures/contributing/messages/ and tests/fixtures/assessment/valid/.
E, S, Q = ENTRY, SECTION, QUESTIONNAIRE
CASES = [
    # --- An id written as its title, with spaces, or as free text: the id meant, by name ---
    ("a stage written as its title", E, "stages: [recruitment,", "stages: [Recruitment,",
     [f"{E}:6: unknown stage `Recruitment`. Write the id, not the title: `recruitment`. Use an id from practices/stages.yml."]),
    ("a stage's title with a space", E, "stages: [recruitment, commissioning]", "stages: [recruitment, Commissioning and convening]",
     [f"{E}:6: unknown stage `Commissioning and convening`. Write the id, not the title: `commissioning`. Use an id from practices/stages.yml."]),
    ("a theme in two words, one of them an id", E, "themes: [trust, framing]", "themes: [Trust building, framing]",
     [f"{E}:8: unknown theme `Trust building`. Did you mean `trust`? Use an id from practices/themes.yml."]),
    ("a challenge written as its title", E, "addresses: [invitations-miss-people]", "addresses: [Invitations miss people]",
     [f"{E}:9: `addresses` names `Invitations miss people`, which is not a challenge id. Write the id, not the title: `invitations-miss-people`."]),
    ("a related entry written as its title", E, "related: [test-the-question-early]", "related: [Test the question early]",
     [f"{E}:10: `related` names `Test the question early`, which is not an entry id. Write the id, not the title: `test-the-question-early`."]),
    ("a source written as its title", E, "source: workshops", "source: Fixture source",
     [f"{E}:17: unknown source `Fixture source`. Write the id, not the title: `workshops`. Add the source to practices/sources.yml "
      "(see CONTRIBUTING.md, \"Sources\"), or use the id of one that is there."]),
    ("a source written as free text", E, "source: workshops", "source: A report I read once",
     [f"{E}:17: unknown source `A report I read once`. Write an id (lower-case words joined by hyphens), not a title or a description. "
      "Valid values: `workshops`. Add the source to practices/sources.yml (see CONTRIBUTING.md, \"Sources\"), or use the id of one that is there."]),
    ("one's own experience written as the source", E, "source: workshops", "source: my own experience",
     [f"{E}:17: unknown source `my own experience`. To credit your own experience, add an item for it to practices/sources.yml "
      "(see CONTRIBUTING.md, \"Sources\") and write that item's id here."]),
    ("a section's stage written as its title", Q, "stage: recruitment", "stage: Recruitment",
     [f"{Q}:9: unknown stage `Recruitment`. Write the id, not the title: `recruitment`. Use an id from practices/stages.yml."]),
    ("a recommended practice written as its title", S, "- practice: invite-by-letter", "- practice: Invite by letter and by phone",
     [f"{S}:13: `practice` names `Invite by letter and by phone`, which is not a practice id. Write the id, not the title: `invite-by-letter`."]),
    ("a recommends key with a capital", S, "- practice: invite-by-letter", "- Practice: invite-by-letter",
     [f"{S}:13: each recommendation names exactly one entry, with one of the keys `practice:`, `action:`. `Practice` is not one. Did you mean `practice`?"]),
    ("a scale written as its title", S, "scale: frequency", "scale: How often",
     [f"{S}:6: unknown scale `How often`. Write the id, not the title: `frequency`. Use a scale id from assessment/scales.yml."]),
    ("a profile option with a capital", S, "profile: [delivers]", "profile: [Delivers]",
     [f"{S}:8: unknown profile option `Delivers`. Write the id, not the title: `delivers`. Use an option id from assessment/profile.yml."]),
    # --- Tabs ---
    ("a tab before a list item", E, "sources:\n  - source", "sources:\n\t- source",
     [f"{E}:17: tab character: indent with spaces, never tabs."]),
    ("a tab in the text of the body", E, "  Offer to answer", "\tOffer to answer",
     [f"{E}:15: tab character: indent with spaces, never tabs."]),
    ("a tab before a field of a list item", E, "    section: Recruitment", "\tsection: Recruitment",
     [f"{E}:18: tab character: indent with spaces, never tabs."]),
    # --- Colons, hyphens, quotes and indentation: the line with the mistake, not the line the parser stopped at ---
    ("no space after a colon", E, "effort: medium", "effort:medium",
     [f"{E}:11: put a space after the colon: `effort: medium`."]),
    ("a line with no colon", E, "effort: medium", "effort medium",
     [f"{E}:11: this line is not a `field: value` line: add the field's name and a colon, or, if it continues the text above, indent it like that text."]),
    ("a colon and a space inside a value", E, "summary: A letter", "summary: Note: a letter",
     [f"{E}:5: YAML syntax error: mapping values are not allowed in this context. A value that contains a colon followed by a space must be put in double quotes."]),
    ("no space after the hyphen of a list item", E, "  - source: workshops", "  -source: workshops",
     [f"{E}:17: put a space after the hyphen that starts a list item: `- `."]),
    ("a list item without its hyphen", E, "  - source: workshops\n    section", "  source: workshops\n    section",
     [f"{E}:18: this line is indented more than the line above, so YAML reads it as part of that line's value: "
      "line it up with the line above (an item of a list starts with `- `)."]),
    ("a field of a list item indented too little", E, "    section: Recruitment", "   section: Recruitment",
     [f"{E}:18: this line is indented differently from the lines above it: line it up with the field it belongs to."]),
    ("a field indented by one space", E, "effort: medium", " effort: medium",
     [f"{E}:11: this line is indented differently from the lines above it: line it up with the field it belongs to."]),
    ("a line of the body indented too little", E, "  Offer to answer", " Offer to answer",
     [f"{E}:15: this line is indented less than the text above it: every line of the text under `body: |` keeps the indentation of its first line."]),
    ("the body's text not indented", E, "body: |\n  Send", "body: |\nSend",
     [f"{E}:13: the text of a `|` or `>` block must be indented: indent this line and the ones below it by two spaces."]),
    ("text after a closing quote", E, "title: Invite by letter", "title: \"Invite\" by letter",
     [f"{E}:4: text follows a closing quotation mark: put the whole value in double quotes, and use single quotes inside it ('like this')."]),
    ("a quotation mark never closed", E, "title: Invite by letter and by phone", "title: \"Invite by letter and by phone",
     [f"{E}:4: a quotation mark opened on this line is never closed: add the closing quote, or remove the opening one."]),
    ("a list in brackets never closed", E, "themes: [trust, framing]", "themes: [trust, framing",
     [f"{E}:8: a `[` opened on this line is not closed where expected: add the missing `]` (or a comma between items)."]),
    # --- Keys and values: a value's message on the value's line, a key's on the key's ---
    ("a value on the line below its key", E, "effort: medium", "effort:\n  very high",
     [f"{E}:12: `effort` is `very high`, which is not allowed. Did you mean `high`?"]),
    ("an id in a list on its own line", E, "themes: [trust, framing]", "themes: [trust,\n  framin]",
     [f"{E}:9: unknown theme `framin`. Did you mean `framing`? Use an id from practices/themes.yml."]),
    ("a summary in a folded block, without its full stop", E, "summary: A letter followed by a phone call reaches people who ignore a single invitation.",
     "summary: >\n  A letter followed by a phone call\n  reaches people who ignore a single invitation",
     [f"{E}:6: `summary` must be one sentence ending with a full stop (or a question mark)."]),
    ("the same stage twice, on separate lines", E, "stages: [recruitment, commissioning]", "stages:\n  - recruitment\n  - recruitment",
     [f"{E}:8: `stages` lists the same value twice: remove the repeat."]),
    ("an unknown field", E, "effort: medium", "colour: medium",
     [f"{E}:11: unknown field `colour`. Remove or rename it (allowed fields are in build/schema/practice.schema.json)."]),
    ("a misspelt field after the body", E, "sources:\n", "sourcse:\n",
     [f"{E}:1: missing required field `sources`: add it (see build/schema/practice.schema.json).",
      f"{E}:16: unknown field `sourcse`. Did you mean `sources`? Remove or rename it (allowed fields are in build/schema/practice.schema.json)."]),
    ("a second source item without a section worth the name", E, "    section: Recruitment", "    section: Recruitment\n  - source: workshops\n    section: R",
     [f"{E}:20: `sources`, item 2, `section` is too short: write at least 3 characters."]),
    # --- The self-assessment: field paths in words ---
    ("a question that does not end with a question mark", S, "whom your invitations miss?", "whom your invitations miss.",
     [f"{S}:5: `questions`, item 1, `text` must be one question, ending with a question mark."]),
    ("an earlier question written as words in a condition", S, "profile: [delivers]", "question: Com test question\n      in: [0]",
     [f"{S}:8: `show_if` names question `Com test question`, but no such question. Write the id, not the words: `com-test-question`."]),
    ("an unknown question in a condition", S, "profile: [delivers]", "question: com-tset-question\n      in: [0]",
     [f"{S}:8: `show_if` names question `com-tset-question`, but no such question. Did you mean `com-test-question`?"]),
]


@pytest.mark.parametrize("case, file, old, new, expected", CASES, ids=[c[0] for c in CASES])
def test_one_mistake_gives_one_message_on_its_line(root, case, file, old, new, expected):
    assert problems_after(root, file, old, new) == expected



def test_every_message_that_sends_people_to_contributing_names_one_of_its_headings():
    headings = re.findall(r"^#+ (.+)$", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.M)
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "model").rglob("*.py"))
    named = set(re.findall(r'CONTRIBUTING\.md, \\?"([^"\\]+)\\?"', code))
    assert named, "no message names a part of CONTRIBUTING.md"
    missing = sorted(n for n in named if not any(h.startswith(n) for h in headings))
    assert not missing, f"messages send people to parts of CONTRIBUTING.md that do not exist: {missing}"
