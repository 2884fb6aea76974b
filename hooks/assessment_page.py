"""Hook: the self-assessment page (assessment/index.md) and its scoring data (assessment/data.json).

Both come from the questionnaire in assessment/, checked against the library, in the same build:
the form the page shows and the data its scripts score with cannot drift apart. The Markdown of the
page lives in overrides/assessment/page.md.j2, the form in overrides/assessment/form.html.j2.
"""
from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

import site_data
from model import FOLDER_OF_KIND, Assessment, load_assessment
from model.assessment_data import to_data, to_json

PAGE = "assessment/index.md"
DATA = "assessment/data.json"
SCRIPT = "assets/javascripts/assessment/main.js"
STYLES = "assets/stylesheets/assessment.css"

_state: dict = {"data": None, "assessment": None}


# --- Hooks ---

def on_files(files: Files, config) -> Files:
    """Check assessment/ against the library, then add the page and its scoring data."""
    lib = site_data.library(config)
    assessment = _load(config, lib)
    page_url = site_data.page_url(PAGE, config)
    data = to_data(assessment, lib, lambda e: get_relative_url(site_data.page_url(f"{FOLDER_OF_KIND[e.kind]}/{e.id}.md", config), page_url))
    _state.update(data=data, assessment=assessment)
    markdown = site_data.render(config.theme.get_env(), "assessment/page.md.j2", title=assessment.title,
                                summary=assessment.summary, count=len(assessment.questions))
    site_data.add_generated(files, config, PAGE, markdown, source="assessment/questionnaire.yml")
    site_data.add_generated(files, config, DATA, to_json(data))
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Append the form, rendered from the same data as data.json, to the assessment page."""
    if page.file.src_uri != PAGE or not (page.file.generated_by or "").endswith("assessment_page.py"):
        return html
    data, assessment = _state["data"], _state["assessment"]
    numbers = {q.id: n for n, q in enumerate(assessment.questions, start=1)}
    assets = {"css": get_relative_url(STYLES, page.url), "script": get_relative_url(SCRIPT, page.url),
              "data": get_relative_url(DATA, page.url)}
    form = site_data.render(config.theme.get_env(), "assessment/form.html.j2", data=data, numbers=numbers,
                            total=len(numbers), assets=assets,
                            question_scales={q.id: q.scale for q in assessment.questions})
    return html + "\n" + form


# --- Helpers ---

def _load(config, lib) -> Assessment:
    assessment = load_assessment(site_data.repo_root(config), lib)
    site_data.log_warnings(assessment.problems)
    site_data.stop_on_errors(assessment.problems, "the self-assessment YAML")
    return assessment
