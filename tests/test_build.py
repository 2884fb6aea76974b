"""Build tests on the real repository: generated pages, two-way links, search, downloads, edit links."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from model import load_library

ROOT = Path(__file__).resolve().parents[1]
LIB = load_library(ROOT)
FOLDER = {"challenge": "challenges", "practice": "practices", "priority-action": "priority-actions"}
REPO_EDIT = "https://github.com/power-privilege-dmp/practice-library/edit/main/"


def page_file(site: Path, uri: str) -> Path:
    """The built HTML of a docs page, with or without directory URLs."""
    stem = uri.removesuffix(".md")
    for candidate in (site / f"{stem}.html", site / stem / "index.html"):
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no built page for {uri}")


def html_of(site: Path, uri: str) -> str:
    return page_file(site, uri).read_text(encoding="utf-8")


def targets_of(site: Path, uri: str) -> set[str]:
    """The pages that a page's body links to, as docs paths without extension (e.g. practices/x)."""
    page = page_file(site, uri)
    out = set()
    for href in re.findall(r'href="([^"#?]+)', article(page.read_text(encoding="utf-8"))):
        if not href.startswith(("http:", "https:", "mailto:")):
            target = (page.parent / href).resolve().relative_to(site.resolve()).as_posix()
            out.add(re.sub(r"(/index\.html|\.html|/)$", "", target))
    return out


def article(html: str) -> str:
    return html[html.index('<article'):html.index('</article>')]


def test_every_entry_stage_and_index_page_is_generated(built_site):
    for entry in LIB.entries.values():
        html = html_of(built_site, f"{FOLDER[entry.kind]}/{entry.id}.md")
        assert f">{entry.title}<" in html.replace("&#39;", "'").replace("&amp;", "&"), entry.id
    for stage in LIB.stages:
        targets = targets_of(built_site, f"stages/{stage['id']}.md")
        for entry in LIB.of_kind("challenge", stage["id"]) + LIB.of_kind("practice", stage["id"]):
            assert f"{FOLDER[entry.kind]}/{entry.id}" in targets, (stage["id"], entry.id)
    for uri in ("index.md", "stages/index.md", "challenges/index.md", "practices/index.md", "priority-actions/index.md",
                "downloads.md", "tags.md", "about.md"):
        assert page_file(built_site, uri)


def test_nothing_generated_is_written_into_docs(built_site):
    generated = {"index.md", "downloads.md", "stages", "challenges", "practices", "priority-actions"}
    assert not generated & {p.name for p in (ROOT / "docs").iterdir()}


def test_challenges_and_practices_link_both_ways(built_site):
    for practice in LIB.of_kind("practice"):
        targets = targets_of(built_site, f"practices/{practice.id}.md")
        for challenge_id in practice.addresses:
            assert f"challenges/{challenge_id}" in targets, (practice.id, challenge_id)
            assert f"practices/{practice.id}" in targets_of(built_site, f"challenges/{challenge_id}.md")


def test_priority_actions_link_to_their_practices_and_back(built_site):
    index = targets_of(built_site, "priority-actions/index.md")
    for action in LIB.of_kind("priority-action"):
        assert f"priority-actions/{action.id}" in index
        targets = targets_of(built_site, f"priority-actions/{action.id}.md")
        for practice_id in action.carried_out_by:
            assert f"practices/{practice_id}" in targets
            assert f"priority-actions/{action.id}" in targets_of(built_site, f"practices/{practice_id}.md")


def test_entry_pages_are_not_in_the_sidebar(built_site):
    """Each page carries the sidebar: listing every entry there makes the build quadratic."""
    html = html_of(built_site, "stages/commissioning.md")
    sidebar = html[html.index('class="md-nav md-nav--primary"'):html.index('</nav>', html.index('class="md-nav md-nav--primary"'))]
    assert "Commissioning and convening" in sidebar
    assert not any(f"/{e.id}" in sidebar for e in LIB.entries.values())


def test_stages_are_in_the_navigation_in_their_order(built_site):
    html = html_of(built_site, "index.md")
    positions = [html.index(f"stages/{s['id']}") for s in LIB.stages]
    assert positions == sorted(positions)


def test_edit_links_open_the_yaml_source(built_site):
    for entry in LIB.entries.values():
        html = html_of(built_site, f"{FOLDER[entry.kind]}/{entry.id}.md")
        assert f'href="{REPO_EDIT}{entry.path}"' in html, entry.id
    assert f'href="{REPO_EDIT}practices/stages.yml"' in html_of(built_site, "stages/recruitment.md")


def test_search_index_covers_every_generated_page(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = "\n".join(d["title"] + " " + d["text"] for d in docs)
    locations = {d["location"].split("#")[0] for d in docs}
    for entry in LIB.entries.values():
        assert any(loc.startswith(f"{FOLDER[entry.kind]}/{entry.id}") for loc in locations), entry.id
        assert entry.title.replace("'", "&#39;") in text or entry.title in text, entry.id


def test_tags_are_the_themes(built_site):
    html = html_of(built_site, "tags.md")
    for theme_id in {t for e in LIB.entries.values() for t in e.themes}:
        assert f'id="tag:{theme_id}"' in html, theme_id


def test_downloads_hold_the_whole_library_and_the_schemas(built_site):
    data = json.loads((built_site / "downloads" / "library.json").read_text(encoding="utf-8"))
    assert {e["id"] for e in data["entries"]} == set(LIB.entries)
    rows = list(csv.DictReader(io.StringIO((built_site / "downloads" / "library.csv").read_text(encoding="utf-8"))))
    assert {r["id"] for r in rows} == set(LIB.entries)
    schemas = {p.name for p in (ROOT / "schema").glob("*.schema.json")}
    assert {p.name for p in (built_site / "downloads" / "schema").iterdir()} == schemas
    page = html_of(built_site, "downloads.md")
    for name in ["library.json", "library.csv", *schemas]:
        assert name in page


def test_page_templates_are_not_published(built_site):
    assert not list(built_site.rglob("*.j2"))


@pytest.mark.parametrize("uri", ["index.md", "practices/index.md", "stages/design.md"])
def test_pages_load_nothing_from_other_origins(built_site, uri):
    html = html_of(built_site, uri)
    assert not re.findall(r'src="(?:https?:)?//', html)
    assert not re.findall(r'<link[^>]+rel="(?:stylesheet|preload|preconnect|dns-prefetch|icon)"[^>]+href="(?:https?:)?//', html)
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
