"""The self-assessment page in use: keyboard only, axe-core, no JavaScript, same origin, print, instant
navigation, focus and reflow."""
from __future__ import annotations

from assessment_helpers import (
    ROOT, SCALES, QUESTIONS, NUMBER, expected, lowest, mixed, open_assessment, answer_all, show_results,
    results, score_rows, shown_questions,
)
from conftest import assert_no_axe_violations


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
    assert set(choices) == {q for q, shown in shown_questions(by_keys).items() if shown}
    assert (recs, rows, strengths) == (want_recs, score_rows(want_scores), want_strengths)

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


def test_print_shows_the_report_without_the_form_or_the_site_navigation(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, lowest)
    show_results(page)
    page.emulate_media(media="print")
    assert page.is_hidden("#mpl-assessment-form") and page.is_hidden(".md-header") and page.is_hidden(".md-sidebar--primary")
    assert page.is_hidden("#mpl-export-json") and page.is_hidden(".mpl-assess__bar") and page.is_hidden(".mpl-results__keep")
    assert page.is_visible("#mpl-recommendations") and page.is_visible("#mpl-radar svg") and page.is_visible("#mpl-scores")


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
    context = browser.new_context()
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
        page.check("#q-org-work-across-the-sector-2")
        # saved as soon as it is given (a person cannot click away faster than this)
        page.wait_for_function("Object.values(localStorage).some(v => v.includes('org-work-across-the-sector'))", timeout=5000)
        page.click(".md-nav__link:has-text('About')")
        page.wait_for_url("**/about.html")
        page.go_back()
        page.wait_for_selector("#mpl-show-results", state="visible")
        assert page.evaluate("window.__sameDocument") is True
        # restored once the page has started again (it loads data.json first)
        page.wait_for_function("document.querySelector('#q-org-work-across-the-sector-2').checked", timeout=5000)
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
