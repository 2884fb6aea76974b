"""`python -m model new`: start a new entry file whose every required field holds a hint.

The file says what to write in each field and fails validation, on the right line, until every
placeholder is replaced (see placeholders.py).
"""
from __future__ import annotations

import json
import re
import sys
import textwrap
import unicodedata
from pathlib import Path

import yaml

from .library import FOLDER_OF_KIND, KIND_FOLDERS, Library, load_library
from .placeholders import placeholder
from .problems import did_you_mean

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MAX = 80  # as in schema/definitions.schema.json
RECOMMEND_KEYS = {"practice": "practice", "priority-action": "action"}  # how assessment/sections/ names them


class ScaffoldError(Exception):
    """A request the scaffold refuses; the message says what to do instead."""


def slugify(title: str) -> str:
    """'Invite by letter & by phone' -> 'invite-by-letter-by-phone' (at most ID_MAX characters)."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]", "", text)  # "people's" -> "peoples", not "people-s"
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    while len(slug) > ID_MAX and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:ID_MAX]


def used_ids(root: Path) -> dict[str, str]:
    """Every id taken by an entry file (retired ones included), with the file that holds it."""
    base = Path(root) / "practices"
    return {f.stem: f.relative_to(root).as_posix()
            for f in sorted(base.glob("*/*.yml")) if f.parent.name in KIND_FOLDERS}


def new_entry(root: Path, kind: str, title: str, stages: list[str], entry_id: str | None = None) -> Path:
    """Write practices/<folder>/<id>.yml for a new entry and return its path; raise ScaffoldError if refused."""
    root = Path(root)
    if kind not in FOLDER_OF_KIND:
        raise ScaffoldError(f"unknown kind `{kind}`.{did_you_mean(kind, FOLDER_OF_KIND)}")
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError('a title is needed: pass --title "Your title" (with make: TITLE="Your title").')
    if not 5 <= len(title) <= 120 or re.search(r"[<>]", title):
        raise ScaffoldError("the title must be 5 to 120 characters long, without `<` or `>`: write a short title in plain English.")
    lib = load_library(root)
    stages = _check_stages(lib, kind, [s for value in stages for s in re.split(r"[,\s]+", value) if s])
    entry_id = entry_id or slugify(title)
    if not ID_PATTERN.match(entry_id) or not 3 <= len(entry_id) <= ID_MAX:
        raise ScaffoldError(f"cannot use `{entry_id}` as an id: pass --id with lower-case words joined by hyphens, e.g. --id invite-by-letter.")
    taken = used_ids(root)
    if entry_id in taken:
        raise ScaffoldError(
            f"the id `{entry_id}` is already used by {taken[entry_id]}, and ids are never reused (not even those of retired entries). "
            f"To improve that entry, edit {taken[entry_id]} instead. For a new entry, choose a different title, "
            f"or keep this title and pass another id with --id (e.g. --id {entry_id}-2).")
    file = root / "practices" / FOLDER_OF_KIND[kind] / f"{entry_id}.yml"
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite a file
        out.write(render(lib, kind, entry_id, title, stages))
    return file


def render(lib: Library, kind: str, entry_id: str, title: str, stages: list[str]) -> str:
    """The text of a new entry file: a comment above every field, a placeholder in every field to write."""
    vocab = {name: ", ".join(ids) for name, ids in
             (("stages", lib.stage_ids), ("roles", list(lib.roles)), ("themes", list(lib.themes)), ("sources", list(lib.sources)))}
    noun = kind.replace("-", " ")
    lines = [
        f"# yaml-language-server: $schema=../../schema/{kind}.schema.json",
        f"# A new {noun}. Replace every value that starts with \"REPLACE:\" (quotes included) with your own",
        "# text, then run `make validate`, or open a pull request and the checks will point at what is left.",
        "# Every field is explained in CONTRIBUTING.md.",
        "",
        "# The id: lower-case words joined by hyphens, the same as the file name. Never change or reuse it.",
        f"id: {entry_id}",
        f"# Always `{kind}` in this folder.",
        f"kind: {kind}",
        "# A short title in plain English, as a reader would say it (5 to 120 characters).",
        f"title: {_scalar(title)}",
        "# One sentence that says what this is, ending with a full stop (20 to 300 characters).",
        f"summary: {_quoted(placeholder(f'one sentence that says what this {noun} is, ending with a full stop.'))}",
    ]
    if stages or kind != "priority-action":
        lines += [f"# The stages it belongs to, from practices/stages.yml: {vocab['stages']}.", f"stages: [{', '.join(stages)}]"]
    else:
        lines += [f"# Optional: the stages it belongs to ({vocab['stages']}). Leave it out to cover every stage.",
                  "# stages: [design]"]
    lines += [
        f"# Who acts, one id per line, from practices/roles.yml: {vocab['roles']}.",
        "roles:", f"  - {_quoted(placeholder('a role id, e.g. ' + _first(lib.roles, 'facilitators')))}",
        f"# Themes, one id per line, from practices/themes.yml: {vocab['themes']}.",
        "themes:", f"  - {_quoted(placeholder('a theme id, e.g. ' + _first(lib.themes, 'trust')))}",
    ]
    if kind == "practice":
        example = _first({e.id: e for e in lib.of_kind("challenge", stages[0] if stages else None)}, "a-challenge-id")
        lines += ["# The challenges this practice addresses: their ids (file names in practices/challenges/, without .yml).",
                  "addresses:", f"  - {_quoted(placeholder('a challenge id, e.g. ' + example))}"]
    if kind == "priority-action":
        example = _first({e.id: e for e in lib.of_kind("practice")}, "a-practice-id")
        lines += ["# The practices that carry this action out: their ids (file names in practices/practices/, without .yml).",
                  "carried_out_by:", f"  - {_quoted(placeholder('a practice id, e.g. ' + example))}"]
    lines += ["# Optional: ids of other entries a reader should see next.", "# related: [another-entry-id]"]
    if kind != "challenge":
        lines += ["# Optional: rough effort to put it in place: low (days), medium (weeks), high (months or a change of process).",
                  "# effort: medium"]
    lines += [
        "# The full text in Markdown, in your own words: what it means in practice, who does it, what it takes.",
        "# Separate paragraphs with an empty line; keep every line indented by two spaces.",
        "body: |",
        "  " + placeholder(f"a few short paragraphs about this {noun}."),
        f"# Where it comes from: a source id from practices/sources.yml ({vocab['sources']}; add your source there",
        "# if it is new), and where in the source. Add `basis: inferred` if the source does not say it in so many words.",
        "sources:",
        f"  - source: {_quoted(placeholder('a source id, e.g. ' + _first(lib.sources, 'a-source-id')))}",
        f"    section: {_quoted(placeholder('the part of the source it comes from, e.g. Recruitment'))}",
    ]
    return "\n".join(wrapped for line in lines for wrapped in _wrap(line)) + "\n"


# --- Helpers ---

def _wrap(line: str) -> list[str]:
    """Long comments wrapped at 100 characters (the schema line and commented-out fields stay whole)."""
    if not line.startswith("# ") or len(line) <= 100 or line.startswith("# yaml-language-server:"):
        return [line]
    return textwrap.wrap(line[2:], width=100, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False)


def _check_stages(lib: Library, kind: str, stages: list[str]) -> list[str]:
    valid = lib.stage_ids
    for stage in stages:
        if stage not in valid:
            raise ScaffoldError(f"unknown stage `{stage}`.{did_you_mean(stage, valid)} Use an id from practices/stages.yml.")
    if not stages and kind != "priority-action":
        raise ScaffoldError(f"a {kind.replace('-', ' ')} needs a stage: add --stage with one of {', '.join(valid)}.")
    return list(dict.fromkeys(stages))


def _first(items, default: str) -> str:
    return next(iter(items), default)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML string


def _scalar(text: str) -> str:
    """`text` as a plain YAML value when it reads back unchanged, otherwise quoted."""
    try:
        plain = yaml.safe_load(text) == text
    except yaml.YAMLError:
        plain = False
    return text if plain else _quoted(text)


def command(root: Path, kind: str, title: str, stages: list[str], entry_id: str | None) -> int:
    """The `new` command: create the file and say what to do next; exit code 1 if refused."""
    try:
        file = new_entry(root, kind, title, stages, entry_id)
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    shown = file.relative_to(root).as_posix()
    print(f"Created {shown}.\nOpen it and replace every value that starts with REPLACE: (the comments say what to write).")
    if kind in RECOMMEND_KEYS:  # the self-assessment must be able to recommend every practice and action
        print(f"Then add `{RECOMMEND_KEYS[kind]}: {file.stem}` to the `recommends` of a question in assessment/sections/\n"
              "(see \"Link a new practice to the self-assessment\" in CONTRIBUTING.md).")
    print("Run `make validate` to check your work and `make serve` to see it on the site.")
    return 0
