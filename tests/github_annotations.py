"""A pytest plugin: on GitHub Actions (GITHUB_ACTIONS=true), every failing test is also printed as an
annotation, `::error file=<path>,line=<line>::<what failed>`, so that the pull request shows it on the line
of the test that failed, as `make validate` shows a YAML problem on its line (model/github.py escapes both).

The line is that of the failing statement in the test file itself (the assertion, or the call into a helper
that failed), else the test's own line. tests/conftest.py loads it; `pytest -p github_annotations` does too.
"""
from __future__ import annotations

import os
from pathlib import Path

from model.github import escape_data, escape_property

MAX_MESSAGE = 2000  # characters of the failure shown in the annotation; the log has the rest


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    for report in terminalreporter.stats.get("failed", []) + terminalreporter.stats.get("error", []):
        terminalreporter.write_line(annotation(report, Path(config.rootpath)))


def annotation(report, rootdir: Path) -> str:
    """The workflow command for one failed test (or collection) report."""
    file, line = location(report, rootdir)
    what = "failed" if getattr(report, "when", "call") == "call" else f"failed in {getattr(report, 'when', 'collection')}"
    crash = getattr(getattr(report, "longrepr", None), "reprcrash", None)
    if crash is not None:
        reason = crash.message
    else:  # a collection error or a skip-turned-failure: its last line says what happened
        text = str(getattr(report, "longrepr", "") or "").strip()
        reason = text.splitlines()[-1] if text else ""
    message = f"{report.nodeid} {what}: {reason}".strip()
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    where = f"file={escape_property(file)}" + (f",line={line}" if line else "")
    return f"::error {where}::{escape_data(message)}"


def location(report, rootdir: Path) -> tuple[str, int]:
    """(path relative to the root, 1-based line) where the test failed."""
    test_file = report.nodeid.split("::", 1)[0]
    line = 0
    if getattr(report, "location", None) and report.location[1] is not None:
        line = report.location[1] + 1  # pytest counts from 0
    entries = getattr(getattr(getattr(report, "longrepr", None), "reprtraceback", None), "reprentries", [])
    for entry in reversed(entries):
        where = getattr(entry, "reprfileloc", None)
        if where is not None and _relative(where.path, rootdir) == test_file:
            return test_file, where.lineno
    crash = getattr(getattr(report, "longrepr", None), "reprcrash", None)
    if crash is not None and _relative(crash.path, rootdir) == test_file:
        return test_file, crash.lineno
    return test_file, line


def _relative(path: str, rootdir: Path) -> str:
    try:
        return Path(path).resolve().relative_to(rootdir.resolve()).as_posix()
    except ValueError:
        return str(path)
