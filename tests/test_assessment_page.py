"""The built self-assessment page and its scoring data: one source, no drift; a broken questionnaire stops the build."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import ROOT, build_site, copy_project


class _Collect(HTMLParser):
    """Collects the question ids of the form's fieldsets, and the script sources, in page order."""

    def __init__(self):
        super().__init__()
        self.questions, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "fieldset" and "data-question" in attrs:
            self.questions.append(attrs["data-question"])
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])


def _parse(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_form_and_scoring_data_come_from_the_same_questionnaire(built_site):
    data = json.loads((built_site / "assessment" / "data.json").read_text(encoding="utf-8"))
    page = _parse(built_site / "assessment" / "index.html")
    yaml_ids = [q["id"] for f in sorted((ROOT / "assessment" / "sections").glob("*.yml"))
                for q in yaml.safe_load(f.read_text(encoding="utf-8"))["questions"]]
    data_ids = [q["id"] for s in data["sections"] for q in s["questions"]]
    assert page.questions == data_ids
    assert sorted(data_ids) == sorted(yaml_ids)
    version = yaml.safe_load((ROOT / "assessment" / "questionnaire.yml").read_text())["version"]
    assert data["version"] == version
    assert f'data-version="{version}"' in (built_site / "assessment" / "index.html").read_text(encoding="utf-8")


def test_every_recommended_entry_links_to_a_built_page(built_site):
    data = json.loads((built_site / "assessment" / "data.json").read_text(encoding="utf-8"))
    for target_id, target in data["targets"].items():
        page = (built_site / "assessment" / target["url"]).resolve()
        assert page.is_file(), f"{target_id}: {target['url']}"
        assert target_id in page.name


def test_scripts_load_only_on_the_assessment_page_and_the_home_page_invites_to_it(built_site):
    assert "../assets/javascripts/assessment/main.js" in _parse(built_site / "assessment" / "index.html").scripts
    for html in built_site.rglob("*.html"):
        if html != built_site / "assessment" / "index.html":
            assert not [s for s in _parse(html).scripts if "javascripts/assessment/" in s], html
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="md-button md-button--primary" href="assessment/index.html">Take the self-assessment</a>', home)
    assert 'href="assessment/index.html"' in home and "Self-assessment" in home


def test_edit_link_opens_the_questionnaire(built_site):
    assert "edit/main/assessment/questionnaire.yml" in (built_site / "assessment" / "index.html").read_text(encoding="utf-8")


def test_a_broken_questionnaire_stops_the_build_with_file_line_and_message(tmp_path):
    project = copy_project(tmp_path)
    section = project / "assessment" / "sections" / "design.yml"
    section.write_text(section.read_text(encoding="utf-8").replace("scale: in-place", "scale: in-plaice", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    line = next(n for n, text in enumerate(section.read_text().splitlines(), 1) if "in-plaice" in text)
    assert f"assessment/sections/design.yml:{line}: unknown scale `in-plaice`. Did you mean `in-place`?" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_scoring_data_carries_the_scripts_strings_storage_keys_and_schema_patterns(built_site):
    from model.compile.assessment_pages import JS_STRINGS

    data = json.loads((built_site / "assessment" / "data.json").read_text(encoding="utf-8"))
    strings = yaml.safe_load((ROOT / "practices" / "interface.yml").read_text(encoding="utf-8"))["strings"]
    assert data["strings"] == {k: v for k, v in strings.items() if k.startswith(JS_STRINGS)}
    site_id = yaml.safe_load((ROOT / "practices" / "site.yml").read_text(encoding="utf-8"))["id"]
    assert data["storage"]["answers"] == f"{site_id}:assessment:answers"
    assert data["storage"]["snapshots"] == f"{site_id}:assessment:snapshots"
    assert data["storage"]["legacy"] == {"answers": "mpl-assessment:answers", "snapshots": "mpl-assessment:snapshots"}
    definitions = json.loads((ROOT / "schema" / "definitions.schema.json").read_text(encoding="utf-8"))["$defs"]
    assert data["patterns"] == {"id": definitions["id"]["pattern"], "version": definitions["version"]["pattern"]}


def test_how_the_results_are_worked_out_gives_the_formulas_own_numbers(built_site):
    from model.assessment import FORMULA, formula_values

    html = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    how = re.search(r'<details class="info mpl-how">(.*?)</details>', html, re.S).group(1)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", how))
    values = formula_values()
    assert values["weight_medium"] == f"{FORMULA['weights']['medium']:g}" and values["enough"] == f"{round(100 * FORMULA['enough_answers'])}%"
    for name in ("weight_high", "weight_medium", "weight_low", "fit_partial", "others", "tentative", "label_high", "label_medium"):
        assert values[name] in text, name
    assert f"The {FORMULA['plan']['start']} entries with the greatest need" in text and f"the next {FORMULA['plan']['next']} " in text
    assert "{" not in text, "every number is filled in"
    # The data the scripts rank with is the same formula.
    assert json.loads((built_site / "assessment" / "data.json").read_text(encoding="utf-8"))["formula"] == FORMULA
