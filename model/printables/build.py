"""Make every printable of a library into build/printables/, with the manifest the site reads.

The whole card deck is laid out once; the stage decks are its pages, and the A5 and A4 sheets are
imposed from them (impose.py). A card whose back does not fit is laid out again with the codes of its
linked entries only and shorter key points; one that still does not fit is reported. Nothing is made
while any source has an error, and nothing is made again while the sources have not changed.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ..compile.load import load
from . import book, cards, impose, manifest, render, worksheet
from .render import PrintError


@dataclass
class Made:
    folder: Path
    files: list[dict] = field(default_factory=list)  # as in the manifest
    warnings: list[str] = field(default_factory=list)  # `path:line: message`
    problems: list = field(default_factory=list)  # errors of the sources: nothing was made
    seconds: float = 0.0
    up_to_date: bool = False


def make(root: Path, out: Path | None = None, force: bool = False) -> Made:
    """Make the card decks, the book and (with an assessment/) the worksheet of `root` into `out`
    (build/printables by default), unless they are already there for the sources as they are now."""
    start = time.perf_counter()
    root = Path(root)
    made = Made(Path(out) if out else root / manifest.OUT)
    if not force and manifest.read(root, made.folder):
        made.up_to_date = True
        return made
    sources = load(root)
    if sources.problems.errors:
        made.problems = list(sources.problems.errors)
        return made
    fingerprint = manifest.fingerprint(root)
    printer = render.Printer(root, sources, anchors=book.anchors(sources))
    made.files += _decks(printer, sources, made)
    made.files.append(_document(printer, made.folder, "book", "book.jinja.html", book.shape(sources)))
    if sources.assessment:
        made.files.append(_document(printer, made.folder, "worksheet", "worksheet.jinja.html", worksheet.shape(sources)))
    keep = {f["file"] for f in made.files}
    for old in made.folder.glob("*.pdf"):
        if old.name not in keep:
            old.unlink()
    manifest.write(made.folder, fingerprint, made.files)
    made.seconds = time.perf_counter() - start
    return made


# --- Card decks ---

def _decks(printer: render.Printer, sources, made: Made) -> list[dict]:
    lib, site = sources.library, sources.site
    decks = cards.shape(lib, site)
    if not decks[0].cards:
        return []
    whole = render.document(printer.html("cards.jinja.html", deck=decks[0]))
    pages = _fit(printer, sources, decks[0], whole, made)
    at = {card.id: 2 * i for i, card in enumerate(decks[0].cards)}
    marks = {layout.id: _marks(printer, layout) for layout in impose.LAYOUTS.values() if layout.per_sheet > 1}
    out = []
    for deck in decks:
        if not deck.cards:
            continue
        doc = whole.copy([pages[at[c.id] + side] for c in deck.cards for side in (0, 1)])
        doc.metadata.title = f"{site.name}: {deck.title}"
        stem = "cards" if deck.stage is None else f"cards-{deck.id}"
        about = {"product": "cards", "deck": deck.id, "title": deck.title, "cards": len(deck.cards)}
        a6 = doc.write_pdf()
        for layout in impose.LAYOUTS.values():
            if layout.per_sheet == 1:
                content, count = a6, len(doc.pages)
            else:
                content, count = impose.impose(a6, layout, marks[layout.id], {"Title": doc.metadata.title,
                                               "Author": site.name}, site.language)
            name = f"{stem}-{layout.id}.pdf"
            _put(made.folder / name, content)
            out.append({**about, "file": name, "layout": layout.id, "pages": count, "bytes": len(content)})
    return out


def _fit(printer: render.Printer, sources, deck: cards.Deck, doc, made: Made) -> list:
    """The pages of the whole deck (a front and a back for each card), with every card that does not fit
    laid out again, more compact each time (cards.shape); one that still does not fit keeps the first page
    of each side, and is reported."""
    pages = render.first_pages(doc)
    at = {card.id: 2 * i for i, card in enumerate(deck.cards)}
    over = {i.split("-", 1)[1] for i in render.overflowing(doc)}
    for level in (1, 2):
        if not over:
            return pages
        shaped = cards.shape(sources.library, sources.site, compact=dict.fromkeys(over, level))[0].cards
        again = [c for c in shaped if c.id in over]
        laid = render.document(printer.html("cards.jinja.html", deck=cards.Deck("compact", deck.title, None, again)))
        fitted = render.first_pages(laid)
        for i, card in enumerate(again):
            pages[at[card.id]:at[card.id] + 2] = fitted[2 * i:2 * i + 2]
        over = {i.split("-", 1)[1] for i in render.overflowing(laid)}
    for name in sorted(over):
        made.warnings.append(f"{sources.library.entries[name].path}:1: its card is too full, and the end of a side is "
                             f"cut off: shorten its summary or its title, or link fewer entries.")
    return pages


def _marks(printer: render.Printer, layout: impose.Layout) -> bytes:
    verticals, horizontals = layout.cuts()
    html = printer.html("marks.jinja.html", width=layout.sheet[0], height=layout.sheet[1], verticals=verticals,
                        horizontals=horizontals)
    return render.document(html).write_pdf()


# --- The book and the worksheet ---

def _document(printer: render.Printer, folder: Path, product: str, template: str, context: dict) -> dict:
    doc = render.document(printer.html(template, **context))
    name = f"{product}.pdf"
    size = render.write(doc, folder / name, tagged=True)
    return {"product": product, "file": name, "pages": len(doc.pages), "bytes": size}


def _put(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(content)
    tmp.replace(target)


__all__ = ["Made", "make", "PrintError"]
