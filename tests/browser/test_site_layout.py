"""The site as a reader finds it, on a wide screen (1280 x 800) and a phone (375 x 800, 320 px wide): the home
page's three ways in above the fold, no sideways scrolling, readable type, stage cards without an orphan,
where an entry page belongs, and the check-yourself links landing on their question. Run on both libraries,
with the expectations read from each library's own YAML."""
from __future__ import annotations

import pytest

from conftest import page_types
from model import load_library
from model.site_config import load_site

WIDE, PHONE = {"width": 1280, "height": 800}, {"width": 375, "height": 800}
NARROWEST = {"width": 320, "height": 800}

# Text that is metadata beside content (counts, stages, effort, tags, breadcrumbs, chips): 14 px at least.
# Everything else that a page says in its text is content: 16 px at least. Code is set in a wider face and
# may be 14 px.
METADATA = (".mpl-list__meta, .mpl-card__meta, .mpl-effort, .md-tag, .mpl-breadcrumb, .mpl-chips, "
            "code, kbd, pre, .highlight, .headerlink, .mpl-assess__section-progress, .mpl-results__tag")
MIN_CONTENT, MIN_METADATA = 16, 14


@pytest.fixture
def new_page(browser):
    """A fresh page at a given viewport (the conftest `page` is 1280 x 800)."""
    contexts = []

    def make(viewport):
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        contexts.append(context)
        pg = context.new_page()
        pg.js_errors = []
        pg.on("pageerror", lambda exc: pg.js_errors.append(str(exc)))
        return pg

    yield make
    for context in contexts:
        context.close()


def open_page(pg, url: str) -> None:
    pg.goto(url)
    pg.wait_for_load_state("load")
    pg.wait_for_selector("article.md-content__inner h1")


# --- Home page ---

@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1280x800", "375x800"])
def test_the_three_ways_in_are_above_the_fold(new_page, each_site, viewport):
    site_url, _, project = each_site
    home = load_site(project).wording["home"]
    pg = new_page(viewport)
    open_page(pg, site_url)
    ways = pg.locator(".mpl-ways > li")
    titles = [home["by_stage"]["title"], home["by_role"]["title"], home["by_assessment"]["title"]]
    assert ways.count() == 3
    for index, title in enumerate(titles):
        way = ways.nth(index)
        assert way.locator(".mpl-ways__title").inner_text() == title
        box = way.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], \
            f"{title!r} ends at {box['y'] + box['height']:.0f} px, below the fold ({viewport['height']} px)"
    button = ways.nth(2).get_by_role("link", name=home["by_assessment"]["button"], exact=True)
    assert button.is_visible()
    assert button.bounding_box()["y"] + button.bounding_box()["height"] <= viewport["height"]


def test_the_home_page_keeps_its_navigation_at_1280(new_page, each_site):
    """The sidebar, or the menu button, is there on the home page at every width."""
    site_url, _, project = each_site
    lib = load_library(project)
    pg = new_page(WIDE)
    open_page(pg, site_url)
    sidebar = pg.locator(".md-sidebar--primary .md-nav--primary")
    assert sidebar.is_visible()
    for kind in lib.kinds.values():
        assert sidebar.get_by_role("link", name=kind.plural, exact=True).is_visible()


def test_long_site_titles_are_not_cut_on_phones(new_page, each_site):
    site_url, _, project = each_site
    pg = new_page(PHONE)
    open_page(pg, site_url)
    title = pg.locator(".md-header__topic:not([data-md-component]) .md-ellipsis")
    assert title.inner_text().strip() == load_site(project).name
    cut = title.evaluate("el => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1")
    assert not cut, "the site's name does not fit its header on a phone"


# --- Stage cards ---

def _rows(pg) -> list[list[dict]]:
    boxes = pg.eval_on_selector_all("ol.mpl-cards > li", "els => els.map(e => e.getBoundingClientRect().toJSON())")
    rows: dict[int, list[dict]] = {}
    for box in boxes:
        rows.setdefault(round(box["top"]), []).append(box)
    return [rows[top] for top in sorted(rows)]


def assert_no_orphan(pg, label: str) -> None:
    """Every row of cards holds as many cards as the first, unless the cards of a shorter last row fill it."""
    rows = _rows(pg)
    width = pg.eval_on_selector("ol.mpl-cards", "el => el.getBoundingClientRect().width")
    for row in rows[1:]:
        span = max(box["right"] for box in row) - min(box["left"] for box in row)
        assert len(row) == len(rows[0]) or span >= width - 2, \
            f"{label}: rows of {[len(r) for r in rows]} cards, and the last row does not fill the width"


@pytest.mark.parametrize("viewport", [WIDE, {"width": 900, "height": 800}, PHONE], ids=["1280", "900", "375"])
def test_stage_cards_show_counts_and_leave_no_orphan(new_page, each_site, viewport):
    site_url, _, project = each_site
    lib = load_library(project)
    stages = load_site(project).wording["stages"]["folder"]
    pg = new_page(viewport)
    for path in ("index.html", f"{stages}/index.html"):
        open_page(pg, site_url + path)
        cards = pg.locator("ol.mpl-cards > li")
        assert cards.count() == len(lib.stages)
        assert cards.locator(".mpl-card__meta").count() == sum(
            1 for s in lib.stages if any(s["id"] in e.stages for e in lib.entries.values() if not e.retired))
        assert_no_orphan(pg, f"{path} at {viewport['width']} px")
        # Any other number of stages: drop or copy cards in the page itself and look again.
        for count in (1, 2, 3, 5, 6, 7, 8):
            pg.evaluate("""count => {
                const list = document.querySelector('ol.mpl-cards');
                const cards = [...list.children];
                list.replaceChildren(...Array.from({length: count}, (_, i) => cards[i % cards.length].cloneNode(true)));
                list.dataset.count = String(count);
            }""", count)
            assert_no_orphan(pg, f"{path} with {count} stages at {viewport['width']} px")


# --- Every page type ---

NO_SIDEWAYS = """() => {
    const width = document.documentElement.clientWidth;
    const clipped = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX; if (o !== 'visible') return true; } return false; };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (!box.width || !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
        if (box.right > width + 1 && !clipped(el)) out.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' ' + Math.round(box.right));
    }
    return {scroll: document.documentElement.scrollWidth - width, out: out.slice(0, 5)};
}"""


def test_no_page_type_scrolls_sideways_at_320_px(new_page, each_site):
    site_url, _, project = each_site
    pg = new_page(NARROWEST)
    for label, path in page_types(project).items():
        open_page(pg, site_url + path)
        found = pg.evaluate(NO_SIDEWAYS)
        assert found["scroll"] <= 0 and not found["out"], f"{label} ({path}) is wider than 320 px: {found}"


SMALL_TEXT = """([metadata, minContent, minMetadata]) => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    const small = {};
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || !el.getClientRects().length) continue;
        if (el.closest('[hidden], .md-visually-hidden, .md-tags[hidden], script, style')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        const least = el.closest(metadata) ? minMetadata : minContent;
        if (size < least - 0.05) {
            const key = `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} ${size}px`;
            small[key] = (small[key] || 0) + 1;
        }
    }
    return small;
}"""


def test_content_and_metadata_are_readable_on_every_page_type(new_page, each_site):
    """Content text 16 px at least, metadata (counts, effort, tags, breadcrumbs, code) 14 px at least."""
    site_url, _, project = each_site
    pg = new_page(WIDE)
    for label, path in page_types(project).items():
        open_page(pg, site_url + path)
        small = pg.evaluate(SMALL_TEXT, [METADATA, MIN_CONTENT, MIN_METADATA])
        assert not small, f"text below {MIN_CONTENT} px (content) or {MIN_METADATA} px (metadata) on {label} ({path}): {small}"


# --- Entry pages: where they belong ---

def test_an_entry_page_shows_where_it_belongs(new_page, each_site):
    """Breadcrumb (home, the entry's first stage, its kind's index) and, in the sidebar, its kind's index
    marked as the section the reader is in; a page the sidebar lists keeps the theme's own mark."""
    site_url, _, project = each_site
    lib, site = load_library(project), load_site(project)
    pg = new_page(WIDE)
    for kind in lib.kinds.values():
        entries = lib.of_kind(kind.id)
        if not entries:
            continue
        entry = entries[0]
        open_page(pg, site_url + f"{kind.folder}/{entry.id}.html")
        crumbs = pg.locator("nav.mpl-breadcrumb a").all_inner_texts()
        stages = [s["title"] for s in lib.stages if s["id"] == (entry.stages or [""])[0]]
        assert crumbs == [site.t("nav.home"), *stages, kind.plural]
        crumb_box, title_box = pg.locator("nav.mpl-breadcrumb").bounding_box(), pg.locator("article h1").bounding_box()
        assert crumb_box["y"] + crumb_box["height"] <= title_box["y"], "the breadcrumb is not above the title"
        marked = pg.locator('.md-sidebar--primary a.md-nav__link[aria-current="location"]')
        assert marked.all_inner_texts() == [kind.plural]
        assert marked.evaluate("el => getComputedStyle(el).fontWeight") == "700"
    open_page(pg, site_url + load_site(project).wording["stages"]["folder"] + f"/{lib.stages[0]['id']}.html")
    assert pg.locator('.md-sidebar--primary a[aria-current="location"]').count() == 0
    assert pg.locator(".md-sidebar--primary a.md-nav__link--active").first.inner_text().strip() == lib.stages[0]["title"]


# --- Check yourself ---

def _lands_in_view(pg, anchor: str) -> None:
    pg.wait_for_url(f"**/assessment/index.html#{anchor}")
    pg.wait_for_timeout(600)  # the self-assessment draws its questions, then the browser scrolls
    top = pg.evaluate(f"document.getElementById({anchor!r}).getBoundingClientRect().top")
    header = pg.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header - 2 <= top < pg.viewport_size["height"] / 2, f"#{anchor} is at {top:.0f} px (header ends at {header:.0f})"


def test_check_yourself_links_land_on_their_section_and_question(new_page, each_site):
    site_url, _, project = each_site
    lib, site = load_library(project), load_site(project)
    pg = new_page(WIDE)
    stage = lib.stages[-1]
    open_page(pg, site_url + f"{site.wording['stages']['folder']}/{stage['id']}.html")
    link = pg.get_by_role("link", name=site.t("stage.check_yourself"), exact=True)
    if link.count():
        # Just after the stage's questions, before its lists of entries.
        below_questions = link.evaluate("el => el.closest('p').previousElementSibling.classList.contains('admonition')")
        assert below_questions, "the check-yourself link does not follow the stage's questions"
        anchor = link.get_attribute("href").split("#")[1]
        link.click()
        _lands_in_view(pg, anchor)
    for entry in lib.entries.values():
        open_page(pg, site_url + f"{lib.kinds[entry.kind].folder}/{entry.id}.html")
        link = pg.get_by_role("link", name=site.t("entry.check_yourself"), exact=True)
        if link.count():
            anchor = link.get_attribute("href").split("#")[1]
            link.click()
            _lands_in_view(pg, anchor)
            break
    else:
        pytest.fail("no entry page links to the self-assessment")
