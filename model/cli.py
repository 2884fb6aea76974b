"""The command line (run from the repository root; the Makefile does):

    python -m model validate    every YAML file, every problem as `path:line: message`, all at once
    python -m model site        compile the docs tree (build/docs) that the site engine builds
    python -m model index       index a built site for search (Pagefind; make build runs it after MkDocs)
    python -m model serve       compile, build and serve the site, again on every change (make serve)
    python -m model printables  make the PDFs to print into build/printables (make printables; make build)
    python -m model new KIND    start a new entry file (see scaffold.py)
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import scaffold
from .github import annotation
from .problems import Problem


def collect_problems(root: Path) -> list[Problem]:
    """All problems of the repository's sources, as a contributor needs to see them: in file order."""
    from .compile.load import load
    return sorted(load(root).problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m model", description="Check and compile the practice library.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="check every YAML file and report all problems at once")
    compile_ = sub.add_parser("site", help="compile the docs tree (build/docs) from practices/, assessment/ and docs/")
    compile_.add_argument("--strict", action="store_true", help="fail on warnings too")
    index = sub.add_parser("index", help="index a built site for search with Pagefind (after mkdocs build)")
    index.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    serve = sub.add_parser("serve", help="compile, build and serve the site; again on every change")
    serve.add_argument("--port", type=int, default=8000)
    printables = sub.add_parser("printables", help="make the card decks, the book and the worksheet (PDF) into build/printables")
    printables.add_argument("--force", action="store_true", help="make them even if the sources have not changed")
    printables.add_argument("--out", type=Path, help="folder to write them to (default: build/printables under the root)")
    new = sub.add_parser("new", help="start a new entry file, e.g. new practice --stage recruitment --title \"Invite by letter\"")
    new.add_argument("kind", help="the kind of entry (an id from practices/kinds.yml, e.g. practice)")
    new.add_argument("--title", required=True, help="its title in plain English; the id and file name are made from it")
    new.add_argument("--stage", action="append", default=[], help="a stage id from practices/stages.yml (repeat, or separate with commas)")
    new.add_argument("--id", help="choose the id yourself instead of making it from the title")
    new.add_argument("--question", help="the id of the self-assessment question that should recommend the new entry")
    for command in (check, compile_, serve, printables, new):
        command.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current folder)")
    args = parser.parse_args(argv)
    if args.command == "new":
        return scaffold.command(args.root, args.kind, args.title, args.stage, args.id, args.question)
    if args.command == "site":
        return site(args.root, args.strict)
    if args.command == "index":
        return search_index(args.site)
    if args.command == "printables":
        return make_printables(args.root, args.out, args.force)
    if args.command == "serve":
        from .serve import serve as run
        return run(args.root, args.port)
    return validate(args.root)


def report(problems: list[Problem]) -> tuple[int, int]:
    """Print every problem (and, on GitHub Actions, an annotation on its line); return (errors, warnings)."""
    for problem in problems:
        print(f"{problem.severity}: {problem}" if problem.severity == "warning" else str(problem))
        if os.environ.get("GITHUB_ACTIONS") == "true":  # also shown on the changed line of a pull request
            print(annotation(problem))
    errors = sum(p.severity == "error" for p in problems)
    return errors, len(problems) - errors


def _summary(errors: int, warnings: int) -> str:
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def validate(root: Path) -> int:
    errors, warnings = report(collect_problems(root))
    print(("All YAML files are valid" if not errors + warnings else _summary(errors, warnings)) + ".", file=sys.stderr)
    return 1 if errors else 0


def search_index(site_dir: Path) -> int:
    from .search_index import SearchIndexError, index
    try:
        index(site_dir)
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Indexed {site_dir} for search (Pagefind): {site_dir / 'pagefind'}.", file=sys.stderr)
    return 0


def site(root: Path, strict: bool = False) -> int:
    from .compile import compile_site
    result = compile_site(root)
    errors, warnings = report(sorted(result.problems))
    if errors or (strict and warnings):
        print(f"{_summary(errors, warnings)}: the docs tree was not changed. Fix them and compile again.", file=sys.stderr)
        return 1
    print(f"Compiled build/docs: {len(result.written)} file{'s' * (len(result.written) != 1)} written, "
          f"{len(result.removed)} removed.", file=sys.stderr)
    return 0


def make_printables(root: Path, out: Path | None = None, force: bool = False) -> int:
    from .printables.build import PrintError, make
    try:
        made = make(root, out, force)
    except PrintError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if made.problems:
        report(sorted(made.problems))
        print(f"{_summary(len(made.problems), 0)}: no PDF was made. Fix them and run again.", file=sys.stderr)
        return 1
    for warning in made.warnings:
        print(f"warning: {warning}")
    if made.up_to_date:
        print(f"The PDFs in {made.folder} are up to date (use --force to make them again).", file=sys.stderr)
        return 0
    pages = sum(f["pages"] for f in made.files)
    print(f"Made {len(made.files)} PDFs ({pages} pages) in {made.folder} in {made.seconds:.1f} s.", file=sys.stderr)
    return 0
