"""What the tests of this library's own content (tests/test_content_*.py) test: the entries drawn from the
2022 write-up and the questions of the questionnaire the editors reviewed (version 2.0.0).

A contributor's entry from another source (a report, their own experience) and a question added in a later
version pass these tests whatever they say: the validator (`make validate`) checks them for any library,
and an editor reviews their words in the pull request. So `make validate` green means the checks on a pull
request are green on content (tests/test_contributing_e2e.py follows that route on a copy)."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "practitioners-network-2022"
REVIEWED_VERSION = "2.0.0"


# The entries the editors drew from the write-up rather than restate (basis: inferred). A contributor's
# inferred entry, of any kind, is not one of them.
EDITORS_INFERRED = {
    "little-is-learned-from-past-participants", "not-everyone-feels-safe-to-speak", "one-facilitator-cannot-see-every-imbalance",
    "participants-need-support-beyond-facilitation", "power-works-through-the-organisers-too",
    "decide-openly-how-far-to-adapt-the-model", "look-for-facilitators-beyond-your-usual-networks",
    "tell-participants-they-speak-for-themselves",
}


def from_write_up(entries) -> list:
    """The entries drawn from the write-up: those that restate it, and those the editors inferred from it."""
    return [e for e in entries if any(s["source"] == SOURCE for s in e.sources)
            and (not e.inferred or e.id in EDITORS_INFERRED)]


def write_up_ids(lib) -> set[str]:
    return {e.id for e in from_write_up(lib.entries.values())}


def added_after_review(root: Path = ROOT) -> set[str]:
    """Ids of the questions that versions after REVIEWED_VERSION added (assessment/versions.yml)."""
    versions = yaml.safe_load((root / "assessment" / "versions.yml").read_text(encoding="utf-8"))["versions"]
    numbers = [v["version"] for v in versions]
    later = versions[numbers.index(REVIEWED_VERSION) + 1:]
    return {qid for v in later for qid in v.get("added", [])}


def removed_after_review(root: Path = ROOT) -> set[str]:
    versions = yaml.safe_load((root / "assessment" / "versions.yml").read_text(encoding="utf-8"))["versions"]
    numbers = [v["version"] for v in versions]
    return {qid for v in versions[numbers.index(REVIEWED_VERSION) + 1:] for qid in v.get("removed", [])}


def reviewed_questions(assessment, reviewed: set[str]) -> list:
    """The questions still asked that the editors reviewed (`reviewed`: their ids)."""
    return [q for q in assessment.questions if q.id in reviewed]
