"""The whole knowledge base as plain data: JSON for programs, CSV for spreadsheets. The columns follow
the kinds declared in practices/kinds.yml: one per link field and per optional field."""
from __future__ import annotations

import csv
import io
import json

from .library import Library

BASE_COLUMNS = ["id", "kind", "title", "summary", "stages", "roles", "themes"]
END_COLUMNS = ["related", "retired", "inferred", "sources", "body"]


def _link_fields(lib: Library) -> list[str]:
    return list(dict.fromkeys(link.field for kind in lib.kinds.values() for link in kind.links))


def _optional_fields(lib: Library) -> list[str]:
    return list(dict.fromkeys(name for kind in lib.kinds.values() for name in kind.fields))


def to_dict(lib: Library) -> dict:
    """Vocabularies, kinds and every entry, with each link field and, under `linked_from`, the links to it."""
    entries = []
    for entry in lib.entries.values():
        data = {"id": entry.id, "kind": entry.kind, "path": entry.path, "title": entry.title, "summary": entry.summary,
                "stages": entry.stages, "roles": entry.roles, "themes": entry.themes, **entry.links,
                "related": entry.related, **{k: v for k, v in entry.fields.items() if v is not None},
                "retired": entry.retired, "inferred": entry.inferred, "sources": entry.sources, "body": entry.body,
                "linked_from": {link.field: [e.id for e in named_by] for link, named_by in lib.links_to(entry)}}
        entries.append(data)
    kinds = [{"id": k.id, "folder": k.folder, "title": k.title, "plural": k.plural, "description": k.description,
              "links": [{"field": link.field, "to": link.to} for link in k.links]} for k in lib.kinds.values()]
    return {"kinds": kinds, "stages": lib.stages, "roles": list(lib.roles.values()), "themes": list(lib.themes.values()),
            "sources": list(lib.sources.values()), "entries": entries}


def to_json(lib: Library) -> str:
    return json.dumps(to_dict(lib), ensure_ascii=False, separators=(",", ":")) + "\n"  # compact: the C encoder


def csv_columns(lib: Library) -> list[str]:
    return BASE_COLUMNS + _link_fields(lib) + _optional_fields(lib) + END_COLUMNS


def to_csv(lib: Library) -> str:
    """One row per entry; lists are joined with `; `. Cells that a spreadsheet would run as a formula are quoted."""
    columns = csv_columns(lib)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for data in to_dict(lib)["entries"]:
        row = []
        for column in columns:
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
