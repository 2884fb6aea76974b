"""This library's text stays plain: no sentence over 30 words in what a reader reads (entries, first steps,
editors' notes, stage texts, questions, help texts, the glossary), and the entries stay easier to read than
the write-up they restate. Measured with bench/readability.py (Flesch reading ease, no network):
`.venv/bin/python bench/readability.py --source <file>` prints the figures; `--long` lists long sentences."""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import readability  # noqa: E402

# Floors a little under the figures of December 2026 (entries 62, priority actions 55): a guard against
# text growing harder again, not a target. The write-up itself scores about 26 as a whole.
FLOORS = {"entries": 58, "priority-action": 50, "question": 45}


@pytest.fixture(scope="module")
def texts():
    return readability.library_texts(ROOT)


def test_no_sentence_is_over_30_words(texts):
    long = [f"{group}/{name}: {n} words: {sentence}" for group, items in texts.items() for name, text in items.items()
            for n, sentence in readability.long_sentences(text, readability.LONG)]
    assert long == [], "shorten these sentences:\n" + "\n".join(long)


def test_every_kind_of_text_is_measured(texts):
    for group in ("challenge", "practice", "priority-action", "first_step", "editors_note", "stage", "question",
                  "help", "glossary"):
        assert texts.get(group), f"no {group} texts were found to measure"


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_reading_ease_does_not_fall(texts, group):
    items = [t for g in ("challenge", "practice", "priority-action") for t in texts[g].values()] if group == "entries" \
        else list(texts[group].values())
    median = statistics.median(readability.flesch(t) for t in items)
    assert median >= FLOORS[group], f"the median reading ease of {group} fell to {median:.0f}"


def test_the_formula_and_the_sentence_split():
    assert readability.syllables("people") == 2 and readability.syllables("table") == 2
    assert readability.syllables("co-production") == 4
    assert readability.sentences("One two three. Four five? Six, e.g. seven.\n\n- A list item\n- Another") == [
        "One two three.", "Four five?", "Six, e.g. seven.", "A list item.", "Another."]
    assert round(readability.flesch("The cat sat on the mat.")) == 116
