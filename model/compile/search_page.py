"""Search: the search page (search.md) and what the theme's header box needs, both in the wording of
practices/interface.yml (`search.*`). Pagefind indexes the built site afterwards (model/search_index.py);
assets/javascripts/search.js runs it on this page, and nothing loads it anywhere else.

Which pages are indexed is said by the front matter the compiler writes (`search: exclude: true` leaves a
page out: tags, downloads, this page) and, inside a page, by `data-pagefind-ignore` on the lists of entries
(each entry's text is indexed once, on its own page); overrides/theme/main.html marks the rest.
"""
from __future__ import annotations

from .render import page_url
from .shape import Page, Paths

SEARCH = "search.md"
PAGE_STRINGS = ("searching", "results.one", "results.other", "none", "more", "failed")  # what the script shows


def page(sources, paths: Paths, t) -> Page:
    """The search page: a form that works without script (it reloads with ?q=), the places the script fills
    in, and the note shown where search cannot run (no JavaScript, or opened from the files), which lists
    the pages that list the entries. `t` gives an interface string (Renderer.t: a missing one is a problem)."""
    lib, site = sources.library, sources.site
    lists = [(site.wording["stages"]["title"], paths.stages_index)] + [(k.plural, paths.of(k)) for k in lib.kinds.values()]
    strings = {name.replace(".", "-"): t(f"search.{name}") for name in PAGE_STRINGS}
    return Page(SEARCH, "search/page.jinja.md", {"lists": lists, "strings": strings},
                {"title": t("search.title"), "description": t("search.description"),
                 "source": "practices/interface.yml", "hide": ["toc"], "search": {"exclude": True}})


def header_box(sources, t) -> dict:
    """The configuration mkdocs.yml inherits (build/nav.yml) for the theme's header box
    (overrides/theme/partials/header.html): the search page's address, the box's words, and the word
    search.js warms Pagefind up with: the label of the facts list (`entry.stage`), which every entry page
    carries, so that the warm-up search goes through as many pages as the longest search will."""
    site = sources.site
    return {"extra": {"search_box": {"action": page_url(SEARCH, site.use_directory_urls),
                                     **{name: t(f"search.{name}") for name in ("label", "placeholder", "button")},
                                     "warm_up": t("entry.stage")}}}
