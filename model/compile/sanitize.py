"""The one sanitising path for text from YAML: every value reaches a page either as escaped text or as
Markdown rendered here and cleaned, so that no content can run script or break a page, whatever engine
builds the tree.

- escape_text: plain text, safe in Markdown, in raw HTML and in attributes alike (HTML special characters
  and the characters Markdown acts on become character references, which both show as written);
- markdown_html: Markdown to HTML with a small set of extensions (no raw HTML, no attribute lists), then
  cleaned by nh3: only plain text tags, links to http(s), mailto and relative addresses, no ids or classes;
- plain_title / plain_description: what goes into front matter, where a theme prints it unescaped.
"""
from __future__ import annotations

import html
import re

import markdown
import nh3

# Characters Markdown (and its extensions: attribute lists, tables) acts on anywhere in a line, and the
# openings it acts on only at the start of a line (a heading, a list item, a numbered item, a rule).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "\t": " ",
                          **{c: f"&#{ord(c)};" for c in "\\`*_{}[]!|~^="}})
_LINE_START = re.compile(r"^(#|-|\+|\d+(?=[.)]))")
_BREAKS = re.compile(r"\s*[\r\n]+\s*")

CONTENT_TAGS = {"a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6",
                "hr", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul"}
CONTENT_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}, "th": {"scope", "align"},
                      "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def escape_text(value: str) -> str:
    """Text shown exactly as written, in Markdown and in HTML: one line (line breaks become spaces), every
    special character a character reference."""
    text = str(value)
    if "\n" in text or "\r" in text:
        text = _BREAKS.sub(" ", text)
    text = text.translate(_ESCAPES)
    if text[:1] in "#-+0123456789":
        text = _LINE_START.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), text)
    return text


_converter = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")


def markdown_html(text: str) -> str:
    """Markdown from YAML as clean HTML (raw HTML in the text is removed with nh3, whatever it is)."""
    _converter.reset()
    rendered = _converter.convert(str(text))
    return nh3.clean(rendered, tags=CONTENT_TAGS, attributes=CONTENT_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=None, strip_comments=True)


def plain_title(text: str) -> str:
    """A title as front matter: one line, with no character a theme could read as markup (the schema refuses
    `<`, `>` and entities; this is the second line of defence for anything that reaches page.title)."""
    line = " ".join(html.unescape(str(text)).split())
    return re.sub(r"[<>]", "", line).replace("&", "and")


def plain_description(text: str) -> str:
    """A page description for `<meta name="description" content="...">`, which themes print unescaped:
    no quotation mark can end the attribute and no `<`, `>` or `&` can start markup."""
    line = plain_title(text)
    return line.replace('"', "\u201d")
