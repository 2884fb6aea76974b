"""Impose the A6 card pages (front, back, front, back, …) onto bigger sheets: two cards side by side on
an A5 sheet, four (two by two) on an A4 sheet. The fronts go on one side of a sheet and the backs on the
other, mirrored left to right, so that each back falls behind its front when the sheet is printed
double-sided (A4 portrait flipped on the long edge, A5 landscape on the short edge). Cut marks are
drawn over the cards where the cuts between them meet the sheet's edges.

The cards are laid out once, by WeasyPrint; this step only places their pages, with pypdf.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

MM = 72 / 25.4  # PDF points in a millimetre
CARD = (105.0, 148.0)  # A6, in mm


@dataclass(frozen=True)
class Layout:
    id: str  # a4, a5, a6: the file name ends with it
    sheet: tuple[float, float]  # width, height in mm
    columns: int
    rows: int

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def offset(self) -> tuple[float, float]:
        """Where the block of cards starts on the sheet (centred: four A6 leave 1 mm of an A4's height)."""
        return ((self.sheet[0] - self.columns * CARD[0]) / 2, (self.sheet[1] - self.rows * CARD[1]) / 2)

    def cuts(self) -> tuple[list[float], list[float]]:
        """The cuts between the cards: x of the vertical ones, y (from the top) of the horizontal ones, in mm."""
        x0, y0 = self.offset()
        return ([x0 + CARD[0] * c for c in range(1, self.columns)], [y0 + CARD[1] * r for r in range(1, self.rows)])


LAYOUTS = {"a4": Layout("a4", (210.0, 297.0), 2, 2), "a5": Layout("a5", (210.0, 148.0), 2, 1),
           "a6": Layout("a6", CARD, 1, 1)}


def impose(cards_pdf: bytes, layout: Layout, marks_pdf: bytes, metadata: dict[str, str], lang: str) -> tuple[bytes, int]:
    """The sheets of `layout` made from an A6 deck; (the PDF, its number of pages).

    Each card page becomes a form XObject, drawn where its slot is: no content stream is parsed or
    rewritten, and the fonts of the cards are shared by every sheet."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(cards_pdf))
    writer = PdfWriter()
    marks_page = PdfReader(io.BytesIO(marks_pdf)).pages[0]
    marks = _form(writer, marks_page, _resources(writer, [marks_page]))
    shared = _resources(writer, reader.pages)
    width, height = layout.sheet[0] * MM, layout.sheet[1] * MM
    x0, y0 = layout.offset()
    count = len(reader.pages) // 2
    for first in range(0, count, layout.per_sheet):
        group = range(first, min(first + layout.per_sheet, count))
        for side in (0, 1):  # fronts, then backs
            forms, drawing = {"/M": marks}, []
            for slot, card in enumerate(group):
                row, column = divmod(slot, layout.columns)
                if side:
                    column = layout.columns - 1 - column
                x = (x0 + column * CARD[0]) * MM
                y = height - (y0 + (row + 1) * CARD[1]) * MM
                forms[f"/C{slot}"] = _form(writer, reader.pages[2 * card + side], shared)
                drawing.append(f"q 1 0 0 1 {x:.3f} {y:.3f} cm /C{slot} Do Q")
            drawing.append("q /M Do Q")
            _sheet(writer, width, height, forms, "\n".join(drawing))
    writer.add_metadata({f"/{k}": v for k, v in metadata.items()})
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)


def _resources(writer, pages):
    """One resource dictionary for all `pages`, copied into `writer` once: WeasyPrint names each font, pattern
    and graphics state once for a whole document, and lists them all on every page, so the union is safe and
    every card's form can share it (a copy per form would repeat the list thousands of times)."""
    from pypdf.generic import DictionaryObject, NameObject

    union = DictionaryObject()
    for page in pages:
        for category, entries in page["/Resources"].get_object().items():
            entries = entries.get_object()
            if isinstance(entries, DictionaryObject):
                target = union.setdefault(NameObject(category), DictionaryObject())
                for name, value in entries.items():
                    target.setdefault(name, value)
            else:
                union.setdefault(NameObject(category), entries)
    return writer._add_object(union.clone(writer))


def _form(writer, page, resources):
    """A page of another PDF as a form XObject of `writer`, drawing with the shared `resources`."""
    from pypdf.generic import ArrayObject, FloatObject, NameObject, StreamObject

    contents = page.get_contents()
    form = StreamObject()
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([FloatObject(v) for v in page.mediabox])
    form[NameObject("/Resources")] = resources
    form.set_data(contents.get_data() if contents is not None else b"")
    return writer._add_object(form.flate_encode())


def _sheet(writer, width: float, height: float, forms: dict, drawing: str) -> None:
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    page = writer.add_blank_page(width=width, height=height)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject(k): v for k, v in forms.items()})})
    content = StreamObject()
    content.set_data(drawing.encode("ascii"))
    page[NameObject("/Contents")] = writer._add_object(content.flate_encode())
