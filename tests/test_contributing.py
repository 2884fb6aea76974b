"""Contributing by pull request: the scaffold, its placeholders, validation output and GitHub annotations.

The workflow, forms, editor settings and CONTRIBUTING.md page are tested in test_contributing_files.py.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import build_site, copy_project
from model import Problem, load_library
from model.cli import collect_problems
from model.github import annotation
from model.problems import slugify
from model.scaffold import ScaffoldError, new_entry

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "contributing"
PROBLEM_LINE = re.compile(r"^(?:warning: )?(?P<path>[^:\s]+):(?P<line>\d+): \S")

# What a contributor writes in place of each hint, found by the hint's first words.
FILLINGS = {
    "one sentence": "Letters in plain language, followed by a phone call, reach people who ignore a single invitation.",
    "a role id": "recruiters",
    "a theme id": "trust",
    "a challenge id": "recruitment-methods-overlook-trust-and-language",
    "a practice id": "co-design-the-mini-public",
    "a source id": "practitioners-network-2022",
    "the part of the source": "Recruitment, opportunities",
    "a few short paragraphs": "Send the invitation by post, then call the people who have not replied, in their language.",
}


# --- Helpers ---

@pytest.fixture
def repo(tmp_path) -> Path:
    """A throwaway copy of the repository (sources, schemas, templates, configuration)."""
    return copy_project(tmp_path)


def run_model(*args: str, cwd: Path, github: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["PYTHONPATH"] = str(ROOT)
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "model", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def fill_in(text: str) -> str:
    """Replace every `"REPLACE: …"` hint (quotes included) as the file's comments ask."""
    def replacement(match: re.Match) -> str:
        hint = match.group(1)
        return next(value for start, value in FILLINGS.items() if hint.startswith(start))
    return re.sub(r'"?REPLACE: ([^"\n]*)"?', replacement, text)


def placeholder_lines(text: str) -> set[int]:
    """Lines where validation must point: each hint's own line (the body's is the line below `body: |`)."""
    return {i for i, line in enumerate(text.splitlines(), 1) if "REPLACE:" in line and not line.lstrip().startswith("#")}


def recommend(repo: Path, kind: str, entry_id: str) -> None:
    """Let the first question of a section recommend the entry, as CONTRIBUTING.md explains."""
    key, section = ("practice", "recruitment") if kind == "practice" else ("action", "organisation")
    file = repo / "assessment" / "sections" / f"{section}.yml"
    text = file.read_text(encoding="utf-8")
    rule = f"      - {key}: {entry_id}\n        when: [0, 1]\n"
    file.write_text(text.replace("    recommends:\n", "    recommends:\n" + rule, 1), encoding="utf-8")




# --- The scaffold and its placeholders ---

def test_scaffolded_file_fails_on_every_placeholder_line_then_validates_once_filled_in(repo):
    created = run_model("new", "practice", "--stage", "recruitment", "--title", "Invite by letter and by phone", cwd=repo)
    assert created.returncode == 0, created.stderr
    file = repo / "practices" / "practices" / "invite-by-letter-and-by-phone.yml"
    assert "Created practices/practices/invite-by-letter-and-by-phone.yml" in created.stdout
    text = file.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../build/schema/practice.schema.json\n")

    unfinished = run_model("validate", cwd=repo)
    assert unfinished.returncode == 1
    assert "Traceback" not in unfinished.stderr
    reported = [PROBLEM_LINE.match(line) for line in unfinished.stdout.splitlines()]
    assert all(reported), unfinished.stdout
    assert {m["path"] for m in reported} == {"practices/practices/invite-by-letter-and-by-phone.yml"}
    # Every problem in one round: each placeholder, and that no answer recommends the practice yet.
    assert {int(m["line"]) for m in reported} == placeholder_lines(text) | {1}
    coverage = [line for line in unfinished.stdout.splitlines() if ":1: no answer in the self-assessment" in line]
    assert len(coverage) == 1
    assert all("replace the placeholder with" in line for line in unfinished.stdout.splitlines() if line not in coverage)
    shown = re.search(r"^practices/practices/invite-by-letter-and-by-phone\.yml:.*$", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.M)
    assert shown and shown.group(0) in unfinished.stdout.splitlines(), "update the example output in CONTRIBUTING.md"

    file.write_text(fill_in(text), encoding="utf-8")
    unlinked = run_model("validate", cwd=repo)
    assert unlinked.stdout.startswith("practices/practices/invite-by-letter-and-by-phone.yml:1: no answer in the self-assessment")
    recommend(repo, "practice", "invite-by-letter-and-by-phone")
    finished = run_model("validate", cwd=repo)
    assert finished.returncode == 0, finished.stdout
    assert "All YAML files are valid." in finished.stderr
    entry = load_library(repo).entries["invite-by-letter-and-by-phone"]
    assert (entry.title, entry.stages, entry.links["addresses"]) == (
        "Invite by letter and by phone", ["recruitment"], ["recruitment-methods-overlook-trust-and-language"])


@pytest.mark.parametrize("kind, stages", [("challenge", ["design", "in-the-room"]), ("priority-action", []),
                                          ("priority-action", ["commissioning"])])
def test_every_kind_validates_once_its_placeholders_are_replaced(repo, kind, stages):
    file = new_entry(repo, kind, "Budgets decide who can take part", stages)
    assert file.parent.name == load_library(repo).kinds[kind].folder
    unfinished = load_library(repo).problems
    assert unfinished and all(p.path.endswith("budgets-decide-who-can-take-part.yml") for p in unfinished)
    file.write_text(fill_in(file.read_text(encoding="utf-8")), encoding="utf-8")
    if kind != "challenge":
        recommend(repo, kind, file.stem)
    problems = collect_problems(repo)
    assert problems == [], [str(p) for p in problems]
    assert load_library(repo).entries["budgets-decide-who-can-take-part"].stages == stages


def test_a_new_practice_fails_the_build_until_filled_in_then_appears_on_the_site(tmp_path):
    project = copy_project(tmp_path)
    file = new_entry(project, "practice", "Invite by letter and by phone", ["recruitment"])
    failed = build_site(project, tmp_path / "unfinished")
    assert failed.returncode != 0
    output = failed.stdout + failed.stderr
    assert re.search(r"practices/practices/invite-by-letter-and-by-phone\.yml:\d+: `summary` is still a placeholder", output), output
    assert "Traceback" not in output

    file.write_text(fill_in(file.read_text(encoding="utf-8")), encoding="utf-8")
    recommend(project, "practice", file.stem)
    built = build_site(project, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    site = tmp_path / "site"
    page = next(p for p in (site / "practices" / f"{file.stem}.html", site / "practices" / file.stem / "index.html") if p.is_file())
    assert "Invite by letter and by phone" in page.read_text(encoding="utf-8")
    for listing in ("stages/recruitment", "practices/index"):
        html = next(p for p in (site / f"{listing}.html", site / listing / "index.html") if p.is_file()).read_text(encoding="utf-8")
        assert re.search(rf'href="[^"]*{file.stem}(?:\.html|/)"', html), f"{listing} does not link to the new practice"


def test_the_scaffold_refuses_an_id_already_used_and_says_what_to_do(repo):
    before = sorted(p.name for p in (repo / "practices").rglob("*.yml"))
    refused = run_model("new", "practice", "--stage", "design", "--title", "Run parallel processes", cwd=repo)
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert "the id `run-parallel-processes` is already used by practices/practices/run-parallel-processes.yml" in refused.stderr
    assert "edit practices/practices/run-parallel-processes.yml instead" in refused.stderr
    assert "--id" in refused.stderr
    # Ids are unique across kinds: a challenge cannot take a practice's id either.
    with pytest.raises(ScaffoldError, match="already used by practices/practices/co-design-the-mini-public.yml"):
        new_entry(repo, "challenge", "Co-design the mini-public", ["design"])
    assert sorted(p.name for p in (repo / "practices").rglob("*.yml")) == before
    # With an id of one's own, the same title is accepted.
    assert new_entry(repo, "practice", "Run parallel processes", ["design"], "run-parallel-strands").name == "run-parallel-strands.yml"


def test_the_scaffold_refuses_an_unknown_stage_or_a_missing_one(repo):
    with pytest.raises(ScaffoldError, match="unknown stage `recruitmnt`. Did you mean `recruitment`?"):
        new_entry(repo, "practice", "Invite by letter", ["recruitmnt"])
    with pytest.raises(ScaffoldError, match="a practice needs a stage: add --stage"):
        new_entry(repo, "practice", "Invite by letter", [])
    with pytest.raises(ScaffoldError, match="title must be 5 to 120 characters"):
        new_entry(repo, "practice", "Hi", ["design"])


def test_ids_are_made_from_titles():
    assert slugify("Invite by letter and by phone") == "invite-by-letter-and-by-phone"
    assert slugify("People's panels: café & co-design!") == "peoples-panels-cafe-co-design"
    long = slugify("word " * 40)
    assert len(long) <= 80 and not long.endswith("-")


def test_make_new_passes_kind_stage_and_title_to_the_scaffold():
    dry = subprocess.run(["make", "-n", "-C", str(ROOT), "new", "KIND=challenge", "STAGE=design", "TITLE=Budgets decide who takes part"],
                         capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    assert '-m model new "challenge" --title "Budgets decide who takes part" --stage "design"' in dry.stdout


# --- Validation output ---

def test_validate_on_broken_files_exits_1_with_path_line_messages_and_no_traceback(repo):
    for fixture in FIXTURES.glob("*.yml"):
        shutil.copy(fixture, repo / "practices" / "practices" / fixture.name)
    result = run_model("validate", cwd=repo)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), result.stdout
    assert any(line.startswith("practices/practices/broken-practice.yml:6: `summary`") for line in lines)
    assert any(line.startswith("practices/practices/broken-practice.yml:11: unknown field `colour`") for line in lines)
    assert any(line.startswith("practices/practices/broken-syntax.yml:5: a `[` opened on this line is not closed") for line in lines)
    assert re.search(r"\d+ errors?, \d+ warnings?\.", result.stderr)


def test_validate_prints_github_annotations_only_in_github_actions(repo):
    shutil.copy(FIXTURES / "broken-practice.yml", repo / "practices" / "practices" / "broken-practice.yml")
    plain = run_model("validate", cwd=repo)
    assert "::error" not in plain.stdout
    annotated = run_model("validate", cwd=repo, github=True)
    assert annotated.returncode == 1
    lines = annotated.stdout.splitlines()
    assert "::error file=practices/practices/broken-practice.yml,line=11::unknown field `colour`. Remove or rename it " \
           "(allowed fields are in build/schema/practice.schema.json)." in lines
    problems = [line for line in lines if not line.startswith("::")]
    assert len([line for line in lines if line.startswith("::error ")]) == len(problems) == 3  # with "no answer can recommend"


def test_annotation_format_is_exact_and_escaped():
    assert annotation(Problem("practices/practices/x.yml", 12, "unknown theme `trustt`. Did you mean `trust`?")) == \
        "::error file=practices/practices/x.yml,line=12::unknown theme `trustt`. Did you mean `trust`?"
    assert annotation(Problem("practices/a,b:c.yml", 3, "50% done\r\nthen: more, later", "warning")) == \
        "::warning file=practices/a%2Cb%3Ac.yml,line=3::50%25 done%0D%0Athen: more, later"
    assert annotation(Problem("p.yml", 1, "%0A is not a newline")) == "::error file=p.yml,line=1::%250A is not a newline"


# --- CONTRIBUTING.md ---

def test_the_example_in_contributing_is_a_valid_entry(repo):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"```text\n(# yaml-language-server: .*?)```", text, re.S).group(1)
    data = yaml.safe_load(example)
    (repo / "practices" / "practices" / f"{data['id']}.yml").write_text(example, encoding="utf-8")
    lib = load_library(repo)
    assert lib.problems == [], [str(p) for p in lib.problems]
