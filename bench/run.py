"""Benchmark: build synthetic libraries of 100, 1,000 and 5,000 entries with the real hooks, and the same
pages as plain Markdown without them; measure the assessment's recompute in Chromium and our asset weight.

    make bench                       # or: .venv/bin/python bench/run.py [--sizes 100 1000] [--repeat 3] [--profile]

Everything is built in a temporary folder outside the repository (removed at the end unless --keep).
Times are measured twice: wall time, and CPU time (user + system) of the build process. The targets are
checked on CPU time, which does not depend on what else the machine is doing; wall time is shown too.
"""
from __future__ import annotations

import argparse
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402  (bench/browser.py)
from synthetic import make_project  # noqa: E402

TARGETS = {"overhead": 1.10, "growth": 5.5, "recompute_ms": 50.0, "assets_kb": 30.0}


@dataclass
class Build:
    wall: float  # seconds
    cpu: float  # seconds, user + system of the build process
    peak_mb: float  # peak resident memory of the build process
    site_mb: float
    index_mb: float


# --- Measuring ---

def build(project: Path, site: Path) -> Build:
    """`mkdocs build` of `project` in a fresh process; its own CPU time and peak memory come from wait4."""
    shutil.rmtree(site, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    log = project.parent / f"{project.name}-build.log"
    with open(log, "w") as out:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                                    "-d", str(site)], cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"the build of {project} failed:\n{log.read_text()[-3000:]}")
    index = site / "search" / "search_index.json"
    return Build(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_mb=usage.ru_maxrss / 1024,
                 site_mb=_size(site) / 1e6, index_mb=(index.stat().st_size if index.exists() else 0) / 1e6)


def best(project: Path, site: Path, repeat: int) -> Build:
    """The fastest of `repeat` builds (the least disturbed by the rest of the machine)."""
    return min((build(project, site) for _ in range(repeat)), key=lambda b: b.cpu)


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def profile(project: Path, site: Path, top: int = 25) -> str:
    """Where the time of a hooks build goes: cProfile, our code first, then everything by own time."""
    out = project.parent / "build.prof"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "-q", "-f",
                    str(project / "mkdocs.yml"), "-d", str(site)], cwd=project, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stats = pstats.Stats(str(out))
    total = stats.total_tt
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][3], reverse=True)  # cumulative time
    ours = [(f"{Path(func[0]).name}:{func[1]} {func[2]}", cum) for func, (_, _, _, cum, _) in rows
            if "/hooks/" in func[0]][:top]
    own = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    lines = [f"Profile of the hooks build ({total:.1f} s of CPU in total)", "", "Our code, by cumulative time:"]
    lines += [f"  {cum:7.2f} s  {cum / total:5.1%}  {name}" for name, cum in ours]
    lines += ["", "Everything, by own time:"]
    lines += [f"  {tt:7.2f} s  {tt / total:5.1%}  {_short(func[0])}:{func[1]} {func[2]}" for func, (_, _, tt, _, _) in own]
    return "\n".join(lines)


def _short(path: str) -> str:
    for marker in ("site-packages/", "/hooks/", "python3."):
        if marker in path:
            return path[path.index(marker):]
    return path


# --- Reporting ---

def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import mkdocs
    from material import __version__ as material
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}), {memory:.1f} GiB memory, "
            f"load average {load}; Python {platform.python_version()}, MkDocs {mkdocs.__version__}, "
            f"mkdocs-material {material}")


def table(size: int, counts: dict, hooks: Build, plain: Build) -> str:
    head = (f"{size:,} entries ({counts['challenge']} challenges, {counts['practice']} practices, "
            f"{counts['priority-action']} priority actions; {counts['questions']} assessment questions)")
    rows = [("", "wall s", "CPU s", "ms/entry", "peak MB", "site MB", "index MB")]
    for name, b in (("hooks", hooks), ("plain", plain)):
        rows.append((name, f"{b.wall:.2f}", f"{b.cpu:.2f}", f"{1000 * b.cpu / size:.2f}", f"{b.peak_mb:.0f}",
                     f"{b.site_mb:.1f}", f"{b.index_mb:.2f}"))
    rows.append(("hooks/plain", f"{hooks.wall / plain.wall:.2f}", f"{hooks.cpu / plain.cpu:.2f}", "",
                 f"{hooks.peak_mb / plain.peak_mb:.2f}", f"{hooks.site_mb / plain.site_mb:.2f}", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [head] + ["  " + "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
                      for r in rows]
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


# --- Main ---

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=2, help="builds per size and kind; the fastest counts (default 2)")
    parser.add_argument("--profile", action="store_true", help="profile the largest hooks build even if no target is missed")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--no-browser", action="store_true", help="skip the measures in Chromium")
    parser.add_argument("--no-profile", action="store_true", help="do not profile a missed build target")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mpl-bench-"))
    print(f"Machine: {machine()}\nWorking in {work}\n", flush=True)
    results, checks = {}, []
    try:
        for size in args.sizes:
            project, twin = work / f"hooks-{size}", work / f"plain-{size}"
            counts = make_project(size, project)
            subprocess.run([sys.executable, str(Path(__file__).parent / "plain.py"), str(project), str(twin)], check=True,
                           stdout=subprocess.DEVNULL, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
            repeat = 1 if size >= 5000 else args.repeat
            hooks, plain = best(project, work / f"site-hooks-{size}", repeat), best(twin, work / f"site-plain-{size}", repeat)
            results[size] = (hooks, plain)
            print(table(size, counts, hooks, plain) + "\n", flush=True)
        print("Targets")
        for size, (hooks, plain) in results.items():
            ratio = hooks.cpu / plain.cpu
            checks.append(("overhead", size, ratio <= TARGETS["overhead"]))
            print(f"  {verdict(checks[-1][2])}  hooks add at most 10% over plain pages, {size:,} entries: "
                  f"{(ratio - 1):+.1%} CPU ({hooks.wall / plain.wall - 1:+.1%} wall)")
        if 1000 in results and 5000 in results:
            growth = results[5000][0].cpu / results[1000][0].cpu
            checks.append(("growth", 5000, growth <= TARGETS["growth"]))
            print(f"  {verdict(checks[-1][2])}  5,000 entries build in at most 5.5 x the time of 1,000: {growth:.2f} x CPU "
                  f"({results[5000][0].wall / results[1000][0].wall:.2f} x wall)")
        if not args.no_browser:
            recompute = browser.measure_recompute(work / "recompute")
            checks.append(("recompute", 0, recompute["median_ms"] < TARGETS["recompute_ms"]))
            print(f"  {verdict(checks[-1][2])}  results recompute under 50 ms ({recompute['questions']} questions, "
                  f"{recompute['practices']:,} practices, score() in Chromium): median {recompute['median_ms']:.1f} ms, "
                  f"slowest {recompute['max_ms']:.1f} ms of {recompute['runs']} runs; data.json {recompute['data_kb']:.0f} KB")
        assets = browser.asset_weight()
        if not args.no_browser:
            heaviest = browser.page_weight(work / f"site-hooks-{min(results)}")
            checks.append(("assets", 0, heaviest["kb"] <= TARGETS["assets_kb"]))
            print(f"  {verdict(checks[-1][2])}  our JavaScript and CSS at most 30 KB gzipped on any page: the heaviest of "
                  f"{heaviest['pages']} pages, {heaviest['page']}, loads {heaviest['kb']:.1f} KB in {len(heaviest['files'])} files")
        print(f"  {'INFO':4}  all our JavaScript and CSS together, gzipped file by file: {assets['total_kb']:.1f} KB "
              f"({assets['js_kb']:.1f} KB JavaScript in {assets['js_files']} files, {assets['css_kb']:.1f} KB CSS in "
              f"{assets['css_files']} files)")
        missed_builds = [size for name, size, ok in checks if not ok and name in ("overhead", "growth")]
        if (missed_builds and not args.no_profile) or args.profile:
            size = max(missed_builds or results)
            print("\n" + profile(work / f"hooks-{size}", work / f"site-profile-{size}"))
        return 0 if all(ok for _, _, ok in checks) else 1
    finally:
        if args.keep:
            print(f"\nKept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
