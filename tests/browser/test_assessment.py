"""The self-assessment in headless Chromium: whole questionnaire with fixed patterns, saving, export/import,
share link, hostile input, keyboard only, axe-core, no JavaScript.

Expected results are computed here from the YAML in assessment/ and practices/, following the rules written
on the page and in scoring.js, without calling the code under test.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml

from conftest import assert_no_axe_violations

ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = {"high": 3, "medium": 2, "low": 1}


# --- The questionnaire and the expected results, straight from the YAML ---

def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


STAGES = [s["id"] for s in _yaml(ROOT / "practices" / "stages.yml")["stages"]]
SECTIONS = [_yaml(ROOT / "assessment" / "sections" / f"{sid}.yml") for sid in STAGES + ["organisation"]]
SCALES = {s["id"]: [o["value"] for o in s["options"]] for s in _yaml(ROOT / "assessment" / "scales.yml")["scales"]}
QUESTIONS = [q for section in SECTIONS for q in section["questions"]]
NUMBER = {q["id"]: n for n, q in enumerate(QUESTIONS, start=1)}
SCALE_OF = {q["id"]: q["scale"] for q in QUESTIONS}


def _title(entry_id: str) -> str:
    for folder in ("practices", "priority-actions"):
        file = ROOT / "practices" / folder / f"{entry_id}.yml"
        if file.is_file():
            return _yaml(file)["title"]
    raise AssertionError(f"no entry {entry_id}")


def expected(pattern, profile=()):
    """(recommended titles in rank order, {section: score or None}, strengths titles) for answers `pattern(question)`."""
    answers, shown = {}, {}
    recs, strengths, scores = {}, {}, {}
    order = 0
    for section in SECTIONS:
        total, count = 0.0, 0
        for q in section["questions"]:
            cond = q.get("show_if") or {}
            visible = not (cond.get("profile") and profile and not set(cond["profile"]) & set(profile))
            if "question" in cond:
                earlier = answers.get(cond["question"])
                visible = visible and shown[cond["question"]] and isinstance(earlier, int) and earlier in cond["in"]
            shown[q["id"]] = visible
            answers[q["id"]] = answer = pattern(q)
            if not visible or not isinstance(answer, int):
                continue
            values = SCALES[q["scale"]]
            fraction = (answer - min(values)) / (max(values) - min(values))
            total += fraction
            count += 1
            for rule in q["recommends"]:
                target = rule.get("practice") or rule.get("action")
                if answer not in rule["when"] and fraction <= 0.5:
                    continue  # a middle answer: neither a recommendation nor a strength
                bucket = recs if answer in rule["when"] else strengths
                item = bucket.setdefault(target, {"weight": 0, "priority": 0, "order": order})
                order += 1
                item["weight"] += WEIGHTS[rule["priority"]]
                item["priority"] = max(item["priority"], WEIGHTS[rule["priority"]])
        scores[section["section"]] = math.floor(100 * total / count + 0.5) if count else None
    ranked = sorted(recs, key=lambda t: (-recs[t]["weight"], -recs[t]["priority"], recs[t]["order"]))
    kept = sorted((t for t in strengths if t not in recs), key=lambda t: strengths[t]["order"])
    return [_title(t) for t in ranked], scores, [_title(t) for t in kept]


def lowest(q):
    return SCALES[q["scale"]][0]


def highest(q):
    return SCALES[q["scale"]][-1]


def mixed(q):
    """Every 7th question not applicable, every 11th don't know, otherwise an option that moves with the number."""
    n = NUMBER[q["id"]]
    if n % 7 == 0:
        return "na"
    if n % 11 == 0:
        return "dont-know"
    values = SCALES[q["scale"]]
    return values[(n * 2) % len(values)]


# --- Driving the page ---

def open_assessment(page, site_url: str, fragment: str = "") -> None:
    page.goto(site_url + "assessment/index.html" + fragment)
    page.wait_for_selector("#mpl-show-results", state="visible")


def answer_all(page, pattern, profile=()) -> None:
    """Tick the profile, then answer every question asked, including those that appear on the way."""
    for option in profile:
        page.check(f"#profile-{option}")
    by_id = {q["id"]: q for q in QUESTIONS}
    for _ in range(10):
        todo = page.eval_on_selector_all("fieldset[data-question]:not([hidden])",
                                         "els => els.filter(e => !e.querySelector('input:checked')).map(e => e.dataset.question)")
        if not todo:
            return
        for qid in todo:
            page.check(f"#q-{qid}-{pattern(by_id[qid])}")
    raise AssertionError("questions kept appearing")


def show_results(page) -> None:
    page.click("#mpl-show-results")
    page.wait_for_selector("#mpl-results:not([hidden])")


def results(page):
    recs = page.eval_on_selector_all("#mpl-recommendations > li .mpl-results__title a", "els => els.map(e => e.textContent)")
    strengths = page.eval_on_selector_all("#mpl-strengths > li .mpl-results__title a", "els => els.map(e => e.textContent)")
    rows = page.eval_on_selector_all("#mpl-scores tbody tr", "rows => rows.map(r => [r.cells[0].textContent, r.cells[1].textContent])")
    return recs, dict(rows), strengths


def score_rows(scores: dict) -> dict:
    titles = {s["section"]: s.get("title") for s in SECTIONS}
    stage_titles = {s["id"]: s["title"] for s in _yaml(ROOT / "practices" / "stages.yml")["stages"]}
    return {(titles[k] or stage_titles[k]): ("No score yet" if v is None else str(v)) for k, v in scores.items()}


def export_answers(page) -> str:
    with page.expect_download() as info:
        page.click("#mpl-export-json")
    return Path(info.value.path()).read_text(encoding="utf-8")


def start_again(page) -> None:
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#mpl-start-again")
    page.wait_for_function("document.querySelectorAll('#mpl-assessment-form input:checked').length === 0")


def checked(page) -> list[str]:
    return page.eval_on_selector_all("#mpl-assessment-form input:checked", "els => els.map(e => e.id)")


# --- Whole questionnaire, fixed patterns ---

@pytest.mark.parametrize("pattern, profile", [(lowest, ()), (highest, ()), (mixed, ("facilitates",)), (mixed, ("commissions", "funds"))],
                         ids=["lowest", "highest", "mixed-facilitator", "mixed-commissioner"])
def test_whole_questionnaire_gives_the_expected_recommendations_and_scores(page, site_url, pattern, profile):
    open_assessment(page, site_url)
    answer_all(page, pattern, profile)
    show_results(page)
    recs, rows, strengths = results(page)
    want_recs, want_scores, want_strengths = expected(pattern, profile)
    assert recs == want_recs
    assert rows == score_rows(want_scores)
    assert strengths == want_strengths
    if pattern is lowest:
        assert set(want_scores.values()) == {0} and len(recs) >= 26  # every practice and priority action comes up
    if pattern is highest:
        assert recs == [] and set(want_scores.values()) == {100}
    asked = page.locator("fieldset[data-question]:not([hidden])").count()
    assert page.inner_text("#mpl-progress") == f"{asked} of {asked} answered"
    assert page.js_errors == []


def test_recommendations_link_to_real_pages_and_show_their_reasons(page, site_url, built_site):
    open_assessment(page, site_url)
    answer_all(page, mixed, ("facilitates",))
    show_results(page)
    items = page.locator("#mpl-recommendations > li")
    assert items.count() > 0
    for i in range(items.count()):
        href = items.nth(i).locator(".mpl-results__title a").get_attribute("href")
        assert href.startswith(site_url)
        assert (built_site / href[len(site_url):]).is_file(), href
        assert items.nth(i).locator(".mpl-results__reasons li").count() >= 1
    first = items.nth(0)
    first.locator(".mpl-results__title a").click()
    page.wait_for_selector("article h1")
    assert page.inner_text("article h1").rstrip("¶") == expected(mixed, ("facilitates",))[0][0]


def test_not_applicable_and_dont_know_are_listed_apart_with_the_reason_as_text(page, site_url):
    open_assessment(page, site_url)
    page.check("#q-com-scope-with-stakeholders-na")
    page.fill("#q-com-scope-with-stakeholders-reason", "<img src=x onerror=\"window.__pwned=1\"> not ours")
    page.check("#q-des-question-own-assumptions-dont-know")
    page.check("#q-des-adviser-challenges-blind-spots-2")
    show_results(page)
    assert page.inner_text("#mpl-not-applicable").strip().endswith("Reason given: <img src=x onerror=\"window.__pwned=1\"> not ours")
    assert page.locator("#mpl-results img").count() == 0
    assert "Don't know" not in page.inner_text("#mpl-dont-know") and page.locator("#mpl-dont-know li").count() == 1
    _, rows, _ = results(page)
    assert rows["Design"] == "100"  # the don't-know answer is not counted as zero
    assert rows["Commissioning and convening"] == "No score yet"


# --- Nothing lost ---

def test_reload_restores_every_answer(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, mixed, ("delivers",))
    page.fill("#mpl-perspective", "Delivery team")
    before, progress = checked(page), page.inner_text("#mpl-progress")
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    assert checked(page) == before
    assert page.input_value("#mpl-perspective") == "Delivery team"
    assert page.inner_text("#mpl-progress") == progress


def test_export_then_import_round_trips_exactly(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, mixed, ("facilitates",))
    not_applicable = page.eval_on_selector_all("input[value=na]:checked", "els => els.map(e => e.name.slice(2))")
    page.fill(f"#q-{not_applicable[0]}-reason", "Rules are set by the venue, «not us» & <b>them</b>")
    show_results(page)
    exported, before = export_answers(page), results(page)
    data = json.loads(exported)
    assert data["format"] == "mpl-assessment-answers" and data["profile"] == ["facilitates"]
    start_again(page)
    assert page.is_hidden("#mpl-results")
    page.set_input_files("#mpl-import", files=[{"name": "answers.json", "mimeType": "application/json", "buffer": exported.encode()}])
    page.wait_for_selector("#mpl-message[data-kind=success]")
    show_results(page)
    assert export_answers(page) == exported
    assert results(page) == before


def test_share_link_round_trips_and_never_reaches_the_server(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, mixed, ("commissions",))
    page.fill("#mpl-perspective", "Commissioner <b>view</b>")
    show_results(page)
    exported = export_answers(page)
    page.click("#mpl-make-link")
    link = page.input_value("#mpl-share-link")
    assert link.startswith(site_url + "assessment/index.html#answers=")
    start_again(page)
    page.goto("about:blank")
    page.goto(link)
    page.wait_for_selector("#mpl-message[data-kind=success]")
    assert "#" not in page.url  # the answers leave the address bar once loaded
    assert page.input_value("#mpl-perspective") == "Commissioner <b>view</b>"
    assert page.locator("#mpl-perspective ~ b, .mpl-assess b").count() == 0
    show_results(page)
    assert export_answers(page) == exported
    assert not [u for u in page.requests_made if "answers=" in u]  # the fragment is never requested


def test_share_link_asks_before_replacing_answers_already_saved(page, site_url):
    open_assessment(page, site_url)
    page.check("#q-com-co-convene-3")
    other = {"format": "mpl-assessment-answers", "questionnaire_version": "1.0.0", "profile": [], "answers": {"com-co-convene": {"value": 0}}}
    encoded = page.evaluate("t => btoa(t).replace(/\\+/g,'-').replace(/\\//g,'_').replace(/=+$/,'')", json.dumps(other))
    page.goto("about:blank")
    open_assessment(page, site_url, "#answers=" + encoded)
    assert page.is_checked("#q-com-co-convene-3")
    page.click("text=Load the shared answers")
    assert page.is_checked("#q-com-co-convene-0")


HOSTILE = ('{"format": "mpl-assessment-answers", "questionnaire_version": "1.0.0", "profile": [],'
           ' "answers": {"<img src=x onerror=window.__pwned=1>": {"value": 1}}}')


def test_hostile_import_is_refused_and_shown_as_text(page, site_url):
    open_assessment(page, site_url)
    page.check("#q-org-structured-reflection-2")
    before = checked(page)
    page.set_input_files("#mpl-import", files=[{"name": "<svg onload=alert(1)>.json", "mimeType": "application/json", "buffer": HOSTILE.encode()}])
    page.wait_for_selector("#mpl-message[data-kind=error]")
    message = page.inner_text("#mpl-message")
    assert "could not be loaded, and nothing was changed" in message
    assert '"<img src=x onerror=window.__pwned=1>"' in message and "<svg onload=alert(1)>.json" in message
    assert page.locator("#mpl-message img, #mpl-message svg").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert checked(page) == before
    assert page.evaluate("document.activeElement.id") == "mpl-message"
    for bad in ("not json at all", '{"format": "other"}', "x" * 300_000):
        page.set_input_files("#mpl-import", files=[{"name": "bad.json", "mimeType": "application/json", "buffer": bad.encode()}])
        page.wait_for_function("document.querySelector('#mpl-message').dataset.kind === 'error'")
        assert checked(page) == before


def test_garbled_share_link_and_saved_answers_are_refused(page, site_url):
    open_assessment(page, site_url, "#answers=eyJmb3JtYXQiOiJ4In0")  # {"format":"x"}
    page.wait_for_selector("#mpl-message[data-kind=error]")
    assert "not an answers file" in page.inner_text("#mpl-message")
    page.evaluate("localStorage.setItem('mpl-assessment:answers', '{\"format\": \"mpl-assessment-answers\", \"answers\": 5}')")
    page.reload()
    page.wait_for_selector("#mpl-message[data-kind=error]")
    assert "saved answers could not be read" in page.inner_text("#mpl-message")


def test_answers_to_removed_questions_are_reported(page, site_url):
    old = {"format": "mpl-assessment-answers", "questionnaire_version": "0.9.0", "saved_at": "2025-01-01T00:00:00.000Z",
           "profile": ["delivers", "no-longer-an-option"], "answers": {"room-agree-ground-rules": {"value": 2}, "an-old-question": {"value": 1}}}
    open_assessment(page, site_url)
    page.set_input_files("#mpl-import", files=[{"name": "old.json", "mimeType": "application/json", "buffer": json.dumps(old).encode()}])
    page.wait_for_selector("#mpl-message[data-kind=warning]")
    message = page.inner_text("#mpl-message")
    assert "version 0.9.0" in message and "an-old-question" in message and "no-longer-an-option" in message
    assert page.is_checked("#q-room-agree-ground-rules-2") and page.is_checked("#profile-delivers")


# --- Keyboard, accessibility, no JavaScript ---

def test_questionnaire_can_be_completed_with_the_keyboard_alone(page, site_url):
    open_assessment(page, site_url)
    choices = {}
    for _ in range(600):
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => { const e = document.activeElement;
            const f = e.closest && e.closest('fieldset[data-question]');
            return {id: e.id, type: e.type || '', question: f ? f.dataset.question : null,
                    answered: f ? !!f.querySelector('input:checked') : false}; }""")
        if focus["id"] == "mpl-show-results":
            page.keyboard.press("Enter")
            break
        if focus["type"] == "radio" and not focus["answered"]:
            page.keyboard.press("Space")
            steps = NUMBER[focus["question"]] % 3
            for _ in range(steps):
                page.keyboard.press("ArrowRight")
            choices[focus["question"]] = steps
    else:
        raise AssertionError("never reached the results button with Tab")
    page.wait_for_selector("#mpl-results:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "mpl-results-title"
    by_keys = lambda q: SCALES[q["scale"]][NUMBER[q["id"]] % 3]
    recs, rows, strengths = results(page)
    want_recs, want_scores, want_strengths = expected(by_keys)
    assert set(choices) == {q for q, shown in _shown(by_keys).items() if shown}
    assert (recs, rows, strengths) == (want_recs, score_rows(want_scores), want_strengths)


def _shown(pattern):
    answers, shown = {}, {}
    for q in QUESTIONS:
        cond = q.get("show_if") or {}
        ok = True
        if "question" in cond:
            ok = shown[cond["question"]] and answers[cond["question"]] in cond["in"]
        shown[q["id"]], answers[q["id"]] = ok, pattern(q)
    return shown


def test_no_axe_violations_before_and_after_results(page, site_url, axe):
    open_assessment(page, site_url)
    assert_no_axe_violations(axe, page, "the self-assessment, empty")
    answer_all(page, mixed, ("delivers",))
    show_results(page)
    page.click("#mpl-make-link")
    assert_no_axe_violations(axe, page, "the self-assessment with results")


def test_without_javascript_the_questions_are_readable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "assessment/index.html")
        assert page.locator("fieldset[data-question]").count() == len(QUESTIONS)
        assert page.is_visible(".mpl-assess__nojs") and "Results need JavaScript" in page.inner_text(".mpl-assess__nojs")
        assert page.is_hidden("#mpl-show-results") and page.is_hidden("#mpl-results")
        first = QUESTIONS[0]
        legend = page.inner_text(f"#q-{first['id']} legend")
        assert legend == f"1. {first['text']}"
        assert page.get_attribute(f"#q-{first['id']}", "aria-describedby") == f"hint-{first['id']}"
        labels = page.eval_on_selector_all(f"#q-{first['id']} label", "els => els.map(e => e.textContent.trim())")
        assert labels == ["Never", "Sometimes", "Usually", "Always", "Don't know", "Not applicable", "Why is it not applicable? (optional)"]
    finally:
        context.close()


def test_page_loads_only_same_origin_files_and_its_scripts_only_here(page, site_url):
    open_assessment(page, site_url)
    assert any(u.endswith("assessment/data.json") for u in page.requests_made)
    page.goto(site_url + "about.html")
    page.wait_for_load_state("load")
    assert page.locator("script[src*='assessment/main.js']").count() == 0


def test_results_export_as_markdown_and_csv(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, mixed, ("facilitates",))
    show_results(page)
    want_recs, want_scores, _ = expected(mixed, ("facilitates",))
    with page.expect_download() as info:
        page.click("#mpl-export-md")
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename.endswith(".md")
    ranked = [line for line in markdown.splitlines() if line[:1].isdigit()]
    assert len(ranked) == len(want_recs)
    assert ranked[0].startswith(f"1. [{want_recs[0]}]({site_url}")
    with page.expect_download() as info:
        page.click("#mpl-export-csv")
    rows = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("section,id,title,score_or_priority")
    assert [r.split(",")[1] for r in rows if r.startswith("stage score,")] == list(want_scores)
    assert sum(r.startswith("recommendation,") for r in rows) == len(want_recs)


def test_start_again_asks_first_and_keeps_answers_when_declined(page, site_url):
    open_assessment(page, site_url)
    page.check("#q-rec-parallel-processes-1")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#mpl-start-again")
    assert page.is_checked("#q-rec-parallel-processes-1")
    start_again(page)
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    assert checked(page) == []


def test_print_shows_the_report_without_the_form_or_the_site_navigation(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, lowest)
    show_results(page)
    page.emulate_media(media="print")
    assert page.is_hidden("#mpl-assessment-form") and page.is_hidden(".md-header") and page.is_hidden(".md-sidebar--primary")
    assert page.is_hidden("#mpl-export-json") and page.is_hidden(".mpl-assess__bar") and page.is_hidden(".mpl-results__keep")
    assert page.is_visible("#mpl-recommendations") and page.is_visible("#mpl-radar svg") and page.is_visible("#mpl-scores")


def test_works_with_instant_navigation(browser, tmp_path, monkeypatch):
    """The offline plugin turns mkdocs-material's instant navigation off, so this builds a copy without it,
    with site_url on the port it is served from: the page must start, save and restore across instant page changes."""
    import functools
    import http.server
    import shutil
    import socket
    import threading

    from conftest import _QuietHandler, build_site

    project = tmp_path / "repo"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules", ".pytest_cache", "__pycache__"))
    config = project / "mkdocs.yml"
    config.write_text("\n".join(line for line in config.read_text().splitlines() if line.strip().split("#")[0].strip() != "- offline"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    origin = f"http://127.0.0.1:{port}/"
    monkeypatch.setenv("SITE_URL", origin)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(tmp_path / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    requests = []
    try:
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(origin)
        page.evaluate("window.__sameDocument = true")
        page.click("a.md-button--primary:has-text('Take the self-assessment')")
        page.wait_for_selector("#mpl-show-results", state="visible")
        assert page.evaluate("window.__sameDocument") is True  # no full page load: instant navigation
        page.check("#q-org-work-across-the-sector-2")
        page.click(".md-nav__link:has-text('About')")
        page.wait_for_url("**/about/")
        page.go_back()
        page.wait_for_selector("#mpl-show-results", state="visible")
        assert page.evaluate("window.__sameDocument") is True
        assert page.is_checked("#q-org-work-across-the-sector-2")
        show_results(page)
        assert page.locator("#mpl-strengths > li").count() == 1
        assert errors == []
    finally:
        context.close()
        server.shutdown()
    assert requests and all(u.startswith((origin, "data:", "blob:")) for u in requests)


def test_focused_controls_are_not_hidden_under_the_sticky_progress_bar(page, site_url):
    open_assessment(page, site_url)
    page.focus("#mpl-show-results")
    for _ in range(12):  # backwards through the last questions: the page scrolls up to each control
        page.keyboard.press("Shift+Tab")
        overlap = page.evaluate("""() => {
            const bar = document.querySelector('.mpl-assess__bar').getBoundingClientRect();
            const focus = document.activeElement.getBoundingClientRect();
            return focus.top - bar.bottom; }""")
        assert overlap >= 0, page.evaluate("document.activeElement.id")


def test_narrow_screen_reflows_without_horizontal_scrolling(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    open_assessment(page, site_url)
    answer_all(page, mixed, ("delivers",))
    show_results(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("getComputedStyle(document.querySelector('.mpl-assess__bar')).position") == "static"
