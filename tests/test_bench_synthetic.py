"""The benchmark's synthetic libraries are valid: the real model accepts them without a single problem."""
from __future__ import annotations

import sys
from pathlib import Path

from model import load_library
from model.assessment import load_assessment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import make_project  # noqa: E402


def test_a_synthetic_library_and_its_questions_pass_the_real_validation(tmp_path):
    counts = make_project(120, tmp_path / "project", questions=40)
    lib = load_library(tmp_path / "project")
    assessment = load_assessment(tmp_path / "project", lib)
    problems = [str(p) for p in lib.problems.errors + lib.problems.warnings
                + assessment.problems.errors + assessment.problems.warnings]
    assert not problems, "\n".join(problems[:20])
    assert counts == {"entries": 120, "questions": len(assessment.questions), "challenge": 36, "practice": 72,
                      "priority-action": 12}
    assert len(lib.entries) == 120 and len(assessment.questions) == 40
    assert any(q.show_if and q.show_if.get("question") for q in assessment.questions), "some questions are conditional"
    recommended = {r.target for q in assessment.questions for r in q.recommends}
    assert {e.id for e in lib.of_kind("practice") + lib.of_kind("priority-action")} <= recommended
