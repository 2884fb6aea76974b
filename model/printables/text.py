"""Text for the printables, worked out from the entries: plain text from Markdown, key points, short
codes for entries (so that cards, the book and a room can name an entry in two or three characters),
and the discussion question of a card. Nothing here names a kind, a stage or this library's subject."""
from __future__ import annotations

import html
import math
import re

from ..library import Entry, Library
from ..compile import sanitize

KEY_POINTS_CHARS = 320  # a card's back holds about this much of the body, in whole sentences
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD = re.compile(r"[^\W\d_]{4,}")


# --- Plain text ---

def plain(markdown: str) -> str:
    """Markdown from YAML as one line of plain text (rendered and cleaned first, then stripped of tags)."""
    rendered = sanitize.markdown_html(markdown or "")
    text = re.sub(r"<[^>]+>", " ", rendered)
    return " ".join(html.unescape(text).split())


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def key_points(body: str, limit: int = KEY_POINTS_CHARS) -> str:
    """The first sentences of `body` that fit in `limit` characters (at least one, cut at a word if longer)."""
    out = ""
    for sentence in sentences(plain(body)):
        candidate = f"{out} {sentence}".strip()
        if len(candidate) > limit:
            break
        out = candidate
    if not out:
        first = plain(body)
        out = first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return out


# --- Short codes ---

def kind_prefixes(lib: Library) -> dict[str, str]:
    """Kind id -> the letters of its codes: the initials of its title (e.g. two words, two letters),
    lengthened from its first word until every kind has its own."""
    out: dict[str, str] = {}
    for kind in lib.kinds.values():
        words = re.findall(r"[^\W_]+", kind.title) or [kind.id]
        first = words[0]
        candidates = ["".join(w[0] for w in words)] + [first[:n] for n in range(2, len(first) + 1)]
        taken = set(out.values())
        prefix = next((c.upper() for c in candidates if c.upper() not in taken), None)
        out[kind.id] = prefix or f"{candidates[0].upper()}{len(out) + 1}"
    return out


def stage_rank(lib: Library, entry: Entry) -> int:
    """The position of an entry's first stage in practices/stages.yml (entries of every stage come last)."""
    order = {sid: i for i, sid in enumerate(lib.stage_ids)}
    return min((order[s] for s in entry.stages if s in order), default=len(order))


def ordered(lib: Library) -> list[Entry]:
    """The current entries in the order of the decks and the book: by kind (as practices/kinds.yml lists
    them), then by first stage, then as the library lists them."""
    kinds = list(lib.kinds)
    live = [e for e in lib.entries.values() if not e.retired and e.kind in lib.kinds]
    position = {e.id: i for i, e in enumerate(live)}
    return sorted(live, key=lambda e: (kinds.index(e.kind), stage_rank(lib, e), position[e.id]))


def codes(lib: Library) -> dict[str, str]:
    """Entry id -> its short code (kind prefix and number, e.g. `P12`), numbered in the order of `ordered`."""
    prefixes = kind_prefixes(lib)
    counts: dict[str, int] = {}
    out = {}
    for entry in ordered(lib):
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
        out[entry.id] = f"{prefixes[entry.kind]}{counts[entry.kind]}"
    return out


# --- The discussion question ---

def _stems(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in _WORD.findall(text)}


class Questions:
    """Picks each card's discussion question: of the questions of the entry's stages (practices/stages.yml
    `questions`), the one whose words weigh most in the entry's title and summary, a word weighing less
    the more entries use it (so that the library's everyday words do not decide); on a tie, the tied
    ones in turn, so that a deck asks them all. When no question shares a word, the card asks the
    generic question of practices/interface.yml (`print.card.question`) instead."""

    def __init__(self, lib: Library):
        self.by_id = {s["id"]: s for s in lib.stages}
        texts = [_stems(f"{e.title} {e.summary} {plain(e.body)}") for e in lib.entries.values()]
        df: dict[str, int] = {}
        for words in texts:
            for w in words:
                df[w] = df.get(w, 0) + 1
        self.weight = {w: math.log((len(texts) + 1) / n) for w, n in df.items()}

    def pick(self, entry: Entry, index: int) -> str | None:
        """None when the entry names no stage with questions, or none shares a word with the entry."""
        questions = [q for sid in entry.stages if sid in self.by_id for q in self.by_id[sid].get("questions") or []]
        if not questions:
            return None
        words = _stems(f"{entry.title} {entry.summary}")
        scores = [round(sum(self.weight.get(w, 0.0) for w in words & _stems(q)), 6) for q in questions]
        if not max(scores):
            return None
        best = [q for q, s in zip(questions, scores) if s == max(scores)]
        return best[index % len(best)]
