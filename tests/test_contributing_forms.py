"""The issue forms .github/ISSUE_TEMPLATE/propose-<kind>.yml are generated from the YAML (model/forms.py) and
committed, because GitHub reads them from the repository: these tests keep them in sync, and check that they are
forms GitHub accepts and that model/proposal/ reads back every field they ask for."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import copy_project
from model import forms, load_assessment, load_library
from model import proposal as proposals
from model.cli import collect_problems

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def run_forms(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "model", "forms", "--root", str(root)], capture_output=True, text=True,
                          timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_the_committed_forms_are_exactly_what_the_generator_makes_from_the_current_yaml():
    lib = load_library(ROOT)
    wanted = forms.expected(ROOT, lib)
    assert set(wanted) == {f"{forms.FOLDER}/propose-{k.id}.yml" for k in lib.kinds.values() if k.recommend_as}
    assert "practice" in {k.id for k in forms.form_kinds(lib)}
    for rel, text in wanted.items():
        assert (ROOT / rel).read_text(encoding="utf-8") == text, f"{rel} is out of date: run `make forms` and commit it"
    assert {f.relative_to(ROOT).as_posix() for f in forms.generated_files(ROOT)} == set(wanted)
    assert forms.check(ROOT, lib) == []


def test_the_forms_offer_the_vocabularies_as_written_in_the_yaml():
    lib = load_library(ROOT)
    for kind in forms.form_kinds(lib):
        form = yaml.safe_load((ROOT / forms.file_of(kind)).read_text(encoding="utf-8"))
        by_id = {item["id"]: item["attributes"] for item in form["body"] if "id" in item}
        assert by_id["stages"]["options"] == [f"{s['title']} ({s['id']})" for s in lib.stages]
        assert [o["label"] for o in by_id["roles"]["options"]] == [f"{r['title']} ({i})" for i, r in lib.roles.items()]
        assert [o["label"] for o in by_id["themes"]["options"]] == [f"{t['title']} ({i})" for i, t in lib.themes.items()]
        assert {link.field for link in kind.links} <= set(by_id)
        assert form["labels"] == [forms.LABEL]


def test_a_changed_vocabulary_makes_a_form_out_of_date_until_make_forms_is_run(tmp_path):
    project = copy_project(tmp_path)
    themes = project / "practices" / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + "  - id: money\n    title: Money\n    description: What taking part costs, and who pays.\n",
                      encoding="utf-8")
    stale = [p for p in collect_problems(project) if p.path.startswith(forms.FOLDER)]
    assert stale and {p.path for p in stale} == {f"{forms.FOLDER}/propose-practice.yml", f"{forms.FOLDER}/propose-priority-action.yml"}
    form = (project / stale[0].path).read_text(encoding="utf-8").splitlines()
    assert form[stale[0].line - 1].strip() == "- type: textarea", "the first line that differs: after the last theme"
    assert "run `make forms` (or `python -m model forms`) and commit the result" in stale[0].message

    done = run_forms(project)
    assert done.returncode == 0, done.stderr
    assert "Wrote .github/ISSUE_TEMPLATE/propose-practice.yml." in done.stdout
    assert collect_problems(project) == []
    assert "- label: Money (money)" in (project / forms.FOLDER / "propose-practice.yml").read_text(encoding="utf-8")
    assert run_forms(project).stdout.strip() == "The issue forms are up to date."


def test_what_contributors_add_often_never_makes_the_forms_out_of_date(tmp_path):
    """A new challenge, source or question is asked for in words in the forms: adding one changes no form."""
    project = copy_project(tmp_path)
    lib = load_library(project)
    before = forms.expected(project, lib)
    sources = project / "practices" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + "  - id: experience-a-reader\n    title: Practice experience of a reader\n"
                       "    credit: A reader, from their own practice\n    date: \"2026-11-30\"\n    description: Ten years of recruiting.\n",
                       encoding="utf-8")
    challenge = next(e for e in lib.entries.values() if e.kind == "challenge")
    copy = (project / challenge.path).read_text(encoding="utf-8").replace(f"id: {challenge.id}", "id: a-new-challenge-for-the-test")
    (project / challenge.path).with_name("a-new-challenge-for-the-test.yml").write_text(copy, encoding="utf-8")
    assert forms.expected(project, load_library(project)) == before


def test_a_kind_no_longer_recommended_loses_its_form(tmp_path):
    project = copy_project(tmp_path)
    kinds = project / "practices" / "kinds.yml"
    kinds.write_text(kinds.read_text(encoding="utf-8").replace("    recommend_as: action\n", ""), encoding="utf-8")
    assert any(p.path == f"{forms.FOLDER}/propose-priority-action.yml" and "no kind in practices/kinds.yml has this issue form"
               in p.message for p in collect_problems(project))
    assert "Deleted .github/ISSUE_TEMPLATE/propose-priority-action.yml." in run_forms(project).stdout
    assert not (project / forms.FOLDER / "propose-priority-action.yml").exists()
    assert (project / forms.FOLDER / "report-problem.yml").exists(), "hand-written forms are left alone"


def test_a_library_that_has_no_generated_forms_has_none_to_check(tmp_path):
    root = tmp_path / "fork"
    shutil.copytree(FIXTURES / "library" / "valid", root)
    shutil.copytree(ROOT / "schema", root / "schema")
    assert forms.check(root, load_library(root)) == []


def test_every_form_is_one_github_accepts():
    """The rules of GitHub's issue-form syntax that a generated form could break."""
    allowed = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    for file in forms.generated_files(ROOT):
        form = yaml.safe_load(file.read_text(encoding="utf-8"))
        assert set(form) <= {"name", "description", "title", "labels", "body", "assignees", "projects", "type"}, file.name
        assert form["name"] and form["description"] and form["body"], file.name
        ids = [item["id"] for item in form["body"] if "id" in item]
        assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids), file.name
        labels = [item["attributes"]["label"] for item in form["body"] if item["type"] != "markdown"]
        assert len(labels) == len(set(labels)), f"{file.name}: a label twice (the answers are read by label)"
        for item in form["body"]:
            assert item["type"] in allowed, file.name
            attributes = item["attributes"]
            if item["type"] == "markdown":
                assert "id" not in item and attributes["value"].strip()
                continue
            assert set(item) <= {"type", "id", "attributes", "validations"}
            assert set(item.get("validations", {})) <= {"required"}
            if item["type"] == "dropdown":
                assert attributes["options"] and len(set(attributes["options"])) == len(attributes["options"])
                assert all(isinstance(o, str) and o.strip() and o != "None" for o in attributes["options"])
            if item["type"] == "checkboxes":
                assert attributes["options"] and all(set(o) <= {"label", "required"} and o["label"] for o in attributes["options"])


def github_body(fields: list[forms.Field], answers: dict[str, object]) -> str:
    """An issue's text as GitHub writes it for these answers: `### Label`, then the answer or `_No response_`."""
    parts = []
    for f in fields:
        value = answers.get(f.id)
        if f.type == "checkboxes":
            text = "\n".join(f"- [{'X' if o in (value or []) else ' '}] {o}" for o in f.options)
        elif isinstance(value, list):
            text = ", ".join(value)
        else:
            text = value or "_No response_"
        parts.append(f"### {f.label}\n\n{text}")
    return "\n\n".join(parts) + "\n"


def test_the_converter_reads_back_every_field_each_form_asks_for(tmp_path):
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "library" / "valid", root)
    shutil.copytree(ROOT / "schema", root / "schema")
    shutil.copytree(FIXTURES / "assessment" / "valid", root / "assessment")
    lib = load_library(root)
    for kind in forms.form_kinds(lib):
        fields = forms.fields(lib, kind, forms.effort_levels(root))
        by_id = {f.id: f for f in fields}
        target = lib.of_kind(kind.links[0].to)[0]
        answers = {"title": f"A new {kind.title.lower()} for the test", "summary": "One sentence that says what it is.",
                   "stages": [by_id["stages"].options[-1]], "roles": [by_id["roles"].options[0]],
                   "themes": list(by_id["themes"].options), kind.links[0].field: target.title,
                   "body": "Two lines of text\nin the body, long enough for the schema.", "first_step": "Start with one small step.",
                   "effort": by_id["effort"].options[0], "tentative": list(by_id["tentative"].options),
                   "source_kind": forms.OWN_EXPERIENCE, "source": "Ten years of recruiting.", "section": "Chapter 1",
                   "question": load_assessment(root, lib).questions[0].text,
                   "licence": list(by_id["licence"].options)}
        issue = proposals.Issue(3, "x", github_body(fields, answers), "a-reader", 9, "2026-11-30")
        proposal = proposals.convert(root, issue, lib)
        entry = proposal.entry
        assert proposal.notes == [] and not proposal.blocked, proposal.notes
        assert entry["title"] == answers["title"] and entry["summary"] == answers["summary"]
        assert entry["stages"] == [lib.stages[-1]["id"]] and entry["roles"] == [next(iter(lib.roles))]
        assert entry["themes"] == list(lib.themes) and entry[kind.links[0].field] == [target.id]
        assert entry["body"] == answers["body"] + "\n" and entry["first_step"] == answers["first_step"]
        assert (entry["effort"], entry["tentative"]) == ("low", True)
        assert entry["sources"] == [{"source": "experience-a-reader", "section": "Chapter 1"}]
        assert proposal.question
