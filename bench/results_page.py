"""Browser figures of the comparison and results pages on this library, in headless Chromium (prints figures; not a test):
- combine: 3 and 50 perspectives chosen at once on the Combine page, from the change of the file field to the results
  on screen (`mpl-combine`, measured by the page), and the longest main-thread task meanwhile;
- "Show my results": the whole questionnaire answered, on a phone-sized page with the CPU slowed 4x, the click's own
  work (`mpl-results`) and the longest task.

Usage: .venv/bin/python bench/results_page.py [--site BUILT_SITE] [--runs N]
Without --site it compiles and builds this repository into a temporary folder first (about a minute).
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LONG_TASKS = """window.__long = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
  .observe({ type: "longtask", buffered: true });"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(out: Path) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "model", "site", "--strict"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return out


def answers_files(data: dict, count: int, folder: Path) -> list[str]:
    """`count` answers files with every question answered at random (fixed seed), each with its perspective."""
    rng = random.Random(7)
    paths = []
    for i in range(count):
        answers = {}
        for section in data["sections"]:
            for q in section["questions"]:
                roll = rng.random()
                values = [o["value"] for o in data["scales"][q["scale"]]["options"]]
                answers[q["id"]] = {"status": "dont-know"} if roll < 0.05 else {"status": "na"} if roll < 0.08 else {"value": rng.choice(values)}
        content = {"format": "mpl-assessment-answers", "questionnaire_version": data["version"],
                   "saved_at": "2026-11-01T10:00:00.000Z", "perspective": f"Person {i + 1}", "profile": [], "answers": answers}
        path = folder / f"person-{i + 1}.json"
        path.write_text(json.dumps(content), encoding="utf-8")
        paths.append(str(path))
    return paths


def measure_combine(browser, base: str, paths: list[str]) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(LONG_TASKS)
    page.goto(base + "assessment/combine.html")
    page.wait_for_selector(".mpl-cmp-js-only:not([hidden])")
    page.evaluate("""() => { window.__shown = null; const results = document.querySelector("[data-role='results']");
      new MutationObserver(() => { if (!results.hidden && window.__shown === null) window.__shown = performance.now(); })
        .observe(results, { attributes: true, childList: true }); }""")
    page.evaluate("window.__long = []")
    page.evaluate("""() => document.querySelector('#combine-files').addEventListener('change', () => { window.__changed = performance.now(); }, { capture: true })""")
    page.set_input_files("#combine-files", paths)
    page.wait_for_function("window.__shown !== null")
    page.wait_for_timeout(300)
    figures = page.evaluate("""() => ({ page: window.__shown - window.__changed,
      measured: (performance.getEntriesByName('mpl-combine').at(-1) || {}).duration ?? null, longest: Math.max(0, ...window.__long) })""")
    page.close()
    return figures


def measure_results(browser, base: str, data: dict) -> dict:
    context = browser.new_context(viewport={"width": 375, "height": 667}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(LONG_TASKS)
    page.goto(base + "assessment/index.html")
    page.wait_for_selector("#mpl-show-results", state="visible")
    # The whole questionnaire answered, saved as the page saves it, then read back: every question asked is answered.
    answers = {q["id"]: {"value": [o["value"] for o in data["scales"][q["scale"]]["options"]][i % 2]}
               for s in data["sections"] for i, q in enumerate(s["questions"])}
    content = {"format": "mpl-assessment-answers", "questionnaire_version": data["version"], "profile": [], "answers": answers}
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [data["storage"]["answers"], json.dumps(content)])
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.wait_for_timeout(500)
    page.evaluate("window.__long = []")
    page.click("#mpl-show-results")
    page.wait_for_selector("#mpl-results:not([hidden])")
    page.wait_for_timeout(500)
    figures = page.evaluate("""() => ({ measured: performance.getEntriesByName('mpl-results').at(-1).duration,
      longest: Math.max(0, ...window.__long) })""")
    context.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build this repository)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = args.site or build(tmp / "site")
        data = json.loads((site / "assessment" / "data.json").read_text(encoding="utf-8"))
        files = answers_files(data, 50, tmp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        questions = sum(len(s["questions"]) for s in data["sections"])
        print(f"{questions} questions, {len(data['targets'])} entries; {args.runs} runs each, median (slowest)")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                for count in (3, 50):
                    runs = [measure_combine(browser, base, files[:count]) for _ in range(args.runs)]
                    page_ms = [r["page"] for r in runs]
                    measured = [r["measured"] for r in runs if r["measured"] is not None]
                    print(f"combine {count:>2} perspectives: {statistics.median(page_ms):7.1f} ms on screen ({max(page_ms):.1f})"
                          + (f", {statistics.median(measured):.1f} ms measured by the page" if measured else "")
                          + f", longest task {max(r['longest'] for r in runs):.0f} ms")
                runs = [measure_results(browser, base, data) for _ in range(args.runs)]
                print(f"show my results, 375 px, CPU 4x slower: {statistics.median(r['measured'] for r in runs):.1f} ms"
                      f" ({max(r['measured'] for r in runs):.1f}), longest task {max(r['longest'] for r in runs):.0f} ms")
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
