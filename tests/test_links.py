"""Every internal link, resource and anchor in the built site resolves to a file and an id that exist."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that point at another file or at an anchor.
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("area", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("iframe", "src"), ("form", "action")}
NOT_INTERNAL = ("http:", "https:", "mailto:", "tel:", "javascript:", "data:", "blob:")


class _PageParser(HTMLParser):
    """Collects the ids of a page and the links it makes, with their line numbers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for name, value in attrs:
            if (tag, name) in LINK_ATTRIBUTES and value is not None:
                self.links.append((self.getpos()[0], value.strip()))


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _target_file(site: Path, page: Path, path: str) -> Path:
    """The file a link's path points at: relative to the page, or to the site root if it starts with /."""
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path.lstrip("/"))).resolve()
    return target / "index.html" if target.is_dir() else target


def broken_links(site: Path) -> list[str]:
    """Every broken internal link of the site, as `page:line: link (what is wrong)`."""
    site = site.resolve()
    pages = {p.resolve(): _parse(p) for p in site.rglob("*.html")}
    problems = []
    for page, parsed in sorted(pages.items()):
        shown = page.relative_to(site).as_posix()
        for line, link in parsed.links:
            if not link or link.lower().startswith(NOT_INTERNAL) or link.startswith("//"):
                continue
            parts = urlsplit(link)
            target = _target_file(site, page, parts.path) if parts.path else page
            if not target.is_relative_to(site):
                problems.append(f"{shown}:{line}: {link} (points outside the site)")
            elif not target.is_file():
                problems.append(f"{shown}:{line}: {link} (no file {target.relative_to(site).as_posix()})")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{shown}:{line}: {link} (no id `{parts.fragment}` in {target.relative_to(site).as_posix()})")
    return problems


def test_every_internal_link_and_anchor_resolves(built_site):
    problems = broken_links(built_site)
    assert not problems, f"{len(problems)} broken internal links:\n" + "\n".join(problems)


def test_the_link_checker_finds_broken_files_and_anchors(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="sub/page.html#here">ok</a>\n<a href="sub/">ok, folder</a>\n<a href="#top" id="top">ok, self</a>\n'
        '<a href="missing.html">no file</a>\n<a href="sub/page.html#nowhere">no anchor</a>\n'
        '<a href="https://example.org/x">external</a>\n<img src="../outside.png">\n', encoding="utf-8")
    (tmp_path / "sub" / "page.html").write_text('<h2 id="here">Here</h2><a href="/index.html?x=1#top">root</a>',
                                                encoding="utf-8")
    (tmp_path / "sub" / "index.html").write_text("<p>folder</p>", encoding="utf-8")
    problems = broken_links(tmp_path)
    assert problems == [
        "index.html:4: missing.html (no file missing.html)",
        "index.html:5: sub/page.html#nowhere (no id `nowhere` in sub/page.html)",
        "index.html:7: ../outside.png (points outside the site)",
    ]
