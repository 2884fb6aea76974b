"""The `validate` command: every problem as `path:line: message`, exit code 1 if any error;
and `new`, which starts a new entry file (see scaffold.py)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import scaffold
from .github import annotation
from .assessment import load_assessment
from .library import load_library
from .problems import Problem


def collect_problems(root: Path) -> list[Problem]:
    """All problems in the repository's YAML: the practice library and the self-assessment."""
    lib = load_library(root)
    return sorted(lib.problems + load_assessment(root, lib).problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m model", description="Check the YAML of the practice library.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="check every YAML file and report all problems at once")
    check.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current folder)")
    new = sub.add_parser("new", help="start a new entry file, e.g. new practice --stage recruitment --title \"Invite by letter\"")
    new.add_argument("kind", choices=list(scaffold.FOLDER_OF_KIND), help="the kind of entry")
    new.add_argument("--title", required=True, help="its title in plain English; the id and file name are made from it")
    new.add_argument("--stage", action="append", default=[], help="a stage id from practices/stages.yml (repeat, or separate with commas)")
    new.add_argument("--id", help="choose the id yourself instead of making it from the title")
    new.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current folder)")
    args = parser.parse_args(argv)
    if args.command == "new":
        return scaffold.command(args.root, args.kind, args.title, args.stage, args.id)
    return validate(args.root)


def validate(root: Path) -> int:
    problems = collect_problems(root)
    for problem in problems:
        print(f"{problem.severity}: {problem}" if problem.severity == "warning" else str(problem))
        if os.environ.get("GITHUB_ACTIONS") == "true":  # also shown on the changed line of a pull request
            print(annotation(problem))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    summary = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    print(("All YAML files are valid" if not problems else summary) + ".", file=sys.stderr)
    return 1 if errors else 0
