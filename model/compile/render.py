"""Render: turn a shaped page into Markdown with front matter, through the templates in overrides/.

Every value a Markdown template (*.jinja.md) prints is escaped (sanitize.escape_text), and every value an HTML
template (*.jinja.html) prints is HTML-escaped, unless it is Markup that this module made:
links and addresses worked out here, and Markdown fields rendered and cleaned by sanitize.markdown_html.
So a template cannot forget to escape, and no text from YAML is ever read as Markdown or HTML syntax.
"""
from __future__ import annotations

import datetime
import functools
import posixpath
import re
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from ..problems import Problems
from ..site_config import fill
from . import sanitize
from .shape import Page, Paths

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # the C emitter when PyYAML has it: the same text, faster
_HREF = re.compile(r'href="([^":#?]+\.md)([#?][^"]*)?"')


@functools.lru_cache(maxsize=65536)
def _relpath(path: str, start: str) -> str:
    return posixpath.relpath(path, start)  # slow, and asked the same pairs again and again


def page_url(path: str, directory_urls: bool) -> str:
    """The address a tree path gets in the built site, relative to the site's root ('' for the home page)."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


@functools.lru_cache(maxsize=65536)
def relative(target: str, page: str, directory_urls: bool) -> str:
    """The address of `target` (a tree path) as a link from the page at tree path `page`."""
    here = page_url(page, directory_urls)
    base = here if here.endswith("/") or here == "" else posixpath.dirname(here) + "/"
    there = page_url(target, directory_urls)
    rel = _relpath(there or ".", base.rstrip("/") or ".")
    if there.endswith("/") or there == "":
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return rel


class _Undefined(jinja2.Undefined):
    """An optional field that an entry, a stage or a mapping leaves out is empty; a name that no page
    gives (a misspelt helper or variable) is a template mistake and stops the page."""

    def _check(self):
        if self._undefined_obj is jinja2.utils.missing:
            self._fail_with_undefined_error()

    def __str__(self):
        self._check()
        return ""

    def __bool__(self):
        self._check()
        return False

    def __iter__(self):
        self._check()
        return iter(())


def _finalize(value):
    """Applied to every `{{ }}`: Markup passes, text is escaped, nothing else prints as text."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return Markup(sanitize.escape_text(value)) if isinstance(value, str) else Markup(sanitize.escape_text(str(value)))


class Renderer:
    def __init__(self, root: Path, sources, paths: Paths, problems: Problems, cache: dict | None = None,
                 shared_key: tuple = ()):
        self.site, self.paths, self.problems = sources.site, paths, problems
        self.lib = sources.library
        self.stage_by_id = {s["id"]: s for s in self.lib.stages}
        self.fragments = cache.setdefault("fragments", {}) if cache is not None else None
        self.shared_key = shared_key  # what every page may show (see compile_site): part of each fragment's key
        self.directory_urls = sources.site.use_directory_urls
        loader = jinja2.FileSystemLoader(str(Path(root) / "overrides" / "pages"))
        options = dict(loader=loader, autoescape=True, undefined=_Undefined, keep_trailing_newline=True,
                       trim_blocks=True, lstrip_blocks=True)
        self.env = jinja2.Environment(finalize=_finalize, **options)  # *.jinja.md: Markdown, with raw HTML in places
        self.html_env = jinja2.Environment(**options)  # *.jinja.html: HTML only; Jinja's own escaping is enough there
        for env in (self.env, self.html_env):
            env.globals.update(t=self.t, fill=lambda text, **values: fill(text, values), long_date=long_date,
                               or_list=self.or_list)
        self.missing: set[str] = set()
        self._plain: dict[str, str] = {}

    # --- Helpers the templates call ---

    def t(self, key: str, **values) -> str:
        if not values and key in self._plain:
            return self._plain[key]
        try:
            text = self.site.t(key, **values)
            if not values:
                self._plain[key] = text  # the same label on a thousand pages: looked up once
            return text
        except KeyError:
            if key not in self.missing:
                self.missing.add(key)
                self.problems.error("practices/interface.yml", 1, f"the interface string `{key}` is missing: add it under `strings` (the pages use it).")
            return key

    def or_list(self, labels: list[str]) -> str:
        quoted = [f"“{label}”" for label in labels]
        return f" {self.t('assessment.or')} ".join(quoted)

    def helpers(self, page_path: str) -> dict:
        """link(): a relative .md link for Markdown (the engine resolves it); url(): the final address, for HTML;
        md(): Markdown from YAML as clean HTML, its .md links made final addresses."""
        here = posixpath.dirname(page_path) or "."

        def link(target) -> Markup:
            path, _, rest = self.paths.of(target).partition("#")
            return Markup(_relpath(path, here) + (f"#{rest}" if rest else ""))

        def url(target) -> Markup:
            tree = self.paths.of(target)
            path, _, rest = tree.partition("#")
            return Markup(relative(path, page_path, self.directory_urls) + (f"#{rest}" if rest else ""))

        def md(text, **values) -> Markup:
            if isinstance(text, list):
                text = "\n".join(f"- {item}" for item in text)
            text = fill(str(text), {k: (v if isinstance(v, Markup) else sanitize.escape_text(v)) for k, v in values.items()})
            cleaned = sanitize.markdown_html(text)
            cleaned = _HREF.sub(lambda m: f'href="{self._resolve(m.group(1), page_path)}{m.group(2) or ""}"', cleaned)
            return Markup(f'<div class="mpl-md">\n{cleaned}\n</div>')

        helpers = {"link": link, "url": url, "md": md, "page_path": page_path}

        def cached(template: str, entry, links=()) -> Markup:
            """One entry's part of a listing, rendered once and kept while the entry, what it links to
            and the shared inputs stay the same (a listing of 1,000 entries then costs one render per edit)."""
            key = (self.shared_key, posixpath.dirname(page_path), template, self.lib.stamps.get(entry.id),
                   tuple(self.lib.stamps.get(t.id) for _, targets in links for t in targets))
            if self.fragments is not None and self.fragments.get((entry.id, template, page_path), (None,))[0] == key:
                return self.fragments[(entry.id, template, page_path)][1]
            text = Markup(self.template(template, {**helpers, "entry": entry, "links": links,
                                                   "stage_by_id": self.stage_by_id}).rstrip("\n"))
            if self.fragments is not None:
                self.fragments[(entry.id, template, page_path)] = (key, text)
            return text

        helpers["cached"] = cached
        return helpers

    def _resolve(self, href: str, page_path: str) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href))
        return relative(target, page_path, self.directory_urls)

    # --- Pages ---

    def render(self, page: Page) -> str:
        body = self.template(page.template, {**page.context, **self.helpers(page.path)})
        return front_matter(page.meta) + body

    def template(self, name: str, context: dict) -> str:
        try:
            env = self.html_env if name.endswith(".jinja.html") else self.env
            return env.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            self.problems.error(f"overrides/pages/{name}", exc.lineno or 1, f"template syntax error: {exc.message}")
        except jinja2.TemplateNotFound as exc:
            if exc.name not in self.missing:  # once per template, not once per page
                self.missing.add(exc.name)
                self.problems.error(f"overrides/pages/{name}", 1, f"template not found: {exc.name} (page templates are in overrides/pages/)")
        except (jinja2.TemplateError, TypeError, KeyError, AttributeError) as exc:
            self.problems.error(f"overrides/pages/{name}", _template_line(exc, name), f"cannot render the template: {exc}")
        return ""


def front_matter(meta: dict) -> str:
    """YAML front matter written by a serialiser (never by formatting strings), titles as plain text."""
    clean = dict(meta)
    if "title" in clean:
        clean["title"] = sanitize.plain_title(clean["title"])
    if "description" in clean:
        clean["description"] = sanitize.plain_description(clean["description"])
    if "tags" in clean:
        clean["tags"] = [sanitize.plain_title(t) for t in clean["tags"]]
    return "---\n" + yaml.dump(clean, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n"


def long_date(iso) -> str:
    """2022-04-20 -> 20 April 2022."""
    try:
        return datetime.date.fromisoformat(str(iso)).strftime("%-d %B %Y")
    except ValueError:
        return str(iso)


def _template_line(exc: Exception, name: str) -> int:
    tb = exc.__traceback__
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
