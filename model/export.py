"""The whole knowledge base as plain data: JSON for programs, CSV for spreadsheets."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from .library import Library

CSV_COLUMNS = ["id", "kind", "title", "summary", "stages", "roles", "themes", "addresses", "carried_out_by",
               "related", "effort", "retired", "inferred", "sources", "body"]


def to_dict(lib: Library) -> dict:
    """Vocabularies and every entry, with the links computed in both directions."""
    entries = []
    for entry in lib.entries.values():
        data = asdict(entry)
        data["addressed_by"] = [e.id for e in lib.addressed_by(entry.id)] if entry.kind == "challenge" else []
        data["carried_by"] = [e.id for e in lib.carried_by(entry.id)] if entry.kind == "practice" else []
        data["inferred"] = entry.inferred
        entries.append(data)
    return {"stages": lib.stages, "roles": list(lib.roles.values()), "themes": list(lib.themes.values()),
            "sources": list(lib.sources.values()), "entries": entries}


def to_json(lib: Library) -> str:
    return json.dumps(to_dict(lib), indent=2, ensure_ascii=False) + "\n"


def to_csv(lib: Library) -> str:
    """One row per entry; lists are joined with `; `. Cells that a spreadsheet would run as a formula are quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for data in to_dict(lib)["entries"]:
        row = []
        for column in CSV_COLUMNS:
            value = data.get(column)
            if column == "sources":
                value = "; ".join(s["source"] + (f" ({s['section']})" if s.get("section") else "") for s in value)
            elif column == "retired":
                value = value["date"] if value else ""
            elif isinstance(value, list):
                value = "; ".join(value)
            row.append(_safe_cell("" if value is None else str(value)))
        writer.writerow(row)
    return out.getvalue()


def _safe_cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
