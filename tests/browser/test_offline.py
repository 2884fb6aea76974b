"""The built site works offline: opened from file:// (no server), its links work, its search says why it
cannot run there and where to look instead, and it asks nothing of any http(s) origin."""
from __future__ import annotations

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


def test_search_from_the_file_system_points_to_the_lists_and_to_serving_the_folder(offline_page, built_site):
    """Pagefind cannot run from file:// (no module, no fetch there): the header's box still opens the search page,
    whose note says so, links to every page that lists the entries and says how to serve the folder."""
    page = offline_page
    page.goto((built_site / "practices" / "index.html").as_uri())
    page.fill("#mpl-header-q", "recruitment")
    page.press("#mpl-header-q", "Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q=recruitment$"))
    note = page.locator("#mpl-search .mpl-search__note")
    assert note.is_visible(), "the note does not show from file://"
    assert "http.server" in note.inner_text()
    lists = note.locator("a")
    targets = [re.sub(r"^.*?/site/", "", a) for a in lists.evaluate_all("links => links.map(a => a.href)")]
    assert "practices/index.html" in targets and "stages/index.html" in targets, targets
    assert page.locator("#mpl-search .mpl-search__results a").count() == 0
    lists.filter(has_text=re.compile("Practices")).first.click()
    page.wait_for_url(re.compile(r"/practices/index\.html$"))
    assert page.locator("#entry-list > li > a").count() > 0
    assert not [u for u in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)") if "/pagefind/" in u]
