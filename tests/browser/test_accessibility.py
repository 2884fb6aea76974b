"""Every page type has zero axe-core violations (WCAG 2.2 A/AA), and the site is usable with the keyboard."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import assert_no_axe_violations, page_types
from search_helpers import results

# Best-practice rules that a default mkdocs-material page fails and our theme fixes (overrides/main.html).
THEME_RULES = ["aria-dialog-name", "landmark-unique", "landmark-one-main", "page-has-heading-one"]


def _first_entry(site: Path, folder: str) -> str:
    pages = sorted(p.name for p in (site / folder).glob("*.html") if p.name != "index.html")
    assert pages, f"no entry page built in {folder}/"
    return f"{folder}/{pages[0]}"


def _assessment_built(site: Path) -> bool:
    return (site / "assessment" / "index.html").is_file()


def _pages(project: Path) -> dict[str, str]:
    """Label -> path of one page of each type of a project's built site (.html: the offline build); the
    self-assessment has its own test, before and after results."""
    return {label: path for label, path in page_types(project).items() if label != "self-assessment"}


def assert_theme_rules_pass(axe, page, label: str) -> None:
    results = axe.run(page, options={"runOnly": {"type": "rule", "values": THEME_RULES}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    details = "\n".join(f"{v['id']}: {v['help']} (e.g. {v['nodes'][0]['target']})" for v in violations)
    assert not violations, f"axe best-practice violations on {label}:\n{details}"


def open_page(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    page.wait_for_selector("article.md-content__inner h1")


def search_for(page, project, text: str) -> list[str]:
    """Type into the header's search box as a person would, press Enter, and wait for the results."""
    page.click("#mpl-header-q")
    page.keyboard.type(text, delay=20)
    page.keyboard.press("Enter")
    return results(page, project)


# --- Every page type ---

def test_every_page_type_has_no_axe_violations(page, each_site, axe):
    site_url, _, project = each_site
    for label, path in _pages(project).items():
        open_page(page, site_url, path)
        assert_no_axe_violations(axe, page, f"{label} ({path})")
        assert_theme_rules_pass(axe, page, f"{label} ({path})")
    assert not page.js_errors, page.js_errors


def test_practice_index_with_a_filter_applied_has_no_axe_violations(page, site_url, axe):
    open_page(page, site_url, "practices/index.html")
    form = page.locator('form[data-module="entry-filter"]')
    form.wait_for(state="visible")
    total = page.locator("#entry-list > li").count()
    select = form.locator("select").first
    select.select_option(index=1)  # the first real choice after "Any ..."
    page.wait_for_function("document.querySelector('.mpl-filter__count').textContent.startsWith('Showing ')")
    shown = page.locator("#entry-list > li:not([hidden])").count()
    assert 0 < shown <= total
    assert "?" in page.url, "the filter is kept in the URL"
    assert_no_axe_violations(axe, page, "practice index, filtered")
    assert_theme_rules_pass(axe, page, "practice index, filtered")
    assert not page.js_errors, page.js_errors


def test_search_results_have_no_axe_violations(page, site_url, real_site, axe):
    built_site, project = real_site
    practice = _first_entry(built_site, "practices")
    title = re.search(r"<h1[^>]*>(.*?)<", (built_site / practice).read_text(encoding="utf-8")).group(1)
    word = max(re.findall(r"[A-Za-z]{5,}", title), key=len)
    open_page(page, site_url, "index.html")
    assert search_for(page, project, word)
    assert_no_axe_violations(axe, page, f"search results for {word!r}")
    assert_theme_rules_pass(axe, page, f"search results for {word!r}")
    assert not page.js_errors, page.js_errors


def test_search_page_without_results_has_no_axe_violations(page, site_url, real_site, axe):
    """As it first shows (the field, and the note for pages without script hidden), and with no result."""
    open_page(page, site_url, "search.html")
    page.wait_for_selector("#mpl-search.mpl-search--ready")
    assert_no_axe_violations(axe, page, "the search page")
    page.fill("#mpl-search-q", "zzqxj")
    page.press("#mpl-search-q", "Enter")
    assert results(page, real_site[1]) == []
    assert_no_axe_violations(axe, page, "the search page with no result")
    assert_theme_rules_pass(axe, page, "the search page")


def test_the_names_the_theme_script_gives_come_from_the_interface_strings(page, each_site):
    site_url, site, project = each_site
    import yaml
    strings = yaml.safe_load((project / "practices" / "interface.yml").read_text(encoding="utf-8"))["strings"]
    tagged = next(p for p in sorted(site.rglob("*.html")) if 'class="md-tags' in p.read_text(encoding="utf-8"))
    open_page(page, site_url, tagged.relative_to(site).as_posix())
    page.wait_for_selector("nav.md-tags[aria-label]", state="attached")
    assert page.get_attribute("nav.md-tags", "aria-label") == strings["theme.tags_page"]
    named = page.eval_on_selector_all("nav.md-nav[aria-label]", "els => els.map(e => e.getAttribute('aria-label'))")
    suffix = strings["theme.section"].replace("{title}", "")
    assert any(name.endswith(suffix) for name in named), named
    assert not page.js_errors, page.js_errors


@pytest.mark.parametrize("after_results", [False, True], ids=["before results", "after results"])
def test_assessment_page_has_no_axe_violations(page, site_url, built_site, axe, after_results):
    assert _assessment_built(built_site), "assessment/index.html is missing from the built site"
    open_page(page, site_url, "assessment/index.html")
    if after_results:
        page.wait_for_selector("#mpl-show-results", state="visible")
        # Answer every question shown with its first option, by its label as a person would.
        for question in page.locator("fieldset.mpl-q[data-question]:visible").all():
            question.locator(".mpl-q__option input[type=radio]").first.check()
        page.click("#mpl-show-results")
        page.wait_for_selector("#mpl-results", state="visible")
        assert page.locator(".mpl-results__recs > li, #mpl-strengths > li").count() > 0
        # axe counts a control cut by the top of the viewport as too small a target (2.5.8): start from the top.
        page.evaluate("window.scrollTo(0, 0)")
    assert_no_axe_violations(axe, page, "assessment " + ("after results" if after_results else "before results"))
    assert_theme_rules_pass(axe, page, "assessment")
    assert not page.js_errors, page.js_errors


# --- Keyboard ---

def _focus_is_visible(page) -> bool:
    return page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return outline || (style.boxShadow && style.boxShadow !== 'none');
    }""")


def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(page, site_url, built_site):
    for path in ("index.html", _first_entry(built_site, "practices")):
        open_page(page, site_url, path)
        page.keyboard.press("Tab")
        skip = page.locator(":focus")
        assert skip.evaluate("el => el.classList.contains('md-skip')"), f"first Tab on {path} is not the skip link"
        page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")
        box = skip.bounding_box()
        assert box and box["width"] > 20 and box["height"] > 10 and box["y"] >= 0, f"skip link not visible: {box}"
        assert _focus_is_visible(page)
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.closest('article.md-content__inner') !== null")
        page.keyboard.press("Tab")
        inside = page.evaluate("document.activeElement.closest('article.md-content__inner') !== null")
        assert inside, f"after the skip link on {path}, Tab went to {page.evaluate('document.activeElement.outerHTML')[:120]}"


def test_focus_is_visible_on_links_and_form_controls(page, site_url):
    open_page(page, site_url, "practices/index.html")
    page.locator('form[data-module="entry-filter"]').wait_for(state="visible")
    controls = {
        "a link in the content": "article.md-content__inner #entry-list a",
        "a select of the filter": "#filter-stage",
        "the reset button": "form.mpl-filter button[type=reset]",
        "a link in the sidebar": ".md-nav--primary a.md-nav__link",
        "the search field": "#mpl-header-q",
    }
    for label, selector in controls.items():
        target = page.locator(selector).first
        # Reach the control from the keyboard: focus the control before it, then press Tab.
        target.evaluate("""el => {
            const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
                .filter(e => e.tabIndex >= 0 && e.getClientRects().length);
            const i = all.indexOf(el);
            if (i > 0) all[i - 1].focus(); else document.body.focus();
        }""")
        page.keyboard.press("Tab")
        assert page.evaluate("el => document.activeElement === el", target.element_handle()), f"Tab did not reach {label}"
        assert _focus_is_visible(page), f"no visible focus on {label}"
