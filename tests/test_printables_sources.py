"""What the sources do to the printables, each on its own copy of the example library: a glossary joins the
book, hostile text in YAML stays text, and the Downloads page offers the PDFs only when they were made for
the sources as they are."""
from __future__ import annotations

import json
import re

from conftest import build_site, html_of, make_fork
from printables_support import make_printables, pages_text, squash

from model.compile.load import load
from model.printables import manifest

HOSTILE = "<script>alert(1)</script> [a link](javascript:alert(1)) <img src=x onerror=alert(1)> **bold**"


def write_glossary(project, term: str, definition: str) -> None:
    (project / "practices" / "glossary.yml").write_text(
        "# yaml-language-server: $schema=../schema/glossary.schema.json\ntitle: Words we use\n"
        "intro: The words of this library, in plain English.\n"
        f"terms:\n  - id: the-term\n    term: {json.dumps(term)}\n    definition: {json.dumps(definition)}\n", encoding="utf-8")


def test_the_book_holds_the_glossary_when_the_library_has_one(tmp_path):
    project = make_fork(tmp_path)
    write_glossary(project, "Outreach worker", "Someone who meets young people *where they are*.")
    assert make_printables(project).returncode == 0
    whole = " ".join(pages_text(project / manifest.OUT / "book.pdf"))
    assert squash("Outreach worker") in whole and squash("Someone who meets young people where they are.") in whole
    site = load(project).site
    assert whole.count(squash(site.t("print.book.glossary"))) >= 2, "the glossary is in the contents and has its heading"


def test_hostile_text_in_yaml_puts_no_live_markup_into_the_printables(tmp_path):
    from html.parser import HTMLParser

    from model.printables import book, cards, render, worksheet

    project = make_fork(tmp_path)
    entry = next((project / "practices" / "methods").glob("*.yml"))
    entry.write_text(entry.read_text(encoding="utf-8").replace("body: |\n", f"body: |\n  {HOSTILE}\n\n"), encoding="utf-8")
    stages = project / "practices" / "stages.yml"
    stages.write_text(stages.read_text(encoding="utf-8").replace("questions:\n", "questions:\n      - \"<b onclick=x()>Who</b> <script>x()</script>?\"\n", 1), encoding="utf-8")
    write_glossary(project, "Tee term", "[a link](javascript:alert(1)) and **bold** ({: onclick=x() })")  # the schema refuses < and >
    sources = load(project)
    assert not sources.problems.errors, sources.problems.errors
    printer = render.Printer(project, sources, anchors=book.anchors(sources))
    pages = [printer.html("cards.jinja.html", deck=d) for d in cards.shape(sources.library, sources.site)]
    pages += [printer.html("book.jinja.html", **book.shape(sources)), printer.html("worksheet.jinja.html", **worksheet.shape(sources))]

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            assert tag not in ("script", "img", "iframe", "object", "b", "i"), tag  # the templates use none of them
            for name, value in attrs:
                assert not name.startswith("on"), (tag, name)
                assert not (value or "").strip().lower().startswith("javascript"), (tag, name, value)

    for html in pages:
        Tags().feed(html.split("</style>", 1)[1])
        assert "<script" not in html and "javascript:" not in html
    assert make_printables(project).returncode == 0
    folder = project / manifest.OUT
    for pdf in folder.glob("*.pdf"):
        assert b"/JavaScript" not in pdf.read_bytes() and b"/JS" not in pdf.read_bytes(), pdf.name
    whole = " ".join(pages_text(folder / "book.pdf"))
    assert squash("<b onclick=x()>Who</b> <script>x()</script>?") in whole, "text from YAML shows as written, never as markup"


def test_the_downloads_page_offers_each_pdf_with_its_size_and_pages_only_when_made(example_site, tmp_path):
    site_dir, _ = example_site  # built without the PDFs, as make serve builds it
    page = html_of(site_dir, "downloads.md")
    assert "downloads/print/" not in page and "make printables" in page
    project = make_fork(tmp_path)
    assert make_printables(project).returncode == 0
    assert build_site(project, tmp_path / "site").returncode == 0
    page = html_of(tmp_path / "site", "downloads.md")
    made = json.loads((project / manifest.OUT / manifest.MANIFEST).read_text(encoding="utf-8"))["files"]
    for f in made:
        assert f"downloads/print/{f['file']}" in page, f["file"]
        assert (tmp_path / "site" / "downloads" / "print" / f["file"]).stat().st_size == f["bytes"]
    assert re.search(r"\d+ pages, \d+ KB", page)
    (project / "practices" / "stages.yml").write_text((project / "practices" / "stages.yml").read_text() + "\n")
    assert manifest.read(project) is None, "PDFs made from older sources are not offered"


def test_links_in_markdown_become_links_inside_the_book_or_to_the_site(tmp_path):
    from model.printables import book, render

    project = make_fork(tmp_path)
    entry = project / "practices" / "methods" / "pay-for-travel-and-time.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace(
        "body: |\n", "body: |\n  See [the barrier](../barriers/adults-speak-first.md) and [about](../about.md).\n\n"),
        encoding="utf-8")
    sources = load(project)
    html = render.Printer(project, sources, anchors=book.anchors(sources)).html("book.jinja.html", **book.shape(sources))
    assert '<a href="#e-adults-speak-first">the barrier</a>' in html
    assert "about.md" not in html and "127.0.0.1" not in html, "no link to a page of a test server"
    sources.site.url = "https://example.org/young-voices/"
    html = render.Printer(project, sources, anchors=book.anchors(sources)).html("book.jinja.html", **book.shape(sources))
    assert '<a href="https://example.org/young-voices/about.html">about</a>' in html
