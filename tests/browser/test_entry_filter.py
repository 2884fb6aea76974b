"""The index pages filter by stage, who acts and theme in a real browser, without a reload and without the
list moving. Run on the example library (its kinds, stages and wording), the layout shift on both libraries;
nothing here names this library."""
from __future__ import annotations

import pytest

from model import load_library
from model.site_config import load_site


@pytest.fixture(scope="module")
def lib(example_site):
    return load_library(example_site[1])


@pytest.fixture(scope="module")
def kind(lib):
    """The kind with the most entries: its index has the most to filter."""
    return max(lib.kinds.values(), key=lambda k: len(lib.of_kind(k.id)))


def expected(lib, kind, stage="", role="", theme=""):
    return sorted(e.title for e in lib.of_kind(kind.id)
                  if (not stage or stage in e.stages) and (not role or role in e.roles) and (not theme or theme in e.themes))


def visible_titles(page):
    return sorted(page.locator("#entry-list > li:visible > a").all_inner_texts())


def open_index(page, url, kind, query=""):
    page.goto(url + f"{kind.folder}/index.html" + query)
    page.wait_for_selector(".mpl-filter[data-ready]")


def test_every_entry_is_listed_and_the_count_uses_the_kinds_words(page, example_url, lib, kind):
    open_index(page, example_url, kind)
    assert visible_titles(page) == expected(lib, kind)
    assert page.locator(".mpl-filter__count").inner_text() == f"Showing all {len(lib.of_kind(kind.id))} {kind.plural.lower()}"


def test_filters_combine_and_update_count_and_url_without_reload(page, example_url, lib, kind):
    open_index(page, example_url, kind)
    page.evaluate("window.__sameDocument = true")
    stage = next(s for s in lib.stage_ids if 0 < len(expected(lib, kind, stage=s)))
    page.select_option("#filter-stage", stage)
    assert visible_titles(page) == expected(lib, kind, stage=stage)
    role = next(e.roles[0] for e in lib.of_kind(kind.id) if stage in e.stages)
    page.select_option("#filter-role", role)
    want = expected(lib, kind, stage=stage, role=role)
    assert visible_titles(page) == want and want
    assert page.locator(".mpl-filter__count").inner_text() == f"Showing {len(want)} of {len(lib.of_kind(kind.id))} {kind.plural.lower()}"
    assert page.url.endswith(f"?stage={stage}&role={role}")
    assert page.evaluate("window.__sameDocument") is True, "the page reloaded"


def test_a_filter_with_no_match_says_so_and_reset_clears(page, example_url, lib, kind):
    open_index(page, example_url, kind)
    stage, theme = next((s, t) for s in lib.stage_ids for t in lib.themes if not expected(lib, kind, stage=s, theme=t)
                        and expected(lib, kind, stage=s) and expected(lib, kind, theme=t))
    page.select_option("#filter-stage", stage)
    page.select_option("#filter-theme", theme)
    assert visible_titles(page) == []
    assert page.locator(".mpl-filter__empty").is_visible()
    page.click(".mpl-filter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('#entry-list > li:not([hidden])').length === {len(lib.of_kind(kind.id))}")
    assert not page.locator(".mpl-filter__empty").is_visible()


def test_every_kind_has_a_filtered_index_and_a_role_link_opens_it(page, example_url, lib):
    for kind in lib.kinds.values():
        open_index(page, example_url, kind)
        assert visible_titles(page) == expected(lib, kind)
    entry = next(iter(lib.entries.values()))
    role = lib.roles[entry.roles[0]]
    page.goto(example_url + f"{lib.kinds[entry.kind].folder}/{entry.id}.html")
    page.locator(".mpl-facts").get_by_role("link", name=role["title"], exact=True).click()
    page.wait_for_selector(".mpl-filter[data-ready]")
    assert page.input_value("#filter-role") == role["id"]
    assert entry.title in visible_titles(page)


def test_the_home_page_ways_in_open_a_stage_and_the_filtered_index(page, example_url, example_site, lib):
    site = load_site(example_site[1])
    page.goto(example_url)
    role = next(iter(lib.roles.values()))
    page.locator(".mpl-ways").get_by_role("link", name=role["title"], exact=True).click()
    page.wait_for_selector(".mpl-filter[data-ready]")
    assert page.input_value("#filter-role") == role["id"]
    assert f"/{lib.kinds[site.wording['home']['by_role']['kind']].folder}/" in page.url


def test_the_filter_works_with_the_keyboard_alone(page, example_url, lib, kind):
    open_index(page, example_url, kind)
    page.focus("#filter-stage")
    page.keyboard.press("ArrowDown")  # the first option after "Any stage"
    first_stage = page.locator("#filter-stage option").nth(1).get_attribute("value")
    page.wait_for_function(f"new URLSearchParams(location.search).get('stage') === '{first_stage}'")
    assert visible_titles(page) == expected(lib, kind, stage=first_stage)
    assert not page.js_errors


SHIFT = """window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
    if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});"""


def _addresses(project) -> list[str]:
    """Every index page of a library (the stages page and each kind's index), each kind's index also with
    one and with two filters in the address, as a link from an entry or the home page opens it."""
    library, site = load_library(project), load_site(project)
    out = [f"{site.wording['stages']['folder']}/index.html"]
    for kind in library.kinds.values():
        entries = library.of_kind(kind.id)
        index = f"{kind.folder}/index.html"
        out.append(index)
        for entry in entries[:1]:
            facets = [f"{name}={values[0]}" for name, values in
                      (("stage", entry.stages), ("role", entry.roles), ("theme", entry.themes)) if values]
            out += [f"{index}?{facets[0]}", f"{index}?{'&'.join(facets[1:3])}"]
    return out


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 375, "height": 800}], ids=["1280x800", "375x800"])
def test_no_index_page_moves_as_it_loads(browser, each_site, viewport):
    """The filter is drawn when the site is built, and a filter named in the address is applied before the
    list is seen (entry-filter/early.js): cumulative layout shift stays under 0.1 on every index page."""
    site_url, _, project = each_site
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    page.add_init_script(SHIFT)
    for address in _addresses(project):
        page.goto(site_url + address)
        page.wait_for_load_state("load")
        if page.locator("#entry-list").count():
            page.wait_for_selector(".mpl-filter[data-ready]")
            assert page.locator("#entry-list").evaluate("el => getComputedStyle(el).visibility") == "visible"
        page.wait_for_timeout(300)
        shift = page.evaluate("window.__shift")
        assert shift < 0.1, f"{address} at {viewport['width']} px: cumulative layout shift {shift:.3f}"
    context.close()


def test_without_javascript_every_entry_is_listed(browser, example_url, lib, kind):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_url + f"{kind.folder}/index.html")
    assert page.locator("#entry-list > li").count() == len(lib.of_kind(kind.id))
    context.close()
