"""The model against a small valid library and one bad fixture per class of error."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from model import load_library
from model.export import to_csv, to_json

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "library"


def make_library(tmp_path: Path, *bad_files: Path) -> Path:
    """A copy of the valid fixture library (with the real schemas), plus `bad_files` put in place."""
    shutil.copytree(FIXTURES / "valid", tmp_path, dirs_exist_ok=True)
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    for bad in bad_files:
        folder = bad.parent.name
        target = tmp_path / "practices" / ("" if folder == "vocabulary" else folder) / bad.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(bad, target)
    return tmp_path


# --- The valid library ---

def test_valid_library_has_no_problems(tmp_path):
    lib = load_library(make_library(tmp_path))
    assert [str(p) for p in lib.problems] == []
    assert lib.stage_ids == ["commissioning", "recruitment"]
    assert sorted(lib.entries) == ["invitations-miss-people", "old-invitation-letter", "question-set-without-the-public",
                                   "reflect-regularly", "test-the-question-early"]


def test_links_are_computed_in_both_directions(tmp_path):
    lib = load_library(make_library(tmp_path))
    practice = lib.entries["test-the-question-early"]
    challenge = lib.entries["question-set-without-the-public"]
    assert [(link.field, [e.id for e in named]) for link, named in lib.links_to(challenge)] == [("addresses", ["test-the-question-early"])]
    assert [(link.field, [e.id for e in named]) for link, named in lib.links_to(practice)] == [("carried_out_by", ["reflect-regularly"])]
    assert [(link.field, [e.id for e in named]) for link, named in lib.links_from(practice)] == [("addresses", ["question-set-without-the-public"])]
    assert [e.id for e in lib.related_to(practice)] == ["invitations-miss-people"]
    assert [e.id for e in lib.related_to(lib.entries["invitations-miss-people"])] == ["test-the-question-early"]


def test_retired_entries_are_kept_but_left_out_of_listings(tmp_path):
    lib = load_library(make_library(tmp_path))
    assert lib.entries["old-invitation-letter"].retired["replaced_by"] == "test-the-question-early"
    assert [e.id for e in lib.of_kind("practice")] == ["test-the-question-early"]
    assert lib.links_to(lib.entries["invitations-miss-people"])[0][1] == []
    assert len(lib.of_kind("practice", include_retired=True)) == 2


def test_inferred_entries_are_marked(tmp_path):
    lib = load_library(make_library(tmp_path))
    assert lib.entries["invitations-miss-people"].inferred
    assert not lib.entries["question-set-without-the-public"].inferred


# --- One bad fixture per class of error: (fixture, reported file, line, words of the message) ---

BAD = [
    ("practices/unknown-field.yml", "practices/practices/unknown-field.yml", 4, "unknown field `sumary`. Did you mean `summary`?"),
    ("practices/missing-field.yml", "practices/practices/missing-field.yml", 1, "missing required field `roles`: add it"),
    ("practices/id-mismatch.yml", "practices/practices/id-mismatch.yml", 1, "`id` is `not-the-file-name` but the file is named id-mismatch.yml"),
    ("challenges/test-the-question-early.yml", "practices/practices/test-the-question-early.yml", 2, "id `test-the-question-early` is already used by practices/challenges/test-the-question-early.yml"),
    ("practices/misspelt-stage.yml", "practices/practices/misspelt-stage.yml", 5, "unknown stage `comissioning`. Did you mean `commissioning`?"),
    ("practices/misspelt-theme.yml", "practices/practices/misspelt-theme.yml", 9, "unknown theme `trsut`. Did you mean `trust`?"),
    ("practices/unknown-role.yml", "practices/practices/unknown-role.yml", 6, "unknown role `mayors`. Valid values: `commissioners`, `recruiters`."),
    ("practices/missing-challenge.yml", "practices/practices/missing-challenge.yml", 8, "`addresses` names `question-set-without-public`, which is not a challenge id. Did you mean `question-set-without-the-public`?"),
    ("practices/addresses-a-practice.yml", "practices/practices/addresses-a-practice.yml", 8, "which is a practice, not a challenge"),
    ("practices/related-to-itself.yml", "practices/practices/related-to-itself.yml", 13, "`related` names the entry itself"),
    ("practices/unknown-source.yml", "practices/practices/unknown-source.yml", 12, "unknown source `workshop`. Did you mean `workshops`?"),
    ("practices/kind-mismatch.yml", "practices/practices/kind-mismatch.yml", 2, "`kind` is `challenge` but the file is in practices/practices/"),
    ("practices/wrong-type.yml", "practices/practices/wrong-type.yml", 5, "`stages` must be a list, but is text."),
    ("practices/unquoted-date.yml", "practices/practices/unquoted-date.yml", 14, "`retired`, `date` must be text, but is a date: put it in quotes."),
    ("practices/impossible-date.yml", "practices/practices/impossible-date.yml", 14, "`retired`, `date` must be a real date, written YYYY-MM-DD (found `2024-02-30`)."),
    ("practices/html-in-title.yml", "practices/practices/html-in-title.yml", 3, "`title` must not contain `<` or `>`"),
    ("practices/repeated-key.yml", "practices/practices/repeated-key.yml", 8, "`title` is repeated (first on line 3)"),
    ("practices/syntax-error.yml", "practices/practices/syntax-error.yml", 6, "a `[` opened on this line is not closed where expected: add the missing `]`"),
    ("practices/empty.yml", "practices/practices/empty.yml", 1, "file is empty"),
    ("practices/a-list.yml", "practices/practices/a-list.yml", 1, "file must be a mapping"),
    ("practices/not-utf8.yml", "practices/practices/not-utf8.yml", 3, "text is not UTF-8"),
    ("practices/control-character.yml", "practices/practices/control-character.yml", 3, "control character (U+0007) that YAML does not allow: delete it."),
    ("practices/python-tag.yml", "practices/practices/python-tag.yml", 3, "the tag `!!python/object/apply:os.system` is not allowed"),
    ("practices/billion-laughs.yml", "practices/practices/billion-laughs.yml", 2, "anchors and aliases"),
    ("practices/deep-nesting.yml", "practices/practices/deep-nesting.yml", 2, "nested more than 40 levels deep"),
    ("practices/wrong-extension.yaml", "practices/practices/wrong-extension.yaml", 1, "unexpected file"),
    ("stray/in-the-wrong-folder.yml", "practices/stray/in-the-wrong-folder.yml", 1, "unexpected file"),
    ("vocabulary/stages.yml", "practices/stages.yml", 8, "id `commissioning` is used twice in stages"),
]


@pytest.mark.parametrize("fixture, path, line, words", BAD, ids=[b[0] for b in BAD])
def test_each_class_of_error_names_file_line_and_fix(tmp_path, fixture, path, line, words):
    lib = load_library(make_library(tmp_path, FIXTURES / "invalid" / fixture))
    matching = [p for p in lib.problems.errors if p.path == path and words in p.message]
    assert matching, f"expected {path}:{line}: …{words}… in:\n" + "\n".join(map(str, lib.problems))
    assert matching[0].line == line
    assert str(matching[0]).startswith(f"{path}:{line}: ")


def test_link_to_retired_entry_is_a_warning(tmp_path):
    lib = load_library(make_library(tmp_path, FIXTURES / "invalid" / "practices" / "links-retired.yml"))
    assert lib.problems.errors == []
    assert [str(p) for p in lib.problems.warnings] == [
        "practices/practices/links-retired.yml:14: `related` names `old-invitation-letter`, which is retired: link to its replacement instead."]


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    root = make_library(tmp_path)
    big = root / "practices" / "practices" / "huge.yml"
    big.write_text("id: huge\nbody: |\n" + ("  " + "x" * 1000 + "\n") * 400, encoding="utf-8")
    lib = load_library(root)
    assert [str(p) for p in lib.problems] == [
        "practices/practices/huge.yml:1: file is 391 KB, over the 256 KB limit: split it or shorten it."]


def test_all_errors_are_reported_at_once(tmp_path):
    bad = [FIXTURES / "invalid" / "practices" / name for name in ("misspelt-stage.yml", "empty.yml", "python-tag.yml")]
    lib = load_library(make_library(tmp_path, *bad))
    assert {p.path.rsplit("/", 1)[1] for p in lib.problems.errors} == {"misspelt-stage.yml", "empty.yml", "python-tag.yml"}


def test_missing_practices_folder(tmp_path):
    lib = load_library(tmp_path)
    assert [str(p) for p in lib.problems] == ["practices:1: folder not found: run from the repository root."]


# --- Downloads ---

def test_json_export_holds_every_entry_and_both_link_directions(tmp_path):
    data = json.loads(to_json(load_library(make_library(tmp_path))))
    entries = {e["id"]: e for e in data["entries"]}
    assert set(entries) == {"invitations-miss-people", "old-invitation-letter", "question-set-without-the-public",
                            "reflect-regularly", "test-the-question-early"}
    assert entries["question-set-without-the-public"]["linked_from"] == {"addresses": ["test-the-question-early"]}
    assert entries["test-the-question-early"]["linked_from"] == {"carried_out_by": ["reflect-regularly"]}
    assert entries["test-the-question-early"]["addresses"] == ["question-set-without-the-public"]
    assert [s["id"] for s in data["stages"]] == ["commissioning", "recruitment"]


def test_csv_export_has_a_row_per_entry_and_defuses_formulas(tmp_path):
    root = make_library(tmp_path)
    entry = root / "practices" / "practices" / "test-the-question-early.yml"
    entry.write_text(entry.read_text().replace("title: Test the question early", 'title: "=HYPERLINK(1) test"'))
    rows = list(csv.DictReader(io.StringIO(to_csv(load_library(root)))))
    assert len(rows) == 5
    row = next(r for r in rows if r["id"] == "test-the-question-early")
    assert row["title"] == "'=HYPERLINK(1) test"
    assert row["addresses"] == "question-set-without-the-public"
    assert row["sources"] == "workshops"


# --- The command line ---

def test_validate_command_prints_path_line_message_and_no_traceback(tmp_path):
    root = make_library(tmp_path, FIXTURES / "invalid" / "practices" / "misspelt-stage.yml",
                        FIXTURES / "invalid" / "practices" / "python-tag.yml")
    result = subprocess.run([sys.executable, "-m", "model", "validate", "--root", str(root)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "practices/practices/misspelt-stage.yml:5: unknown stage `comissioning`. Did you mean `commissioning`? Use an id from practices/stages.yml." in lines
    assert any(line.startswith("practices/practices/python-tag.yml:3: the tag") for line in lines)
    assert f"{len(lines)} errors, 0 warnings." in result.stderr  # every error counted, all printed at once


def test_validate_command_passes_on_the_real_repository():
    result = subprocess.run([sys.executable, "-m", "model", "validate", "--root", str(ROOT)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
