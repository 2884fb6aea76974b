"""A fast yes-or-no check of a document against a JSON Schema, for the keywords our schemas use.

jsonschema takes about a millisecond per entry file; most files are valid, and a valid file needs no
message. So each file is first checked by a function compiled once from the schema; only a file that
fails it goes through jsonschema, which words every error (schemas.py). For a schema with a keyword
this module does not know, `compile_check` returns None and jsonschema checks every file.
It may be stricter than jsonschema (a file it refuses is checked again there) but never looser:
tests/test_fastcheck.py proves the two agree on valid and broken documents.
"""
from __future__ import annotations

import datetime
import re
from typing import Callable

Check = Callable[[object], bool]
_IGNORED = {"$schema", "$id", "title", "description", "x-common", "$comment", "examples", "default"}
_TYPES = {"string": (str,), "array": (list,), "object": (dict,), "boolean": (bool,), "null": (type(None),)}


class _Unknown(Exception):
    """The schema uses a keyword this module does not compile."""


def compile_check(schema: dict) -> Check | None:
    """A function that says whether a document is valid against `schema`, or None if it cannot be made."""
    try:
        return _compile(schema)
    except _Unknown:
        return None


def _compile(schema) -> Check:
    if schema is True:
        return lambda value: True
    if not isinstance(schema, dict):
        raise _Unknown(repr(schema))
    unknown = set(schema) - _IGNORED - set(_KEYWORDS)
    if unknown:
        raise _Unknown(", ".join(sorted(unknown)))
    checks = [_KEYWORDS[key](schema[key], schema) for key in schema if key in _KEYWORDS]
    checks = [c for c in checks if c is not None]
    return lambda value: all(check(value) for check in checks)


def _type(name, schema) -> Check:
    if name == "integer":
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    if name == "number":
        return lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
    if name not in _TYPES:
        raise _Unknown(f"type {name}")
    kinds = _TYPES[name]
    return lambda v: isinstance(v, kinds) and (name == "boolean" or not isinstance(v, bool))


def _properties(props, schema) -> Check:
    compiled = {key: _compile(sub) for key, sub in props.items()}
    extra = schema.get("additionalProperties", True)
    if extra not in (True, False):
        raise _Unknown("additionalProperties as a schema")

    def check(value):
        if not isinstance(value, dict):
            return True
        for key, item in value.items():
            sub = compiled.get(key)
            if sub is None:
                if extra is False:
                    return False
            elif not sub(item):
                return False
        return True
    return check


def _additional(flag, schema):
    if "properties" in schema:
        return None  # handled with the properties
    if flag is True:
        return None
    if flag is False:
        return lambda v: not isinstance(v, dict) or not v
    raise _Unknown("additionalProperties as a schema")


def _items(sub, schema) -> Check:
    item = _compile(sub)
    return lambda v: not isinstance(v, list) or all(item(x) for x in v)


def _pattern(pattern, schema) -> Check:
    from .schemas import _ecma  # JSON Schema's reading of `$`, as jsonschema is made to read it there
    regex = re.compile(_ecma(pattern))
    return lambda v: not isinstance(v, str) or regex.search(v) is not None


def _format(name, schema) -> Check | None:
    if name != "date":
        raise _Unknown(f"format {name}")

    def check(v):
        if not isinstance(v, str):
            return True
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", v, re.ASCII) is not None
    return check


def _unique(flag, schema):
    if not flag:
        return None  # lists of text only: anything else is left to jsonschema, which compares 1 and 1.0 as equal
    return lambda v: not isinstance(v, list) or (all(isinstance(x, str) for x in v) and len(set(v)) == len(v))


def _all_of(subs, schema) -> Check:
    compiled = [_compile(s) for s in subs]
    return lambda v: all(c(v) for c in compiled)


_KEYWORDS = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": lambda keys, s: lambda v: not isinstance(v, dict) or all(k in v for k in keys),
    "items": _items,
    "minItems": lambda n, s: lambda v: not isinstance(v, list) or len(v) >= n,
    "maxItems": lambda n, s: lambda v: not isinstance(v, list) or len(v) <= n,
    "uniqueItems": _unique,
    "minLength": lambda n, s: lambda v: not isinstance(v, str) or len(v) >= n,
    "maxLength": lambda n, s: lambda v: not isinstance(v, str) or len(v) <= n,
    "pattern": _pattern,
    "enum": lambda options, s: lambda v: any(v == o and type(v) is type(o) for o in options),
    "const": lambda option, s: lambda v: v == option and type(v) is type(option),
    "format": _format,
    "allOf": _all_of,
}
