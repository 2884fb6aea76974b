"""Shape: decide every page of the site from the loaded sources, as data (no rendering here).

A page is its path in the compiled tree, the template that lays it out, the data the template gets, and
its front matter (title, description, the source file its edit link opens, search settings).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..kinds import Kind
from ..library import Entry
from .load import Sources

ASSESSMENT, COMPARE, COMBINE, DATA = "assessment/index.md", "assessment/compare.md", "assessment/combine.md", "assessment/data.json"


@dataclass
class Page:
    path: str  # in the compiled tree, e.g. practices/x.md
    template: str  # under overrides/, e.g. library/entry.jinja.md
    context: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)  # front matter
    depends_on: tuple | None = None  # for an entry page: what its text depends on beyond the shared inputs


class Paths:
    """Where each thing lives in the compiled tree."""

    def __init__(self, sources: Sources):
        self.stages_folder = sources.site.wording.get("stages", {}).get("folder", "stages")
        self.kinds = sources.library.kinds

    def of(self, target) -> str:
        if isinstance(target, Entry):
            return f"{self.kinds[target.kind].folder}/{target.id}.md"
        if isinstance(target, Kind):
            return f"{target.folder}/index.md"
        if isinstance(target, dict):  # a stage of practices/stages.yml
            return f"{self.stages_folder}/{target['id']}.md"
        return str(target)

    @property
    def stages_index(self) -> str:
        return f"{self.stages_folder}/index.md"


def pages(sources: Sources, paths: Paths) -> list[Page]:
    """Every generated page, in a stable order."""
    lib, site = sources.library, sources.site
    w = site.wording
    live = [e for e in lib.entries.values() if not e.retired]
    stage_by_id = {s["id"]: s for s in lib.stages}
    counts = {s["id"]: [(k, n) for k in lib.kinds.values()
                        if (n := sum(1 for e in live if e.kind == k.id and s["id"] in e.stages))] for s in lib.stages}
    stage_counts = {sid: ", ".join(site.t("count.entries", count=n, kind=(k.title if n == 1 else k.plural).lower())
                                   for k, n in kinds) for sid, kinds in counts.items()}
    common = {"lib": lib, "w": w, "stages": lib.stages, "stage_by_id": stage_by_id, "stage_counts": stage_counts,
              "name": site.name, "stages_page": paths.stages_index}
    checks = _check_yourself_links(sources)
    out = [_home(sources, paths, common, live)]
    out.append(Page(paths.stages_index, "library/stages-index.jinja.md", common,
                    {"title": w["stages"]["title"], "source": "practices/site.yml", "search": {"boost": 5}}))
    for stage in lib.stages:
        by_kind = [(k, lib.of_kind(k.id, stage["id"])) for k in lib.kinds.values()]
        crumbs = [(site.t("nav.home"), "index.md"), (w["stages"]["nav_title"], paths.stages_index)]
        out.append(Page(paths.of(stage), "library/stage.jinja.md",
                        {**common, "stage": stage, "by_kind": by_kind, "crumbs": crumbs,
                         "check_yourself": checks.get(("stage", stage["id"]))},
                        {"title": stage["title"], "description": stage["summary"], "source": "practices/stages.yml",
                         "search": {"boost": 5}}))
    for kind in lib.kinds.values():
        entries = lib.of_kind(kind.id)
        out.append(Page(paths.of(kind), "library/kind-index.jinja.md",
                        {**common, "kind": kind, "entries": entries, "facets": _facets(sources, entries),
                         "links": {e.id: lib.links_from(e) for e in entries}},
                        {"title": kind.plural, "description": kind.description, "source": "practices/kinds.yml",
                         "search": {"boost": 5}}))
    for entry in lib.entries.values():
        out.append(_entry_page(sources, paths, common, entry, checks.get(("entry", entry.id))))
    return out


def _home(sources: Sources, paths: Paths, common: dict, live: list[Entry]) -> Page:
    lib, site, assessment = sources.library, sources.site, sources.assessment
    w = site.wording
    totals = Counter(e.kind for e in live)
    parts = [site.t("count.entries", count=totals[k.id], kind=(k.title if totals[k.id] == 1 else k.plural).lower())
             for k in lib.kinds.values() if totals[k.id]]
    listed = ", ".join(parts[:-1]) + f" {site.t('home.and')} {parts[-1]}" if len(parts) > 1 else "".join(parts)
    role_kind = lib.kinds.get(w["home"]["by_role"].get("kind", ""), next(iter(lib.kinds.values()), None))
    used_roles = {r for e in live if role_kind and e.kind == role_kind.id for r in e.roles}
    context = {**common, "totals": listed, "role_kind": role_kind,
               "roles": [r for r in lib.roles.values() if r["id"] in used_roles],
               "assessment": assessment_counts(sources) if assessment else None}
    return Page("index.md", "library/home.jinja.md", context,
                {"title": site.name, "description": w["home"]["lead"], "source": "practices/site.yml",
                 "hide": ["toc"], "search": {"boost": 2}})


def assessment_counts(sources: Sources) -> dict:
    """The questions asked at the start (those that wait for a particular answer to an earlier one are not yet asked):
    the one count the pages give before anyone answers, as the progress "of N" does, and the time they take."""
    questions = sum(1 for q in sources.assessment.questions if not (q.show_if or {}).get("question"))
    minutes = max(5, round(questions * sources.assessment.seconds_per_question / 60 / 5) * 5)
    return {"questions": questions, "sections": len(sources.assessment.sections), "minutes": minutes}


def _entry_page(sources: Sources, paths: Paths, common: dict, entry: Entry, check: str | None) -> Page:
    lib, site = sources.library, sources.site
    kind = lib.kind_of(entry)
    crumbs = [(site.t("nav.home"), "index.md")]
    if entry.stages and entry.stages[0] in common["stage_by_id"]:
        crumbs.append((common["stage_by_id"][entry.stages[0]]["title"], paths.of(common["stage_by_id"][entry.stages[0]])))
    crumbs.append((kind.plural, paths.of(kind)))
    context = {**common, "entry": entry, "kind": kind, "links_from": lib.links_from(entry),
               "links_to": lib.links_to(entry), "related": lib.related_to(entry), "crumbs": crumbs,
               "replaced": lib.entries.get((entry.retired or {}).get("replaced_by", "")), "check_yourself": check}
    tags = [lib.themes[t]["title"] for t in entry.themes if t in lib.themes]
    shown = [entry, *context["related"], *([context["replaced"]] if context["replaced"] else []),
             *(e for _, named in context["links_from"] + context["links_to"] for e in named)]
    depends_on = (tuple(lib.stamps.get(e.id) for e in shown), check)
    return Page(paths.of(entry), "library/entry.jinja.md", context,
                {"title": entry.title, "description": entry.summary, "source": entry.path, "tags": tags}, depends_on)


def _facets(sources: Sources, entries: list[Entry]) -> list[dict]:
    """The filters of an index page: only values that some of its entries use."""
    lib, site = sources.library, sources.site
    used = {name: {v for e in entries for v in getattr(e, name)} for name in ("stages", "roles", "themes")}
    facets = [("stage", "stages", lib.stages), ("role", "roles", list(lib.roles.values())),
              ("theme", "themes", list(lib.themes.values()))]
    return [{"name": name, "label": site.t(f"filter.{name}"), "any": site.t(f"filter.any_{name}"),
             "options": [o for o in options if o["id"] in used[field_]]}
            for name, field_, options in facets if used[field_]]


def _check_yourself_links(sources: Sources) -> dict:
    """("entry", id) or ("stage", id) -> the part of the self-assessment that asks about it."""
    out: dict = {}
    if not sources.assessment:
        return out
    for section in sources.assessment.sections:
        anchor = f"{ASSESSMENT}#section-{section.id}"
        if section.stage:
            out.setdefault(("stage", section.stage), anchor)
        for question in section.questions:
            for rule in question.recommends:
                out.setdefault(("entry", rule.target), f"{ASSESSMENT}#q-{question.id}")
    return out
