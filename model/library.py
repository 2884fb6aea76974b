"""The practice library: load, validate and cross-reference everything under practices/.

What kinds of entry exist, and how they link, is declared in practices/kinds.yml (see kinds.py).
A file is checked as far as it can be read: its schema, vocabulary and link problems are reported in
one run, and a reference to a file that exists but could not be read is not reported a second time.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from . import files, placeholders, schemas
from .fastcheck import compile_check
from .kinds import Kind, Link, kinds_from, schema_of
from .problems import Problems, id_hint
from .yaml_source import YamlDocument, check_schema_line, read_yaml

VOCABULARIES = ("stages", "roles", "themes", "sources")
SPECIAL_FILES = {"kinds.yml", "site.yml", "interface.yml", "glossary.yml"}


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
    links: dict[str, list[str]] = field(default_factory=dict)  # link field (kinds.yml) -> ids it names
    fields: dict[str, object] = field(default_factory=dict)  # optional fields, e.g. effort, first_step
    retired: dict | None = None

    @property
    def inferred(self) -> bool:
        """True when the editors named this entry rather than the source stating it."""
        return any(s.get("basis") == "inferred" for s in self.sources)


@dataclass
class Library:
    kinds: dict[str, Kind] = field(default_factory=dict)
    stages: list[dict] = field(default_factory=list)
    roles: dict[str, dict] = field(default_factory=dict)
    themes: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)  # id -> path of entry files that could not be read
    stamps: dict[str, tuple] = field(default_factory=dict)  # id -> what identifies its file's content (size, time)
    broken: set[str] = field(default_factory=set)  # vocabularies (and "kinds") that could not be read
    schemas: dict[str, dict] = field(default_factory=dict)  # kind id -> its JSON Schema (see kinds.schema_of)
    validators: dict = field(default_factory=dict, repr=False)  # kind id -> a validator of that schema
    fast_checks: dict = field(default_factory=dict, repr=False)  # kind id -> a quick yes-or-no check of it
    problems: Problems = field(default_factory=Problems)
    _reverse: dict = field(default_factory=dict, repr=False)  # reverse link indexes, built on first use

    # --- Queries used by the pages and the downloads ---

    def of_kind(self, kind: str, stage: str | None = None, include_retired: bool = False) -> list[Entry]:
        return [e for e in self.entries.values()
                if e.kind == kind and (stage is None or stage in e.stages) and (include_retired or not e.retired)]

    def kind_of(self, entry: Entry) -> Kind:
        return self.kinds[entry.kind]

    def links_from(self, entry: Entry) -> list[tuple[Link, list[Entry]]]:
        """The declared links of an entry, each with the entries it names (in the order written)."""
        return [(link, [self.entries[i] for i in entry.links.get(link.field, []) if i in self.entries])
                for link in self.kind_of(entry).links]

    def links_to(self, entry: Entry) -> list[tuple[Link, list[Entry]]]:
        """Every declared link that can name an entry of this kind, with the current entries that name it."""
        return [(link, self._named_by(link.field).get(entry.id, []))
                for kind in self.kinds.values() for link in kind.links if link.to == entry.kind]

    def related_to(self, entry: Entry) -> list[Entry]:
        """Related entries in both directions: those it names and those that name it."""
        named_by = [e.id for e in self._named_by("related", include_retired=True).get(entry.id, []) if e.id not in entry.related]
        return [self.entries[i] for i in list(entry.related) + named_by if i in self.entries and i != entry.id]

    def _named_by(self, name: str, include_retired: bool = False) -> dict[str, list[Entry]]:
        """Reverse index of one link field (target id -> entries naming it), built once: lookups stay linear."""
        key = (name, include_retired)
        if key not in self._reverse:
            index: dict[str, list[Entry]] = {}
            for e in self.entries.values():
                if include_retired or not e.retired:
                    for target in (e.related if name == "related" else e.links.get(name, [])):
                        index.setdefault(target, []).append(e)
            self._reverse[key] = index
        return self._reverse[key]

    @property
    def stage_ids(self) -> list[str]:
        return [s["id"] for s in self.stages]

    def recommendable_kinds(self) -> dict[str, Kind]:
        """The key a self-assessment rule uses (e.g. `practice`) -> the kind it recommends."""
        return {k.recommend_as: k for k in self.kinds.values() if k.recommend_as}


def load_library(root: Path, cache: dict | None = None) -> Library:
    """Read practices/ under `root`; every problem found is in `library.problems`. With `cache` (a dict kept
    between calls, as `make serve` does), an entry file that has not changed is not read or checked again."""
    root = Path(root)
    lib = Library()
    schema_dir = root / "schema"
    base = root / "practices"
    if not base.is_dir():
        lib.problems.error("practices", 1, "folder not found: run from the repository root.")
        return lib
    _load_kinds(lib, root, base, schema_dir)
    _load_vocabularies(lib, root, base, schema_dir)
    docs = _load_entries(lib, root, base, schema_dir, cache)
    _cross_reference(lib, docs)
    return lib


# --- Helpers: files ---

def _rel(root: Path, file: Path) -> str:
    return file.relative_to(root).as_posix()


def _load_kinds(lib: Library, root: Path, base: Path, schema_dir: Path) -> None:
    file = base / "kinds.yml"
    shown = _rel(root, file)
    try:
        entry_schema = json.loads((schema_dir / "entry.schema.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        lib.problems.error("schema/entry.schema.json", 1, f"cannot read the schema of entries ({exc}): restore the file.")
        lib.broken.add("kinds")
        return
    if not file.is_file():
        lib.problems.error(shown, 1, "missing file: declare the kinds of entry in practices/kinds.yml (see CONTRIBUTING.md).")
        lib.broken.add("kinds")
        return
    doc = read_yaml(file, shown, lib.problems, root=root)
    if doc is None or not schemas.check(doc, schema_dir, "kinds", lib.problems):
        lib.broken.add("kinds")
        return
    check_schema_line(doc, "schema/kinds.schema.json", lib.problems)
    lib.kinds = kinds_from(doc, entry_schema, lib.problems)
    lib.schemas = {k.id: schemas.inline_refs(schema_of(k, entry_schema), schema_dir) for k in lib.kinds.values()}
    lib.validators = {k: schemas.validator_for(s) for k, s in lib.schemas.items()}
    lib.fast_checks = {k: compile_check(s) for k, s in lib.schemas.items()}


def _load_vocabularies(lib: Library, root: Path, base: Path, schema_dir: Path) -> None:
    for name in VOCABULARIES:
        file = base / f"{name}.yml"
        if not file.is_file():
            lib.problems.error(_rel(root, file), 1, f"missing vocabulary file: create practices/{name}.yml.")
            lib.broken.add(name)
            continue
        doc = read_yaml(file, _rel(root, file), lib.problems, root=root)
        if doc is None or not schemas.check(doc, schema_dir, name, lib.problems):
            lib.broken.add(name)
            continue
        check_schema_line(doc, f"schema/{name}.schema.json", lib.problems)
        items: dict[str, dict] = {}
        for index, item in enumerate(doc.data[name]):
            if item["id"] in items:
                lib.problems.error(doc.path, doc.line_of(name, index, "id"), f"id `{item['id']}` is used twice in {name}: make it unique.")
            items[item["id"]] = item
        if name == "stages":
            lib.stages = list(items.values())
        else:
            setattr(lib, name, items)


def _load_entries(lib: Library, root: Path, base: Path, schema_dir: Path, cache: dict | None) -> dict[str, YamlDocument]:
    docs: dict[str, YamlDocument] = {}
    folders = {k.folder: k for k in lib.kinds.values()}
    known = {base / f"{v}.yml" for v in VOCABULARIES} | {base / name for name in SPECIAL_FILES}
    schemas_stamp = files.stamp(base / "kinds.yml", *sorted(schema_dir.glob("*.schema.json")))
    for file in files.files_under(base, root, lib.problems):
        shown = _rel(root, file)
        folder = file.parent.name if file.parent.parent == base else None
        if file in known or file.name.startswith(".") or file.suffix == ".md":
            continue
        if folder not in folders or file.suffix != ".yml":
            if "kinds" not in lib.broken:  # with no readable kinds.yml, every entry file would be reported
                where = ", ".join(f"practices/{f}/" for f in folders) or "the folders declared in practices/kinds.yml"
                lib.problems.error(shown, 1, f"unexpected file: entries are `.yml` files directly in {where}.")
            continue
        key = (shown, files.stamp(file), schemas_stamp)
        if cache is None or cache.get(shown, (None,))[0] != key:  # read again only a file that changed
            read = _read_entry(lib, root, file, shown, folders[folder])
            if cache is not None:
                cache[shown] = (key, read)
        read = cache[shown][1] if cache is not None else read
        doc, problems, entry, valid = read
        lib.problems.extend(problems)
        if entry is None:
            lib.unreadable[file.stem] = shown
            continue
        if entry.id in lib.entries:
            lib.problems.error(shown, doc.line_of("id"), f"id `{entry.id}` is already used by {lib.entries[entry.id].path}: choose another id.")
            continue
        lib.entries[entry.id] = entry
        lib.stamps[entry.id] = key
        docs[entry.id] = doc
        if not valid:
            lib.unreadable[file.stem] = shown
    return docs


def _read_entry(lib: Library, root: Path, file: Path, shown: str, kind: Kind):
    """(document, its problems, the entry or None, whether it is valid) for one entry file."""
    problems = Problems()
    doc = read_yaml(file, shown, problems, root=root)
    if doc is None:
        return None, problems, None, False
    data = doc.data
    if data.get("kind") not in (None, kind.id) and data.get("kind") in lib.kinds:
        problems.error(shown, doc.line_of("kind"), f"`kind` is `{data['kind']}` but the file is in practices/{kind.folder}/: move the file or set `kind: {kind.id}`.")
        return doc, problems, None, False
    check_schema_line(doc, f"build/schema/{kind.id}.schema.json", problems)
    filled = placeholders.check(doc, problems)  # a scaffolded file not yet filled in
    later = {"stages", "roles", "themes", "related", *(link.field for link in kind.links)}
    valid = schemas.check_with(doc, lib.validators[kind.id], f"build/schema/{kind.id}.schema.json", problems, later,
                               lib.fast_checks.get(kind.id)) and filled
    entry_id = data.get("id") if isinstance(data.get("id"), str) else file.stem
    if entry_id != file.stem:
        problems.error(shown, doc.line_of("id"), f"`id` is `{entry_id}` but the file is named {file.name}: they must match (rename the file or change the id).")
        return doc, problems, None, False
    return doc, problems, _entry(data, kind, shown), valid


def _entry(data: dict, kind: Kind, shown: str) -> Entry:
    """An entry from its file's data, keeping only values of the right shape (the schema reports the others)."""
    def text(name):
        value = data.get(name)
        return value if isinstance(value, str) else ""

    def ids(name):
        value = data.get(name)
        return [v for v in value if isinstance(v, str) and placeholders.MARKER not in v] if isinstance(value, list) else []

    refs = [s for s in data.get("sources", []) if isinstance(s, dict) and isinstance(s.get("source"), str)] \
        if isinstance(data.get("sources"), list) else []
    retired = data.get("retired") if isinstance(data.get("retired"), dict) else None
    return Entry(id=data.get("id", ""), kind=kind.id, path=shown, title=text("title"), summary=text("summary"),
                 body=text("body"), stages=ids("stages"), roles=ids("roles"), themes=ids("themes"),
                 sources=[s for s in refs if placeholders.MARKER not in s["source"]], related=ids("related"),
                 links={link.field: ids(link.field) for link in kind.links},
                 fields={name: data.get(name) for name in kind.fields}, retired=retired)


# --- Helpers: cross-references ---

def _cross_reference(lib: Library, docs: dict[str, YamlDocument]) -> None:
    """Every reference in an entry must resolve to the right kind of thing."""
    vocab = {"stages": {s["id"]: s for s in lib.stages}, "roles": lib.roles, "themes": lib.themes}
    for entry in lib.entries.values():
        doc = docs[entry.id]
        for name, valid in vocab.items():
            if name in lib.broken:
                continue  # its own file is reported; one error there, not one per entry
            for index, value in enumerate(getattr(entry, name)):
                if value not in valid:
                    lib.problems.error(doc.path, doc.line_of(name, index), f"unknown {name[:-1]} `{value}`.{id_hint(value, valid)} Use an id from practices/{name}.yml.")
        for index, ref in enumerate(entry.sources):
            if ref["source"] not in lib.sources and "sources" not in lib.broken:
                lib.problems.error(doc.path, doc.line_of("sources", index, "source"), f"unknown source `{ref['source']}`.{id_hint(ref['source'], lib.sources)} Add the source to practices/sources.yml (see CONTRIBUTING.md, \"Sources\"), or use the id of one that is there.")
        for link in lib.kind_of(entry).links:
            for index, ref in enumerate(entry.links[link.field]):
                _check_reference(lib, doc, entry, (link.field, index), ref, link.to)
        for index, ref in enumerate(entry.related):
            _check_reference(lib, doc, entry, ("related", index), ref, None)
        if entry.retired and isinstance(entry.retired.get("replaced_by"), str):
            _check_reference(lib, doc, entry, ("retired", "replaced_by"), entry.retired["replaced_by"], entry.kind)
    _check_replacement_cycles(lib, docs)


def _check_reference(lib: Library, doc: YamlDocument, entry: Entry, path: tuple, ref: str, kind: str | None) -> None:
    line = doc.line_of(*path)
    target = lib.entries.get(ref)
    wanted = f"a {kind}" if kind else "an entry"
    if target is None:
        if ref in lib.unreadable:
            return  # the file exists: its own errors are reported there
        candidates = {e.id: {"title": e.title} for e in lib.entries.values() if kind is None or e.kind == kind}  # only on error
        lib.problems.error(doc.path, line, f"`{path[0]}` names `{ref}`, which is not {wanted} id.{id_hint(ref, candidates)}")
    elif kind and target.kind != kind:
        lib.problems.error(doc.path, line, f"`{path[0]}` names `{ref}`, which is a {target.kind}, not {wanted}: list it under another field.")
    elif ref == entry.id:
        lib.problems.error(doc.path, line, f"`{path[0]}` names the entry itself: remove `{ref}`.")
    elif target.retired and not entry.retired:
        lib.problems.warning(doc.path, line, f"`{path[0]}` names `{ref}`, which is retired: link to its replacement instead.")


def _check_replacement_cycles(lib: Library, docs: dict[str, YamlDocument]) -> None:
    """`retired.replaced_by` must lead, in the end, to an entry that is not replaced: no loop."""
    reported: set[str] = set()
    for start in lib.entries.values():
        chain, current = [], start
        while current and current.retired and isinstance(current.retired.get("replaced_by"), str):
            if current.id in chain:
                loop = chain[chain.index(current.id):]
                if not reported & set(loop):
                    first = lib.entries[loop[0]]
                    lib.problems.error(first.path, docs[first.id].line_of("retired", "replaced_by"),
                                       f"`replaced_by` goes round in a circle ({' → '.join(loop + [loop[0]])}): the last entry of a chain of replacements must not be retired, or must not name a replacement.")
                    reported.update(loop)
                break
            chain.append(current.id)
            current = lib.entries.get(current.retired["replaced_by"])
