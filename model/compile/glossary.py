"""The glossary, optional for any library: practices/glossary.yml becomes its own page (glossary.md), and
the first use of each of its terms in the text of an entry or a stage links to that term on the page.
A library without the file has no glossary page and no links, and no error.

    load(root, problems)       read and check the file: a Glossary, or None when the library has none
    page(glossary)             the glossary page, its edit link opening practices/glossary.yml
    annotate(html, glossary, href)   link the first use of each term in HTML already cleaned by nh3
    install(renderer, glossary)      the `glossary` filter that templates apply to the output of md()

Safety: annotate() runs on HTML that sanitize.markdown_html has already cleaned, changes only text
between tags (never inside a tag, a link, code or a heading), keeps the matched text exactly as it was,
and writes the definition into the title attribute through sanitize.escape_text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import schemas
from ..problems import Problems
from ..yaml_source import check_schema_line, read_yaml
from . import sanitize

FILE = "practices/glossary.yml"
SCHEMA = "glossary"
PAGE = "glossary.md"
TEMPLATE = "library/glossary.jinja.md"

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_SKIP = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}  # text inside these is never linked


@dataclass
class Term:
    id: str
    term: str
    definition: str
    also: list[str] = field(default_factory=list)

    @property
    def spellings(self) -> list[str]:
        return [self.term, *self.also]


@dataclass
class Glossary:
    title: str
    intro: str
    terms: list[Term]
    _by_spelling: dict = field(default_factory=dict, repr=False)
    _pattern: re.Pattern | None = field(default=None, repr=False)

    def __post_init__(self):
        self._by_spelling = {s.casefold(): t for t in self.terms for s in t.spellings}
        words = sorted(self._by_spelling, key=len, reverse=True)  # the longest spelling wins
        alternatives = "|".join(re.escape(html.escape(w, quote=False)) for w in words)
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE) if words else None

    def term_of(self, text: str) -> Term | None:
        return self._by_spelling.get(html.unescape(text).casefold())


def load(root: Path, problems: Problems) -> Glossary | None:
    """The library's glossary, or None when it has none (or when the file has errors, which are reported)."""
    root = Path(root)
    file = root / FILE
    if not file.is_file():
        return None
    if not (root / "schema" / f"{SCHEMA}.schema.json").is_file():
        problems.error(FILE, 1, f"the schema of the glossary is missing: restore schema/{SCHEMA}.schema.json.")
        return None
    doc = read_yaml(file, FILE, problems, root=root)
    if doc is None or not schemas.check(doc, root / "schema", SCHEMA, problems):
        return None
    check_schema_line(doc, f"schema/{SCHEMA}.schema.json", problems)
    terms: list[Term] = []
    ids: set[str] = set()
    owners: dict[str, str] = {}
    for index, item in enumerate(doc.data["terms"]):
        at = ("terms", index)
        if item["id"] in ids:
            problems.error(doc.path, doc.line_of(*at, "id"), f"term id `{item['id']}` is used twice: make it unique.")
            continue
        ids.add(item["id"])
        term = Term(item["id"], item["term"], item["definition"], list(item.get("also", [])))
        for spelling in term.spellings:
            owner = owners.setdefault(spelling.casefold(), term.id)
            if owner != term.id:
                problems.error(doc.path, doc.line_of(*at), f"`{spelling}` is already a spelling of term `{owner}`: a spelling may belong to one term only.")
        terms.append(term)
    return Glossary(doc.data["title"], doc.data.get("intro", ""), terms)


def page(glossary: Glossary):
    from .shape import Page  # here, not at the top: shape imports load, which imports this module
    terms = sorted(glossary.terms, key=lambda t: t.term.casefold())
    return Page(PAGE, TEMPLATE, {"glossary": glossary, "terms": terms},
                {"title": glossary.title, "source": FILE, "search": {"boost": 2}})


def annotate(markup: str, glossary: Glossary | None, href: str) -> str:
    """`markup` (clean HTML) with the first use of each term linked to `href#<term id>`, its definition as title."""
    if not glossary or glossary._pattern is None:
        return markup
    used: set[str] = set()

    def link(match: re.Match) -> str:
        term = glossary.term_of(match.group(0))
        if term is None or term.id in used:
            return match.group(0)
        used.add(term.id)
        title = sanitize.escape_text(term.definition)
        return f'<a class="mpl-term" href="{html.escape(href, quote=True)}#{term.id}" title="{title}">{match.group(0)}</a>'

    out, skipping = [], 0
    for part in _TAG.split(markup):
        if part.startswith("<"):
            tag = _TAG_NAME.match(part)
            if tag and tag.group(2).lower() in _SKIP and not part.endswith("/>"):
                skipping = max(0, skipping + (-1 if tag.group(1) else 1))
            out.append(part)
        elif part and not skipping:
            out.append(glossary._pattern.sub(link, part))
        else:
            out.append(part)
    return "".join(out)


def install(renderer, glossary: Glossary | None) -> None:
    """The `glossary` filter: `{{ md(entry.body) | glossary }}` links the first use of each term on that page.
    Without a glossary it returns its input unchanged, so the templates work for every library."""
    from .render import relative

    @jinja2.pass_context
    def with_glossary(context, value):
        if not glossary or not isinstance(value, Markup):
            return value
        href = relative(PAGE, context["page_path"], renderer.directory_urls)
        return Markup(annotate(str(value), glossary, href))

    for env in (renderer.env, renderer.html_env):
        env.filters["glossary"] = with_glossary
