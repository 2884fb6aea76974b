"""The build on bad or hostile input: clear errors, no traceback, no script injected, no stale state."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ActiveContent, build_site, copy_project, search_index

HOSTILE_BODY = """\
body: |
  Before <script>alert("body")</script> after.

  <img src="x" onerror="alert('img')"> and <iframe src="https://example.org/"></iframe>

  [a link](javascript:alert('link')) and <a href="javascript:alert('a')">another</a>.

  <div onclick="alert('div')" style="background:url(javascript:alert(1))">styled</div>
"""


def replace_body(entry: Path, new_body: str) -> None:
    text = entry.read_text(encoding="utf-8")
    start = text.index("body: |")
    end = text.index("\nsources:")
    entry.write_text(text[:start] + new_body + text[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    project = copy_project(tmp)
    entry = project / "practices" / "practices" / "run-parallel-processes.yml"
    replace_body(entry, HOSTILE_BODY)
    # attr_list would turn this into an attribute of the heading
    entry.write_text(re.sub(r"^title: .*$", """title: 'Parallel processes {: onmouseover="alert(1)" }'""",
                            entry.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    stages = project / "practices" / "stages.yml"
    stages.write_text(stages.read_text(encoding="utf-8").replace(
        "    intro: |\n", "    intro: |\n      <script>alert('intro')</script>\n", 1), encoding="utf-8")
    result = build_site(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_script_and_event_handlers_in_yaml_never_reach_a_page(hostile_site):
    for page in hostile_site.rglob("*.html"):
        parser = ActiveContent()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], page


def test_hostile_text_is_still_shown_as_harmless_text(hostile_site):
    html = next(hostile_site.rglob("run-parallel-processes*.html")).read_text(encoding="utf-8")
    assert "Before" in html and "after." in html and "styled" in html


def test_hostile_text_is_kept_out_of_the_search_index_as_markup(hostile_site):
    index = json.dumps(search_index(hostile_site))
    assert "run-parallel-processes" in index, "the hostile entry is indexed"
    assert "<script" not in index and "onerror" not in index and "javascript:" not in index


def test_bad_yaml_stops_the_build_with_file_line_and_no_traceback(tmp_path):
    project = copy_project(tmp_path)
    entry = project / "practices" / "practices" / "run-parallel-processes.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("stages: [", "stages: [desing, "), encoding="utf-8")
    (project / "practices" / "challenges" / "empty-file.yml").write_text("", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert re.search(r"practices/practices/run-parallel-processes\.yml:\d+: unknown stage `desing`\. Did you mean `design`\?", output)
    assert "practices/challenges/empty-file.yml:1: file is empty" in output
    assert "2 errors, 0 warnings: the docs tree was not changed" in output
