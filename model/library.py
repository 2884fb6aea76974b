"""The practice library: load, validate and cross-reference everything under practices/."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import placeholders, schemas
from .problems import Problems, did_you_mean
from .yaml_source import YamlDocument, read_yaml

# Folder under practices/ -> the kind of entry it holds (and the schema file it is checked against).
KIND_FOLDERS = {"challenges": "challenge", "practices": "practice", "priority-actions": "priority-action"}
FOLDER_OF_KIND = {kind: folder for folder, kind in KIND_FOLDERS.items()}
VOCABULARIES = ("stages", "roles", "themes", "sources")
KIND_TITLES = {"challenge": "Challenge", "practice": "Practice", "priority-action": "Priority action"}


@dataclass
class Entry:
    id: str
    kind: str
    path: str  # relative to the repository root, e.g. practices/practices/x.yml
    title: str
    summary: str
    body: str
    stages: list[str]
    roles: list[str]
    themes: list[str]
    sources: list[dict]
    related: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    carried_out_by: list[str] = field(default_factory=list)
    effort: str | None = None
    retired: dict | None = None

    @property
    def kind_title(self) -> str:
        return KIND_TITLES[self.kind]

    @property
    def inferred(self) -> bool:
        """True when the editors named this entry rather than the source stating it."""
        return any(s.get("basis") == "inferred" for s in self.sources)


@dataclass
class Library:
    stages: list[dict] = field(default_factory=list)
    roles: dict[str, dict] = field(default_factory=dict)
    themes: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    _reverse: dict = field(default_factory=dict, repr=False)  # reverse link indexes, filled on first use

    # --- Queries used by the pages and the downloads ---

    def of_kind(self, kind: str, stage: str | None = None, include_retired: bool = False) -> list[Entry]:
        return [e for e in self.entries.values()
                if e.kind == kind and (stage is None or stage in e.stages) and (include_retired or not e.retired)]

    def addressed_by(self, challenge_id: str) -> list[Entry]:
        return self._links_to("addresses").get(challenge_id, [])

    def carried_by(self, practice_id: str) -> list[Entry]:
        return self._links_to("carried_out_by").get(practice_id, [])

    def related_to(self, entry: Entry) -> list[Entry]:
        """Related entries in both directions: those it names and those that name it."""
        named_by = [e.id for e in self._links_to("related", include_retired=True).get(entry.id, []) if e.id not in entry.related]
        return [self.entries[i] for i in list(entry.related) + named_by if i in self.entries and i != entry.id]

    def _links_to(self, field_name: str, include_retired: bool = False) -> dict[str, list[Entry]]:
        """Reverse index of one link field (target id -> entries naming it), built once: lookups stay linear."""
        key = (field_name, include_retired)
        if key not in self._reverse:
            index: dict[str, list[Entry]] = {}
            for e in self.entries.values():
                if include_retired or not e.retired:
                    for target in getattr(e, field_name):
                        index.setdefault(target, []).append(e)
            self._reverse[key] = index
        return self._reverse[key]

    @property
    def stage_ids(self) -> list[str]:
        return [s["id"] for s in self.stages]


def load_library(root: Path) -> Library:
    """Read practices/ under `root`; every problem found is in `library.problems`."""
    root = Path(root)
    lib = Library()
    schema_dir = root / "schema"
    base = root / "practices"
    if not base.is_dir():
        lib.problems.error("practices", 1, "folder not found: run from the repository root.")
        return lib
    _load_vocabularies(lib, root, base, schema_dir)
    docs = _load_entries(lib, root, base, schema_dir)
    _cross_reference(lib, docs)
    return lib


# --- Helpers ---

def _rel(root: Path, file: Path) -> str:
    return file.relative_to(root).as_posix()


def _load_vocabularies(lib: Library, root: Path, base: Path, schema_dir: Path) -> None:
    for name in VOCABULARIES:
        file = base / f"{name}.yml"
        if not file.is_file():
            lib.problems.error(_rel(root, file), 1, f"missing vocabulary file: create practices/{name}.yml.")
            continue
        doc = read_yaml(file, _rel(root, file), lib.problems)
        if doc is None or not schemas.check(doc, schema_dir, name, lib.problems):
            continue
        items: dict[str, dict] = {}
        for index, item in enumerate(doc.data[name]):
            if item["id"] in items:
                lib.problems.error(doc.path, doc.line_of(name, index, "id"), f"id `{item['id']}` is used twice in {name}: make it unique.")
            items[item["id"]] = item
        if name == "stages":
            lib.stages = list(items.values())
        else:
            setattr(lib, name, items)


def _load_entries(lib: Library, root: Path, base: Path, schema_dir: Path) -> dict[str, YamlDocument]:
    docs: dict[str, YamlDocument] = {}
    known = {base / f"{v}.yml" for v in VOCABULARIES}
    for file in sorted(p for p in base.rglob("*") if p.is_file()):
        shown = _rel(root, file)
        folder = file.parent.name if file.parent.parent == base else None
        if file in known or file.name.startswith(".") or file.suffix == ".md":
            continue
        if folder not in KIND_FOLDERS or file.suffix != ".yml":
            where = ", ".join(f"practices/{f}/" for f in KIND_FOLDERS)
            lib.problems.error(shown, 1, f"unexpected file: entries are `.yml` files directly in {where}.")
            continue
        doc = read_yaml(file, shown, lib.problems)
        if doc is None or not placeholders.check(doc, lib.problems):  # a scaffolded file not yet filled in
            continue
        kind = KIND_FOLDERS[folder]
        data = doc.data
        if data.get("kind") not in (None, kind) and data.get("kind") in KIND_FOLDERS.values():
            lib.problems.error(shown, doc.line_of("kind"), f"`kind` is `{data['kind']}` but the file is in practices/{folder}/: move the file or set `kind: {kind}`.")
            continue
        if not schemas.check(doc, schema_dir, kind, lib.problems):
            continue
        if data["id"] != file.stem:
            lib.problems.error(shown, doc.line_of("id"), f"`id` is `{data['id']}` but the file is named {file.name}: they must match (rename the file or change the id).")
            continue
        if data["id"] in lib.entries:
            lib.problems.error(shown, doc.line_of("id"), f"id `{data['id']}` is already used by {lib.entries[data['id']].path}: choose another id.")
            continue
        lib.entries[data["id"]] = Entry(
            id=data["id"], kind=kind, path=shown, title=data["title"], summary=data["summary"], body=data["body"],
            stages=data.get("stages", []), roles=data["roles"], themes=data["themes"], sources=data["sources"],
            related=data.get("related", []), addresses=data.get("addresses", []),
            carried_out_by=data.get("carried_out_by", []), effort=data.get("effort"), retired=data.get("retired"))
        docs[data["id"]] = doc
    return docs


def _cross_reference(lib: Library, docs: dict[str, YamlDocument]) -> None:
    """Every reference in an entry must resolve to the right kind of thing."""
    vocab = {"stages": set(lib.stage_ids), "roles": set(lib.roles), "themes": set(lib.themes)}
    targets = {"addresses": "challenge", "carried_out_by": "practice", "related": None}
    for entry in lib.entries.values():
        doc = docs[entry.id]
        for name, valid in vocab.items():
            for index, value in enumerate(getattr(entry, name)):
                if value not in valid:
                    lib.problems.error(doc.path, doc.line_of(name, index), f"unknown {name[:-1]} `{value}`.{did_you_mean(value, valid)} Use an id from practices/{name}.yml.")
        for index, ref in enumerate(entry.sources):
            if ref["source"] not in lib.sources:
                lib.problems.error(doc.path, doc.line_of("sources", index, "source"), f"unknown source `{ref['source']}`.{did_you_mean(ref['source'], lib.sources)} Add it to practices/sources.yml or fix the id.")
        for name, kind in targets.items():
            for index, ref in enumerate(getattr(entry, name)):
                _check_reference(lib, doc, entry, (name, index), ref, kind)
        if entry.retired and entry.retired.get("replaced_by"):
            _check_reference(lib, doc, entry, ("retired", "replaced_by"), entry.retired["replaced_by"], entry.kind)


def _check_reference(lib: Library, doc: YamlDocument, entry: Entry, path: tuple, ref: str, kind: str | None) -> None:
    line = doc.line_of(*path)
    target = lib.entries.get(ref)
    wanted = f"a {kind}" if kind else "an entry"
    if target is None:
        candidates = [e.id for e in lib.entries.values() if kind is None or e.kind == kind]  # scans all: only on error
        lib.problems.error(doc.path, line, f"`{path[0]}` names `{ref}`, which is not {wanted} id.{did_you_mean(ref, candidates)}")
    elif kind and target.kind != kind:
        lib.problems.error(doc.path, line, f"`{path[0]}` names `{ref}`, which is a {target.kind}, not {wanted}: list it under another field.")
    elif ref == entry.id:
        lib.problems.error(doc.path, line, f"`{path[0]}` names the entry itself: remove `{ref}`.")
    elif target.retired and not entry.retired:
        lib.problems.warning(doc.path, line, f"`{path[0]}` names `{ref}`, which is retired: link to its replacement instead.")
