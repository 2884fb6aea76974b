"""The glossary (model/compile/glossary.py) for any library: without practices/glossary.yml there is no page
and no error; with one (a fork's, here), the page is made, its edit link opens the file, and the first use of
each term in an entry's text links to it, safely. Runs on the example library, not on this one's content."""
from __future__ import annotations

import re

import pytest
from conftest import make_fork

from model.compile import compile_site
from model.compile.glossary import Glossary, Term, annotate, load
from model.problems import Problems

GLOSSARY = """# yaml-language-server: $schema=../schema/glossary.schema.json
title: Words we use
terms:
  - id: youth-worker
    term: youth worker
    also: [youth workers]
    definition: Someone paid to work with young people outside school. "Detached" ones meet them in the street & parks.
  - id: network
    term: network
    definition: The youth workers who share what they learn.
"""


def _fork(tmp_path, glossary: str | None = None, navigation: bool = False):
    project = make_fork(tmp_path)
    if glossary is not None:
        (project / "practices" / "glossary.yml").write_text(glossary, encoding="utf-8")
    if navigation:
        site = project / "practices" / "site.yml"
        site.write_text(site.read_text(encoding="utf-8").replace("  - Downloads: downloads.md\n", "  - Glossary: glossary.md\n  - Downloads: downloads.md\n"), encoding="utf-8")
    return project


def _docs(project):
    return project / "build" / "docs"


def test_a_library_without_a_glossary_has_no_page_no_links_and_no_error(tmp_path):
    project = _fork(tmp_path)
    result = compile_site(project)
    assert [str(p) for p in result.problems] == []
    assert not (_docs(project) / "glossary.md").exists()
    assert "mpl-term" not in (_docs(project) / "barriers" / "adults-speak-first.md").read_text(encoding="utf-8")


def test_a_forks_glossary_makes_its_page_and_links_the_first_use_of_each_term(tmp_path):
    project = _fork(tmp_path, GLOSSARY, navigation=True)
    result = compile_site(project)
    assert [str(p) for p in result.problems] == []
    page = (_docs(project) / "glossary.md").read_text(encoding="utf-8")
    assert "source: practices/glossary.yml" in page and "# Words we use" in page
    assert '<dt id="youth-worker">Youth worker</dt>' in page and '<dt id="network">Network</dt>' in page
    assert "&quot;Detached&quot; ones meet them in the street &amp; parks." in page
    assert "Glossary: glossary.md" in (project / "build" / "nav.yml").read_text(encoding="utf-8")
    entry = (_docs(project) / "barriers" / "adults-speak-first.md").read_text(encoding="utf-8")
    links = re.findall(r'<a class="mpl-term" href="([^"]+)" title="([^"]*)">([^<]+)</a>', entry)
    assert [(href, text) for href, _, text in links] == [("../glossary.html#youth-worker", "youth workers"),
                                                         ("../glossary.html#network", "network")]
    assert links[0][1].startswith("Someone paid") and "&quot;" in links[0][1] and '"' not in links[0][1]
    before, body = entry.split('<div class="mpl-md">', 1)
    assert "mpl-term" not in before + body.split("</div>", 1)[1], "only the entry's own text is annotated, once"


def test_glossary_problems_are_reported_with_their_line(tmp_path):
    broken = GLOSSARY.replace("    term: network\n", "    term: network\n    also: [Youth Workers]\n")
    project = _fork(tmp_path, broken.replace("# yaml-language-server: $schema=../schema/glossary.schema.json\n", ""))
    problems = Problems()
    assert load(project, problems) is not None
    messages = [str(p) for p in problems]
    assert any(m.startswith("practices/glossary.yml:1: the first line must be") for m in messages), messages
    assert any("`Youth Workers` is already a spelling of term `youth-worker`" in m for m in messages), messages
    problems = Problems()
    (project / "practices" / "glossary.yml").write_text(GLOSSARY.replace("definition: The youth", "meaning: The youth"), encoding="utf-8")
    assert load(project, problems) is None and problems.errors


TERMS = Glossary("Glossary", "", [Term("remit", "remit", "The task given."),
                                  Term("co-design", "co-design", "Designing together.", ["co-designing"]),
                                  Term("design", "design", "A plan.")])


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>Its remit and its remit.</p>", '<p>Its <a class="mpl-term" href="g.html#remit" title="The task given.">remit</a> and its remit.</p>'),
    ("<p>Co-designing is not design.</p>", '<p><a class="mpl-term" href="g.html#co-design" title="Designing together.">Co-designing</a> is not '
                                            '<a class="mpl-term" href="g.html#design" title="A plan.">design</a>.</p>'),
    ("<p>remittance, pre-remit, remits</p>", "<p>remittance, pre-remit, remits</p>"),
    ('<p><a href="x.html">remit</a> <code>remit</code></p><h2>remit</h2>', '<p><a href="x.html">remit</a> <code>remit</code></p><h2>remit</h2>'),
    ('<p><a href="x.html" title="remit">go</a> then remit</p>', '<p><a href="x.html" title="remit">go</a> then <a class="mpl-term" href="g.html#remit" title="The task given.">remit</a></p>'),
])
def test_annotate_links_text_only_once_per_term_and_never_inside_tags_links_or_code(html, expected):
    assert annotate(html, TERMS, "g.html") == expected


def test_annotate_without_a_glossary_changes_nothing():
    assert annotate("<p>remit</p>", None, "g.html") == "<p>remit</p>"
