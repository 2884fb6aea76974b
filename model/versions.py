"""The questionnaire's version history (assessment/versions.yml): which question ids each version added or
removed, so that the version is raised as saved answers need and no old id is ever reused.

  - a version that adds questions (and removes none) raises at least the MINOR number;
  - a version that removes or renames a question raises the MAJOR number (a rename is a removal and an
    addition: answers saved under the old id are kept by the page, marked as not part of this version);
  - the last version listed is the one in questionnaire.yml, with exactly the questions in sections/.
"""
from __future__ import annotations

from pathlib import Path

from . import schemas
from .problems import Problems
from .yaml_source import YamlDocument, check_schema_line, read_yaml

FILE = "assessment/versions.yml"


def parse(version: str) -> tuple[int, int, int]:
    return tuple(int(part) for part in version.split("."))  # the schema has checked the form


def next_versions(version: str) -> tuple[str, str]:
    """(next minor, next major) of a version: '1.2.3' -> ('1.3.0', '2.0.0')."""
    major, minor, _ = parse(version)
    return f"{major}.{minor + 1}.0", f"{major + 1}.0.0"


def check(root: Path, base: Path, schema_dir: Path, result, head: YamlDocument, problems: Problems) -> list[str]:
    """Check the history against the questionnaire; return the ids of questions no longer asked."""
    file = base / "versions.yml"
    current = [q.id for q in result.questions]
    if not file.is_file():
        problems.error(FILE, 1, f"missing file: create {FILE} listing version {result.version} with `added:` and every question id.")
        return []
    doc = read_yaml(file, FILE, problems, root=root)
    if doc is None or not schemas.check(doc, schema_dir, "assessment-versions", problems):
        return []
    check_schema_line(doc, "schema/assessment-versions.schema.json", problems)
    asked: list[str] = []
    ever: dict[str, str] = {}  # id -> version that first added it
    previous = None
    for index, record in enumerate(doc.data["versions"]):
        at = ("versions", index)
        version, added, removed = record["version"], record.get("added", []), record.get("removed", [])
        if previous and parse(version) <= parse(previous):
            problems.error(doc.path, doc.line_of(*at, "version"), f"version {version} comes after {previous}: list versions from the oldest to the newest, each higher than the one before.")
        elif previous:
            minor, major = next_versions(previous)
            if removed and parse(version) < parse(major):
                problems.error(doc.path, doc.line_of(*at, "version"), f"version {version} removes questions, so it must raise the major version: make it {major} (answers saved under the removed ids no longer fit).")
            elif added and parse(version) < parse(minor):
                problems.error(doc.path, doc.line_of(*at, "version"), f"version {version} adds questions, so it must raise at least the minor version: make it {minor}.")
        for i, qid in enumerate(removed):
            if qid not in asked:
                problems.error(doc.path, doc.line_of(*at, "removed", i), f"`{qid}` is removed here but is not asked in the versions before: check the id.")
            else:
                asked.remove(qid)
        for i, qid in enumerate(added):
            if qid in ever:
                problems.error(doc.path, doc.line_of(*at, "added", i), f"`{qid}` was already added in version {ever[qid]}: never reuse a question id, not even a removed one; choose a new id.")
                continue
            ever[qid] = version
            asked.append(qid)
        previous = version
    _compare_with_questionnaire(doc, head, result, current, asked, previous, problems)
    return [qid for qid in ever if qid not in current]


def _compare_with_questionnaire(doc, head, result, current, asked, last, problems: Problems) -> None:
    new = [q for q in current if q not in asked]
    gone = [q for q in asked if q not in current]
    end = doc.line_of("versions", len(doc.data["versions"]) - 1)
    if new or gone:
        minor, major = next_versions(last)
        target = major if gone else minor
        what = "; ".join(part for part in (
            f"new question{'s' * (len(new) > 1)} {', '.join(f'`{q}`' for q in new)}" if new else "",
            f"question{'s' * (len(gone) > 1)} {', '.join(f'`{q}`' for q in gone)} no longer asked (removed or renamed)" if gone else "",
        ) if part)
        steps = (f"add a version `{target}` at the end of this file" + (f" with `added: [{', '.join(new)}]`" if new else "")
                 + (f" and `removed: [{', '.join(gone)}]`" if gone else "")
                 + f", and set `version: \"{target}\"` in assessment/questionnaire.yml")
        problems.error(doc.path, end, f"the questions in assessment/sections/ differ from version {last}: {what}. To publish the change, {steps}.")
    elif last != result.version:
        problems.error(head.path, head.line_of("version"), f"`version` is {result.version}, but the last version in {FILE} is {last}: make them the same.")
