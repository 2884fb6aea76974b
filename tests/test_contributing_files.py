"""The files a contributor meets: GitHub workflow and forms, editor settings, CONTRIBUTING.md and its page."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import yaml

from model import load_library
from model.compile.documents import site_links
from model.problems import Problems

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"


# --- Helpers ---

def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def readme_make_commands() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    return {m for block in blocks for m in re.findall(r"^(make \w+)", block, re.M)}


# --- GitHub workflow and forms ---

def test_workflow_runs_the_readme_commands_on_pull_requests_and_main():
    flow = workflow("ci.yml")
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    readme = readme_make_commands()
    assert {"make validate", "make test", "make build"} <= readme
    check = flow["jobs"]["check"]
    commands = [step["run"].strip() for step in check["steps"] if "run" in step]
    assert commands == ["make validate", "make test", "make build"]
    assert set(commands) <= readme
    python = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build:.*\n\t.*mkdocs build --strict", makefile, re.M), "make build must build with --strict"


def test_workflow_deploys_main_to_github_pages_with_the_official_actions():
    jobs = workflow("ci.yml")["jobs"]
    build, deploy = jobs["pages-build"], jobs["deploy"]
    assert build["needs"] == "check" and "refs/heads/main" in build["if"]
    step = next(s for s in build["steps"] if s.get("run") == "make build")
    assert "steps.pages.outputs.base_url" in step["env"]["SITE_URL"]
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"] + deploy["steps"]]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    assert next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))["with"]["path"] == "site"
    assert deploy["needs"] == "pages-build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_github_files_are_valid_yaml():
    files = list(WORKFLOWS.glob("*.yml")) + list(FORMS.glob("*.yml"))
    assert {f.name for f in files} >= {"ci.yml", "propose-practice.yml", "report-problem.yml", "config.yml"}
    for file in files:
        assert isinstance(yaml.safe_load(file.read_text(encoding="utf-8")), dict), file
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 5


def test_the_pull_request_template_asks_nothing_a_browser_user_cannot_do():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "make " not in template and "pytest" not in template, "the checks run on the pull request: do not ask for commands"
    items = re.findall(r"^- \[ \] (.+)$", template, re.M)
    assert any("self-assessment" in item and "recommends" in item for item in items)
    assert any("versions.yml" in item for item in items) and any("own experience" in item for item in items)
    assert "practices/kinds.yml" in template, "name where the folders are listed rather than listing them"


# --- The proposal workflow: an issue made with a form becomes a pull request ---

def test_the_proposal_workflow_runs_on_proposal_issues_and_never_puts_their_text_in_a_command():
    text = (WORKFLOWS / "proposal.yml").read_text(encoding="utf-8")
    flow = workflow("proposal.yml")
    triggers = flow.get("on", flow.get(True))
    assert triggers == {"issues": {"types": ["opened", "edited"]}}
    assert flow["permissions"] == {}
    check, respond = flow["jobs"]["check"], flow["jobs"]["respond"]
    assert "contains(github.event.issue.labels.*.name, 'proposal')" in check["if"] and "state == 'open'" in check["if"]
    # What the contributor wrote reaches model/proposal/ only through the event file, never an expression.
    assert not re.search(r"github\.event\.(issue\.(title|body|user)|comment)|head_ref", text), "script injection"
    assert "${{" not in "".join(step.get("run", "") for job in flow["jobs"].values() for step in job["steps"])


def test_the_proposal_workflow_checks_with_read_only_rights_then_comments_and_opens_the_pull_request():
    flow = workflow("proposal.yml")
    check, respond = flow["jobs"]["check"], flow["jobs"]["respond"]
    assert check["permissions"] == {"contents": "read"}
    checkout = next(s for s in check["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    runs = [s["run"].strip() for s in check["steps"] if "run" in s]
    assert "make proposal" in runs
    checks = next(s for s in check["steps"] if s.get("id") == "checks")
    assert checks["run"] == "make validate && make test && make build", "the same commands as ci.yml"
    assert checks["if"] == "steps.convert.outputs.valid == 'true'"
    assert respond["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert not any("make test" in s.get("run", "") for s in respond["steps"]), "the job that can write runs no tests"
    app = next(s for s in respond["steps"] if s.get("uses", "").startswith("actions/create-github-app-token@"))
    assert app["if"] == "vars.PROPOSAL_APP_ID != ''"
    pr = next(s for s in respond["steps"] if s.get("id") == "pr")
    assert pr["env"]["GH_TOKEN"] == "${{ steps.app.outputs.token || github.token }}"
    assert "needs.check.outputs.checks == 'success'" in pr["if"] and "git add practices assessment\n" in pr["run"]
    assert "gh pr create" in pr["run"] and "--body-file build/proposal/pull-request.md" in pr["run"]
    last = respond["steps"][-1]
    assert "make proposal-comment" in last["run"] and "gh issue comment" in last["run"]
    makefile = subprocess.run(["make", "-n", "-C", str(ROOT), "proposal", "proposal-comment"], capture_output=True, text=True, timeout=60)
    assert '-m model proposal --event "$GITHUB_EVENT_PATH"' in makefile.stdout
    assert '-m model proposal --checks "$CHECKS" --pull-request "$PULL_REQUEST" --run-url "$RUN_URL"' in makefile.stdout


def test_the_proposal_form_asks_for_what_an_entry_needs():
    """Its options are generated from the YAML and kept in sync by tests/test_contributing_forms.py."""
    form = yaml.safe_load((FORMS / "propose-practice.yml").read_text(encoding="utf-8"))
    fields = {item["id"] for item in form["body"] if "id" in item}
    assert {"title", "summary", "stages", "roles", "themes", "addresses", "body", "source_kind", "source", "question",
            "licence"} <= fields


# --- Editor support ---

def test_every_entry_file_starts_with_its_schema_line_and_the_validator_checks_it():
    lib = load_library(ROOT)
    assert lib.problems == []
    for entry in lib.entries.values():
        first = (ROOT / entry.path).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../build/schema/{entry.kind}.schema.json", entry.path


def test_editor_settings_recommend_the_yaml_extension_and_leave_schemas_to_each_file():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert "yaml.schemas" not in settings, "each file's first line names its schema: a second mapping would drift"
    assert settings["yaml.validate"] is True
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


# --- CONTRIBUTING.md and its page ---

def test_contributing_explains_every_field_of_an_entry():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    definitions = json.loads((ROOT / "schema" / "definitions.schema.json").read_text(encoding="utf-8"))["$defs"]
    names = set(definitions["sources"]["items"]["properties"]) | set(definitions["retired"]["properties"])
    for schema in load_library(ROOT).schemas.values():
        names |= set(schema["properties"])
    missing = sorted(n for n in names if f"`{n}`" not in text)
    assert not missing, f"CONTRIBUTING.md does not explain: {missing}"
    for command in ("make new", "make validate", "make serve", "redhat.vscode-yaml", ".vscode/settings.json"):
        assert command in text


def test_contributing_names_every_kind_and_folder_of_kinds_yml():
    """No list of kinds that can drift from practices/kinds.yml: its table has a row for each."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    for kind in load_library(ROOT).kinds.values():
        assert any(row.startswith(f"| {kind.title} | `practices/{kind.folder}/` |") for row in rows), \
            f"CONTRIBUTING.md's table of kinds has no row for {kind.id} (practices/{kind.folder}/)"
    assert "practices/kinds.yml" in text


def test_contributing_explains_what_the_new_pipeline_changed():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needed in ("QUESTION=", "make forms", "Propose a practice", "My own experience", "experience-", "MINOR", "MAJOR",
                   "assessment/versions.yml", "assessment/questionnaire.yml", "`first_step`", "`tentative`",
                   "`editors_note`", "GITHUB_TOKEN", "GitHub App", "actions/create-github-app-token",
                   "When `make validate` says `All YAML files are valid.`, the checks on your pull request pass"):
        assert needed in text, f"CONTRIBUTING.md should explain {needed}"
    assert "priority: medium" not in text, "a rule has `when` and optionally `fit`, no `priority`"
    workflow_text = (WORKFLOWS / "proposal.yml").read_text(encoding="utf-8")
    assert "GITHUB_TOKEN" in workflow_text and "create-github-app-token" in workflow_text, "the workflow says why, too"


def test_repository_links_are_rewritten_for_the_site():
    text = ("See [the schema](schema/practice.schema.json), [this](./practices/stages.yml \"Stages\"), "
            "[a heading](#ids), [GitHub](https://github.com/x/y), [mail](mailto:a@b.org).\n\n[ref]: schema/definitions.schema.json\n")
    out = site_links(text, "https://github.com/org/repo", "https://github.com/org/repo/edit/main/", Problems())
    assert "[the schema](https://github.com/org/repo/blob/main/schema/practice.schema.json)" in out
    assert '[this](https://github.com/org/repo/blob/main/practices/stages.yml "Stages")' in out
    assert "[a heading](#ids)" in out and "(https://github.com/x/y)" in out and "(mailto:a@b.org)" in out
    assert "[ref]: https://github.com/org/repo/blob/main/schema/definitions.schema.json" in out


def test_contributing_page_is_on_the_site_with_working_links(built_site):
    config = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "''", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    repo_url = config["repo_url"].rstrip("/")
    page = next(p for p in (built_site / "contributing.html", built_site / "contributing" / "index.html") if p.is_file())
    html = page.read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Contributing", html)
    assert f'href="{repo_url}/edit/main/CONTRIBUTING.md"' in html
    assert f'href="{repo_url}/blob/main/schema/entry.schema.json"' in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert not [h for h in hrefs if not h.startswith("http") and h.endswith((".yml", ".json", ".md"))], "rewrite repository links"
    github = [h for h in hrefs if h.startswith("https://github.com/")]
    assert github and all(h.startswith(repo_url) for h in github), "links to GitHub must follow repo_url"
    anchors = set(re.findall(r'id="([^"]+)"', html))
    assert {h[1:] for h in hrefs if h.startswith("#")} <= anchors
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="contributing(?:\.html|/)"[^>]*>\s*(?:<[^>]+>\s*)*Contributing\s*<', home), "Contributing is in the nav"
