"""Test failures as GitHub annotations, and the fast test target that leaves the browser tests out."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FAILING = '''\
from tiny_helpers import helper


def test_passes():
    assert True


def test_fails_here():
    value = 1
    assert value == 2, "one is not two: 100% sure,\\nreally"


def test_fails_in_a_helper():
    helper(1)
'''
HELPERS = '''\
def helper(value):
    assert value == 2, "the helper wanted two"
'''


def run_pytest(folder: Path, github: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests"), str(ROOT)])
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "github_annotations", "-p", "no:cacheprovider", "-q",
                           "test_tiny.py"], cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def test_a_failing_test_is_annotated_on_its_line_only_on_github_actions(tmp_path):
    (tmp_path / "test_tiny.py").write_text(FAILING, encoding="utf-8")
    (tmp_path / "tiny_helpers.py").write_text(HELPERS, encoding="utf-8")
    annotated = run_pytest(tmp_path, github=True)
    assert annotated.returncode == 1, annotated.stdout + annotated.stderr
    lines = [line for line in annotated.stdout.splitlines() if line.startswith("::")]
    assert len(lines) == 2, annotated.stdout
    here, helper = sorted(lines, key=lambda line: "helper" in line)
    # The assertion's own line, its message escaped as GitHub's workflow commands need (`%`, line breaks).
    assert here.startswith("::error file=test_tiny.py,line=10::test_tiny.py::test_fails_here failed: AssertionError: one is not two: 100%25 sure,%0A")
    assert "\n" not in here and "%0A" in here
    # A failure inside a helper of another file is shown where the test called it: the test's line that failed.
    assert helper.startswith("::error file=test_tiny.py,line=14::test_tiny.py::test_fails_in_a_helper failed: AssertionError: the helper wanted two")

    plain = run_pytest(tmp_path, github=False)
    assert plain.returncode == 1
    assert "::error" not in plain.stdout


def test_the_suite_loads_the_annotations_and_marks_the_browser_tests():
    conftest = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    assert "from github_annotations import pytest_terminal_summary" in conftest
    listed = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "browser", "-p", "no:cacheprovider"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    tests = [line for line in listed.stdout.splitlines() if "::" in line]
    assert tests and all(line.startswith("tests/browser/") for line in tests), listed.stdout[-2000:]
    browser_files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests" / "browser").glob("test_*.py")}
    assert {line.split("::")[0] for line in tests} == browser_files


def test_make_test_fast_leaves_out_the_browser_tests_and_make_test_runs_everything():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    fast = subprocess.run(["make", "-n", "-C", str(ROOT), "test-fast"], capture_output=True, text=True, timeout=60)
    assert fast.returncode == 0, fast.stderr
    assert re.search(r'-m pytest -m "not browser"$', fast.stdout, re.M)
    assert re.search(r"^test:.*\n\t\$\(PYTHON\) -m pytest\n", makefile, re.M), "make test runs the whole suite"
    assert "browser:" in (ROOT / "pytest.ini").read_text(encoding="utf-8"), "register the marker in pytest.ini"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    other = readme[readme.index("## Other commands"):]
    assert "make test-fast" in other.split("##")[1]
