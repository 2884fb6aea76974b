"""Every page carries a Content-Security-Policy that forbids inline and evaluated script and requests to any
other origin, and works under it: no violation while pages load, search runs, the self-assessment shows
results and the comparison pages start. Run on this library and on the example library."""
from __future__ import annotations

import re

import pytest

from conftest import html_of, page_types
from model import load_library

WATCH = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.fixture
def watched(strict_page):
    strict_page.add_init_script(WATCH)
    return strict_page


def violations(page) -> list[str]:
    return page.evaluate("window.__csp")


def test_every_page_carries_the_policy_and_no_inline_script(each_site):
    _, site, project = each_site
    for label, path in page_types(project).items():
        text = html_of(site, path.removesuffix(".html") + ".md")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        assert policy, f"{label}: no Content-Security-Policy"
        rules = dict(part.strip().split(" ", 1) for part in policy.group(1).split(";") if part.strip())
        assert rules["script-src"] == "'self'" and "unsafe-eval" not in policy.group(1), label
        assert rules["default-src"] == "'self'" and rules["object-src"] == "'none'", label
        inline = [s for s in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", text) if "application/json" not in s]
        assert not inline, f"{label}: inline script {inline}"


def test_no_page_breaks_under_the_policy(watched, each_site):
    url, _, project = each_site
    for label, path in page_types(project).items():
        watched.goto(url + path)
        watched.wait_for_load_state("load")
        watched.wait_for_timeout(100)
        assert violations(watched) == [], f"{label}: {violations(watched)}"
    assert not watched.js_errors, watched.js_errors


def test_search_the_assessment_and_the_comparison_pages_work_under_the_policy(watched, each_site):
    url, _, project = each_site
    title = next(iter(load_library(project).entries.values())).title
    watched.goto(url + "index.html")
    watched.click("#mpl-header-q")  # Pagefind starts: its worker runs its WebAssembly
    watched.keyboard.type(max(re.findall(r"[A-Za-z]{4,}", title), key=len), delay=20)
    watched.keyboard.press("Enter")
    watched.wait_for_selector("#mpl-search .mpl-search__results a")
    watched.goto(url + "assessment/index.html")
    watched.wait_for_selector("#mpl-show-results", state="visible")  # the page's scripts started
    watched.locator("fieldset[data-question]:not([hidden]) input[type=radio]").first.check()
    watched.click("#mpl-show-results")
    watched.wait_for_selector("#mpl-results:not([hidden])")
    for path, ready in (("assessment/compare.html", ".mpl-cmp-js-only:not([hidden])"),
                        ("assessment/combine.html", ".mpl-cmp-js-only:not([hidden])")):
        watched.goto(url + path)
        watched.wait_for_selector(ready)
    assert violations(watched) == [], violations(watched)
    assert not watched.js_errors, watched.js_errors
