"""The answers of the form resolved to the library's ids (stages, roles, challenges, sources, questions) (see __init__.py)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from .. import forms
from ..assessment import load_assessment
from ..kinds import Kind
from ..library import Library
from ..problems import slugify
from ..scaffold import ID_MAX
from .data import Note, Proposal
from .text import _code, _one_line, _title, _words


def ticked(answer: str | None) -> list[str]:
    """The options ticked in a tick-box answer (`- [X] option`)."""
    return [m.group(1).strip() for m in re.finditer(r"^\s*[-*] \[[xX]\] (.+)$", answer or "", re.M)]


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
