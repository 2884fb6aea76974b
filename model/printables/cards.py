"""Shape the workshop card decks: one card per current entry of every kind in practices/kinds.yml, a deck
per stage and one for everything. A card is the same in every deck it is in (its stage band shows all
its stages), so the stage decks are pages of the whole deck and each card is laid out once.

Front: the stages, the kind and the code, the title, the summary, the effort; the source and licence.
Back: the key points (the first sentences of the body), the first step if the entry has one, who acts,
the linked entries both ways (code and title, or codes only when there are many), and a question to
discuss (the closest of its stages' questions, or a generic one).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..library import Entry, Library
from . import text

PALETTE = 8  # stage colours and patterns in print.css (.stage-1 … .stage-8), used in turn
TITLES_UP_TO = 3  # a link group of more entries lists their codes only, so that the back stays on the card


@dataclass
class Card:
    entry: Entry
    code: str
    kind: str  # the kind's title
    stages: list[dict]  # {number, title, tone}: tone picks the colour and pattern
    facts: list[str]  # effort, "an option to consider"
    key_points: str
    first_step: str | None
    roles: list[str]
    links: list[dict]  # {heading, entries: [{code, title}], codes_only}
    question: str
    credit: list[str]

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass
class Deck:
    id: str  # "all", or a stage id
    title: str
    stage: dict | None
    cards: list[Card] = field(default_factory=list)


def shape(lib: Library, site, compact: dict[str, int] | None = None) -> list[Deck]:
    """The deck of everything, then one per stage (in stage order). `compact` gives entries whose back did
    not fit a level: 1 lists the codes of their linked entries only, 2 also halves their key points."""
    compact = compact or {}
    codes, questions = text.codes(lib), text.Questions(lib)
    cards = [card(lib, site, e, i, codes, questions, compact.get(e.id, 0)) for i, e in enumerate(text.ordered(lib))]
    decks = [Deck("all", site.t("print.deck.all"), None, cards)]
    for stage in lib.stages:
        decks.append(Deck(stage["id"], site.t("print.deck.stage", stage=stage["title"]), stage,
                          [c for c in cards if stage["id"] in c.entry.stages]))
    return decks


def card(lib: Library, site, entry: Entry, index: int, codes: dict[str, str], questions: text.Questions,
         compact: int = 0) -> Card:
    """The card of one entry; `index` is its place in the deck of everything, `codes` every entry's code."""
    numbers = {s["id"]: i for i, s in enumerate(lib.stages)}
    stages = [{"number": numbers[s] + 1, "title": lib.stages[numbers[s]]["title"], "tone": numbers[s] % PALETTE + 1}
              for s in sorted((s for s in entry.stages if s in numbers), key=numbers.get)]
    facts = []
    if entry.fields.get("effort"):
        facts.append(f"{site.t('entry.effort')}: {site.t('effort.' + str(entry.fields['effort']) + '.long')}")
    if entry.fields.get("tentative"):
        facts.append(site.t("entry.tentative_title"))
    links = []
    for heading, targets in _link_groups(lib, entry):
        items = [{"code": codes.get(t.id, ""), "title": t.title} for t in targets if t.id in codes]
        if items:
            links.append({"heading": heading, "entries": items, "codes_only": bool(compact) or len(items) > TITLES_UP_TO})
    question = questions.pick(entry, index) or site.t(
        "print.card.question", process=site.wording.get("words", {}).get("process", ""))
    first_step = entry.fields.get("first_step")
    return Card(entry, codes[entry.id], lib.kind_of(entry).title, stages, facts,
                text.key_points(entry.body, text.KEY_POINTS_CHARS // (2 if compact > 1 else 1)),
                str(first_step) if first_step else None,
                [lib.roles[r]["title"] for r in entry.roles if r in lib.roles], links, question, credits(lib, entry))


def credits(lib: Library, entry: Entry) -> list[str]:
    """The credit line of each source the entry names (practices/sources.yml `credit`), once each."""
    out: list[str] = []
    for ref in entry.sources:
        source = lib.sources.get(ref["source"], {})
        line = source.get("credit") or source.get("title")
        if line and line not in out:
            out.append(str(line))
    return out


# --- Helpers ---

def _link_groups(lib: Library, entry: Entry):
    """(heading, entries) for each declared link from the entry, then each link to it (kinds.yml)."""
    for link, targets in lib.links_from(entry):
        yield link.heading, [t for t in targets if not t.retired]
    for link, named_by in lib.links_to(entry):
        yield link.back_heading, named_by

