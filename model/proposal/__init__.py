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

The package: data.py (the issue and the proposal), convert.py (reading the issue, making the files), answers.py
(answers resolved to ids), comment.py (checking the files, the comment and the pull request's text), text.py
(cleaning and escaping the contributor's text, the YAML serializer); `command` here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .answers import ticked
from .comment import check, comment, field_of, format_comment, is_valid, pull_request_text, summarise
from .convert import add_source, convert, dump_entry, issue_from_event, kind_of_issue, parse_form, write
from .data import MAX_SHOWN, NO_RESPONSE, Issue, Note, Proposal

__all__ = ["Issue", "MAX_SHOWN", "NO_RESPONSE", "Note", "Proposal", "add_source", "check", "command", "comment",
           "convert", "dump_entry", "field_of", "format_comment", "is_valid", "issue_from_event", "kind_of_issue",
           "parse_form", "pull_request_text", "summarise", "ticked", "write"]


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
