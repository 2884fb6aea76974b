"""Shape and render the self-assessment page (its form is drawn at build time from the questionnaire),
its scoring data (assessment/data.json) and the pages that compare answers."""
from __future__ import annotations

import json

from markupsafe import Markup

from ..assessment import formula_values
from ..assessment_data import to_data, to_json
from .render import Renderer, relative
from .shape import ASSESSMENT, COMBINE, COMPARE, DATA, Page, assessment_counts

SCRIPT = "assets/javascripts/assessment/main.js"
STYLES = tuple(f"assets/stylesheets/{name}.css" for name in ("assessment", "assessment-results", "assessment-narrow"))  # in this order
JS_STRINGS = ("answer.", "assessment.", "results.", "compare.", "combine.", "plan.", "storage.", "entry.", "effort.")  # prefixes the scripts use


THEME_STRINGS, THEME_SCRIPT = "theme.", "assets/javascripts/theme-strings.js"  # the strings of theme-a11y.js, every page


def theme_strings(site) -> str:
    """A script that hands the theme's script its interface strings (a file: the pages' CSP runs no inline script)."""
    strings = {k: v for k, v in site.strings.items() if k.startswith(THEME_STRINGS)}
    return ("// Made by `python -m model site` from practices/interface.yml: do not edit.\n"
            f"window.mplThemeStrings = {json.dumps(strings, ensure_ascii=False, sort_keys=True)};\n")


def storage_keys(sources) -> dict:
    """Where the browser keeps this library's answers and snapshots: named by the site's id."""
    site_id = sources.site.id
    keys = {"answers": f"{site_id}:assessment:answers", "snapshots": f"{site_id}:assessment:snapshots"}
    legacy = sources.site.wording.get("legacy_storage_prefix")
    if legacy:
        keys["legacy"] = {"answers": f"{legacy}:answers", "snapshots": f"{legacy}:snapshots"}
    return keys


def schema_patterns(root) -> dict:
    """The patterns of an id and of a version, from schema/definitions.schema.json (the one definition)."""
    definitions = json.loads((root / "schema" / "definitions.schema.json").read_text(encoding="utf-8"))["$defs"]
    return {"id": definitions["id"]["pattern"], "version": definitions["version"]["pattern"]}


def build(sources, paths, renderer: Renderer, tree) -> None:
    """Write the three pages and data.json into `tree`."""
    assessment, lib, site = sources.assessment, sources.library, sources.site
    directory_urls = site.use_directory_urls
    strings = {k: v for k, v in site.strings.items() if k.startswith(JS_STRINGS)}
    data = to_data(assessment, lib, lambda e: relative(paths.of(e), ASSESSMENT, directory_urls), strings, storage_keys(sources),
                   schema_patterns(sources.root))
    numbers = {q.id: n for n, q in enumerate(assessment.questions, start=1)}
    counts = assessment_counts(sources)
    helpers = renderer.helpers(ASSESSMENT)
    assets = {name: Markup(relative(path, ASSESSMENT, directory_urls)) for name, path in (("script", SCRIPT), ("data", DATA))}
    assets["css"] = [Markup(relative(path, ASSESSMENT, directory_urls)) for path in STYLES]
    form = renderer.template("assessment/form.jinja.html", {
        "data": {**data, "profile": {**data["profile"], "title": assessment.profile.get("title", "")}},
        "numbers": numbers, "total": counts["questions"], "assets": assets, "pages": sources.pages,
        "question_scales": {q.id: q.scale for q in assessment.questions}, **helpers})
    page = Page(ASSESSMENT, "assessment/page.jinja.md",
                {"assessment": assessment, "pages": sources.pages, "counts": counts, "form": Markup(form),
                 "formula": formula_values()},
                {"title": assessment.title, "description": assessment.summary, "source": "assessment/questionnaire.yml",
                 "hide": ["toc"], "search": {"boost": 3}})
    tree.put(ASSESSMENT, renderer.render(page))
    tree.put(DATA, to_json(data))
    for path, template, key in ((COMPARE, "compare/compare.jinja.md", "compare"), (COMBINE, "compare/combine.jinja.md", "combine")):
        context = {"pages": sources.pages, "data_url": Markup(relative(DATA, path, directory_urls)),
                   "assessment_link": Markup("index.md")}
        meta = {"title": site.t(f"{key}.title"), "description": sources.pages[key]["description"],
                "source": "assessment/pages.yml"}
        tree.put(path, renderer.render(Page(path, template, context, meta)))
