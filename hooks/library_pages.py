"""Hook: generate the home, stage, challenge, practice and priority action pages from practices/.

Python shapes the data; the Markdown lives in overrides/library/*.md.j2. Nothing is written to docs/.
"""
from __future__ import annotations

import datetime
from collections import Counter

import nh3
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.utils import get_relative_url

import site_data
from model import FOLDER_OF_KIND, Entry, Library

STAGES_PLACEHOLDER = "stages/index.md"  # the nav item in mkdocs.yml that expands into every stage

# Tags and attributes our templates, Markdown and mkdocs-material produce; everything else is removed.
_ALLOWED_TAGS = {"a", "abbr", "blockquote", "br", "button", "code", "dd", "del", "details", "div", "dl", "dt", "em",
                 "fieldset", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "input", "label", "legend", "li",
                 "ol", "option", "p", "pre", "select", "small", "span", "strong", "sub", "summary", "sup", "table",
                 "tbody", "td", "th", "thead", "tr", "ul"}
_ALLOWED_ATTRIBUTES = {"*": {"class", "id", "hidden", "title", "lang", "role"},
                       "a": {"href"}, "label": {"for"}, "th": {"scope"}, "ol": {"start"},
                       "input": {"type", "name", "value", "checked"}, "select": {"name"}, "option": {"value"},
                       "button": {"type"}, "details": {"open"}, "form": {"data-module"},
                       "li": {"data-stage", "data-role", "data-theme"}}


# --- Hooks ---

def on_config(config):
    """Replace the stages placeholder in the nav with one item per stage, in the order of stages.yml."""
    lib = site_data.library(config)
    stage_items = [STAGES_PLACEHOLDER] + [{s["title"]: f"stages/{s['id']}.md"} for s in lib.stages]
    config.nav = [_expand(item, stage_items) for item in (config.nav or [])]
    return config


def on_files(files: Files, config) -> Files:
    lib = site_data.library(config)
    env = config.theme.get_env()
    for theme_file in [f for f in files if f.src_uri.endswith(".j2")]:
        files.remove(theme_file)  # our page templates live in overrides/ but are not site files
    for uri, template, context, edit_path in _pages(lib):
        def href(target, _from=uri):
            return get_relative_url(target if isinstance(target, str) else _uri(target), _from)

        def url(target: Entry, _from=uri):
            return get_relative_url(site_data.page_url(_uri(target), config), site_data.page_url(_from, config))

        content = site_data.render(env, f"library/{template}", lib=lib, stages=lib.stages,
                                   stage_by_id={s["id"]: s for s in lib.stages}, href=href, url=url,
                                   lib_entries=lambda ids: [lib.entries[i] for i in ids], long_date=_long_date,
                                   **context)
        # Entry pages stay out of the sidebar: a sidebar listing every page makes the build quadratic.
        inclusion = InclusionLevel.NOT_IN_NAV if "entry" in context else InclusionLevel.UNDEFINED
        site_data.add_generated(files, config, uri, content, source=edit_path, inclusion=inclusion)
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Pages built from YAML text are sanitised: raw HTML and scripts in the YAML never run."""
    if page.file.generated_by and page.file.generated_by.endswith("library_pages.py"):
        return nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, link_rel=None,
                         url_schemes={"http", "https", "mailto"})
    return html


# --- Helpers ---

def _expand(item, stage_items):
    if item == STAGES_PLACEHOLDER:
        return {"Stages": stage_items}
    if isinstance(item, dict):
        return {k: (stage_items if v == STAGES_PLACEHOLDER else _expand_list(v, stage_items)) for k, v in item.items()}
    return item


def _expand_list(value, stage_items):
    return [_expand(i, stage_items) for i in value] if isinstance(value, list) else value


def _long_date(iso: str) -> str:
    """2022-04-20 -> 20 April 2022."""
    return datetime.date.fromisoformat(str(iso)).strftime("%-d %B %Y")


def _uri(target) -> str:
    if isinstance(target, Entry):
        return f"{FOLDER_OF_KIND[target.kind]}/{target.id}.md"
    return f"stages/{target['id']}.md"  # a stage from stages.yml


def _pages(lib: Library):
    """(page uri, template, context, YAML or template to edit) for every generated page."""
    counts = Counter(e.kind for e in lib.entries.values() if not e.retired)
    per_stage = {s["id"]: Counter(e.kind for e in lib.entries.values() if s["id"] in e.stages and not e.retired)
                 for s in lib.stages}
    yield "index.md", "home.md.j2", {"counts": counts}, "overrides/library/home.md.j2"
    yield "stages/index.md", "stages-index.md.j2", {"counts": per_stage}, "practices/stages.yml"
    for stage in lib.stages:
        sid = stage["id"]
        yield f"stages/{sid}.md", "stage.md.j2", {
            "stage": stage, "challenges": lib.of_kind("challenge", sid), "practices": lib.of_kind("practice", sid),
            "actions": lib.of_kind("priority-action", sid)}, "practices/stages.yml"
    yield "challenges/index.md", "challenges-index.md.j2", {
        "by_stage": {s["id"]: lib.of_kind("challenge", s["id"]) for s in lib.stages}}, "overrides/library/challenges-index.md.j2"
    yield "practices/index.md", "practices-index.md.j2", {
        "practices": lib.of_kind("practice"), "facets": _facets(lib)}, "overrides/library/practices-index.md.j2"
    yield "priority-actions/index.md", "priority-actions.md.j2", {
        "actions": lib.of_kind("priority-action")}, "overrides/library/priority-actions.md.j2"
    for entry in lib.entries.values():
        yield _uri(entry), "entry.md.j2", {
            "entry": entry,
            "addressed_by": lib.addressed_by(entry.id) if entry.kind == "challenge" else [],
            "addresses": [lib.entries[i] for i in entry.addresses],
            "carried_out_by": [lib.entries[i] for i in entry.carried_out_by],
            "carried_by": lib.carried_by(entry.id) if entry.kind == "practice" else [],
            "related": lib.related_to(entry),
            "replaced": lib.entries.get((entry.retired or {}).get("replaced_by", "")),
        }, entry.path


def _facets(lib: Library) -> list[dict]:
    """The filters of the practice index: only values that some practice uses."""
    practices = lib.of_kind("practice")
    used = {name: {v for p in practices for v in getattr(p, name)} for name in ("stages", "roles", "themes")}
    return [
        {"name": "stage", "label": "Stage", "options": [s for s in lib.stages if s["id"] in used["stages"]]},
        {"name": "role", "label": "Role", "options": [r for r in lib.roles.values() if r["id"] in used["roles"]]},
        {"name": "theme", "label": "Theme", "options": [t for t in lib.themes.values() if t["id"] in used["themes"]]},
    ]
