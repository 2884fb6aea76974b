"""Reading the issue, and making the files of the entry from its answers (see __init__.py)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .. import forms, recommend
from ..kinds import Kind
from ..library import Library, load_library
from ..problems import slugify
from ..scaffold import ID_MAX, ID_PATTERN, used_ids
from ..yaml_source import SCHEMA_LINE
from .answers import ticked, _question, _resolve_links, _resolve_options, _resolve_ticked, _source
from .data import Issue, NO_RESPONSE, Note, Proposal
from .text import _clean, _dump, _one_line, _text


def issue_from_event(event: dict) -> Issue:
    """The issue of a GitHub `issues` event (the JSON at $GITHUB_EVENT_PATH)."""
    issue = event.get("issue") or {}
    user = issue.get("user") or {}
    return Issue(number=int(issue.get("number") or 0), title=str(issue.get("title") or ""), body=str(issue.get("body") or ""),
                 author=str(user.get("login") or ""), author_id=int(user.get("id") or 0),
                 created=str(issue.get("created_at") or "")[:10], url=str(issue.get("html_url") or ""))


def parse_form(body: str, labels: list[str]) -> dict[str, str | None]:
    """The answers in an issue's text, by label: None for an empty answer or one left out of the text.

    Each `### <label>` heading is looked for from the last label to the first, as the last such line before the
    heading of the label after it. An answer that contains a line like the heading of another field (written
    there by mistake, or on purpose) therefore stays whole, and no answer can take another field's place."""
    lines = _clean(body, keep_lines=True).split("\n")
    found: dict[str, int] = {}
    bound = len(lines)
    for label in reversed(labels):
        heading = f"### {label}"
        at = next((i for i in range(bound - 1, -1, -1) if lines[i].strip() == heading), None)
        if at is not None:
            found[label] = at
            bound = at
    answers: dict[str, str | None] = {label: None for label in labels}
    starts = sorted(found.values())
    for label, at in found.items():
        end = next((s for s in starts if s > at), len(lines))
        value = "\n".join(lines[at + 1:end]).strip()
        answers[label] = None if value in ("", NO_RESPONSE) else value
    return answers




def kind_of_issue(body: str, lib: Library) -> Kind | None:
    """The kind whose form made this text: the one whose title heading it has (`### Title of the practice`)."""
    levels = [("", "")]
    for kind in forms.form_kinds(lib):
        title = forms.fields(lib, kind, levels)[0].label
        if re.search(rf"^### {re.escape(title)}\s*$", _clean(body, keep_lines=True), re.M):
            return kind
    return None


# --- Making the entry ---

def convert(root: Path, issue: Issue, lib: Library | None = None) -> Proposal:
    """The files a proposal makes, without writing them (see write)."""
    root = Path(root)
    lib = lib or load_library(root)
    proposal = Proposal(issue)
    kind = kind_of_issue(issue.body, lib)
    if kind is None:
        proposal.notes.append(Note("", "this issue was not made with one of the proposal forms, so there is nothing to turn "
                                       "into an entry. To propose an entry, open a new issue and choose one of the "
                                       "\"Propose\" forms."))
        proposal.blocked = True
        return proposal
    proposal.kind = kind
    proposal.fields = forms.fields(lib, kind, forms.effort_levels(root))
    by_id = {f.id: f for f in proposal.fields}
    raw = parse_form(issue.body, [f.label for f in proposal.fields])
    answer = {f.id: raw[f.label] for f in proposal.fields}

    title = _one_line(answer["title"] or re.sub(rf"^{re.escape(kind.title)}:\s*", "", _one_line(issue.title), flags=re.I))
    entry_id = slugify(title, ID_MAX)
    if not ID_PATTERN.match(entry_id) or len(entry_id) < 3:
        entry_id = f"proposal-{issue.number}"
    taken = used_ids(root, lib)
    if entry_id in taken:
        existing = lib.entries.get(entry_id)
        named = f"“{existing.title}”" if existing else f"`{entry_id}`"
        proposal.notes.append(Note("title", f"the library already has an entry with this title ({named}), and an id is never "
                                            "used twice. To improve that entry, say what to change in a new issue "
                                            "(\"Report a problem\"); for a new one, choose a different title."))
        proposal.blocked = True
        return proposal
    proposal.entry_id = entry_id

    entry: dict = {"id": entry_id, "kind": kind.id, "title": title, "summary": _one_line(answer["summary"])}
    stages = _resolve_options(answer["stages"], {s["id"]: s for s in lib.stages}, multiple=True)
    if stages or kind.stages == "required":
        entry["stages"] = stages
    entry["roles"] = _resolve_ticked(answer["roles"], lib.roles)
    entry["themes"] = _resolve_ticked(answer["themes"], lib.themes)
    for link in kind.links:
        candidates = {e.id: e for e in lib.of_kind(link.to)}
        ids = _resolve_links(proposal, link.field, answer.get(link.field), candidates, lib.kinds.get(link.to))
        if ids or link.min:
            entry[link.field] = ids
    entry["body"] = _text(answer["body"])
    if "first_step" in by_id and answer.get("first_step"):
        entry["first_step"] = _one_line(answer["first_step"])
    if "effort" in by_id and answer.get("effort") and answer["effort"] != forms.NOT_SURE:
        entry["effort"] = answer["effort"].split(" ", 1)[0].strip().lower()
    if "tentative" in by_id and ticked(answer.get("tentative")):
        entry["tentative"] = True
    source_id = _source(proposal, lib, answer.get("source_kind"), answer.get("source"))
    reference = {"source": source_id}
    if answer.get("section"):
        reference["section"] = _one_line(answer["section"])
    entry["sources"] = [reference]
    proposal.entry = entry
    proposal.files[proposal.entry_path] = dump_entry(kind, entry, issue.number)
    if proposal.source:
        proposal.files["practices/sources.yml"] = add_source((root / "practices" / "sources.yml").read_text(encoding="utf-8"),
                                                            proposal.source)
    if kind.recommend_as:
        proposal.question = _question(proposal, root, lib, answer.get("question"), stages)
    return proposal


def write(root: Path, proposal: Proposal) -> list[str]:
    """Write the proposal's files under `root` (a checkout of the repository), then the self-assessment's rule;
    return the paths written."""
    root = Path(root)
    if proposal.blocked:
        return []
    for rel, text in proposal.files.items():
        file = root / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8", newline="\n")
    written = list(proposal.files)
    if proposal.question:
        lib = load_library(root)
        try:
            written.append(recommend.add_rule(root, lib, proposal.question, proposal.kind.id, proposal.entry_id))
        except recommend.RecommendError as exc:
            proposal.notes.append(Note("question", f"the question could not take the {proposal.noun}: {exc}"))
    return written


def dump_entry(kind: Kind, entry: dict, number: int) -> str:
    """An entry file: the schema line, a comment, then the fields, serialised and checked by reading them back."""
    text = _dump(entry)
    if yaml.safe_load(text) != entry:  # never reached with yaml.dump; a guard for what the file will say
        raise ValueError("the serialised entry does not read back as the same data")
    return (f"{SCHEMA_LINE}../../build/schema/{kind.id}.schema.json\n"
            f"# Made from issue #{int(number)} by the proposal workflow (model/proposal/).\n" + text)


def add_source(text: str, item: dict) -> str:
    """practices/sources.yml with `item` at the end of its list, the file's comments and layout kept."""
    indent = next((m.group(1) for m in re.finditer(r"^( *)- ", text, re.M)), "  ")
    block = "".join(f"{indent}{line}\n" if line else "\n" for line in _dump([item]).splitlines())
    new = text.rstrip("\n") + "\n" + block
    try:
        before, after = yaml.safe_load(text), yaml.safe_load(new)
    except yaml.YAMLError:
        after = None
    if not isinstance(after, dict) or after.get("sources") != (before or {}).get("sources", []) + [item] \
            or {k: v for k, v in after.items() if k != "sources"} != {k: v for k, v in (before or {}).items() if k != "sources"}:
        raise ValueError("practices/sources.yml does not end with its list of sources: add the source by hand")
    return new
