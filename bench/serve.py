"""Benchmark of `make serve`: how long after saving a YAML edit the changed page is served.

    .venv/bin/python bench/serve.py [--sizes 0 1000] [--edits 5]

Size 0 is this library (a copy of the repository); other sizes are synthetic libraries (bench/synthetic.py).
For each edit: change one entry's title in its YAML file, then fetch its page every 20 ms until the new
title is in it. Prints the median and the slowest, against the targets (1 s for this library, 2 s at 1,000).
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from synthetic import make_project  # noqa: E402

from model.serve import start  # noqa: E402

TARGETS = {0: 1.0, 1000: 2.0}


def project(size: int, work: Path) -> Path:
    dest = work / f"serve-{size}"
    if size:
        make_project(size, dest)
    else:
        shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".git", ".venv", "site", "build", "node_modules", "__pycache__"))
    return dest


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def measure(root: Path, edits: int) -> list[float]:
    server, _, stop, url = start(root, 0, log=lambda *a: None)
    try:
        entry = sorted((root / "practices" / "practices").glob("*.yml"))[1]
        page = url + f"practices/{entry.stem}.html"
        times = []
        for n in range(edits):
            marker = f"Edited for the benchmark {n}"
            text = entry.read_text(encoding="utf-8")
            entry.write_text(re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.M), encoding="utf-8")
            saved = time.perf_counter()
            while marker not in fetch(page):
                if time.perf_counter() - saved > 30:
                    raise SystemExit(f"the edit did not show within 30 s: {page}")
                time.sleep(0.02)
            times.append(time.perf_counter() - saved)
            time.sleep(0.3)
        return times
    finally:
        stop.set()
        server.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000])
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mpl-serve-"))
    ok = True
    try:
        for size in args.sizes:
            times = measure(project(size, work), args.edits)
            target = TARGETS.get(size)
            median = statistics.median(times)
            met = target is None or median <= target
            ok &= met
            label = "this library" if size == 0 else f"{size:,} entries"
            print(f"{'PASS' if met else 'MISS'}  serve: edit to page, {label}: median {median:.2f} s, slowest {max(times):.2f} s "
                  f"over {len(times)} edits" + (f" (target {target:.0f} s)" if target else ""), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
