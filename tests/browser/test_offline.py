"""The built site works offline: opened from file:// (no server), its links and its search work,
and it asks nothing of any http(s) origin."""
from __future__ import annotations

import html
import re

import pytest


@pytest.fixture
def offline_page(browser):
    """A page that records every request and fails the test if any goes to an http(s) origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    yield page
    context.close()
    assert requests, "the page made no request at all: the test did not run"
    online = [url for url in requests if url.startswith(("http:", "https:"))]
    assert not online, f"requests to http(s) origins from the offline site: {online}"
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in requests), requests


def test_pages_and_links_work_from_the_file_system(offline_page, built_site):
    page = offline_page
    page.goto((built_site / "index.html").as_uri())
    assert page.locator("h1").first.inner_text().strip()
    page.locator('article a[href$="practices/index.html"]').first.click()  # the home page has no sidebar
    page.wait_for_url(re.compile(r"/practices/index\.html"))
    practices = page.locator("#entry-list > li > a")
    assert practices.count() > 0 and practices.first.is_visible(), "the practice list is readable without a server"
    title = practices.first.inner_text().strip()
    practices.first.click()
    page.wait_for_url(re.compile(r"/practices/[a-z0-9-]+\.html$"))
    assert page.url.startswith("file://")
    assert page.locator("article h1").inner_text().rstrip("¶").strip() == title
    # Stylesheets load from the file system too: the theme's layout is applied.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")


def test_search_finds_a_practice_from_the_file_system(offline_page, built_site):
    page = offline_page
    practice = sorted(p for p in (built_site / "practices").glob("*.html") if p.name != "index.html")[0]
    title = re.search(r"<h1[^>]*>(.*?)<", practice.read_text(encoding="utf-8")).group(1)
    title = html.unescape(title)
    page.goto((built_site / "index.html").as_uri())
    page.click("input.md-search__input")
    page.keyboard.type(title, delay=10)
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    found = [i for i, href in enumerate(hrefs) if re.search(rf"/practices/{re.escape(practice.name)}(\?|#|$)", href)]
    assert found, (title, hrefs)
    page.locator(".md-search-result__item > a").nth(found[0]).click()
    page.wait_for_url(re.compile(re.escape(practice.name)))
    assert page.locator("article h1").inner_text().rstrip("¶").strip() == title
