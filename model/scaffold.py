"""`python -m model new`: start a new entry file whose every field to write holds a hint.

The file says what to write in each field and fails validation, on the right line, until every
placeholder is replaced (see placeholders.py). Which fields an entry has comes from practices/kinds.yml.
For a kind the self-assessment recommends, `--question` also adds the rule that recommends it.
"""
from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path

import yaml

from . import recommend
from .kinds import Kind
from .library import Library, load_library
from .placeholders import placeholder
from .problems import did_you_mean, slugify

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MAX = 80  # as in schema/definitions.schema.json
FIELD_HINTS = {
    "effort": ["# Optional: rough effort to put it in place: low (days), medium (weeks), high (months or a change of process).",
               "# effort: medium"],
    "first_step": ["# Optional: one first step an organisation can take, in one or two sentences of your own.",
                   "# first_step: Ask two colleagues who were not involved to read the invitation letter."],
    "tentative": ["# Optional: true if the source only floats this idea (it \"could\" help): the site calls it an option to consider.",
                  "# tentative: true"],
    "editors_note": ["# Optional: what in this entry is your own view rather than the source's.",
                     "# editors_note: The effort rating is the editors' estimate."],
}


class ScaffoldError(Exception):
    """A request the scaffold refuses; the message says what to do instead."""


def used_ids(root: Path, lib: Library) -> dict[str, str]:
    """Every id taken by an entry file (retired ones included), with the file that holds it."""
    base = Path(root) / "practices"
    folders = {k.folder for k in lib.kinds.values()}
    return {f.stem: f.relative_to(root).as_posix() for f in sorted(base.glob("*/*.yml")) if f.parent.name in folders}


def new_entry(root: Path, kind_id: str, title: str, stages: list[str], entry_id: str | None = None) -> Path:
    """Write practices/<folder>/<id>.yml for a new entry and return its path; raise ScaffoldError if refused."""
    root = Path(root)
    lib = load_library(root)
    if kind_id not in lib.kinds:
        raise ScaffoldError(f"unknown kind `{kind_id}`.{did_you_mean(kind_id, lib.kinds)} The kinds are declared in practices/kinds.yml.")
    kind = lib.kinds[kind_id]
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError('a title is needed: pass --title "Your title" (with make: TITLE="Your title").')
    if not 5 <= len(title) <= 120 or re.search(r"[<>]", title):
        raise ScaffoldError("the title must be 5 to 120 characters long, without `<` or `>`: write a short title in plain English.")
    stages = _check_stages(lib, kind, [s for value in stages for s in re.split(r"[,\s]+", value) if s])
    entry_id = entry_id or slugify(title, ID_MAX)
    if not ID_PATTERN.match(entry_id) or not 3 <= len(entry_id) <= ID_MAX:
        raise ScaffoldError(f"cannot use `{entry_id}` as an id: pass --id with lower-case words joined by hyphens, e.g. --id invite-by-letter.")
    taken = used_ids(root, lib)
    if entry_id in taken:
        raise ScaffoldError(
            f"the id `{entry_id}` is already used by {taken[entry_id]}, and ids are never reused (not even those of retired entries). "
            f"To improve that entry, edit {taken[entry_id]} instead. For a new entry, choose a different title, "
            f"or keep this title and pass another id with --id (e.g. --id {entry_id}-2).")
    file = root / "practices" / kind.folder / f"{entry_id}.yml"
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite a file
        out.write(render(lib, kind, entry_id, title, stages))
    return file


def render(lib: Library, kind: Kind, entry_id: str, title: str, stages: list[str]) -> str:
    """The text of a new entry file: a comment above every field, a placeholder in every field to write."""
    vocab = {name: ", ".join(ids) for name, ids in
             (("stages", lib.stage_ids), ("roles", list(lib.roles)), ("themes", list(lib.themes)), ("sources", list(lib.sources)))}
    noun = kind.title.lower()
    lines = [
        f"# yaml-language-server: $schema=../../build/schema/{kind.id}.schema.json",
        f"# A new {noun}. Replace every value that starts with \"REPLACE:\" (quotes included) with your own",
        "# text, then run `make validate`, or open a pull request and the checks will point at what is left.",
        "# Every field is explained in CONTRIBUTING.md.",
        "",
        "# The id: lower-case words joined by hyphens, the same as the file name. Never change or reuse it.",
        f"id: {entry_id}",
        f"# Always `{kind.id}` in this folder.",
        f"kind: {kind.id}",
        "# A short title in plain English, as a reader would say it (5 to 120 characters).",
        f"title: {_scalar(title)}",
        "# One sentence that says what this is, ending with a full stop (20 to 300 characters).",
        f"summary: {_quoted(placeholder(f'one sentence that says what this {noun} is, ending with a full stop.'))}",
    ]
    if stages or kind.stages == "required":
        lines += [f"# The stages it belongs to, from practices/stages.yml: {vocab['stages']}.", f"stages: [{', '.join(stages)}]"]
    else:
        lines += [f"# Optional: the stages it belongs to ({vocab['stages']}). Leave it out to cover every stage.",
                  f"# stages: [{lib.stage_ids[0] if lib.stage_ids else 'a-stage-id'}]"]
    lines += [
        f"# Who acts, one id per line, from practices/roles.yml: {vocab['roles']}.",
        "roles:", f"  - {_quoted(placeholder('a role id, e.g. ' + _first(lib.roles, 'a-role-id')))}",
        f"# Themes, one id per line, from practices/themes.yml: {vocab['themes']}.",
        "themes:", f"  - {_quoted(placeholder('a theme id, e.g. ' + _first(lib.themes, 'a-theme-id')))}",
    ]
    for link in kind.links:
        target = lib.kinds.get(link.to)
        folder = target.folder if target else link.to
        example = _first({e.id: e for e in lib.of_kind(link.to, stages[0] if stages else None)}, f"a-{link.to}-id")
        required = "" if link.min else "Optional: "
        lines += [f"# {required}{link.heading}: their ids (file names in practices/{folder}/, without .yml).",
                  f"{link.field}:", f"  - {_quoted(placeholder(f'a {link.to} id, e.g. {example}'))}"]
    lines += ["# Optional: ids of other entries a reader should see next.", "# related: [another-entry-id]"]
    for name in kind.fields:
        lines += FIELD_HINTS.get(name, [f"# Optional: {name}."])
    lines += [
        "# The full text in Markdown, in your own words: what it means in practice, who does it, what it takes.",
        "# Separate paragraphs with an empty line; keep every line indented by two spaces.",
        "body: |",
        "  " + placeholder(f"a few short paragraphs about this {noun}."),
        f"# Where it comes from: a source id from practices/sources.yml ({vocab['sources']}), and where in"
        " the source. Your own experience is a source too: add it to practices/sources.yml (CONTRIBUTING.md,"
        " \"Sources, including your own experience\"). Add `basis: inferred` if the source does not say it"
        " in so many words.",
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


def _check_stages(lib: Library, kind: Kind, stages: list[str]) -> list[str]:
    valid = lib.stage_ids
    for stage in stages:
        if stage not in valid:
            raise ScaffoldError(f"unknown stage `{stage}`.{did_you_mean(stage, valid)} Use an id from practices/stages.yml.")
    if not stages and kind.stages == "required":
        raise ScaffoldError(f"a {kind.title.lower()} needs a stage: add --stage with one of {', '.join(valid)} (with make: STAGE=...).")
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


def command(root: Path, kind: str, title: str, stages: list[str], entry_id: str | None, question: str | None = None) -> int:
    """The `new` command: create the file and say what to do next; exit code 1 if refused."""
    root = Path(root)
    try:
        file = new_entry(root, kind, title, stages, entry_id)
        lib = load_library(root)
        added = recommend.add_rule(root, lib, question, kind, file.stem) if question else None
    except (ScaffoldError, recommend.RecommendError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    shown = file.relative_to(root).as_posix()
    print(f"Created {shown}.\nOpen it and replace every value that starts with REPLACE: (the comments say what to write).")
    if added:
        print(f"Added a rule to {added}: the self-assessment recommends the new entry after a low answer to `{question}`.")
    elif lib.kinds[kind].recommend_as:  # the self-assessment must be able to recommend every entry of this kind
        print(recommend.guidance(root, lib, kind, file.stem, stages))
    print("Run `make validate` to check your work and `make serve` to see it on the site.")
    return 0
