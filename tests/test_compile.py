"""The content compiler on a fork of the engine (the example library): the tree holds every page, a file is
written only when its content changes, a removed entry's page disappears, nothing is written on an error,
and the tree is safe whatever engine renders it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import markdown

from conftest import ActiveContent, make_fork
from model import load_library
from model.compile import compile_site


@pytest.fixture
def fork(tmp_path) -> Path:
    project = make_fork(tmp_path)
    assert compile_site(project).ok
    return project


def tree(project: Path) -> dict[str, int]:
    base = project / "build" / "docs"
    return {p.relative_to(base).as_posix(): p.stat().st_mtime_ns for p in base.rglob("*") if p.is_file()}


def test_the_tree_holds_every_page_the_navigation_and_the_kind_schemas(fork):
    lib = load_library(fork)
    pages = tree(fork)
    for entry in lib.entries.values():
        assert f"{lib.kinds[entry.kind].folder}/{entry.id}.md" in pages
    for kind in lib.kinds.values():
        assert f"{kind.folder}/index.md" in pages
        assert (fork / "build" / "schema" / f"{kind.id}.schema.json").is_file()
    for path in ("index.md", "phases/index.md", "assessment/index.md", "assessment/data.json", "assessment/compare.md",
                 "assessment/combine.md", "downloads.md", "downloads/library.json", "contributing.md", "about.md", "tags.md"):
        assert path in pages, path
    assert "Phases:" in (fork / "build" / "nav.yml").read_text(encoding="utf-8")


def test_a_second_compile_writes_nothing_and_an_edit_rewrites_only_what_shows_it(fork):
    before = tree(fork)
    again = compile_site(fork)
    assert again.written == [] and again.removed == [] and tree(fork) == before
    entry = fork / "practices" / "case-studies" / "bus-routes-report.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("This entry of the example", "This changed entry of the example"), encoding="utf-8")
    edited = compile_site(fork)
    assert edited.written == ["case-studies/bus-routes-report.md", "downloads/library.json", "downloads/library.csv"]
    after = tree(fork)
    assert [p for p in after if after[p] != before[p]] == sorted(edited.written, key=list(after).index)


def test_a_cache_between_compiles_gives_the_same_tree(fork):
    cache: dict = {}
    assert compile_site(fork, cache).written == []
    entry = fork / "practices" / "methods" / "report-back-within-a-month.yml"
    entry.write_text(re.sub(r"^title: .*$", "title: Report back within two weeks", entry.read_text(encoding="utf-8"), count=1, flags=re.M),
                     encoding="utf-8")
    cached = compile_site(fork, cache)
    with_cache = {p: (fork / "build" / "docs" / p).read_bytes() for p in tree(fork)}
    fresh = compile_site(fork)
    assert fresh.written == [], "a compile without the cache would have written something else"
    assert "methods/report-back-within-a-month.md" in cached.written
    assert {p: (fork / "build" / "docs" / p).read_bytes() for p in tree(fork)} == with_cache


def test_a_removed_entry_loses_its_page_and_links(fork):
    (fork / "practices" / "case-studies" / "skatepark-consultation.yml").unlink()
    result = compile_site(fork)
    assert result.ok and result.removed == ["case-studies/skatepark-consultation.md"]
    listing = (fork / "build" / "docs" / "case-studies" / "index.md").read_text(encoding="utf-8")
    assert "skatepark" not in listing


def test_nothing_is_written_while_a_source_has_an_error(fork):
    before = tree(fork)
    stages = fork / "practices" / "stages.yml"
    stages.write_text(stages.read_text(encoding="utf-8") + "  - id: Broken Stage\n", encoding="utf-8")
    result = compile_site(fork)
    assert not result.ok and result.written == [] and tree(fork) == before


HOSTILE = {
    "title": 'Sneaky {: onmouseover="alert(1)" } [x](javascript:alert(2)) &lt;/title&gt;',
    "body": '  <script>alert(3)</script> [link](javascript:alert(4)) <img src=x onerror=alert(5)>\n  <span id="__config">x</span> {: onclick="alert(6)" }\n',
}


def test_the_tree_is_safe_whatever_engine_renders_it(tmp_path):
    """Markdown and HTML in the tree carry no live script, however the YAML was written: checked on the
    compiled tree itself, before any engine (whose own sanitising we do not rely on) sees it."""
    project = make_fork(tmp_path)
    entry = project / "practices" / "methods" / "report-back-within-a-month.yml"
    text = entry.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", "title: 'Sneaky {: onmouseover=\"alert(1)\" } [x](javascript:alert(2))'", text, count=1, flags=re.M)
    text = text.replace("body: |\n", "body: |\n" + HOSTILE["body"], 1)
    entry.write_text(text, encoding="utf-8")
    assert compile_site(project).ok
    extensions = ["admonition", "attr_list", "md_in_html", "toc", "pymdownx.details", "pymdownx.superfences"]
    for file in (project / "build" / "docs").rglob("*.md"):
        body = file.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        parser = ActiveContent()
        parser.feed(markdown.markdown(body, extensions=extensions))
        assert parser.found == [], file
        assert 'id="__config"' not in body, file


def test_titles_with_entities_are_refused(tmp_path):
    project = make_fork(tmp_path)
    entry = project / "practices" / "methods" / "report-back-within-a-month.yml"
    entry.write_text(re.sub(r"^title: .*$", "title: Back &lt;/title&gt;&lt;script&gt;", entry.read_text(encoding="utf-8"), count=1, flags=re.M),
                     encoding="utf-8")
    result = compile_site(project)
    assert not result.ok
    assert any("HTML entities" in p.message and p.line == 4 for p in result.problems.errors), result.problems
