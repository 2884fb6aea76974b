"""A proposal made with an issue form (.github/ISSUE_TEMPLATE/propose-<kind>.yml, see forms.py) turned into the
files of a contribution: the entry, a source of its own if it needs one (practices/sources.yml), and the rule
that lets the self-assessment recommend it (assessment/sections/<id>.yml, added by recommend.add_rule, as
`make new ... QUESTION=` does). The files then go through the normal validator, and the issue gets a comment
in plain words (format_comment). .github/workflows/proposal.yml runs `python -m model proposal` for it.

The issue's text is untrusted: every value goes into YAML through a serializer (yaml.dump), never by pasting it
into text, and the result is read back and compared before it is written. Ids are made by the project's own
slugify and checked against the id pattern before they name a file. The comment shows what the contributor
wrote only inside code spans or as escaped text, so that it cannot ping people, load images or add links.

GitHub writes the answers of a form into the issue as `### <label>` headings, each followed by the answer:
`_No response_` for an empty one, `- [X] <option>` / `- [ ] <option>` for tick boxes, and the chosen options of
a drop-down joined by `, `.
"""
from __future__ import annotations

import difflib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import forms, recommend
from .assessment import load_assessment
from .kinds import Kind
from .library import Library, load_library
from .problems import Problem, slugify
from .scaffold import ID_MAX, ID_PATTERN, used_ids
from .yaml_source import SCHEMA_LINE

NO_RESPONSE = "_No response_"
MAX_SHOWN = 300  # characters of a contributor's text quoted back in a comment


@dataclass
class Issue:
    number: int
    title: str
    body: str
    author: str
    author_id: int = 0
    created: str = ""  # YYYY-MM-DD
    url: str = ""


@dataclass
class Note:
    """Something the converter could not make sense of, said to the contributor against a field of the form.
    `instead`: the validator's messages about the same field are left out (this one explains them better)."""
    field: str
    message: str
    instead: bool = True


@dataclass
class Proposal:
    issue: Issue
    kind: Kind | None = None
    entry_id: str = ""
    entry: dict = field(default_factory=dict)
    source: dict | None = None  # a new item for practices/sources.yml
    question: str | None = None  # the id of the question whose rule is added
    notes: list[Note] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # path from the root -> new text, in writing order
    fields: list[forms.Field] = field(default_factory=list)
    blocked: bool = False  # nothing can be written (not a proposal form, or its id is taken)

    @property
    def noun(self) -> str:
        return self.kind.title.lower() if self.kind else "entry"

    @property
    def entry_path(self) -> str:
        return f"practices/{self.kind.folder}/{self.entry_id}.yml" if self.kind and self.entry_id else ""

    def label(self, field_id: str) -> str:
        return next((f.label for f in self.fields if f.id == field_id), field_id)


# --- Reading the issue ---

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


def ticked(answer: str | None) -> list[str]:
    """The options ticked in a tick-box answer (`- [X] option`)."""
    return [m.group(1).strip() for m in re.finditer(r"^\s*[-*] \[[xX]\] (.+)$", answer or "", re.M)]


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
            f"# Made from issue #{int(number)} by the proposal workflow (model/proposal.py).\n" + text)


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


# --- Checking it and saying so ---

def check(root: Path, proposal: Proposal) -> list[Problem]:
    """Every problem of the repository with the proposal's files written: the normal validator."""
    from .cli import collect_problems
    return collect_problems(root)


def is_valid(proposal: Proposal, problems: list[Problem]) -> bool:
    return not proposal.blocked and not proposal.notes and not problems


def field_of(proposal: Proposal, problem: Problem, root: Path) -> str | None:
    """The form's field a problem is about (its id), '' for the issue as a whole, None for a problem that is
    not the proposal's (in a file it did not touch)."""
    if problem.path == proposal.entry_path:
        if "no answer in the self-assessment can recommend" in problem.message:
            return "question"
        if problem.line == 1:
            named = re.search(r"missing required field `([^`]+)`", problem.message)
            return _form_field(named.group(1)) if named else ""
        return _field_at(proposal.files.get(proposal.entry_path, ""), problem.line)
    if problem.path == "practices/sources.yml" and proposal.source:
        return "source"
    if problem.path.startswith("assessment/sections/") and proposal.question:
        return "question"
    return None


def summarise(proposal: Proposal, problems: list[Problem], root: Path) -> dict:
    """What the comment says, as data that can be saved between the steps of the workflow (see comment):
    the problems grouped under the labels of the form's fields, in the form's order, in plain words."""
    problems = [p for p in problems if p.severity in ("error", "warning")]
    by_field: dict[str, list[str]] = {}
    replaced = {n.field for n in proposal.notes if n.instead}
    for note in proposal.notes:
        by_field.setdefault(note.field, []).append(note.message)
    others = 0
    for problem in problems:
        where = field_of(proposal, problem, root)
        if where is None:
            others += 1
        elif where not in replaced:
            by_field.setdefault(where, []).append(_plain(problem.message))
    order = [f.id for f in proposal.fields]
    groups = [[proposal.label(where) if where else "", list(dict.fromkeys(by_field[where]))]
              for where in sorted(by_field, key=lambda f: order.index(f) if f in order else -1)]
    author = proposal.issue.author if re.fullmatch(r"[A-Za-z0-9-]{1,39}", proposal.issue.author or "") else ""
    return {"author": author, "noun": proposal.noun, "valid": is_valid(proposal, problems), "groups": groups, "others": others}


def comment(summary: dict, checks: str = "", pull_request: str = "", run_url: str = "") -> str:
    """The comment on the issue, in plain words (Markdown). Everything the contributor wrote is escaped."""
    noun = summary["noun"]
    run = f" ([the checks' log]({run_url}))" if run_url.startswith("https://") else ""
    lines = [f"Thank you, @{summary['author']}." if summary["author"] else "Thank you."]
    if summary["valid"]:
        if checks == "success" and pull_request.startswith("https://"):
            lines += ["", f"Your answers make a valid {noun}, and every check of the site passes with it{run}. An editor will "
                          f"review it in this pull request: {pull_request}", "",
                      "You can follow the review there. If you edit this issue, the checks run again and the pull request "
                      "is updated."]
        elif checks == "success":
            lines += ["", f"Your answers make a valid {noun}, and every check of the site passes with it{run}, but the pull "
                          "request could not be opened. An editor will open it for you."]
        elif checks:
            lines += ["", f"Your answers make a valid {noun}, but the full checks of the site did not pass with it{run}. "
                          "This is not something to fix in your answers: an editor will look into it."]
        else:
            lines += ["", f"Your answers make a valid {noun}. The full checks of the site run next."]
        return "\n".join(lines) + "\n"
    lines += ["", "A few answers need a change before they can become a pull request. Edit this issue (the **···** menu at "
                  "its top, then **Edit**), change the answers below, and save: the checks run again and reply here."]
    for label, messages in summary["groups"]:
        lines += ["", f"**{_escape(label)}**" if label else "**Your issue**"]
        lines += [f"- {_inline(_capital(message))}" for message in messages]
    if others := summary["others"]:
        lines += ["", f"The library itself has {others} problem{'s' * (others != 1)} that your answers did not "
                      f"cause{run}: an editor will fix {'them' if others != 1 else 'it'}."]
    lines += ["", "If you are not sure what to change, ask here: an editor will help."]
    return "\n".join(lines) + "\n"


def format_comment(proposal: Proposal, problems: list[Problem], root: Path, checks: str = "", pull_request: str = "",
                   run_url: str = "") -> str:
    return comment(summarise(proposal, problems, root), checks, pull_request, run_url)


def pull_request_text(proposal: Proposal) -> tuple[str, str, str]:
    """(title, body, commit message) of the pull request that adds the proposal."""
    issue = proposal.issue
    title = _one_line(f"{proposal.kind.title}: {proposal.entry['title']}")[:200]
    author = issue.author if re.fullmatch(r"[A-Za-z0-9-]{1,39}", issue.author or "") else ""
    by = f" by @{author}" if author else ""
    body = "\n".join([
        f"Proposed{by} in #{issue.number}, with the form \"Propose {forms._article(proposal.noun)} {proposal.noun}\".",
        "",
        f"Closes #{issue.number}.",
        "",
        "The proposal workflow (.github/workflows/proposal.yml) turned the answers into these files with "
        "`python -m model proposal`, then ran `make validate`, `make test` and `make build` on them: all passed.",
        "",
        "For the editor:",
        "",
        "- [ ] The text is in the contributor's own words, in plain UK English, and its source is credited.",
        "- [ ] Stages, roles, themes and the links fit the text.",
        "- [ ] The self-assessment question fits, and the answers at which it recommends the entry (`when`) are right.",
        "- [ ] Nothing identifies a private person or breaks a confidence.",
        "",
    ])
    trailer = f"\n\nCo-authored-by: {author} <{issue.author_id}+{author}@users.noreply.github.com>" if author and issue.author_id else ""
    commit = f"Add a {proposal.noun}: {proposal.entry['title']}\n\nProposed in issue #{issue.number}{by}.{trailer}\n"
    return title, body, commit


def command(root: Path, event_file: Path | None, out: Path, checks: str = "", pull_request: str = "", run_url: str = "") -> int:
    """`python -m model proposal --event FILE`: convert the event's issue, write its files, validate them, and write
    into `out` the comment, what it is made from (summary.json) and the pull request's text; set the step outputs
    `valid`, `id` and `branch` on GitHub Actions. Without `--event`: only the comment again, from summary.json,
    with the outcome of the checks and the pull request's address (the files are written by then)."""
    root = Path(root)
    out = root / out if not Path(out).is_absolute() else Path(out)
    if event_file is None:
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        (out / "comment.md").write_text(comment(summary, checks, pull_request, run_url), encoding="utf-8")
        return 0
    issue = issue_from_event(json.loads(Path(event_file).read_text(encoding="utf-8")))
    proposal = convert(root, issue)
    written = write(root, proposal)
    problems = check(root, proposal) if not proposal.blocked else []
    summary = summarise(proposal, problems, root)
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "comment.md").write_text(comment(summary, checks, pull_request, run_url), encoding="utf-8")
    if summary["valid"]:
        title, body, commit = pull_request_text(proposal)
        (out / "title.txt").write_text(title + "\n", encoding="utf-8")
        (out / "pull-request.md").write_text(body, encoding="utf-8")
        (out / "commit.txt").write_text(commit, encoding="utf-8")
    outputs = {"valid": str(summary["valid"]).lower(), "id": proposal.entry_id, "branch": f"proposal/issue-{issue.number}"}
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as handle:
            handle.write("".join(f"{k}={v}\n" for k, v in outputs.items()))
    print(f"Issue #{issue.number}: " + (f"a valid {proposal.noun}, {proposal.entry_path}." if summary["valid"] else
                                       f"not valid yet; see {out / 'comment.md'}."))
    for rel in written:
        print(f"  wrote {rel}")
    for problem in problems:
        print(f"  {problem}")
    return 0


# --- Helpers: answers ---

def _resolve(text: str, items: dict) -> str | None:
    """The id of the item `text` names: its id, `Title (id)`, its title, or the address of its page."""
    text = text.strip().strip("\"'“”‘’").strip()
    if not text:
        return None
    if text in items:
        return text
    bracket = re.search(r"\(([a-z0-9]+(?:-[a-z0-9]+)*)\)\s*$", text)
    if bracket and bracket.group(1) in items:
        return bracket.group(1)
    address = re.search(r"/([a-z0-9]+(?:-[a-z0-9]+)*)(?:/|\.html?|\.md)?(?:[#?].*)?$", text)
    if address and "/" in text and address.group(1) in items:
        return address.group(1)
    slug = slugify(text)
    if slug in items:
        return slug
    titles = {slugify(_title(item)): key for key, item in items.items()}
    return titles.get(slug)


def _resolve_options(answer: str | None, items: dict, multiple: bool) -> list[str]:
    """The ids chosen in a drop-down of vocabulary items (`Title (id), Title (id)`); words that name nothing are
    kept, for the validator to report."""
    if not answer:
        return []
    ids = re.findall(r"\(([a-z0-9]+(?:-[a-z0-9]+)*)\)", answer)  # those the library lacks are the validator's to report
    if ids:
        return list(dict.fromkeys(ids))
    parts = [p for p in re.split(r",|\n", answer) if p.strip()] if multiple else [answer]
    return list(dict.fromkeys(_resolve(p, items) or _one_line(p) for p in parts))


def _resolve_ticked(answer: str | None, items: dict) -> list[str]:
    def one(option: str) -> str:
        bracket = re.search(r"\(([a-z0-9]+(?:-[a-z0-9]+)*)\)\s*$", option)
        return _resolve(option, items) or (bracket.group(1) if bracket else _one_line(option))
    return list(dict.fromkeys(one(option) for option in ticked(answer)))


def _resolve_links(proposal: Proposal, field_id: str, answer: str | None, candidates: dict, target: Kind | None) -> list[str]:
    """The ids of the entries named one per line (by title, id or address); a note for each that names none."""
    ids, unknown = [], []
    for line in (answer or "").split("\n"):
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()  # list markers
        if not line:
            continue
        found = _resolve(line, candidates)
        if found is None and ("," in line or ";" in line):
            parts = [p for p in re.split(r"[,;]", line) if p.strip()]
            resolved = [_resolve(p, candidates) for p in parts]
            if all(resolved):
                ids += resolved
                continue
        if found:
            ids.append(found)
        else:
            unknown.append(line)
    noun = target.title.lower() if target else "entry"
    titles = {e.title: e.id for e in candidates.values()}
    for line in unknown:
        close = difflib.get_close_matches(line, list(titles), n=1, cutoff=0.6)
        hint = f" Did you mean `{_code(close[0])}`?" if close else f" Copy its title from the {target.plural if target else 'library'} page."
        proposal.notes.append(Note(field_id, f"the library has no {noun} called `{_code(line)}`.{hint}"))
    return list(dict.fromkeys(ids))


def _source(proposal: Proposal, lib: Library, kind: str | None, text: str | None) -> str:
    """The id of the source to credit, after making a new item for practices/sources.yml when one is needed."""
    issue = proposal.issue
    about = _one_line(text)
    if kind == forms.IN_THE_LIBRARY or (kind is None and about and _resolve(about, lib.sources)):
        found = _resolve(about, lib.sources) if about else None
        if found:
            return found
        listed = "; ".join(f"`{_code(s.get('title', k))}`" for k, s in list(lib.sources.items())[:8])
        proposal.notes.append(Note("source", f"the library has no source called `{_code(about or '')}`. Its sources are: "
                                             f"{listed}. For another one, choose \"{forms.PUBLICATION}\" and describe it."))
        return slugify(about) or "unknown-source"
    if kind == forms.OWN_EXPERIENCE:
        who = slugify(issue.author) or f"issue-{issue.number}"
        source_id = f"experience-{who}"[:ID_MAX].strip("-")
        if source_id in lib.sources:
            return source_id  # the same person's experience, credited before
        name = issue.author or "a contributor"
        described = about if len(about) >= 10 else f"What {name} has seen in their own practice."
        proposal.source = {"id": source_id, "title": f"Practice experience of {name}"[:120],
                           "credit": f"{name}, from their own practice", "date": issue.created or "2000-01-01",
                           "description": f"{described} Shared in issue #{issue.number}."}
        return source_id
    lines = [_one_line(line) for line in (text or "").split("\n") if line.strip()]
    if not lines:
        proposal.notes.append(Note("source", "say where it comes from: your own experience, a source already in the library, "
                                             "or another publication (its title, who wrote or published it, its date and "
                                             "its web address)."))
        return "unknown-source"
    title = re.sub(r"\s*https://\S+", "", lines[0]).strip(" .,;") or lines[0]
    date = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", text or "")
    url = re.search(r"https://[^\s<>\"']+", text or "")
    existing = next((k for k, s in lib.sources.items() if slugify(s.get("title", "")) == slugify(title)), None)
    if existing:
        return existing
    source_id = slugify(title, 60) or f"source-issue-{issue.number}"
    if source_id in lib.sources:
        source_id = f"{source_id}-{issue.number}"
    item = {"id": source_id, "title": title[:120]}
    if len(lines) > 1:
        item["credit"] = re.sub(r"\s*https://\S+", "", lines[1]).strip() or lines[1]
    else:
        proposal.notes.append(Note("source", "write who wrote or published it on the second line."))
    if date:
        item["date"] = date.group(1)
    else:
        proposal.notes.append(Note("source", "write the date it was published, as YYYY-MM-DD (for example 2022-04-20); if "
                                             "you know only the year, write the first of January."))
    item["description"] = f"Proposed as the source of issue #{issue.number}: {' '.join(lines)}"
    if url:
        item["url"] = url.group(0).rstrip(".,;)")
    if len(lines) > 1 and date:
        proposal.source = item
    return source_id


def _question(proposal: Proposal, root: Path, lib: Library, text: str | None, stages: list[str]) -> str | None:
    """The id of the self-assessment question named in `text` (its id, or its words), or a note that lists the
    questions that could fit."""
    assessment = load_assessment(root, lib)
    questions = assessment.questions
    wanted = _words(text or "")
    found = next((q.id for q in questions if (text or "").strip() == q.id or _words(q.text) == wanted), None) if wanted else None
    if found is None and wanted:
        close = difflib.get_close_matches(wanted, [_words(q.text) for q in questions], n=1, cutoff=0.85)
        found = next((q.id for q in questions if close and _words(q.text) == close[0]), None)
    if found:
        return found
    sections = [s for s in assessment.sections if s.stage in stages] or [s for s in assessment.sections if not s.stage]
    listed = " ".join(f"`{_code(q.text)}`" for s in sections for q in s.questions[:10])
    start = f"no question of the self-assessment reads `{_code(text)}`." if text else "choose a question of the self-assessment."
    proposal.notes.append(Note("question", f"{start} Copy the words of the one that should lead people to this {proposal.noun}"
                                           + (f"; for the stages you chose, they are: {listed}" if listed else "")
                                           + ". If none fits, say so here, and an editor will add a question."))
    return None


# --- Helpers: text ---

def _clean(text: str | None, keep_lines: bool = False) -> str:
    """Text without control characters (tabs become spaces), with Unix line ends, NFC-normalised."""
    text = unicodedata.normalize("NFC", str(text or "")).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = "".join(c for c in text if c == "\n" or not unicodedata.category(c).startswith("C") or c in "\u200d")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return text if keep_lines else text.strip()


def _one_line(text: str | None) -> str:
    return " ".join(_clean(text).split())


def _text(text: str | None) -> str:
    """A Markdown text: lines without trailing spaces, at most one empty line in a row, no empty first line."""
    lines = [line.rstrip() for line in _clean(text, keep_lines=True).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text + "\n" if text else ""  # a `|` block, as the library's files end theirs


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", _clean(text).casefold()).split())


def _title(item) -> str:
    return item.title if hasattr(item, "title") else str((item or {}).get("title", "")) if isinstance(item, dict) else ""


def _form_field(entry_field: str) -> str:
    return {"sources": "source"}.get(entry_field, entry_field)


def _field_at(text: str, line: int) -> str:
    """The form field of the entry file's line: the top-level key at or above it (`section:` lines apart)."""
    lines = text.split("\n")
    current = ""
    for number, content in enumerate(lines[:line], start=1):
        key = re.match(r"([a-z_]+):", content)
        if key:
            current = key.group(1)
        if number == line and current == "sources" and re.match(r"\s+(?:- )?section:", content):
            return "section"
    return _form_field(current)


def _plain(message: str) -> str:
    """A validator's message, for someone who answered a form: no file names, no field names in front."""
    if message.startswith("missing required field"):
        return "this answer is needed."
    message = re.sub(r"\s*\((?:see|allowed fields are in) [^)]*\)", "", message)
    message = re.sub(r" Use (?:an|a scale|an option) id from [a-z/_-]+\.yml\.$", "", message)
    message = re.sub(r"^`[a-z_]+`(?:, (?:item \d+|`[a-z_]+`))* (?=is |must |needs |lists )", "it ", message)
    if message.endswith("needs at least 1 item: add one."):
        return "choose at least one."
    return message


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _code(text: str | None) -> str:
    """Text to be shown inside a code span: one line, no backticks, shortened."""
    text = _one_line(text).replace("`", "'")
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#!|~&])")


def _escape(text: str) -> str:
    """Plain text for Markdown: every character that could start markup escaped, `@` kept from pinging anyone."""
    text = _MARKDOWN.sub(r"\\\1", _clean(text, keep_lines=True).replace("\n", " ")).replace("@", "@\u200b")
    return re.sub(r"(?i)(www)\.|(/)(/)", lambda m: f"{m[1]}\u200b." if m[1] else "/\u200b/", text)  # no autolinks


def _inline(message: str) -> str:
    """A message whose `code spans` stay code (where nothing is rendered) and whose other text is escaped."""
    parts = _one_line(message).split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: the last one opens nothing
        parts[-2:] = [parts[-2] + "'" + parts[-1]]
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(f"`{part[:MAX_SHOWN]}`" if part.strip() else "` `")
        else:
            out.append(_escape(part))
    return "".join(out)


class _Dumper(yaml.SafeDumper):
    """Text on several lines as a `|` block; lists of plain ids in brackets on one line, and other lists indented
    under their key, as the library writes them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_str(dumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _represent_list(dumper, value: list):
    flow = bool(value) and all(isinstance(v, str) and ID_PATTERN.match(v) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
