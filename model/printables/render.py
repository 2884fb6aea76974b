"""Render the printables: their templates (overrides/print/*.jinja.html) to HTML, and the HTML to PDF
with WeasyPrint, offline (the renderer may load nothing but data: addresses; the fonts are the system's).

Every value a template prints is HTML-escaped (Jinja's autoescape) unless it is Markup made here: the
Markdown fields go through sanitize.markdown_html, the site's one sanitising path, and their links
are then made internal links of the PDF (to an entry), full addresses (to the site) or plain text.
"""
from __future__ import annotations

import datetime
import posixpath
import re
from collections import Counter
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..compile import sanitize
from ..compile.render import _Undefined, long_date, page_url
from ..site_config import fill

_HREF = re.compile(r'<a href="([^"]*)"([^>]*)>(.*?)</a>', re.S)
LOCAL = ("http://127.0.0.1", "http://localhost", "https://127.0.0.1", "https://localhost")


def public_url(url: str) -> str:
    """The site's web address (http or https), unless it is the address of a computer's own test server."""
    return url if url.startswith(("http://", "https://")) and not url.startswith(LOCAL) else ""


class PrintError(Exception):
    """A printable cannot be made; the message names the file to fix."""


class Printer:
    """The templates' environment for one library (`sources`: model.compile.load.Sources)."""

    def __init__(self, root: Path, sources, anchors: dict[str, str] | None = None):
        self.site, self.lib = sources.site, sources.library
        self.anchors = anchors or {}  # tree path of a page (e.g. practices/x.md) -> its anchor in this PDF
        loader = jinja2.FileSystemLoader(str(Path(root) / "overrides"))
        self.env = jinja2.Environment(loader=loader, autoescape=True, undefined=_Undefined, trim_blocks=True,
                                      lstrip_blocks=True)
        self.env.globals.update(t=self.t, md=self.md, long_date=long_date, lang=self.site.language,
                                site_name=self.site.name, today=datetime.date.today().isoformat(),
                                licence=self.site.wording.get("licence"))

    # --- Helpers the templates call ---

    def t(self, key: str, **values) -> str:
        try:
            return self.site.t(key, **values)
        except KeyError:
            raise PrintError(f"practices/interface.yml:1: the interface string `{key}` is missing: add it under "
                             f"`strings` (the printables use it).") from None

    def md(self, text, base: str = "index.md", **values) -> Markup:
        """Markdown from YAML as clean HTML (values filled in escaped), its links fit for a PDF; `base` is
        the tree path of the site's page that shows the text, from which its relative links start."""
        if isinstance(text, list):
            text = "\n".join(f"- {item}" for item in text)
        text = fill(str(text or ""), {k: sanitize.escape_text(v) for k, v in values.items()})
        return Markup(_HREF.sub(lambda m: self._link(m, base), sanitize.markdown_html(text)))

    def _link(self, match: re.Match, base: str) -> str:
        href, rest, label = match.group(1), match.group(2), match.group(3)
        if href.startswith(("http:", "https:", "mailto:")):
            return match.group(0)
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base
        if target in self.anchors:
            return f'<a href="#{self.anchors[target]}"{rest}>{label}</a>'
        site_url = public_url(self.site.url)
        if path and site_url and not target.startswith(".."):
            address = f"{site_url.rstrip('/')}/{page_url(target, self.site.use_directory_urls)}"
            return f'<a href="{address}{"#" + fragment if fragment else ""}"{rest}>{label}</a>'
        return label

    # --- HTML and PDF ---

    def html(self, template: str, **context) -> str:
        try:
            return self.env.get_template(f"print/{template}").render(**context)
        except jinja2.TemplateSyntaxError as exc:
            raise PrintError(f"overrides/print/{template}:{exc.lineno}: template syntax error: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise PrintError(f"overrides/print/{template}:1: template not found: {exc.name}") from None


def document(html: str):
    """Lay out `html` (a weasyprint Document: its pages can be counted, checked, copied and written)."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})  # nothing from the network, nor from the disk
    return weasyprint.HTML(string=html, url_fetcher=fetcher).render()


def write(doc, target: Path, tagged: bool) -> int:
    """Write a laid-out document to `target` (tagged PDF/UA when `tagged`); its size in bytes."""
    options = {"pdf_variant": "pdf/ua-1", "pdf_tags": True} if tagged else {}
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    doc.write_pdf(tmp, **options)
    tmp.replace(target)
    return target.stat().st_size


def overflowing(doc, selector_class: str = "card") -> list[str]:
    """Ids of the elements of class `selector_class` (each meant to fill one page) that do not fit: those
    split over two pages, and those whose content runs past their bottom. Reads WeasyPrint's boxes."""
    ids = page_ids(doc, selector_class)
    pages_of = Counter(ids)
    out: list[str] = []
    for page, id_ in zip(doc.pages, ids):
        if id_ is None or id_ in out:
            continue
        box = _first(page, selector_class)
        bottom = box.content_box_y() + box.height
        if pages_of[id_] > 1 or any(_bottom(child) > bottom + 0.5 for child in _in_flow(box)):
            out.append(id_)
    return out


def first_pages(doc, selector_class: str = "card") -> list:
    """The first page of each element of class `selector_class`: the rest of one that did not fit is left out."""
    pages, seen = [], set()
    for page, id_ in zip(doc.pages, page_ids(doc, selector_class)):
        if id_ not in seen:
            seen.add(id_)
            pages.append(page)
    return pages


def page_ids(doc, selector_class: str = "card") -> list[str | None]:
    """The id of the first element of class `selector_class` on each page."""
    return [getattr(_first(page, selector_class), "element", {}).get("id") for page in doc.pages]


def _first(page, selector_class: str):
    """The first box on a page of an element of class `selector_class`."""
    for box in page._page_box.descendants():
        element = getattr(box, "element", None)
        if element is not None and selector_class in (element.get("class") or "").split():
            return box
    return None


def _in_flow(box):
    """The descendants of a box, without those placed out of the flow (the footer) and theirs."""
    for child in getattr(box, "children", []):
        if child.style["position"] in ("absolute", "fixed"):
            continue
        yield child
        yield from _in_flow(child)


def _bottom(box) -> float:
    return box.position_y + box.margin_height()
