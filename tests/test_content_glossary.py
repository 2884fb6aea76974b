"""This library's glossary (practices/glossary.yml): it explains the words a reader may not know, each in
plain words, every term is used somewhere, and every form of the hard words that the entries use is one of
its spellings, so that its first use on a page links to the glossary."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from model import load_library
from model.compile.glossary import annotate, load
from model.problems import Problems

ROOT = Path(__file__).resolve().parents[1]

# Words the entries used without explaining them (the issue on plain English), as patterns of every form.
HARD_WORDS = {
    "minoritised": r"minoriti[sz]\w*",
    "remit": r"remits?\b",
    "stakeholders": r"stakeholders?\b",
    "co-production": r"co-produc\w*",
    "under-represented": r"under-?represent\w*",
    "lived experience": r"lived experiences?\b",
}


@pytest.fixture(scope="module")
def glossary():
    problems = Problems()
    found = load(ROOT, problems)
    assert [str(p) for p in problems] == [] and found is not None
    return found


@pytest.fixture(scope="module")
def texts():
    lib = load_library(ROOT)
    out = {e.id: e.body for e in lib.entries.values() if not e.retired}
    out.update({f"stage {s['id']}": s["intro"] for s in lib.stages})
    return out


def test_the_hard_words_are_in_the_glossary(glossary):
    terms = {t.term for t in glossary.terms}
    assert set(HARD_WORDS) <= terms


def test_every_form_the_entries_use_is_a_spelling_of_its_term(glossary, texts):
    for word, pattern in HARD_WORDS.items():
        term = next(t for t in glossary.terms if t.term == word)
        spellings = {s.casefold() for s in term.spellings}
        for name, text in texts.items():
            for form in re.findall(pattern, text, re.IGNORECASE):
                assert form.casefold() in spellings, f"{name} writes `{form}`: add it to `also` of `{word}`"


def test_every_use_of_a_hard_word_in_an_entry_is_linked_on_its_page(glossary, texts):
    for name, text in texts.items():
        html = f"<p>{text}</p>"
        linked = annotate(html, glossary, "glossary.html")
        for word, pattern in HARD_WORDS.items():
            if re.search(pattern, text, re.IGNORECASE):
                assert f"glossary.html#{next(t.id for t in glossary.terms if t.term == word)}" in linked, f"{name}: {word}"


def test_every_term_is_used_somewhere(glossary, texts):
    everything = "\n".join(texts.values())
    for term in glossary.terms:
        assert annotate(f"<p>{everything}</p>", type(glossary)(glossary.title, "", [term]), "g") != f"<p>{everything}</p>", \
            f"`{term.term}` is never used in an entry or a stage: remove it, or use it"


def test_definitions_are_plain_and_do_not_use_the_term_they_define(glossary):
    for term in glossary.terms:
        assert len(term.definition.split()) <= 40, f"{term.id}: keep the definition short"
        first = term.definition.split(".")[0].casefold()
        assert term.term.casefold() not in first, f"{term.id}: define it in other words first"
