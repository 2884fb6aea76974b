"""The Contributing page (made from CONTRIBUTING.md) meets WCAG 2.2 AA like every other page."""
from __future__ import annotations

from conftest import assert_no_axe_violations


def test_contributing_page_has_no_axe_violations_and_reaches_its_sections_by_keyboard(page, site_url, built_site, axe):
    path = "contributing.html" if (built_site / "contributing.html").is_file() else "contributing/"
    page.goto(site_url + path)
    page.wait_for_selector("article.md-content__inner h1")
    assert page.locator("article h1").inner_text().startswith("Contributing")
    assert_no_axe_violations(axe, page, "the Contributing page")
    # The table of fields and the code examples are in the page, readable without JavaScript tricks.
    assert page.locator("article table").count() >= 2
    assert page.locator("article pre code").count() >= 5
    # A link in the opening list, followed with the keyboard, moves to its section.
    page.locator("article a[href$='#work-on-your-own-computer']").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#work-on-your-own-computer'")
    assert page.js_errors == []
