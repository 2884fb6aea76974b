"""The quick check (model/fastcheck.py) and jsonschema agree: every valid entry passes both, and no broken
document that jsonschema refuses gets through the quick check (it may only be stricter)."""
from __future__ import annotations

import copy
import random

import pytest
import yaml

from conftest import ROOT
from model import load_library
from model.fastcheck import compile_check


@pytest.fixture(scope="module")
def lib():
    return load_library(ROOT)


def _documents(lib):
    for entry in lib.entries.values():
        yield entry.kind, yaml.safe_load((ROOT / entry.path).read_text(encoding="utf-8"))


def _mutations(data: dict, rng: random.Random):
    """Broken copies of a valid entry, one mistake each."""
    for key in list(data):
        broken = copy.deepcopy(data)
        del broken[key]
        yield broken
    for key, value in data.items():
        for bad in (None, 3, True, 1.5, [], {}, "", "Not An Id", "x\n", ["a", "a"], [3], "2024-02-30", "<b>", " " * 500):
            broken = copy.deepcopy(data)
            broken[key] = bad
            yield broken
        if isinstance(value, list) and value:
            first = value[0]
            for bad in (value + [first], [None], [first + "\n"] if isinstance(first, str) else [{**first, "extra": 1}], []):
                broken = copy.deepcopy(data)
                broken[key] = bad
                yield broken
    yield {**data, "colour": "blue"}
    yield {**data, "sources": [{"source": "x"}, {"source": "practitioners-network-2022", "basis": "guessed"}]}
    yield {**data, "retired": {"date": "2024-02-30", "reason": "A reason long enough."}}
    yield {**data, "retired": {"date": "20240101", "reason": "A reason long enough."}}


def test_every_real_entry_passes_the_quick_check(lib):
    for kind, data in _documents(lib):
        check = compile_check(lib.schemas[kind])
        assert check is not None, f"the schema of {kind} uses a keyword the quick check does not know"
        assert check(data), data["id"]


def test_the_quick_check_is_never_looser_than_jsonschema(lib):
    rng = random.Random(7)
    tried = refused = 0
    for kind, data in _documents(lib):
        check, validator = compile_check(lib.schemas[kind]), lib.validators[kind]
        for broken in _mutations(data, rng):
            tried += 1
            errors = list(validator.iter_errors(broken))
            if errors:
                refused += 1
                assert not check(broken), (data["id"], broken, errors[0].message)
    assert tried > 1000 and refused > 500


def test_an_unknown_keyword_means_jsonschema_checks_every_file():
    assert compile_check({"type": "object", "patternProperties": {"^x": {"type": "string"}}}) is None
    assert compile_check({"type": "string", "format": "email"}) is None
