"""A fork that changes only YAML and mkdocs.yml (the example library: other stages, kinds, roles, wording,
questionnaire and scales) gets a site of its own: none of this library's topic words, its own kinds, each
with pages and links, and its own questionnaire."""
from __future__ import annotations

import json
import re

from conftest import html_of
from model import load_library

TOPIC_WORDS = ["mini-public", "power and privilege", "assembl", "commissioner", "sortition", "citizens", "by lot",
               "involve and", "practitioners' network", "recruit", "facilitator", "priority action"]


def test_the_forks_pages_and_data_hold_none_of_this_librarys_topic_words(example_site):
    site, _ = example_site
    found = {}
    for file in list(site.rglob("*.html")) + list(site.rglob("*.json")):
        if "search" in file.parts or file.name.endswith(".min.js"):
            continue
        text = re.sub(r"<script.*?</script>", "", file.read_text(encoding="utf-8"), flags=re.S).lower()
        hits = [word for word in TOPIC_WORDS if word in text]
        if hits:
            found[file.relative_to(site).as_posix()] = hits
    assert found == {}


def test_a_kind_declared_in_yaml_alone_has_its_pages_links_and_schema(example_site):
    site, project = example_site
    lib = load_library(project)
    case = lib.kinds["case-study"]
    assert {"case-study", "method", "barrier"} == set(lib.kinds)
    listing = html_of(site, f"{case.folder}/index.md")
    for entry in lib.of_kind("case-study"):
        assert entry.title in listing
        page = html_of(site, f"{case.folder}/{entry.id}.md")
        assert case.links[0].heading in page
        for method in entry.links["illustrates"]:
            assert case.links[0].back_heading in html_of(site, f"methods/{method}.md")
    schema = json.loads((site / "downloads" / "schema" / "case-study.schema.json").read_text(encoding="utf-8"))
    assert "illustrates" in schema["required"] and schema["properties"]["kind"]["const"] == "case-study"


def test_the_forks_questionnaire_has_its_own_sections_scales_and_storage(example_site):
    site, _ = example_site
    data = json.loads((site / "assessment" / "data.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["sections"]] == ["access", "voice"] and all(s["stage"] is None for s in data["sections"])
    assert set(data["scales"]) == {"how-true", "done"}
    assert data["storage"]["answers"].startswith("young-voices:") and "legacy" not in data["storage"]
    assert data["retired_questions"] == ["old-question"]
