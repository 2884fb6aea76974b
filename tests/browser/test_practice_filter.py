"""The practice index filters by stage, role and theme in a real browser, without a reload."""
from __future__ import annotations

from model import load_library
from conftest import ROOT

LIB = load_library(ROOT)
PRACTICES = LIB.of_kind("practice")


def expected(stage="", role="", theme=""):
    return sorted(p.title for p in PRACTICES
                  if (not stage or stage in p.stages) and (not role or role in p.roles) and (not theme or theme in p.themes))


def visible_titles(page):
    return sorted(page.locator("#practice-list > li:visible > a").all_inner_texts())


def open_index(page, site_url, query=""):
    page.goto(site_url + "practices/index.html" + query)
    page.wait_for_selector(".mpl-filter:not([hidden])")


def test_all_practices_are_listed_and_the_filter_appears_with_javascript(page, site_url):
    open_index(page, site_url)
    assert visible_titles(page) == expected()
    assert page.locator(".mpl-filter__count").inner_text() == f"Showing all {len(PRACTICES)} practices"


def test_filters_combine_and_update_count_and_url_without_reload(page, site_url):
    open_index(page, site_url)
    page.evaluate("window.__sameDocument = true")
    page.select_option("#filter-stage", "in-the-room")
    assert visible_titles(page) == expected(stage="in-the-room")
    page.select_option("#filter-role", "facilitators")
    want = expected(stage="in-the-room", role="facilitators")
    assert visible_titles(page) == want
    assert page.locator(".mpl-filter__count").inner_text() == f"Showing {len(want)} of {len(PRACTICES)} practices"
    assert page.url.endswith("?stage=in-the-room&role=facilitators")
    assert page.evaluate("window.__sameDocument") is True, "the page reloaded"


def test_a_filter_with_no_match_says_so_and_reset_clears(page, site_url):
    open_index(page, site_url)
    stage, theme = next((s, t["id"]) for s in LIB.stage_ids for t in LIB.themes.values() if not expected(stage=s, theme=t["id"]))
    page.select_option("#filter-stage", stage)
    page.select_option("#filter-theme", theme)
    assert visible_titles(page) == []
    assert page.locator(".mpl-filter__empty").is_visible()
    page.click(".mpl-filter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('#practice-list > li:not([hidden])').length === {len(PRACTICES)}")
    assert not page.locator(".mpl-filter__empty").is_visible()


def test_stage_page_links_to_the_index_filtered_by_that_stage(page, site_url):
    page.goto(site_url + "stages/recruitment.html")
    page.click("text=Filter all practices by this stage")
    page.wait_for_selector(".mpl-filter:not([hidden])")
    assert page.input_value("#filter-stage") == "recruitment"
    assert visible_titles(page) == expected(stage="recruitment")


def test_theme_link_on_a_practice_opens_the_filtered_index(page, site_url):
    practice = PRACTICES[0]
    theme = LIB.themes[practice.themes[0]]
    page.goto(site_url + f"practices/{practice.id}.html")
    page.locator(".mpl-facts").get_by_role("link", name=theme["title"], exact=True).click()
    page.wait_for_selector(".mpl-filter:not([hidden])")
    assert page.input_value("#filter-theme") == theme["id"]
    assert practice.title in visible_titles(page)


def test_the_filter_works_with_the_keyboard_alone(page, site_url):
    open_index(page, site_url)
    page.focus("#filter-stage")
    page.keyboard.press("ArrowDown")  # first option after "Any stage"
    first_stage = page.locator("#filter-stage option").nth(1).get_attribute("value")
    page.wait_for_function(f"new URLSearchParams(location.search).get('stage') === '{first_stage}'")
    assert visible_titles(page) == expected(stage=first_stage)
    assert not page.js_errors


def test_without_javascript_every_practice_is_listed(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "practices/index.html")
    assert page.locator("#practice-list > li").count() == len(PRACTICES)
    assert not page.locator(".mpl-filter").is_visible()
    context.close()
