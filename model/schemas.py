"""JSON Schema checks with messages that name the field, the line and the fix."""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .placeholders import MARKER
from .problems import Problems, did_you_mean, field_name, slugify
from .yaml_source import YamlDocument

_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping of fields", "integer": "a whole number",
               "number": "a number", "boolean": "true or false"}


def check(doc: YamlDocument, schema_dir: Path, schema_name: str, problems: Problems) -> bool:
    """Validate `doc.data` against `schema/<schema_name>.schema.json`; report every error. True if valid."""
    validator = _validators(str(schema_dir), _stamp(schema_dir))[schema_name]
    return _report(validator, doc, f"schema/{schema_name}.schema.json", problems)


def _strict_pattern(validator, pattern, instance, schema):
    """`pattern` as JSON Schema (ECMA-262) reads it: `$` is the end of the text. Python's `$` also matches
    before a final line break, which a `|` block scalar leaves: `abc\n` would pass here and fail in the browser."""
    if validator.is_type(instance, "string") and not re.search(_ecma(pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@lru_cache(maxsize=256)
def _ecma(pattern: str) -> str:
    return re.sub(r"(?<!\\)\$", r"\\Z", pattern)


_Validator = validators.extend(Draft202012Validator, {"pattern": _strict_pattern})


def validator_for(schema: dict) -> Draft202012Validator:
    """A validator for a schema held in memory (its references inlined, see inline_refs)."""
    return _Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_with(doc: YamlDocument, validator: Draft202012Validator, shown_as: str, problems: Problems,
               checked_later=frozenset(), fast=None) -> bool:
    """Validate `doc.data` with `validator`; report every error. Pattern errors in the list fields
    `checked_later` are left to the cross-reference check, which words them better (it knows the ids).
    `fast` (fastcheck.compile_check of the same schema) lets a valid file through without jsonschema."""
    if fast is not None and fast(doc.data):
        return True
    return _report(validator, doc, shown_as, problems, checked_later)


def inline_refs(schema: dict, schema_dir: Path) -> dict:
    """`schema` with its `$ref`s to the files of `schema_dir` replaced by what they refer to: self-contained."""
    stamp = _stamp(schema_dir)
    names = {name for name, _ in stamp}
    files = {name: json.loads((Path(schema_dir) / name).read_text(encoding="utf-8")) for name in names}
    return _inline(schema, "entry.schema.json", files)


def _report(validator, doc: YamlDocument, schema_file: str, problems: Problems, checked_later=frozenset()) -> bool:
    ok = True
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path]):
        ok = False
        path = tuple(error.absolute_path)
        if error.validator == "pattern" and len(path) == 2 and path[0] in checked_later:
            continue
        if isinstance(error.instance, str) and MARKER in error.instance:
            continue  # a scaffold's placeholder: reported as such (placeholders.py)
        for where, message in _explain(error, schema_file):
            problems.error(doc.path, doc.line_of(*where), message)
    return ok


def _stamp(schema_dir: Path) -> tuple:
    """Names and modification times of the schema files: an edited schema is reloaded (e.g. under `mkdocs serve`)."""
    return tuple(sorted((e.name, e.stat().st_mtime_ns) for e in os.scandir(schema_dir) if e.name.endswith(".schema.json")))


@lru_cache(maxsize=4)
def _validators(schema_dir: str, stamp: tuple) -> dict[str, Draft202012Validator]:
    """One validator per schema file name (e.g. 'practice'), with references to other files inlined."""
    schemas = {name: json.loads((Path(schema_dir) / name).read_text(encoding="utf-8")) for name, _ in stamp}
    registry = Registry().with_resources((name, DRAFT202012.create_resource(body)) for name, body in schemas.items())
    formats = Draft202012Validator.FORMAT_CHECKER  # checks that a "date" is a real day, not only its shape
    return {name.removesuffix(".schema.json"): _Validator(_inline(body, name, schemas), registry=registry,
                                                          format_checker=formats)
            for name, body in schemas.items()}


def _inline(node, current: str, schemas: dict, depth: int = 0):
    """Replace `$ref`s to `$defs` with the definitions themselves: validation is then about three times faster.
    The files on disk keep their `$ref`s, for editors."""
    if depth > 20:
        raise ValueError(f"schema/{current}: `$ref`s nest too deep (a definition refers to itself?)")
    if isinstance(node, list):
        return [_inline(item, current, schemas, depth) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and "#/$defs/" in ref:
        file, name = ref.split("#/$defs/", 1)
        file = file or current
        if file in schemas and name in schemas[file].get("$defs", {}):
            target = _inline(schemas[file]["$defs"][name], file, schemas, depth + 1)
            rest = {k: _inline(v, current, schemas, depth) for k, v in node.items() if k != "$ref"}
            return {"allOf": [target], **rest} if rest else target
    return {k: _inline(v, current, schemas, depth) for k, v in node.items()}


def _explain(error, schema_file: str):
    """Yield (path, message) pairs for one jsonschema error."""
    path = tuple(error.absolute_path)
    name = field_name(path)
    kind, value, spec = error.validator, error.instance, error.validator_value
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        for key in sorted(set(value) - set(allowed), key=str):
            yield path + (key,), f"unknown field `{key}`.{did_you_mean(key, allowed)} Remove or rename it (allowed fields are in {schema_file})."
    elif kind == "required":
        missing = [k for k in spec if k not in value]
        where = f" in {name}" if path else ""
        for key in missing:
            yield path, f"missing required field `{key}`{where}: add it (see {schema_file})."
    elif kind in ("enum", "const"):
        choices = spec if kind == "enum" else [spec]
        yield path, f"{name} is `{value}`, which is not allowed.{did_you_mean(value, choices)}"
    elif kind == "type":
        found = "a date: put it in quotes" if type(value).__name__ in ("date", "datetime") else f"{_TYPE_NAMES.get(_json_type(value), _json_type(value))}"
        yield path, f"{name} must be {_TYPE_NAMES.get(spec, spec)}, but is {found}."
    elif kind == "minLength":
        yield path, f"{name} is too short: write at least {spec} characters."
    elif kind == "maxLength":
        yield path, f"{name} is too long ({len(value)} characters): keep it under {spec}."
    elif kind == "minItems":
        yield path, f"{name} needs at least {spec} item{'s' if spec > 1 else ''}: add one."
    elif kind == "uniqueItems":
        yield path, f"{name} lists the same value twice: remove the repeat."
    elif kind == "pattern":
        yield path, f"{name} {_pattern_hint(spec, value)}"
    elif kind == "format":
        yield path, f"{name} must be a real {spec}, written YYYY-MM-DD (found `{value}`)."
    else:
        yield path, f"{name}: {error.message}."


def _pattern_hint(pattern: str, value) -> str:
    original, value = value, value.replace("\n", "\\n") if isinstance(value, str) else value
    if pattern.startswith("^[a-z0-9]"):
        slug = slugify(original) if isinstance(original, str) else ""
        fix = f": write `{slug}`" if slug and slug != value else ", e.g. `invite-by-letter`"
        return f"is `{value}`, but an id is lower-case letters and digits joined by single hyphens{fix}."
    if "<>" in pattern:
        text = value if isinstance(value, str) else ""
        if re.search(r"[<>]|&#?[A-Za-z0-9]+;", text) or "[.?!]" not in pattern:
            entities = ", or HTML entities such as `&lt;`" if "&#?" in pattern else ""
            return f"must not contain `<` or `>`{entities}: HTML is not allowed here, write plain text."
        if "\\?$" in pattern:
            return "must be one question, ending with a question mark."
        return "must be one sentence ending with a full stop (or a question mark)."
    if "[.?!]" in pattern:
        return "must be one sentence ending with a full stop (or a question mark)."
    if "\\d{4}" in pattern:
        return "must be a date written YYYY-MM-DD, in quotes."
    if "\\d+\\.\\d+\\.\\d+" in pattern:
        return f"is `{value}`, but a version is three whole numbers joined by full stops, such as `1.0.0` (in quotes)."
    if "https" in pattern:
        return "must be a web address starting with https://."
    return f"does not match the expected form `{pattern}`."


def _json_type(value) -> str:
    for name, types in (("boolean", bool), ("integer", int), ("number", float), ("string", str), ("array", list), ("object", dict)):
        if isinstance(value, types):
            return name
    return "empty" if value is None else type(value).__name__
