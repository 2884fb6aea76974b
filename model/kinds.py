"""The kinds of entry, declared in practices/kinds.yml, and the JSON Schema of each kind made from them.

A kind's schema is schema/entry.schema.json (the fields every entry shares, and the optional fields a
kind may take) narrowed to what practices/kinds.yml declares: its `kind` value, whether it needs
stages, its optional fields and its link fields. Nothing about a kind is written in Python.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from .problems import Problems
from .yaml_source import YamlDocument

COMMON_REQUIRED = ["id", "kind", "title", "summary", "roles", "themes", "body", "sources"]


@dataclass(frozen=True)
class Link:
    """A field of one kind that names entries of another (`to`); shown on both entries' pages."""
    field: str
    to: str
    min: int
    heading: str
    back_heading: str
    back_empty: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Kind:
    id: str
    folder: str
    title: str
    plural: str
    description: str
    intro: str
    stages: str  # "required" or "optional"
    fields: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    recommend_as: str | None = None


def kinds_from(doc: YamlDocument, entry_schema: dict, problems: Problems) -> dict[str, Kind]:
    """The kinds of a schema-checked practices/kinds.yml, in order; problems of meaning are reported."""
    optional = set(entry_schema.get("properties", {})) - set(entry_schema.get("x-common", []))
    kinds: dict[str, Kind] = {}
    folders: dict[str, str] = {}
    for index, item in enumerate(doc.data["kinds"]):
        where = ("kinds", index)
        if item["id"] in kinds:
            problems.error(doc.path, doc.line_of(*where, "id"), f"kind `{item['id']}` is declared twice: keep one.")
            continue
        if item["folder"] in folders:
            problems.error(doc.path, doc.line_of(*where, "folder"), f"folder `{item['folder']}` is already the folder of kind `{folders[item['folder']]}`: give each kind its own folder.")
        for f_index, name in enumerate(item.get("fields", [])):
            if name not in optional:
                problems.error(doc.path, doc.line_of(*where, "fields", f_index), f"`{name}` is not an optional field of schema/entry.schema.json (those are: {', '.join(sorted(optional))}).")
        folders[item["folder"]] = item["id"]
        links = tuple(Link(l["field"], l["to"], l.get("min", 0), l["heading"], l["back_heading"], l.get("back_empty"),
                           l.get("description")) for l in item.get("links", []))
        kinds[item["id"]] = Kind(item["id"], item["folder"], item["title"], item["plural"], item["description"],
                                 item["intro"], item.get("stages", "required"), tuple(item.get("fields", [])), links,
                                 item.get("recommend_as"))
    _check_links(doc, kinds, entry_schema, problems)
    return kinds


def _check_links(doc: YamlDocument, kinds: dict[str, Kind], entry_schema: dict, problems: Problems) -> None:
    taken = set(entry_schema.get("properties", {}))
    keys: dict[str, str] = {}
    for index, kind in enumerate(kinds.values()):
        for l_index, link in enumerate(kind.links):
            at = ("kinds", index, "links", l_index)
            if link.to not in kinds:
                problems.error(doc.path, doc.line_of(*at, "to"), f"`to` names `{link.to}`, which is not a kind declared in this file.")
            if link.field in taken:
                problems.error(doc.path, doc.line_of(*at, "field"), f"`{link.field}` is already a field of every entry: choose another name for the link.")
        if kind.recommend_as:
            if kind.recommend_as in keys:
                problems.error(doc.path, doc.line_of("kinds", index, "recommend_as"), f"`recommend_as: {kind.recommend_as}` is already used by kind `{keys[kind.recommend_as]}`: choose another key.")
            keys[kind.recommend_as] = kind.id


def schema_of(kind: Kind, entry_schema: dict) -> dict:
    """The JSON Schema of one kind's entry files (references left as they are in entry.schema.json)."""
    schema = copy.deepcopy(entry_schema)
    common = set(schema.pop("x-common", []))
    schema["title"] = kind.title
    schema["description"] = kind.description
    props = schema["properties"]
    props["kind"] = {"const": kind.id, "description": f"Always `{kind.id}` in practices/{kind.folder}/."}
    for name in [n for n in props if n not in common and n not in kind.fields]:
        del props[name]
    for link in kind.links:
        props[link.field] = {"$ref": "definitions.schema.json#/$defs/idList",
                             "description": link.description or f"Ids of the {link.to} entries this entry links to: {link.heading.lower()}."}
        if link.min:
            props[link.field]["minItems"] = link.min
    required = list(COMMON_REQUIRED)
    if kind.stages == "required":
        required.insert(4, "stages")
    schema["required"] = required + [link.field for link in kind.links if link.min]
    return schema

