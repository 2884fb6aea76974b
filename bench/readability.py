"""Readability of the library's text: Flesch reading ease and long sentences, with no network and no
third-party package (the formula and a syllable estimate are implemented here).

    .venv/bin/python bench/readability.py                 # this library, and the source write-up if given
    .venv/bin/python bench/readability.py --source FILE   # also score a plain-text source for comparison

Flesch reading ease = 206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word). Higher is
easier: 60 to 70 is plain English, 30 to 50 is hard (academic), under 30 very hard. The syllable count
is an estimate (vowel groups, with the usual English corrections), good enough to compare texts with
each other, not to certify one. tests/test_content_readability.py uses the same functions.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LONG = 30  # words: a sentence longer than this is a long sentence

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Dr.", "Mr.", "Ms.", "Mrs.")


def plain(text: str) -> str:
    """Markdown to plain text: no emphasis marks, links keep their words, list items and headings end a sentence."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>]", "", text)
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(?:[-+]|\d+[.)])\s+", "", line).strip()
        lines.append(line)
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines))
    out = []
    for para in paragraphs:
        items = [line for line in para.splitlines() if line]
        if len(items) > 1 and all(len(i.split()) < 25 and not i.endswith((".", "?", "!", ":")) for i in items):
            items = [i + "." for i in items]  # a list of short items: each is a sentence
        joined = " ".join(items).strip()
        if joined and not joined.endswith((".", "?", "!")):
            joined += "."
        out.append(joined)
    return "\n\n".join(p for p in out if p)


def sentences(text: str) -> list[str]:
    text = plain(text)
    for abbr in _ABBREVIATIONS:
        text = text.replace(abbr, abbr.replace(".", "\u2024"))
    parts = []
    for para in re.split(r"\n\s*\n", text):
        parts += [s.strip() for s in _SENTENCE_END.split(para.replace("\n", " ")) if s.strip()]
    return [p.replace("\u2024", ".") for p in parts if words(p)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def syllables(word: str) -> int:
    """An estimate of the syllables in one English word."""
    w = word.lower().strip("'’-")
    if not w:
        return 0
    parts = [p for p in re.split(r"[-’']", w) if p]
    if len(parts) > 1:
        return sum(syllables(p) for p in parts)
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$", "", w)  # silent endings: makes, hoped, take
    w = re.sub(r"^y", "", w)
    count = len(re.findall(r"[aeiouy]{1,2}", w))
    return max(1, count)


def flesch(text: str) -> float | None:
    """Flesch reading ease of a text, or None when it has no words."""
    found = sentences(text)
    all_words = [w for s in found for w in words(s)]
    if not all_words:
        return None
    per_sentence = len(all_words) / len(found)
    per_word = sum(syllables(w) for w in all_words) / len(all_words)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def long_sentences(text: str, limit: int = LONG) -> list[tuple[int, str]]:
    return [(len(words(s)), s) for s in sentences(text) if len(words(s)) > limit]


# --- This library's texts ---

def library_texts(root: Path = ROOT) -> dict[str, dict[str, str]]:
    """Every text a reader reads, by group: {group: {name: text}}. Entries (summary and body), first steps
    and editors' notes, stage introductions, questions and their help texts, glossary definitions."""
    sys.path.insert(0, str(root))
    from model import load_assessment, load_library
    lib = load_library(root)
    groups: dict[str, dict[str, str]] = {}
    for e in lib.entries.values():
        if e.retired:
            continue
        groups.setdefault(e.kind, {})[e.id] = e.summary + "\n\n" + e.body
        for name in ("first_step", "editors_note"):
            if e.fields.get(name):
                groups.setdefault(name, {})[e.id] = str(e.fields[name])
    for s in lib.stages:
        groups.setdefault("stage", {})[s["id"]] = s["summary"] + "\n\n" + s["intro"]
        if s.get("editors_note"):
            groups.setdefault("editors_note", {})["stage " + s["id"]] = s["editors_note"]
    assessment = load_assessment(root, lib)
    for q in assessment.questions:
        groups.setdefault("question", {})[q.id] = q.text
        if q.help:
            groups.setdefault("help", {})[q.id] = q.help
    glossary = root / "practices" / "glossary.yml"
    if glossary.is_file():
        import yaml
        for term in (yaml.safe_load(glossary.read_text(encoding="utf-8")) or {}).get("terms", []):
            groups.setdefault("glossary", {})[term["id"]] = term["definition"]
    return groups


def report(groups: dict[str, dict[str, str]], source: Path | None = None) -> str:
    lines = [f"{'group':<16}{'texts':>6}{'median FRE':>12}{'sentences':>11}{'> ' + str(LONG) + ' words':>12}{'longest':>9}"]

    def row(name, texts):
        scores = [f for t in texts if (f := flesch(t)) is not None]
        found = [s for t in texts for s in sentences(t)]
        lengths = [len(words(s)) for s in found]
        over = sum(1 for n in lengths if n > LONG)
        lines.append(f"{name:<16}{len(texts):>6}{statistics.median(scores):>12.1f}{len(found):>11}{over:>12}{max(lengths):>9}")

    everything = []
    for name, texts in groups.items():
        row(name, list(texts.values()))
        everything += list(texts.values())
    row("all", everything)
    entries = [t for g in ("challenge", "practice", "priority-action") for t in groups.get(g, {}).values()]
    if entries:
        row("entries", entries)
    if source:
        text = source.read_text(encoding="utf-8")
        points = [f for line in text.splitlines() if len(words(line)) >= 10 and (f := flesch(line)) is not None]
        lines.append(f"source {source.name}: Flesch reading ease {flesch(text):.1f} as a whole, median "
                     f"{statistics.median(points):.1f} over its {len(points)} paragraphs and points; "
                     f"{len(long_sentences(text))} of {len(sentences(text))} sentences over {LONG} words")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="a plain-text source to score for comparison")
    parser.add_argument("--long", action="store_true", help="list every sentence over the limit")
    args = parser.parse_args(argv)
    groups = library_texts()
    print(report(groups, args.source))
    if args.long:
        for group, texts in groups.items():
            for name, text in texts.items():
                for n, s in long_sentences(text):
                    print(f"{group}/{name}: {n}: {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
