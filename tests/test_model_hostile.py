"""The validator on hostile and careless input: no crash, no hang, one clear `file:line` answer per
problem, and no knock-on errors hiding the cause. Each test here failed before its fix."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, copy_project
from model import load_assessment, load_library
from model.cli import collect_problems

ENTRY = "practices/practices/run-parallel-processes.yml"


def problems_of(project: Path) -> list[str]:
    return [str(p) for p in collect_problems(project)]


def test_forty_thousand_nested_brackets_get_an_answer_not_a_crash(tmp_path):
    project = copy_project(tmp_path)
    (project / "practices" / "practices" / "deep.yml").write_text("id: deep\nbody: " + "[" * 40000 + "]" * 40000 + "\n")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "model", "validate"], cwd=project, capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr  # a segmentation fault gives -11 and no output
    assert "practices/practices/deep.yml:2: values are nested too deeply" in result.stdout
    assert time.monotonic() - started < 30


def test_a_link_out_of_the_repository_is_refused_with_its_path(tmp_path):
    project = copy_project(tmp_path)
    outside = tmp_path / "secret.yml"
    outside.write_text("id: secret\n")
    (project / "practices" / "practices" / "secret.yml").symlink_to(outside)
    (project / "assessment" / "sections" / "linked").symlink_to(tmp_path, target_is_directory=True)
    found = problems_of(project)
    assert f"practices/practices/secret.yml:1: this is a link to {outside}, outside the repository: replace the link with the file itself." in found
    assert any(p.startswith("assessment/sections/linked:1: this is a link to") for p in found)


def test_replacements_that_go_round_in_a_circle_are_an_error(tmp_path):
    project = copy_project(tmp_path)
    a, b = project / "practices" / "practices" / "pair-facilitators-in-small-groups.yml", project / ENTRY
    for file, other in ((a, "run-parallel-processes"), (b, "pair-facilitators-in-small-groups")):
        file.write_text(file.read_text() + f'retired:\n  date: "2026-01-01"\n  reason: Merged into the other entry.\n  replaced_by: {other}\n')
    found = [p for p in problems_of(project) if "circle" in p]
    assert len(found) == 1 and "pair-facilitators-in-small-groups → run-parallel-processes → pair-facilitators-in-small-groups" in found[0]


def test_a_broken_vocabulary_is_reported_once_without_knock_on_errors(tmp_path):
    project = copy_project(tmp_path)
    roles = project / "practices" / "roles.yml"
    roles.write_text(roles.read_text().replace("  - id: facilitators", "  - id: facilitators\n  title: [broken", 1))
    found = problems_of(project)
    assert [p for p in found if p.startswith("practices/roles.yml:")], found
    assert not [p for p in found if "unknown role" in p], "a role file that cannot be read must not flag every entry"


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    project = copy_project(tmp_path)
    entry = project / ENTRY
    lines = entry.read_text().splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    lines[number] = 'summary: "A summary whose quote never closes.'
    entry.write_text("\n".join(lines) + "\n")
    assert f"{ENTRY}:{number + 1}: a quotation mark opened on this line is never closed" in "\n".join(problems_of(project))


def test_a_malformed_version_gets_an_example_and_a_block_scalar_id_is_refused_as_in_the_browser(tmp_path):
    project = copy_project(tmp_path)
    head = project / "assessment" / "questionnaire.yml"
    head.write_text(re.sub(r'^version: .*$', "version: |\n  1.0.0", head.read_text(), count=1, flags=re.M))
    found = "\n".join(problems_of(project))
    assert "assessment/questionnaire.yml:" in found and "such as `1.0.0`" in found  # "1.0.0\n" passes Python's $, not ECMA's
    head.write_text(re.sub(r'^version: \|\n  1.0.0$', 'version: "1.0.0"', head.read_text(), count=1, flags=re.M))
    section = project / "assessment" / "sections" / "design.yml"
    section.write_text(re.sub(r"^  - id: (\S+)$", "  - id: |\n      \\1", section.read_text(), count=1, flags=re.M))
    found = "\n".join(problems_of(project))
    assert re.search(r"assessment/sections/design.yml:\d+: `questions`, item 1, `id` is `des-[a-z-]+\\n`, but an id", found), found


def test_ids_and_versions_pass_or_fail_alike_in_python_and_in_the_browser():
    """The page checks saved answers with the schema's own patterns (data.json `patterns`): same verdicts."""
    import json

    from model.compile.assessment_pages import schema_patterns
    from model.schemas import validator_for

    patterns = schema_patterns(ROOT)
    values = ["invite-by-letter", "a", "Invite", "x-", "x--y", "trailing\n", "1.0.0", "1.0.0\n", "1.0", "01.2.3", "1.2.3.4"]
    python = {name: [not list(validator_for({"type": "string", "pattern": p}).iter_errors(v)) for v in values]
              for name, p in patterns.items()}
    script = f"const p={json.dumps(patterns)}, v={json.dumps(values)};" \
             "console.log(JSON.stringify(Object.fromEntries(Object.entries(p).map(([k, r]) => [k, v.map(x => new RegExp(r).test(x))]))))"
    browser = json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)
    assert browser == python


def test_a_colon_in_the_questionnaire_title_does_not_break_its_page(tmp_path):
    from model.compile import compile_site

    project = copy_project(tmp_path)
    head = project / "assessment" / "questionnaire.yml"
    head.write_text(re.sub(r"^title: .*$", 'title: "Self-assessment: where you stand"', head.read_text(), count=1, flags=re.M))
    assert compile_site(project).ok
    page = (project / "build" / "docs" / "assessment" / "index.md").read_text()
    assert page.startswith("---\ntitle: 'Self-assessment: where you stand'\n")
    assert load_assessment(project, load_library(project)).title == "Self-assessment: where you stand"
