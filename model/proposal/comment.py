"""Checking the files made from a proposal, and saying so on the issue in plain words (see __init__.py)."""

from __future__ import annotations

import re
from pathlib import Path

from .. import forms
from ..problems import Problem
from .data import Proposal
from .text import _capital, _escape, _field_at, _form_field, _inline, _one_line, _plain


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
