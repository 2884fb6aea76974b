"""Time to make every printable (card decks, book, worksheet): for this library and for synthetic ones.

    .venv/bin/python bench/printables.py            # this library, then 1,000 synthetic entries
    .venv/bin/python bench/printables.py 100 5000   # other sizes

Each is made with --force in a fresh copy, in this process; prints wall and CPU time, files, pages, size.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from model.printables.build import make  # noqa: E402
from synthetic import make_project  # noqa: E402


def measure(label: str, project: Path) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    made = make(project, force=True)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if made.problems:
        raise SystemExit(f"{label}: the sources have errors: {made.problems[:3]}")
    pages = sum(f["pages"] for f in made.files)
    size = sum(f["bytes"] for f in made.files)
    book = next(f for f in made.files if f["product"] == "book")
    deck = next(f for f in made.files if f["product"] == "cards" and f["deck"] == "all" and f["layout"] == "a6")
    print(f"{label:<28} {wall:7.1f} s wall {cpu:7.1f} s CPU  {len(made.files):3} PDFs {pages:6} pages "
          f"{size / 1e6:6.1f} MB  (book {book['pages']} pages, all cards {deck['cards']}, "
          f"{len(made.warnings)} cards too full)", flush=True)


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        real = Path(tmp) / "real"
        shutil.copytree(ROOT, real, ignore=shutil.ignore_patterns(".git", ".venv", ".venv-zensical", "site", "build", "node_modules",
                                                                  "__pycache__", ".pytest_cache", ".cache"))
        measure("this library", real)
        for size in sizes:
            project = Path(tmp) / f"synthetic-{size}"
            make_project(size, project)
            measure(f"synthetic, {size:,} entries", project)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000], help="synthetic library sizes (default: 1000)")
    main(parser.parse_args().sizes)
