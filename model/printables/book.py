"""Shape the library as a book (A4): a cover, the contents, the stages with their introductions and
questions, a chapter per kind (practices/kinds.yml) with every current entry, its links as internal links
with page references, the glossary when practices/glossary.yml exists, and the sources.

Each entry's code (text.codes) is the one on its card, so that a room can go from a card to its page.
"""
from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

from ..compile.shape import Paths
from ..library import Entry
from ..problems import slugify
from . import text
from .render import public_url

def anchors(sources) -> dict[str, str]:
    """Tree path of each page of the site that the book holds -> its anchor in the book."""
    paths, lib = Paths(sources), sources.library
    out = {paths.stages_index: "stages"}
    out.update({paths.of(s): f"s-{s['id']}" for s in lib.stages})
    out.update({paths.of(k): f"k-{k.id}" for k in lib.kinds.values()})
    out.update({paths.of(e): f"e-{e.id}" for e in lib.entries.values() if not e.retired})
    return out


def shape(sources) -> dict:
    lib, site = sources.library, sources.site
    paths = Paths(sources)
    codes = text.codes(lib)
    entries = text.ordered(lib)
    stage_by_id = {s["id"]: s for s in lib.stages}
    chapters = [{"kind": k, "anchor": f"k-{k.id}", "base": paths.of(k),
                 "entries": [_entry(sources, paths, codes, stage_by_id, e) for e in entries if e.kind == k.id]}
                for k in lib.kinds.values()]
    stages = [{"stage": s, "anchor": f"s-{s['id']}", "base": paths.of(s),
               "by_kind": [(k, [_ref(codes, e) for e in entries if e.kind == k.id and s["id"] in e.stages])
                           for k in lib.kinds.values()]} for s in lib.stages]
    totals = Counter(e.kind for e in entries)
    parts = [site.t("count.entries", count=totals[k.id], kind=(k.title if totals[k.id] == 1 else k.plural).lower())
             for k in lib.kinds.values() if totals[k.id]]
    counts = ", ".join(parts[:-1]) + f" {site.t('home.and')} {parts[-1]}" if len(parts) > 1 else "".join(parts)
    return {"w": site.wording, "stages": stages, "chapters": [c for c in chapters if c["entries"]],
            "counts": site.t("home.counts", counts=counts), "stages_base": paths.stages_index,
            "glossary": glossary(sources), "sources": list(lib.sources.values()),
            "url": public_url(site.url), "date": datetime.date.today().isoformat()}


def glossary(sources) -> list[dict] | None:
    """The terms of the library's glossary (model/compile/glossary.py), in the file's order, or None."""
    if not sources.glossary:
        return None
    return [{"term": t.term, "definition": t.definition, "anchor": f"g-{slugify(t.term)}"} for t in sources.glossary.terms]


# --- Helpers ---

def _ref(codes: dict, entry: Entry) -> dict:
    return {"code": codes[entry.id], "title": entry.title, "anchor": f"e-{entry.id}", "summary": entry.summary}


def _entry(sources, paths: Paths, codes: dict, stage_by_id: dict, entry: Entry) -> dict:
    lib = sources.library
    groups = [(link.heading, [_ref(codes, t) for t in targets if t.id in codes]) for link, targets in lib.links_from(entry)]
    groups += [(link.back_heading, [_ref(codes, e) for e in named_by if e.id in codes])
               for link, named_by in lib.links_to(entry)]
    return {"entry": entry, "code": codes[entry.id], "anchor": f"e-{entry.id}", "base": paths.of(entry),
            "kind": lib.kind_of(entry),
            "stages": [{"title": stage_by_id[s]["title"], "anchor": f"s-{s}"} for s in entry.stages if s in stage_by_id],
            "roles": [lib.roles[r]["title"] for r in entry.roles if r in lib.roles],
            "themes": [lib.themes[t]["title"] for t in entry.themes if t in lib.themes],
            "links": [(heading, refs) for heading, refs in groups if refs],
            "related": [_ref(codes, e) for e in lib.related_to(entry) if e.id in codes],
            "sources": [(lib.sources[r["source"]], r) for r in entry.sources if r["source"] in lib.sources]}
