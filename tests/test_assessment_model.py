"""The self-assessment model: the real questionnaire, a small valid fixture, and one bad fixture per class of error."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from model import load_assessment, load_library
from model.assessment_data import to_data

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "assessment"
LIBRARY = ROOT / "tests" / "fixtures" / "library" / "valid"


def make_root(tmp_path: Path, bad_case: str | None = None) -> Path:
    """The valid fixture library and questionnaire (with the real schemas), with a bad case's files laid over it."""
    shutil.copytree(LIBRARY, tmp_path, dirs_exist_ok=True)
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    shutil.copytree(FIXTURES / "valid", tmp_path / "assessment")
    if bad_case:
        shutil.copytree(FIXTURES / "invalid" / bad_case, tmp_path / "assessment", dirs_exist_ok=True)
    return tmp_path


def load(root: Path):
    lib = load_library(root)
    assert [str(p) for p in lib.problems] == []
    return lib, load_assessment(root, lib)


# --- The valid fixture ---

def test_valid_fixture_has_no_problems_and_keeps_order(tmp_path):
    _, assessment = load(make_root(tmp_path))
    assert [str(p) for p in assessment.problems] == []
    assert assessment.version == "1.2.0"
    assert [s.id for s in assessment.sections] == ["commissioning", "recruitment", "organisation"]
    assert [q.id for q in assessment.questions] == ["com-test-question", "com-test-with-whom", "rec-invitations", "org-reflect"]
    assert assessment.sections[0].title == "Commissioning and convening"  # a stage section takes the stage's title
    rule = assessment.questions[3].recommends[0]
    assert (rule.target, rule.kind, rule.when, rule.fit) == ("reflect-regularly", "priority-action", [0, 1], "central")
    assert assessment.questions[2].recommends[0].fit == "partial"
    assert [s.stage for s in assessment.sections] == ["commissioning", "recruitment", None]


def test_scoring_data_carries_everything_the_page_needs(tmp_path):
    lib, assessment = load(make_root(tmp_path))
    data = to_data(assessment, lib, lambda e: f"../x/{e.id}.html")
    json.dumps(data)  # serialisable as it is
    assert data["version"] == "1.2.0"
    assert data["scales"]["in-place"]["options"] == [{"value": 0, "label": "No"}, {"value": 1, "label": "Yes"}]
    assert data["sections"][0]["questions"][1]["show_if"] == {"question": "com-test-question", "in": [1, 2]}
    assert data["targets"]["test-the-question-early"]["url"] == "../x/test-the-question-early.html"
    assert data["targets"]["reflect-regularly"]["kind"] == "priority-action"
    assert [o["id"] for o in data["profile"]["options"]] == ["commissions", "delivers"]
    # What to do first is ranked by the page from the weights and fits and FORMULA alone: no priority of the past.
    assert "priority_weights" not in data
    rules = [r for s in data["sections"] for q in s["questions"] for r in q["recommends"]]
    assert rules and all(set(r) == {"target", "kind", "when", "fit"} for r in rules)
    assert {q["weight"] for s in data["sections"] for q in s["questions"]} <= set(data["formula"]["weights"])


# --- One bad fixture per class of error: (case, file, line, part of the message) ---

BAD = [
    ("unknown-scale", "assessment/sections/recruitment.yml", 5, "unknown scale `frequnecy`. Did you mean `frequency`?"),
    ("duplicate-id", "assessment/sections/recruitment.yml", 3, "question id `com-test-question` is already used at assessment/sections/commissioning.yml:4"),
    ("unknown-practice", "assessment/sections/recruitment.yml", 7, "`practice` names `test-the-question-earlyy`, which is not a practice id. Did you mean `test-the-question-early`?"),
    ("wrong-kind", "assessment/sections/recruitment.yml", 10, "`practice` names `reflect-regularly`, which is a priority-action: write `action: reflect-regularly`."),
    ("later-condition", "assessment/sections/commissioning.yml", 7, "`show_if` names question `rec-invitations`, but it comes later"),
    ("unknown-profile-option", "assessment/sections/commissioning.yml", 7, "unknown profile option `comissions`. Did you mean `commissions`?"),
    ("when-not-on-scale", "assessment/sections/recruitment.yml", 8, "`when` lists 3, which is not a value of the scale `frequency` ([0, 1, 2])."),
    ("unreachable", "practices/priority-actions/reflect-regularly.yml", 1, "no answer in the self-assessment can recommend this priority action yet: add `action: reflect-regularly`"),
    ("unknown-field", "assessment/sections/recruitment.yml", 6, "unknown field `wieght`. Did you mean `weight`?"),
    ("unexpected-file", "assessment/sections/design.yml", 1, "unexpected file: every file in assessment/sections/ is a section declared under `sections`"),
    ("condition-value", "assessment/sections/commissioning.yml", 14, "`in` lists 5, which is not a value of the scale of `com-test-question` ([0, 1, 2])."),
    ("falling-scale", "assessment/scales.yml", 4, "the values of scale `frequency` must rise from the first option to the last"),
    ("section-mismatch", "assessment/sections/recruitment.yml", 1, "`section` is `commissioning` but the file is named recruitment.yml"),
    ("repeated-key", "assessment/sections/recruitment.yml", 6, "`text` is repeated (first on line 4)"),
    ("half-condition", "assessment/sections/recruitment.yml", 6, "`show_if` needs both `question`"),
]


@pytest.mark.parametrize("case, path, line, message", BAD, ids=[b[0] for b in BAD])
def test_bad_fixture_reports_file_line_and_message(tmp_path, case, path, line, message):
    _, assessment = load(make_root(tmp_path, case))
    found = [p for p in assessment.problems.errors if p.path == path and p.line == line and message in p.message]
    assert found, f"expected {path}:{line}: …{message}… in:\n" + "\n".join(map(str, assessment.problems))


def test_every_bad_case_has_a_fixture_and_the_reverse():
    assert sorted(p.name for p in (FIXTURES / "invalid").iterdir()) == sorted(b[0] for b in BAD)


def test_missing_section_file_is_reported(tmp_path):
    root = make_root(tmp_path)
    (root / "assessment" / "sections" / "recruitment.yml").unlink()
    _, assessment = load(root)
    assert any(str(p).startswith("assessment/sections/recruitment.yml:1: missing file: create") for p in assessment.problems.errors)


def test_validate_command_reports_assessment_problems(tmp_path):
    root = make_root(tmp_path, "unknown-scale")
    result = subprocess.run([sys.executable, "-m", "model", "validate", "--root", str(root)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 1
    assert "assessment/sections/recruitment.yml:5: unknown scale `frequnecy`" in result.stdout
