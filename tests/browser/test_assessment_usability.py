"""The self-assessment page in use: keyboard only, axe-core, no JavaScript, same origin, print, instant
navigation, focus and reflow."""
from __future__ import annotations

import yaml

from assessment_helpers import REAL, ROOT, library, open_assessment, answer_all, show_results, results  # noqa: F401 (fixture)
from conftest import assert_no_axe_violations


def test_questionnaire_can_be_completed_with_the_keyboard_alone(page, library):
    site_url, q, _ = library
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
            steps = q.number[focus["question"]] % min(3, len(q.scales[q.by_id[focus["question"]]["scale"]]))
            for _ in range(steps):
                page.keyboard.press("ArrowRight")
            choices[focus["question"]] = steps
    else:
        raise AssertionError("never reached the results button with Tab")
    page.wait_for_selector("#mpl-results:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "mpl-results-title"
    by_keys = lambda question: q.scales[question["scale"]][q.number[question["id"]] % min(3, len(q.scales[question["scale"]]))]
    recs, rows, strengths = results(page)
    want_recs, want_scores, want_strengths, _ = q.expected(by_keys)
    assert set(choices) == {qid for qid, shown in q.shown(by_keys).items() if shown}
    assert (recs, rows, strengths) == (want_recs, q.score_rows(want_scores), want_strengths)
    # The plan is filled in with the keyboard too: Tab from the results' title reaches the first "Who will do it".
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.planPart") == "owner":
            break
    else:
        raise AssertionError("never reached a plan field with Tab")
    page.keyboard.type("Sam")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.planPart") == "by"
    assert "Sam" in page.inner_text("#mpl-plan")

def test_no_axe_violations_before_and_after_results(page, library, axe):
    site_url, q, _ = library
    open_assessment(page, site_url)
    assert_no_axe_violations(axe, page, "the self-assessment, empty")
    answer_all(page, q.mixed, q.profile[:1], q)
    show_results(page)
    page.locator(".mpl-results__recs input[type=text]").first.fill("Sam")
    page.locator("#mpl-scores select").first.select_option("80")
    if page.locator("#mpl-recs-later-area:not([hidden])").count():
        page.click("#mpl-recs-later-summary")
    page.click("#mpl-make-link")
    assert_no_axe_violations(axe, page, "the self-assessment with results and a plan")
    page.set_viewport_size({"width": 375, "height": 800})
    assert_no_axe_violations(axe, page, "the self-assessment with results, on a phone")


def test_without_javascript_the_questions_are_readable(browser, library):
    site_url, q, _ = library
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "assessment/index.html")
        assert page.locator("fieldset[data-question]").count() == len(q.questions)
        assert page.is_visible(".mpl-assess__nojs") and page.inner_text(".mpl-assess__nojs") == q.t("assessment.nojs")
        assert page.is_hidden("#mpl-show-results") and page.is_hidden("#mpl-results") and page.is_hidden("#mpl-start-again")
        first, last = q.questions[0], q.questions[-1]
        assert page.inner_text(f"#q-{first['id']} legend") == f"1. {first['text']}"
        assert page.inner_text(f"#q-{last['id']} legend") == f"{len(q.questions)}. {last['text']}"  # the whole questionnaire's numbers
        if first.get("help"):
            assert page.get_attribute(f"#q-{first['id']}", "aria-describedby") == f"hint-{first['id']}"
        labels = page.eval_on_selector_all(f"#q-{first['id']} label", "els => els.map(e => e.textContent.trim())")
        assert labels == [*q.labels[first["scale"]].values(), q.t("answer.dont_know"), q.t("answer.not_applicable"), q.t("assessment.na_reason")]
        assert page.locator(".mpl-assess__sections a").count() == len(q.sections) + 1  # the sections can be reached
    finally:
        context.close()


def test_page_loads_only_same_origin_files_and_its_scripts_only_here(page, site_url):
    open_assessment(page, site_url)
    assert any(u.endswith("assessment/data.json") for u in page.requests_made)
    page.goto(site_url + "about.html")
    page.wait_for_load_state("load")
    assert page.locator("script[src*='assessment/main.js']").count() == 0


def test_print_shows_the_report_with_what_it_is_of_and_without_the_form_or_the_site_navigation(page, library):
    site_url, q, _ = library
    open_assessment(page, site_url)
    answer_all(page, q.lowest, q.profile[:1], q)
    page.fill("#mpl-perspective", "Youth team")
    show_results(page)
    page.locator(".mpl-results__recs input[type=text]").first.fill("Sam")
    assert page.is_hidden(".mpl-results__print-head")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what printing sends first
    assert page.is_hidden("#mpl-assessment-form") and page.is_hidden(".md-header") and page.is_hidden(".md-sidebar--primary")
    assert page.is_hidden("#mpl-export-json") and page.is_hidden(".mpl-assess__bar") and page.is_hidden(".mpl-results__keep")
    assert page.is_visible("#mpl-recs-start") and page.is_visible("#mpl-radar svg.mpl-radar--wide") and page.is_visible("#mpl-scores")
    head = page.inner_text(".mpl-results__print-head")
    for term in ("results.about_date", "results.about_version", "results.about_profile", "results.about_perspective"):
        assert q.t(term) in head
    assert q.version in head and "Youth team" in head
    today = page.evaluate("new Date().toISOString().slice(0, 10)")  # the day the report is made, as the page dates it
    assert today in head
    option = next(o for o in yaml.safe_load((q.root / "assessment" / "profile.yml").read_text())["options"] if o["id"] == q.profile[0])
    assert option["label"] in head
    assert page.is_visible("#mpl-plan") and "Sam" in page.inner_text("#mpl-plan") and page.is_hidden(".mpl-rec__plan")
    if page.locator(".mpl-results__recs > li").count() > 8:
        assert page.is_visible("#mpl-recs-later > li >> nth=0")  # "Later" is printed open
    # Links print their address on a line of its own, and never break a word of their text.
    link = page.locator(".mpl-results__recs .mpl-results__title a").first
    assert link.evaluate("a => getComputedStyle(a, '::after').display") == "block"
    assert link.evaluate("a => getComputedStyle(a, '::after').wordBreak") != "break-all"
    assert link.evaluate("a => [getComputedStyle(a).wordBreak, getComputedStyle(a).hyphens]") in (["normal", "manual"], ["break-word", "manual"])
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")


def test_works_with_instant_navigation(browser, tmp_path, monkeypatch):
    """Instant navigation takes over only links whose port is the sitemap's, so this builds a copy with site_url on
    the port it is served from: the page must start, save and restore across instant page changes. The sitemap
    comes at the first interaction (defer-sitemap.js), as a visitor's pointer moves before a click."""
    import functools
    import http.server
    import shutil
    import socket
    import threading

    from conftest import _QuietHandler, build_site

    project = tmp_path / "repo"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules", ".pytest_cache", "__pycache__"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    origin = f"http://127.0.0.1:{port}/"
    monkeypatch.setenv("SITE_URL", origin)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(tmp_path / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(bypass_csp=True)  # Playwright's waits evaluate text, which the pages' CSP forbids
    requests = []
    try:
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(origin)
        page.evaluate("window.__sameDocument = true")
        page.mouse.move(300, 300)
        page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('sitemap.xml'))")
        page.click("a.md-button--primary:has-text('Take the self-assessment')")
        page.wait_for_selector("#mpl-show-results", state="visible")
        assert page.evaluate("window.__sameDocument") is True  # no full page load: instant navigation
        qid = REAL.spread_questions(1)[0]
        page.check(f"#q-{qid}-2")
        # saved as soon as it is given (a person cannot click away faster than this)
        page.wait_for_function(f"Object.values(localStorage).some(v => v.includes('{qid}'))", timeout=5000)
        page.click(".md-nav__link:has-text('About')")
        page.wait_for_url("**/about.html")
        page.go_back()
        page.wait_for_selector("#mpl-show-results", state="visible")
        assert page.evaluate("window.__sameDocument") is True
        # restored once the page has started again (it loads data.json first)
        page.wait_for_function(f"document.querySelector('#q-{qid}-2').checked", timeout=5000)
        show_results(page)
        assert page.locator("#mpl-results-summary").inner_text() != ""
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


def test_narrow_screen_reflows_without_horizontal_scrolling(page, library):
    site_url, q, _ = library
    page.set_viewport_size({"width": 320, "height": 640})
    open_assessment(page, site_url)
    answer_all(page, q.mixed, q.profile[:1], q)
    show_results(page)
    if page.locator("#mpl-recs-later-area:not([hidden])").count():
        page.click("#mpl-recs-later-summary")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("getComputedStyle(document.querySelector('.mpl-assess__bar')).position") == "static"
