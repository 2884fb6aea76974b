"""Build tests, run on every library the suite builds (this one and the example fixture library):
every entry, stage and index page is there, links go both ways, the sidebar stays small, edit links open
the YAML, search covers the pages, the downloads hold the library. Nothing here names this library's
content: the expectations come from each library's own YAML."""
from __future__ import annotations

import csv
import html as html_module
import io
import json
import re
from pathlib import Path

import pytest

from conftest import html_of, page_file, search_index, targets_of
from model import load_library
from model.site_config import load_site, read_mkdocs_config


@pytest.fixture(params=["real", "example"], scope="module")
def built(request, real_site, example_site):
    """(built site folder, loaded library, project root) of each library."""
    site, root = {"real": real_site, "example": example_site}[request.param]
    return site, load_library(root), root


def _stages(root) -> str:
    """The folder of the stage pages (practices/site.yml)."""
    return load_site(root).wording["stages"]["folder"]


def _path(lib, entry) -> str:
    return f"{lib.kinds[entry.kind].folder}/{entry.id}.md"


def test_every_entry_stage_and_index_page_is_generated(built):
    site, lib, root = built
    for entry in lib.entries.values():
        assert f">{entry.title}<" in html_module.unescape(html_of(site, _path(lib, entry))), entry.id
    for stage in lib.stages:
        targets = targets_of(site, f"{_stages(root)}/{stage['id']}.md")
        for entry in lib.entries.values():
            if stage["id"] in entry.stages and not entry.retired:
                assert _path(lib, entry)[:-3] in targets, (stage["id"], entry.id)
    for kind in lib.kinds.values():
        listed = targets_of(site, f"{kind.folder}/index.md")
        assert {_path(lib, e)[:-3] for e in lib.of_kind(kind.id)} <= listed, kind.id
    for uri in ("index.md", f"{_stages(root)}/index.md", "downloads.md", "contributing.md"):
        assert page_file(site, uri)


def test_declared_links_show_on_both_pages(built):
    site, lib, _ = built
    checked = 0
    for entry in lib.entries.values():
        for link, targets in lib.links_from(entry):
            for target in targets:
                assert _path(lib, target)[:-3] in targets_of(site, _path(lib, entry)), (entry.id, link.field)
                if not entry.retired:
                    assert _path(lib, entry)[:-3] in targets_of(site, _path(lib, target)), (target.id, link.back_heading)
                checked += 1
    assert checked, "the library declares links: at least one must be tested"


def test_entry_pages_are_not_in_the_sidebar_and_show_where_they_sit(built):
    """Each page carries the sidebar: listing every entry there makes the build grow with the square of it."""
    site, lib, root = built
    page = html_of(site, f"{_stages(root)}/{lib.stages[0]['id']}.md")
    start = page.index('class="md-nav md-nav--primary"')
    sidebar = page[start:page.index("</nav>", start)]
    assert lib.stages[0]["title"] in html_module.unescape(sidebar)
    assert not any(f"/{e.id}." in sidebar for e in lib.entries.values())
    entry = next(e for e in lib.entries.values() if e.stages)
    page = page_file(site, _path(lib, entry))
    crumbs = re.search(r'<nav class="mpl-breadcrumb".*?</nav>', page.read_text(encoding="utf-8"), re.S).group(0)
    hrefs = {(page.parent / h).resolve().relative_to(site.resolve()).as_posix() for h in re.findall(r'href="([^"]+)"', crumbs)}
    assert {f"{_stages(root)}/{entry.stages[0]}.html", f"{lib.kinds[entry.kind].folder}/index.html", "index.html"} <= hrefs


def test_stages_are_in_the_navigation_in_their_order(built):
    site, lib, root = built
    page = html_of(site, "index.md")
    positions = [page.index(f"{_stages(root)}/{s['id']}") for s in lib.stages]
    assert positions == sorted(positions)


def test_edit_links_open_the_yaml_source(built):
    site, lib, root = built
    config = read_mkdocs_config(root)
    base = f"{config['repo_url'].rstrip('/')}/{config['edit_uri'].strip('/')}/"
    for entry in lib.entries.values():
        assert f'href="{base}{entry.path}"' in html_of(site, _path(lib, entry)), entry.id
    assert f'href="{base}practices/stages.yml"' in html_of(site, f"{_stages(root)}/{lib.stages[0]['id']}.md")
    assert f'href="{base}practices/site.yml"' in html_of(site, "index.md")


def test_search_indexes_each_entry_once_on_its_own_page(built):
    """Pagefind's index (its files, as built): every entry on its own page under its title; the stage and index
    pages with their own text but not their lists of entries; tags, downloads and the search page left out."""
    site, lib, root = built
    index = {url: {**f, "content": html_module.unescape(f["content"])} for url, f in search_index(site).items()}
    for entry in lib.entries.values():
        url = f"/{lib.kinds[entry.kind].folder}/{entry.id}.html"
        assert url in index and html_module.unescape(index[url]["meta"]["title"]) == entry.title, entry.id
    stages, kinds = _stages(root), lib.kinds.values()
    listings = {f"/{stages}/{s['id']}.html": s["summary"] for s in lib.stages}
    listings.update({f"/{k.folder}/index.html": k.plural for k in kinds})
    listings.update({f"/{stages}/index.html": None, "/index.html": None})
    for url, own in listings.items():
        assert url in index, f"{url} is not in the search index"
        assert own is None or own in index[url]["content"], f"{url} lost its own text"
        summaries = [e.summary[:40] for e in lib.entries.values() if len(e.summary) > 40]
        assert not [s for s in summaries if s in index[url]["content"]], f"{url} repeats entries' text in the index"
    assert not {"/tags.html", "/downloads.html", "/search.html"} & set(index), "tags, downloads or search are indexed"


def test_tags_are_the_themes(built):
    site, lib, _ = built
    page = html_of(site, "tags.md")
    for theme_id in {t for e in lib.entries.values() for t in e.themes}:
        assert f'id="tag:{theme_id}"' in page, theme_id


def test_downloads_hold_the_whole_library_and_every_schema(built):
    site, lib, root = built
    data = json.loads((site / "downloads" / "library.json").read_text(encoding="utf-8"))
    assert {e["id"] for e in data["entries"]} == set(lib.entries)
    rows = list(csv.DictReader(io.StringIO((site / "downloads" / "library.csv").read_text(encoding="utf-8"))))
    assert {r["id"] for r in rows} == set(lib.entries)
    schemas = {p.name for p in (root / "schema").glob("*.schema.json")} | {f"{k}.schema.json" for k in lib.kinds}
    assert {p.name for p in (site / "downloads" / "schema").iterdir()} == schemas
    page = html_of(site, "downloads.md")
    for name in ["library.json", "library.csv", *schemas]:
        assert name in page
    assert re.search(r"\d+ KB", page), "the downloads page gives each file's size"


def test_page_templates_are_not_published(built):
    site, _, _ = built
    assert not list(site.rglob("*.jinja.*")) and not list(site.rglob("*.j2"))


def test_pages_load_nothing_from_other_origins(built):
    site, _, _ = built
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.findall(r'src="(?:https?:)?//', text), page
        assert not re.findall(r'<link[^>]+rel="(?:stylesheet|preload|preconnect|dns-prefetch|icon)"[^>]+href="(?:https?:)?//', text), page
