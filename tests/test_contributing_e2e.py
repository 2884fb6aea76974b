"""A first contribution, end to end, on a copy of this repository, done as CONTRIBUTING.md says: a practitioner
adds a practice at the recruitment stage with the scaffold, credits their own experience as a new source,
writes a new self-assessment question that recommends it and raises the questionnaire's version. The examples
are taken from CONTRIBUTING.md itself, so a wrong example there fails here.

Then `make validate` is green, the strict build is green, the page is on the site and linked, and the test
files that read this repository's content pass on the copy: `make validate` green means CI green on content."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build_site, copy_project, html_of

TITLE = "Offer childcare and travel costs so that parents and carers can take part"
ENTRY = "offer-childcare-and-travel-costs-so-that-parents-and-carers-can-take-part"
QUESTION = "rec-pay-childcare-and-travel"
CHALLENGE = "recruitment-methods-overlook-trust-and-language"

# The test files whose tests read this repository's content (the others run on fixture libraries only).
CONTENT_TESTS = sorted(p.name for p in (ROOT / "tests").glob("test_content_*.py")) + [
    "test_contributing_files.py", "test_contributing_forms.py", "test_build.py", "test_assessment_page.py",
    "test_model.py", "test_printables.py", "test_zensical.py"]

FILLED = {
    '"REPLACE: one sentence that says what this practice is, ending with a full stop."':
        "Paying for childcare and travel up front lets parents and carers take part, not only people with time to spare.",
    '"REPLACE: a role id, e.g. commissioners"': "recruiters\n  - commissioners",
    '"REPLACE: a theme id, e.g. intersectionality"': "representation",
    '"REPLACE: a challenge id, e.g. broad-categories-hide-different-experiences"': CHALLENGE,
    "REPLACE: a few short paragraphs about this practice.":
        "Say in the invitation that childcare and travel are paid for, and pay them before each session.\n\n"
        "  Ask what people need when they reply. Some need a carer to stand in, not a nursery place.",
}


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project))
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, env=env, timeout=900)


def validate(project: Path) -> list[str]:
    result = run(project, "-m", "model", "validate")
    assert "Traceback" not in result.stdout + result.stderr
    assert (result.returncode == 0) == (result.stdout == ""), result.stdout + result.stderr
    return result.stdout.splitlines()


def example(heading: str, number: int) -> str:
    """The `number`th ```text block under `heading` in CONTRIBUTING.md."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    part = text.split(f"\n### {heading}\n", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    return re.findall(r"```text\n(.*?)```", part, re.S)[number]


def append(file: Path, text: str) -> None:
    file.write_text(file.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def test_a_first_contribution_done_as_contributing_says_goes_green(tmp_path):
    project = copy_project(tmp_path)
    for part in ("tests", "bench"):  # the suite itself, to run it on the copy
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    steps, runs = 0, 0

    # 1. The scaffold (`make new KIND=practice STAGE=recruitment TITLE="..."`).
    made = run(project, "-m", "model", "new", "practice", "--stage", "recruitment", "--title", TITLE)
    assert made.returncode == 0, made.stderr
    assert "Add a question to the self-assessment" in made.stdout + made.stderr
    file = project / "practices" / "practices" / f"{ENTRY}.yml"
    steps += 1
    first = validate(project)
    runs += 1
    assert first and all(line.startswith(f"practices/practices/{ENTRY}.yml:") for line in first), first  # no knock-on errors
    assert any("no answer in the self-assessment can recommend this practice" in line for line in first)

    # 2. Replace every hint; credit one's own experience (CONTRIBUTING, "Sources, including your own experience").
    text = file.read_text(encoding="utf-8")
    for hint, value in FILLED.items():
        text = text.replace(hint, value)
    own = example("Sources, including your own experience", 1).replace("experience-jane-doe", "experience-sam-okafor")
    text = re.sub(r"sources:\n  - source: .*\n    section: .*\n", own, text)
    file.write_text(text, encoding="utf-8")
    source = example("Sources, including your own experience", 0)
    append(project / "practices" / "sources.yml", source.replace("jane-doe", "sam-okafor").replace("Jane Doe", "Sam Okafor")
           .replace("her own", "his own").replace("four citizens' assemblies in the north of England", "three citizens' juries in Wales"))
    # 3. A new question that recommends it (CONTRIBUTING, "Add a question to the self-assessment").
    question = example("Add a question to the self-assessment", 0)
    question = (question.replace("rec-follow-up-by-phone", QUESTION).replace("invite-by-letter-and-by-phone", ENTRY)
                .replace("Do you follow up written invitations with a phone call to the people who have not replied?",
                         "Do you pay for the childcare and travel of the people who take part?")
                .replace("A call from someone who speaks their language, a few days after the letter.",
                         "Paid before each session, and said in the invitation."))
    append(project / "assessment" / "sections" / "recruitment.yml", question)
    steps += 3
    second = validate(project)
    runs += 1
    assert len(second) == 1 and second[0].startswith("assessment/versions.yml:"), second
    assert f"add a version `2.1.0` at the end of this file with `added: [{QUESTION}]`" in second[0]

    # 4. The version, as validate says and CONTRIBUTING shows.
    version = example("Add a question to the self-assessment", 1).replace("rec-follow-up-by-phone", QUESTION)
    append(project / "assessment" / "versions.yml", version.replace("following up invitations by phone", "paying for childcare and travel"))
    questionnaire = project / "assessment" / "questionnaire.yml"
    questionnaire.write_text(questionnaire.read_text(encoding="utf-8").replace('version: "2.0.0"', 'version: "2.1.0"'), encoding="utf-8")
    steps += 1
    assert validate(project) == []
    runs += 1
    changed = [str(f.relative_to(project)) for folder in ("practices", "assessment") for f in sorted((project / folder).rglob("*"))
               if f.is_file() and (not (ROOT / f.relative_to(project)).is_file()
                                   or (ROOT / f.relative_to(project)).read_bytes() != f.read_bytes())]
    assert len(changed) == 5, changed  # the entry, sources.yml, the section, versions.yml, questionnaire.yml
    print(f"contributor path: {steps} steps, {len(changed)} files, {runs} validator runs")

    # The strict build, the page and its links.
    built = build_site(project, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = html_of(tmp_path / "site", f"practices/{ENTRY}.md")
    assert TITLE in page and "Sam Okafor" in page
    for other in (f"challenges/{CHALLENGE}.md", "stages/recruitment.md", "practices/index.md"):
        assert f"{ENTRY}.html" in html_of(tmp_path / "site", other), f"{other} does not link to the new practice"
    data = (tmp_path / "site" / "assessment" / "data.json").read_text(encoding="utf-8")
    assert QUESTION in data and ENTRY in data and '"2.1.0"' in data

    # The tests that read this repository's content, on the copy (the others, and the [example] cases, run on
    # fixture libraries only).
    env = {"ZENSICAL": str(ROOT / ".venv-zensical" / "bin" / "zensical"), "PYTHONDONTWRITEBYTECODE": "1"}
    suite = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser",
                            "-k", "not example", *(f"tests/{name}" for name in CONTENT_TESTS)], cwd=project, capture_output=True, text=True,
                           env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project), **env), timeout=900)
    assert suite.returncode == 0, suite.stdout[-6000:] + suite.stderr[-2000:]
    summary = suite.stdout.strip().splitlines()[-1]
    assert re.search(r"\b\d{2,} passed", summary) and not re.search(r"skipped|failed|error", summary), summary


INFERRED_ACTION = """# yaml-language-server: $schema=../../build/schema/priority-action.schema.json
id: budget-for-taking-part
kind: priority-action
title: Budget for what it costs people to take part
summary: Organisations should plan and fund what taking part costs people, so that cost never decides who takes part.
roles: [commissioners, funders]
themes: [representation]
carried_out_by: [interview-marginalised-communities-about-recruitment]
body: |
  A contributor's reading of the write-up: it does not say this in so many words.
sources:
  - source: practitioners-network-2022
    basis: inferred
"""


def test_an_inferred_entry_of_another_kind_recommended_by_a_reviewed_question_passes_the_content_tests(tmp_path):
    """CONTRIBUTING offers `basis: inferred` for any kind, and a rule under an existing question: both pass."""
    project = copy_project(tmp_path)
    for part in ("tests", "bench"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "practices" / "priority-actions" / "budget-for-taking-part.yml").write_text(INFERRED_ACTION, encoding="utf-8")
    section = project / "assessment" / "sections" / "organisation.yml"
    text = section.read_text(encoding="utf-8")
    first_rule = "      - action: embed-power-and-privilege-in-everyday-practice\n        when: [0, 1]\n        fit: central\n"
    assert first_rule in text
    section.write_text(text.replace(first_rule, first_rule + "      - action: budget-for-taking-part\n        when: [0]\n        fit: partial\n", 1),
                       encoding="utf-8")
    assert validate(project) == []
    suite = run(project, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                *(f"tests/{name}" for name in sorted(p.name for p in (ROOT / "tests").glob("test_content_*.py"))))
    assert suite.returncode == 0, suite.stdout[-6000:] + suite.stderr[-2000:]
    assert re.search(r"\b\d{2,} passed", suite.stdout) and "skipped" not in suite.stdout
