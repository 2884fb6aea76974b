"""A second engine as a compatibility check: Zensical (the theme authors' successor, which runs no plugin of
ours) builds the same compiled tree as MkDocs into the same pages, with the same titles, links and edit
links, and its search index holds every entry. Run on this library and on the example library."""
from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from model import load_library

ZENSICAL = Path(os.environ.get("ZENSICAL", ROOT / ".venv-zensical" / "bin" / "zensical"))


def pages(site: Path) -> dict[str, tuple]:
    """Page -> (title, the pages its content links to, its edit link), links resolved to site paths."""
    out = {}
    for file in site.rglob("*.html"):
        rel = file.relative_to(site).as_posix()
        text = file.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", text, re.S).group(1).strip()
        article = text[text.find("<article"):text.find("</article>")]
        links = {posixpath.normpath(posixpath.join(posixpath.dirname(rel), h)) for h in re.findall(r'href="([^"#?]+)', article)
                 if not h.startswith(("http:", "https:", "mailto:"))}
        edit = re.search(r'href="([^"]+)" title="Edit this page"', text)
        out[rel] = (title, sorted(links), edit.group(1) if edit else None)
    return out


@pytest.fixture(params=["real", "example"], scope="module")
def both(request, tmp_path_factory):
    """(MkDocs site, Zensical site, project) of the same compiled tree."""
    site, project = request.getfixturevalue(f"{request.param}_site")
    copy = tmp_path_factory.mktemp(f"zensical-{request.param}") / "project"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site", "__pycache__"))
    result = subprocess.run([str(ZENSICAL), "build", "-f", "mkdocs.yml"], cwd=copy, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, copy / "site", project


def test_zensical_builds_the_same_pages_titles_links_and_edit_links(both):
    mkdocs, zensical, _ = both
    a, b = pages(mkdocs), pages(zensical)
    assert sorted(a) == sorted(b)
    assert {k: v[0] for k, v in a.items()} == {k: v[0] for k, v in b.items()}
    assert {k: v[2] for k, v in a.items()} == {k: v[2] for k, v in b.items()}
    assert {k: v[1] for k, v in a.items()} == {k: v[1] for k, v in b.items()}


def test_zensical_search_index_holds_every_entry_on_its_own_page(both):
    import json

    _, zensical, project = both
    lib = load_library(project)
    items = json.loads((zensical / "search.json").read_text(encoding="utf-8"))["items"]
    located = {(i["location"].split("#")[0], i["title"]) for i in items}
    for entry in lib.entries.values():
        assert (f"{lib.kinds[entry.kind].folder}/{entry.id}.html", entry.title) in {(loc, re.sub("<[^>]+>", "", t)) for loc, t in located}, entry.id
