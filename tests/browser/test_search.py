"""Search on the built site (Pagefind, run by assets/javascripts/search.js), on this library and on the example
library, with the expectations read from each library's own YAML: an entry comes first for its title and a
stage or an index page for its name; the first page load fetches no index and no sitemap; the header's box
opens the results by instant navigation, Back brings them again; the count is said, the keyboard reaches
the results."""
from __future__ import annotations

import re
import time

from model import load_library
from model.site_config import load_site
from search_helpers import results

def search_on_page(page, url: str, project, query: str) -> list[str]:
    page.goto(url + "search.html?q=" + query.replace(" ", "+"))
    return results(page, project)


def test_an_entry_comes_first_for_its_title_from_the_header_box(page, each_site):
    url, _, project = each_site
    lib = load_library(project)
    entry = next(e for e in lib.entries.values() if not e.retired)
    page.goto(url + "index.html")
    page.click("#mpl-header-q")
    page.keyboard.type(entry.title, delay=5)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    found = results(page, project)
    assert found[0] == f"/{lib.kinds[entry.kind].folder}/{entry.id}.html", (entry.title, found[:3])
    status = page.locator("#mpl-search .mpl-search__status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert not page.js_errors, page.js_errors


def test_each_stage_and_index_page_comes_first_for_its_name(page, each_site):
    url, _, project = each_site
    lib, site = load_library(project), load_site(project)
    folder = site.wording["stages"]["folder"]
    named = {s["title"]: f"/{folder}/{s['id']}.html" for s in lib.stages}
    named.update({k.plural: f"/{k.folder}/index.html" for k in lib.kinds.values()})
    named[site.wording["stages"]["title"]] = f"/{folder}/index.html"
    for name, address in named.items():
        found = search_on_page(page, url, project, name)
        assert found and found[0] == address, (name, found[:3])


def test_a_first_page_load_fetches_no_index_and_no_sitemap(page, each_site):
    url, _, project = each_site
    lib = load_library(project)
    kind = next(iter(lib.kinds.values()))
    for path in ("index.html", f"{kind.folder}/index.html"):
        page.requests_made.clear()
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        fetched = [u for u in page.requests_made if "/pagefind/" in u or u.endswith("sitemap.xml")]
        assert not fetched, f"{path} fetched {fetched} before any search"
    # Instant navigation still works: the sitemap comes once the pointer moves, then a link opens without a reload.
    page.evaluate("window.__same = true")
    page.mouse.move(300, 300)
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('sitemap.xml'))")
    page.locator(f'.md-nav--primary a[href$="{kind.folder}/index.html"]').first.click()
    page.wait_for_url(re.compile(rf"/{kind.folder}/index\.html"))
    assert page.evaluate("window.__same === true"), "the link was not opened by instant navigation"
    assert not [u for u in page.requests_made if "/pagefind/" in u], "a page load fetched the index"


def test_a_result_opens_and_back_shows_the_results_again(page, each_site):
    url, _, project = each_site
    lib = load_library(project)
    entry = next(e for e in lib.entries.values() if not e.retired)
    word = max(re.findall(r"[A-Za-z]{5,}", entry.title), key=len)
    page.goto(url + "index.html")
    page.mouse.move(200, 200)  # the sitemap comes: a result opens by instant navigation
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('sitemap.xml'))")
    page.evaluate("window.__same = true")
    page.fill("#mpl-header-q", word)
    page.press("#mpl-header-q", "Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    before = results(page, project)
    assert page.evaluate("window.__same === true"), "the header box did not open the search page by instant navigation"
    assert page.evaluate("document.activeElement.id") == "mpl-search-q", "the focus is not in the page's field"
    # From the field, the arrow keys reach the results, and Enter opens one.
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('.mpl-search__results a')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.href")
    assert re.sub(r"^https?://[^/]+", "", second) == before[1]
    page.keyboard.press("Enter")
    page.wait_for_url(second)
    page.wait_for_selector("article h1")
    page.go_back()
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    assert results(page, project) == before
    assert not page.js_errors, page.js_errors


def test_the_header_box_works_after_instant_navigation_to_a_deeper_page(page, each_site):
    url, _, project = each_site
    lib = load_library(project)
    kind = next(iter(lib.kinds.values()))
    page.goto(url + "index.html")
    page.mouse.move(200, 200)
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('sitemap.xml'))")
    page.locator(f'.md-nav--primary a[href$="{kind.folder}/index.html"]').first.click()
    page.wait_for_url(re.compile(rf"/{kind.folder}/index\.html"))
    page.fill("#mpl-header-q", kind.plural)
    page.press("#mpl-header-q", "Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    assert page.url.startswith(url + "search.html"), page.url
    assert results(page, project)[0] == f"/{kind.folder}/index.html"


def test_pagefind_is_warmed_up_with_a_word_every_entry_page_carries_as_soon_as_it_starts(page, each_site):
    url, _, project = each_site
    lib, site = load_library(project), load_site(project)
    word = site.strings["entry.stage"]  # the label of every entry page's facts list
    page.goto(url + "index.html")
    form = page.locator("form.mpl-header-search")
    assert form.get_attribute("data-warm-up") == word
    page.requests_made.clear()
    page.focus("#mpl-header-q")  # Pagefind starts; nothing is typed
    end = time.monotonic() + 30  # the worker fetches the part of the index that holds the word
    while not [u for u in page.requests_made if "/pagefind/index/" in u] and time.monotonic() < end:
        page.wait_for_timeout(50)
    assert [u for u in page.requests_made if "/pagefind/index/" in u], "no warm-up search when Pagefind started"
    # The warm-up goes through every entry page, as the longest search would.
    found = page.evaluate("""async ([bundle, word]) => {
        const pagefind = await import(bundle + "pagefind.js");
        return (await pagefind.search(word)).results.length; }""", [url + "pagefind/", word])
    assert found >= sum(1 for e in lib.entries.values() if not e.retired), (word, found)
    assert not page.js_errors, page.js_errors
