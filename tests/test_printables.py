"""The printables (python -m model printables): the card decks, the book and the worksheet of this library
and of the example library (a fork with other stages, kinds and wording), checked in the PDFs themselves
with poppler-utils (pdftotext, pdffonts, pdftoppm) and pypdf. Expectations are read from each library's
own YAML. The first pages are rendered to PNG in build/test-artefacts/printables/ for a person to look at.
"""
from __future__ import annotations

import json
import math
import re
import subprocess

import pytest
from pypdf import PdfReader

from conftest import ROOT, copy_project, make_fork
from printables_support import ARTEFACTS, make_printables, pages_text, squash

from model.compile.load import load
from model.printables import manifest, text

MM = 72 / 25.4
SIZES = {"a6": (105, 148), "a5": (210, 148), "a4": (210, 297)}  # width, height in mm


# --- Fixtures and helpers ---

def _printed(tmp_path_factory, name: str, make) -> dict:
    project = make(tmp_path_factory.mktemp(f"printed-{name}"))
    result = make_printables(project)
    assert result.returncode == 0, f"printables of {name} failed:\n{result.stdout}\n{result.stderr}"
    folder = project / manifest.OUT
    data = json.loads((folder / manifest.MANIFEST).read_text(encoding="utf-8"))
    return {"name": name, "project": project, "folder": folder, "files": data["files"], "sources": load(project),
            "output": result.stdout + result.stderr}


@pytest.fixture(scope="session")
def real_printed(tmp_path_factory) -> dict:
    return _printed(tmp_path_factory, "real", copy_project)


@pytest.fixture(scope="session")
def example_printed(tmp_path_factory) -> dict:
    return _printed(tmp_path_factory, "example", make_fork)


@pytest.fixture(params=["real", "example"])
def printed(request) -> dict:
    return request.getfixturevalue(f"{request.param}_printed")


def live(sources) -> list:
    return text.ordered(sources.library)


def file_of(printed: dict, **where) -> dict:
    return next(f for f in printed["files"] if all(f.get(k) == v for k, v in where.items()))


# --- Every PDF: pages, size, fonts ---

def test_every_pdf_has_the_pages_and_the_page_size_of_its_layout(printed):
    cards = len(live(printed["sources"]))
    for f in printed["files"]:
        reader = PdfReader(printed["folder"] / f["file"])
        assert len(reader.pages) == f["pages"], f["file"]
        wanted = SIZES[f.get("layout", "a4")]
        for page in reader.pages:
            size = (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM))
            assert size == wanted, f"{f['file']}: a page is {size} mm, not {wanted}"
        if f["product"] == "cards":
            per_sheet = {"a6": 1, "a5": 2, "a4": 4}[f["layout"]]
            assert f["pages"] == 2 * math.ceil(f["cards"] / per_sheet), f"{f['file']}: a card spilled onto another page"
    assert file_of(printed, deck="all", layout="a6")["cards"] == cards


def test_fonts_are_embedded_in_every_pdf(printed):
    for f in printed["files"]:
        rows = subprocess.run(["pdffonts", str(printed["folder"] / f["file"])], capture_output=True, text=True,
                              check=True).stdout.splitlines()[2:]
        assert rows, f"{f['file']} has no font"
        for row in rows:
            assert re.search(r"\s+yes\s+yes\s+yes\s+\d+\s+\d+$", row), f"{f['file']}: a font is not embedded: {row}"


def test_there_is_a_deck_per_stage_and_one_for_everything_in_three_layouts(printed):
    lib = printed["sources"].library
    decks = {(f["deck"], f["layout"]) for f in printed["files"] if f["product"] == "cards"}
    stages = ["all"] + [s["id"] for s in lib.stages if any(s["id"] in e.stages for e in live(printed["sources"]))]
    assert decks == {(d, layout) for d in stages for layout in SIZES}


# --- The cards ---

def test_every_entry_has_a_card_with_its_title_and_summary_and_each_stage_deck_holds_its_own(printed):
    sources = printed["sources"]
    codes = text.codes(sources.library)
    whole = pages_text(printed["folder"] / file_of(printed, deck="all", layout="a6")["file"])
    for i, entry in enumerate(live(sources)):
        front, back = whole[2 * i], whole[2 * i + 1]
        assert squash(entry.title) in front and squash(entry.summary) in front, entry.id
        assert squash(sources.library.kind_of(entry).title) in front and codes[entry.id] in back, entry.id
    for stage in sources.library.stages:
        mine = [i for i, e in enumerate(live(sources)) if stage["id"] in e.stages]
        if mine:
            deck = pages_text(printed["folder"] / f"cards-{stage['id']}-a6.pdf")
            assert deck == [whole[2 * i + side] for i in mine for side in (0, 1)], stage["id"]


def test_every_card_carries_its_source_credit_the_licence_and_its_stages_by_number_and_title(printed):
    sources = printed["sources"]
    lib, licence = sources.library, sources.site.wording.get("licence")
    whole = pages_text(printed["folder"] / file_of(printed, deck="all", layout="a6")["file"])
    numbers = {s["id"]: n for n, s in enumerate(lib.stages, start=1)}
    for i, entry in enumerate(live(sources)):
        front, back = whole[2 * i], whole[2 * i + 1]
        for ref in entry.sources:
            assert squash(lib.sources[ref["source"]]["credit"]) in front, entry.id
        for side in (front, back):
            assert (squash(licence["name"]) in side) if licence else ("CCBY" not in side), entry.id
        for stage in entry.stages:
            title = lib.stages[numbers[stage] - 1]["title"]
            assert squash(f"{numbers[stage]} {title}") in front, (entry.id, stage)


def test_a_card_back_has_key_points_who_acts_its_links_and_a_question(printed):
    sources = printed["sources"]
    lib, site = sources.library, sources.site
    codes = text.codes(lib)
    whole = pages_text(printed["folder"] / file_of(printed, deck="all", layout="a6")["file"])
    questions = {q for s in lib.stages for q in s["questions"]}
    generic = site.t("print.card.question", process=site.wording["words"]["process"])
    for i, entry in enumerate(live(sources)):
        back = whole[2 * i + 1]
        assert squash(site.t("print.card.key_points")) in back
        assert squash(text.sentences(text.plain(entry.body))[0][:40]) in back, entry.id
        for role in entry.roles:
            assert squash(lib.roles[role]["title"]) in back, entry.id
        for link, targets in lib.links_from(entry):
            assert squash(link.heading) in back and all(codes[t.id] in back for t in targets if not t.retired), entry.id
        if entry.fields.get("first_step"):
            assert squash(entry.fields["first_step"])[:40] in back, entry.id
        assert any(squash(q) in back for q in questions | {generic}), entry.id


def test_card_text_is_legible_at_arms_length(example_printed):
    """Titles at least 14 pt, every other text at least 9 pt, except the credit line at the foot."""
    from model.printables import cards, render

    sources = example_printed["sources"]
    printer = render.Printer(example_printed["project"], sources)
    doc = render.document(printer.html("cards.jinja.html", deck=cards.shape(sources.library, sources.site)[0]))
    seen = 0
    for page in doc.pages:
        for box, inside in _text_boxes(page._page_box, ()):
            if "footer" in inside:
                continue
            points = box.style["font_size"] * 0.75  # CSS px to pt
            assert points >= (14 if "h1" in inside else 9), (inside, box.text, points)
            seen += 1
    assert seen > 50


def _text_boxes(box, inside):
    element = getattr(box, "element_tag", None)
    here = inside + ((element,) if element else ())
    if type(box).__name__ == "TextBox":
        yield box, here
    for child in getattr(box, "children", []):
        yield from _text_boxes(child, here)


def test_stage_tones_differ_in_greyscale():
    """Eight tones, each its own pattern: their greyscale renderings all differ."""
    from PIL import Image, ImageChops

    css = (ROOT / "overrides/print/print.css").read_text(encoding="utf-8")
    blocks = "".join(f'<div class="tone stage-{n}" style="height:20mm;width:40mm"></div>' for n in range(1, 9))
    html = f"<html><head><style>@page {{ size: 50mm 170mm; margin: 0 }} {css}</style></head><body>{blocks}</body></html>"
    from model.printables import render

    png = ARTEFACTS / "tones.png"
    png.parent.mkdir(parents=True, exist_ok=True)
    pdf = png.with_suffix(".pdf")
    pdf.write_bytes(render.document(html).write_pdf())
    subprocess.run(["pdftoppm", "-gray", "-r", "100", "-singlefile", "-png", str(pdf), str(png.with_suffix(""))], check=True)
    image = Image.open(png).convert("L")
    step = image.height / 8.5
    crops = [image.crop((4, int(i * step) + 6, 120, int(i * step) + 60)) for i in range(8)]
    for i in range(8):
        for j in range(i + 1, 8):
            assert ImageChops.difference(crops[i], crops[j]).getbbox(), f"stage tones {i + 1} and {j + 1} look the same in grey"


def test_a_card_whose_back_is_too_full_is_found(example_printed):
    from model.printables import cards, render

    sources = example_printed["sources"]
    deck = cards.shape(sources.library, sources.site)[0]
    deck.cards[0].key_points = "A sentence of the body, repeated. " * 80
    doc = render.document(render.Printer(example_printed["project"], sources).html("cards.jinja.html", deck=deck))
    assert render.overflowing(doc) == [f"back-{deck.cards[0].id}"]
    assert len(doc.pages) > 2 * len(deck.cards) and len(render.first_pages(doc)) == 2 * len(deck.cards)


def test_imposed_sheets_put_each_back_behind_its_front(example_printed):
    """On an A4 sheet printed double-sided (long edge), the card at the top left of the fronts has its back at
    the top right of the backs."""
    sources = example_printed["sources"]
    codes = text.codes(sources.library)
    first, second = live(sources)[:2]
    sheet = example_printed["folder"] / "cards-a4.pdf"

    def quarter(page: int, right: bool) -> str:  # the text of the top left or top right card of a sheet
        area = ["-x", "298" if right else "0", "-y", "0", "-W", "297", "-H", "420"]
        out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), *area, str(sheet), "-"],
                             capture_output=True, text=True, check=True).stdout
        return squash(out)
    assert squash(first.title) in quarter(1, right=False) and squash(second.title) in quarter(1, right=True)
    assert quarter(2, right=True).startswith(codes[first.id]) and quarter(2, right=False).startswith(codes[second.id])


# --- The book ---

def test_the_book_holds_every_entry_every_stage_and_the_sources_with_internal_links_that_resolve(printed):
    sources = printed["sources"]
    book = printed["folder"] / "book.pdf"
    whole = " ".join(pages_text(book))
    for entry in live(sources):
        assert squash(entry.title) in whole, entry.id
    for stage in sources.library.stages:
        assert squash(stage["title"]) in whole and all(squash(q) in whole for q in stage["questions"])
    for source in sources.library.sources.values():
        assert squash(source["title"]) in whole
    reader = PdfReader(book)
    names = reader.named_destinations
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if action.get("/S") == "/GoTo" or "/Dest" in annot.get_object():
                dest = action.get("/D", annot.get_object().get("/Dest"))
                assert (str(dest) in names) if not isinstance(dest, list) else dest[0].get_object() in \
                    [p.indirect_reference.get_object() for p in reader.pages], dest
                internal += 1
            else:
                assert str(action.get("/URI", "")).startswith(("http://", "https://", "mailto:")), action
    linked = sum(len(t) for e in live(sources) for _, t in sources.library.links_from(e))
    assert internal >= 2 * linked, "each link to an entry, and its page number, is an internal link"
    for entry in live(sources):
        assert f"e-{entry.id}" in names, entry.id


def test_the_book_is_tagged_with_its_language_and_title(printed):
    site = printed["sources"].site
    for name in ("book.pdf", "worksheet.pdf"):
        info = subprocess.run(["pdfinfo", str(printed["folder"] / name)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M), name
        assert re.search(rf"^Title:\s+{re.escape(site.name)}", info, re.M), name
        assert PdfReader(printed["folder"] / name).trailer["/Root"]["/Lang"] == site.language


# --- The worksheet ---

def test_the_worksheet_asks_every_question_with_boxes_for_each_answer_and_its_version_on_every_page(printed):
    sources = printed["sources"]
    assessment, site = sources.assessment, sources.site
    pages = pages_text(printed["folder"] / "worksheet.pdf")
    whole = " ".join(pages)
    for question in assessment.questions:
        assert squash(question.text) in whole and squash(question.id) in whole, question.id
    for label in (site.t("answer.dont_know"), site.t("answer.not_applicable")):
        assert whole.count(squash(label)) >= len(assessment.questions)
    version = squash(site.t("print.worksheet.version", version=assessment.version))
    assert all(version in page for page in pages), "the version is on every page"


# --- Safety, the site, the fork ---


def test_a_second_run_makes_nothing_when_the_sources_have_not_changed(example_printed):
    before = {p.name: p.stat().st_mtime_ns for p in example_printed["folder"].glob("*.pdf")}
    result = make_printables(example_printed["project"])
    assert result.returncode == 0 and "up to date" in result.stderr
    assert before == {p.name: p.stat().st_mtime_ns for p in example_printed["folder"].glob("*.pdf")}


def test_a_fork_prints_its_own_stages_and_kinds_and_nothing_of_this_library(example_printed, real_printed):
    fork, ours = example_printed["sources"].library, real_printed["sources"].library
    whole = " ".join(pages_text(example_printed["folder"] / "book.pdf") + pages_text(example_printed["folder"] / "cards-a6.pdf"))
    words = " ".join(subprocess.run(["pdftotext", str(example_printed["folder"] / name), "-"], capture_output=True,
                                    text=True, check=True).stdout for name in ("book.pdf", "cards-a6.pdf")).split()
    words = f" {' '.join(words)} "
    for kind in fork.kinds.values():
        assert squash(kind.plural) in whole
    for thing in [s["title"] for s in ours.stages] + [k.plural for k in ours.kinds.values()] + [real_printed["sources"].site.name]:
        assert f" {thing} " not in words, thing


def test_first_pages_are_rendered_to_png_for_a_person_to_look_at(printed):
    folder = ARTEFACTS / printed["name"]
    folder.mkdir(parents=True, exist_ok=True)
    for f in printed["files"]:
        if f["product"] != "cards" or f["deck"] == "all":
            subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "2", "-png", str(printed["folder"] / f["file"]),
                            str(folder / f["file"].removesuffix(".pdf"))], check=True)
    pngs = list(folder.glob("*.png"))
    assert len(pngs) >= 2 * 5 and all(p.stat().st_size > 2000 for p in pngs)
