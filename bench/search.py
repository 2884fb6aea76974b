"""Search on a built site, measured in headless Chromium over HTTP with gzip: figures, not a test.

    .venv/bin/python bench/search.py SITE [--query "interpreter childcare"] [--rank "Recruitment=stages/recruitment.html"]
    .venv/bin/python bench/search.py --size 5000 [--repeat 3] [--json out.json]   # build a synthetic library first

With --size, a synthetic library (bench/synthetic.py) goes through the real pipeline in a temporary folder:
`python -m model site`, `mkdocs build`, `python -m model index` (Pagefind), each timed (CPU from wait4).
`make bench` (bench/run.py) runs this at 1,000 and 5,000 entries and checks the targets (TARGETS).

Flows, each in a fresh browser context (an empty cache), `repeat` times:
- load: the home page and the biggest listing (practices/index.html) loaded, nothing touched until the
  network and the CPU are quiet: KB on the wire, requests, whether sitemap.xml or /pagefind/ was fetched;
- header: on the quiet home page, the header's box focused, the query typed at 20 keys a second, Enter:
  the results come on the search page (by instant navigation). Timed from Enter;
- page: the search page loaded, and once quiet (Pagefind starts as it is shown) the query typed there.
  Timed from the last key;
- page, at once: the query typed into the search page as soon as it has loaded. Timed from the last key.
For each: ms to the first result in the DOM and to the final results, KB of the query, the longest
main-thread task from the focus to the final results, CPU of every Chromium process.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from search_server import Server, cpu_seconds, free_port, site_port, wait_cpu_idle  # noqa: E402

RESULT = ".mpl-search__results a"
TARGETS = {"first_load_kb": 300.0, "longest_task_ms": 200.0, "first_result_ms": 1000.0}
OBSERVE = """(() => {  // long tasks, and when a first result is in the DOM, at wall-clock ms (as Date.now)
  window.__lt = []; window.__first = 0;
  new MutationObserver((_, o) => { if (document.querySelector(%s)) { __first = Date.now(); o.disconnect(); } })
    .observe(document, {childList: true, subtree: true});
  try { new PerformanceObserver(l => { for (const e of l.getEntries())
    __lt.push({at: performance.timeOrigin + e.startTime, ms: e.duration}); }).observe({type: "longtask", buffered: true});
  } catch (e) {}
})();""" % json.dumps(RESULT)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _kb(entries) -> float:
    return sum(entry[2] for entry in entries) / 1024


def _context(browser):
    context = browser.new_context(bypass_csp=True)  # Playwright's waiting helpers evaluate text; the tests check the policy
    context.add_init_script(OBSERVE)
    return context, context.new_page()


def _settled(page, quiet: float = 2.0, limit: float = 60) -> tuple[list[str], float]:
    """The result links once they have not changed for `quiet` seconds, and the wall-clock ms of their last change."""
    end, last, since = time.time() + limit, None, time.time()
    while time.time() < end:
        try:
            links = page.eval_on_selector_all(RESULT, "els => els.map(a => a.getAttribute('href'))")
        except Exception:  # a navigation is under way
            links = None
        if links != last:
            last, since = links, time.time()
        elif links and time.time() - since >= quiet:
            break
        time.sleep(0.05)
    return last or [], since * 1000


def first_load(browser, server: Server, path: str) -> dict:
    context, page = _context(browser)
    t0 = time.time()
    page.goto(server.url + path, wait_until="load")
    server.quiet()
    wait_cpu_idle()
    loaded = server.since(t0)
    names = [entry[1] for entry in loaded]
    out = {"kb": _kb(loaded), "requests": len(loaded), "sitemap": any(n.endswith("sitemap.xml") for n in names),
           "index": any(n.startswith("/pagefind/") for n in names),
           "longest_ms": max([t["ms"] for t in page.evaluate("__lt")] or [0])}
    context.close()
    return out


def query(browser, server: Server, flow: str, text: str) -> dict:
    """One query in a fresh context, by the header's box ('header'), or on the search page once quiet ('page')
    or as soon as it has loaded ('eager')."""
    context, page = _context(browser)
    page.goto(server.url + ("index.html" if flow == "header" else "search.html"), wait_until="load")
    if flow != "eager":
        server.quiet()
        wait_cpu_idle()
    field = "#mpl-header-q" if flow == "header" else "#mpl-search-q"
    t1, cpu = time.time(), cpu_seconds()
    page.focus(field)
    page.keyboard.type(text, delay=50)
    if flow == "header":
        page.keyboard.press("Enter")
    key = time.time() * 1000
    first = page.wait_for_function("window.__first", timeout=120_000).json_value()
    links, final = _settled(page)
    server.quiet(1.0)
    tasks = [t["ms"] for t in page.evaluate("__lt") if t["at"] >= t1 * 1000]
    out = {"first_ms": first - key, "final_ms": final - key, "kb": _kb(server.since(t1)), "requests": len(server.since(t1)),
           "longest_ms": max(tasks or [0]), "cpu_s": cpu_seconds() - cpu, "results": len(links), "top": links[:3]}
    context.close()
    return out


def rank(browser, server: Server, title: str, expected: str) -> int | None:
    context, page = _context(browser)
    page.goto(server.url + "search.html?q=" + title.replace(" ", "+"), wait_until="load")
    links, _ = _settled(page, quiet=1.0)
    context.close()
    paths = ["/" + link.lstrip("/") for link in links]
    return paths.index("/" + expected) + 1 if "/" + expected in paths else None


def index_on_disk(site: Path) -> dict:
    """Pagefind's index (the entry and meta files, the index chunks, the fragments); its script, worker and
    WebAssembly apart; the UI files Pagefind also writes (which we do not load) not counted."""
    folder = site / "pagefind"
    data = [f for f in folder.rglob("*") if f.is_file() and (f.parent.name in ("index", "fragment") or f.suffix == ".pf_meta"
                                                              or f.name == "pagefind-entry.json")]
    return {"index_mb": sum(f.stat().st_size for f in data) / 1e6, "index_files": len(data),
            "site_files": sum(1 for f in site.rglob("*") if f.is_file())}


def measure(site: Path, queries: dict[str, str], ranks: list[tuple[str, str]], repeat: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    server, out = Server(site.resolve(), site_port(site)), {"site": str(site), **index_on_disk(site)}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS)
        for path in ("index.html", "practices/index.html"):
            out[f"load {path}"] = [first_load(browser, server, path) for _ in range(repeat)]
        for name, text in queries.items():
            for flow in ("header", "page", "eager"):
                out[f"{flow} {name}"] = [query(browser, server, flow, text) for _ in range(repeat)]
        out["ranks"] = {title: rank(browser, server, title, expected) for title, expected in ranks}
        browser.close()
    server.shutdown()
    return out


# --- A synthetic library through the real pipeline ---

def timed(command: list[str], cwd: Path, **env_vars: str) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(HERE.parent), **env_vars)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output.decode()[-3000:]}")
    return {"wall_s": time.perf_counter() - start, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def build(size: int, work: Path) -> tuple[Path, Path, dict, dict]:
    """A synthetic library of `size` entries, compiled, built and indexed: (project, site, entry counts, step timings)."""
    from synthetic import make_project

    project, site = work / f"search-lib-{size}", work / f"search-site-{size}"
    counts = make_project(size, project)
    python = sys.executable
    steps = {"compile": timed([python, "-m", "model", "site"], project),
             "mkdocs": timed([python, "-m", "mkdocs", "build", "-q", "-d", str(site)], project,
                             SITE_URL=f"http://127.0.0.1:{free_port()}/"),  # served on that port (site_port)
             "pagefind": timed([python, "-m", "model", "index", "--site", str(site)], project)}
    return project, site, counts, steps


def synthetic_cases(project: Path, counts: dict) -> tuple[dict, list]:
    """The queries and the ranks checked on a synthetic library. The worst case: two words that 98% of its
    pages hold (its text draws on 60 words). A realistic one: a word that names one entry (its number), as
    a query that matches a few pages does. Ranks: a stage, an index page and that entry, for their titles."""
    import yaml

    number = round(counts["practice"] * 0.873)  # 2618 at 5,000 entries
    entry = next((project / "practices" / "practices").glob(f"synthetic-practices-{number:05d}-*.yml"))
    title = yaml.safe_load(entry.read_text(encoding="utf-8"))["title"]
    queries = {"worst case": "interpreter childcare", "realistic": str(number)}
    ranks = [("Recruitment", "stages/recruitment.html"), ("Practices", "practices/index.html"),
             (title, f"practices/{entry.stem}.html")]
    return queries, ranks


def spread(runs: list[dict], key: str, digits: int = 0) -> str:
    values = [run[key] for run in runs]
    low, high = f"{min(values):,.{digits}f}", f"{max(values):,.{digits}f}"
    return low if low == high else f"{low}–{high}"


def run(size: int, work: Path, repeat: int = 3) -> dict:
    """Build a synthetic library of `size` entries and measure its search (for bench/run.py)."""
    project, site, counts, steps = build(size, work)
    queries, ranks = synthetic_cases(project, counts)
    return {"size": size, "build": steps, "queries": queries, **measure(site, queries, ranks, repeat)}


FLOWS = {"header": "header box, Enter", "page": "typed on the search page", "eager": "typed as the search page loads"}


def _columns(rows: list[tuple]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))) for row in rows]


def report(figures: dict) -> tuple[list[str], list[tuple[bool, str]]]:
    """Lines of figures, and (met, what) for each target, of one size measured by run()."""
    size, pagefind = figures["size"], figures["build"]["pagefind"]
    lines = [f"Search (Pagefind), {size:,} entries: index {figures['index_mb']:.1f} MB in {figures['index_files']:,} files "
             f"(the site: {figures['site_files']:,} files); indexing adds {pagefind['cpu_s']:.1f} s CPU "
             f"({pagefind['wall_s']:.1f} s wall, peak {pagefind['peak_mb']:.0f} MB) to MkDocs' {figures['build']['mkdocs']['cpu_s']:.1f} s"]
    loads = [(k.split(" ", 1)[1], v) for k, v in figures.items() if k.startswith("load ")]
    rows = [("first load, nothing touched", "KB gz", "requests", "longest task ms", "index/sitemap")]
    for path, runs in loads:
        fetched = "fetched" if any(r["sitemap"] or r["index"] for r in runs) else "none"
        rows.append((path, spread(runs, "kb"), spread(runs, "requests"), spread(runs, "longest_ms"), fetched))
    lines += _columns(rows)
    rows = [("first query", "KB gz", "first result ms", "final ms", "longest task ms")]
    for name, text in figures["queries"].items():
        for flow, label in FLOWS.items():
            runs = figures[f"{flow} {name}"]
            rows.append((f"{name} ({text}), {label}", spread(runs, "kb"), spread(runs, "first_ms"), spread(runs, "final_ms"),
                         spread(runs, "longest_ms")))
    lines += _columns(rows)
    lines.append("  ranks: " + ", ".join(f"{title!r} {rank or 'not in the first 10'}" for title, rank in figures["ranks"].items()))
    heaviest = max(max(r["kb"] for r in runs) for _, runs in loads)
    queried = [r for k, v in figures.items() if k.split(" ", 1)[0] in FLOWS for r in v]
    checks = [(heaviest < TARGETS["first_load_kb"], f"a first page under 300 KB on the wire, {size:,} entries: at most {heaviest:.0f} KB"),
              (not any(r["sitemap"] or r["index"] for _, runs in loads for r in runs),
               f"no sitemap and no index fetched before a search, {size:,} entries"),
              (max(r["longest_ms"] for r in queried) <= TARGETS["longest_task_ms"],
               f"no main-thread task over 200 ms in a search, {size:,} entries: longest {max(r['longest_ms'] for r in queried):.0f} ms"),
              (all(figures["ranks"][t] == 1 for t in figures["ranks"]), f"stage and index pages first for their names, {size:,} entries")]
    for name, text in figures["queries"].items():
        slowest = max(r["first_ms"] for flow in FLOWS for r in figures[f"{flow} {name}"])
        checks.append((slowest <= TARGETS["first_result_ms"],
                       f"first result within 1 s of the last key or Enter, {name} query, {size:,} entries: at most {slowest:.0f} ms"))
    return lines, checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?")
    parser.add_argument("--size", type=int, help="build a synthetic library of this many entries first")
    parser.add_argument("--query", action="append", default=[], help="a query to time (repeatable)")
    parser.add_argument("--rank", action="append", default=[], metavar="TITLE=PAGE", help="a page whose rank for TITLE is shown")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mpl-search-")) if args.size else None
    try:
        if args.size:
            figures = run(args.size, work, args.repeat)
            lines, checks = report(figures)
            print("\n".join(lines + [f"  {'PASS' if ok else 'MISS'}  {what}" for ok, what in checks]))
        elif args.site:
            queries = {q: q for q in args.query} or {"default": "interpreter childcare"}
            figures = measure(args.site, queries, [tuple(r.split("=", 1)) for r in args.rank], args.repeat)
            print(json.dumps(figures, indent=1, ensure_ascii=False))
        else:
            parser.error("give a built site, or --size")
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
