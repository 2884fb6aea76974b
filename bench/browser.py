"""Browser-side measures: the self-assessment's results recompute (the real score() in Chromium) and the
gzipped weight of our own JavaScript and CSS."""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import shutil
import statistics
import sys
import threading
from pathlib import Path

from synthetic import ROOT, make_project

ASSETS = ROOT / "docs" / "assets"
SCRIPTS = ASSETS / "javascripts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
QUESTIONS, PRACTICES = 200, 5000


def scoring_data(folder: Path) -> dict:
    """data.json as the site serves it, made by the real model from a synthetic library of 5,000 practices."""
    sys.path.insert(0, str(ROOT))
    from model import load_library
    from model.assessment import load_assessment
    from model.assessment_data import to_data

    size = 5500  # 400 challenges, 5,000 practices, 100 priority actions
    counts = make_project(size, folder, share={"challenge": 400 / size, "practice": PRACTICES / size},
                          questions=QUESTIONS)
    lib = load_library(folder)
    assessment = load_assessment(folder, lib)
    problems = lib.problems.errors + assessment.problems.errors
    if problems:
        raise SystemExit("the synthetic assessment is not valid:\n" + "\n".join(str(p) for p in problems[:20]))
    assert counts["practice"] == PRACTICES and len(assessment.questions) == QUESTIONS, counts
    return to_data(assessment, lib, lambda entry: f"../practices/{entry.id}.html")


_PAGE = """<!doctype html><html lang="en"><title>recompute</title><body><script type="module">
import { score } from "./assessment/scoring.js";
const data = await (await fetch("data.json")).json();
const answers = {format: "mpl-assessment-answers", questionnaire_version: data.version, profile: [], answers: {}};
// Every question answered with the lowest value: every rule fires, the most work score() can have.
for (const section of data.sections) for (const q of section.questions) answers.answers[q.id] = {value: 0};
for (let i = 0; i < 5; i++) score(data, answers);  // warm up the JIT
const times = [];
let result;
for (let i = 0; i < 30; i++) {
  const start = performance.now();
  result = score(data, answers);
  times.push(performance.now() - start);
}
window.benchResult = {times, recommendations: result.recommendations.length};
</script></body></html>"""


def measure_recompute(folder: Path) -> dict:
    """Median and slowest time of score() over 30 runs in headless Chromium, for 200 questions and 5,000 practices."""
    from playwright.sync_api import sync_playwright

    data = scoring_data(folder / "project")
    served = folder / "served"
    shutil.copytree(SCRIPTS / "assessment", served / "assessment")
    (served / "data.json").write_text(json.dumps(data), encoding="utf-8")
    (served / "index.html").write_text(_PAGE, encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = chromium.new_page()
            errors = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
            page.wait_for_function("window.benchResult || false", timeout=120_000)
            result = page.evaluate("window.benchResult")
            chromium.close()
    finally:
        server.shutdown()
    if errors:
        raise SystemExit(f"the recompute page failed: {errors}")
    if result["recommendations"] < PRACTICES:  # every practice (and every priority action) is recommended
        raise SystemExit(f"score() recommended {result['recommendations']} entries, expected at least {PRACTICES}")
    times = result["times"]
    return {"median_ms": statistics.median(times), "max_ms": max(times), "runs": len(times), "questions": QUESTIONS,
            "practices": PRACTICES, "data_kb": (served / "data.json").stat().st_size / 1000}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def asset_weight() -> dict:
    """Our own JavaScript and CSS (not the theme's, not vendored files), each file gzipped as a server would."""
    scripts = [p for p in SCRIPTS.rglob("*.js") if "vendor" not in p.relative_to(SCRIPTS).parts]
    styles = list((ASSETS / "stylesheets").rglob("*.css"))
    js = sum(len(gzip.compress(p.read_bytes(), 9)) for p in scripts) / 1024
    css = sum(len(gzip.compress(p.read_bytes(), 9)) for p in styles) / 1024
    return {"js_kb": js, "css_kb": css, "total_kb": js + css, "js_files": len(scripts), "css_files": len(styles)}



def page_weight(site: Path) -> dict:
    """The heaviest page type of a built site, loaded in Chromium: our own JavaScript and CSS that it
    requests (scripts, stylesheets, the modules they import, at once or later), each file gzipped.
    The theme's files and vendored files do not count."""
    from playwright.sync_api import sync_playwright

    site = site.resolve()
    ours = {p.resolve() for p in ASSETS.rglob("*") if p.suffix in (".js", ".css") and "vendor" not in p.parts}
    pages = [p.relative_to(site).as_posix() for p in site.glob("*.html")] + [
        p.relative_to(site).as_posix() for folder in sorted(d for d in site.iterdir() if d.is_dir())
        for p in sorted(folder.glob("*.html"))[:2]]
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    heaviest = ("", 0.0, [])
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for path in pages:
                page = chromium.new_page()
                urls: list[str] = []
                page.on("request", lambda request: urls.append(request.url))
                page.goto(base + path, wait_until="networkidle")
                page.close()
                files = {(site / u[len(base):].split("?")[0]).resolve() for u in urls if u.startswith(base)}
                counted = sorted(f for f in files if (ROOT / "docs" / f.relative_to(site)).resolve() in ours)
                weight = sum(len(gzip.compress(f.read_bytes(), 9)) for f in counted) / 1024
                if weight > heaviest[1]:
                    heaviest = (path, weight, [f.relative_to(site).as_posix() for f in counted])
            chromium.close()
    finally:
        server.shutdown()
    return {"page": heaviest[0], "kb": heaviest[1], "files": heaviest[2], "pages": len(pages)}
