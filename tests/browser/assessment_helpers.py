"""Shared helpers of the self-assessment browser tests: the questionnaire read from the YAML, expected
results computed from it (following the rules on the page and in scoring.js, without calling the code under
test), and page actions.
"""
from __future__ import annotations

import math
from pathlib import Path

import yaml


ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = {"high": 3, "medium": 2, "low": 1}


# --- The questionnaire and the expected results, straight from the YAML ---

def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


SECTION_IDS = [s["id"] for s in _yaml(ROOT / "assessment" / "questionnaire.yml")["sections"]]
SECTIONS = [_yaml(ROOT / "assessment" / "sections" / f"{sid}.yml") for sid in SECTION_IDS]
SCALES = {s["id"]: [o["value"] for o in s["options"]] for s in _yaml(ROOT / "assessment" / "scales.yml")["scales"]}
QUESTIONS = [q for section in SECTIONS for q in section["questions"]]
NUMBER = {q["id"]: n for n, q in enumerate(QUESTIONS, start=1)}
SCALE_OF = {q["id"]: q["scale"] for q in QUESTIONS}


def _title(entry_id: str) -> str:
    for folder in ("practices", "priority-actions"):
        file = ROOT / "practices" / folder / f"{entry_id}.yml"
        if file.is_file():
            return _yaml(file)["title"]
    raise AssertionError(f"no entry {entry_id}")


def _legacy_priority(question, rule) -> str:
    """The priority the scoring data gives a rule from its question's weight and its fit (until scoring ranks by need)."""
    weight, fit = question.get("weight", "medium"), rule.get("fit", "central")
    return {("high", "central"): "high", ("medium", "central"): "medium"}.get((weight, fit), "low")


def expected(pattern, profile=()):
    """(recommended titles in rank order, {section: score or None}, strengths titles) for answers `pattern(question)`."""
    answers, shown = {}, {}
    recs, strengths, scores = {}, {}, {}
    order = 0
    for section in SECTIONS:
        total, count = 0.0, 0
        for q in section["questions"]:
            cond = q.get("show_if") or {}
            visible = not (cond.get("profile") and profile and not set(cond["profile"]) & set(profile))
            if "question" in cond:
                earlier = answers.get(cond["question"])
                visible = visible and shown[cond["question"]] and isinstance(earlier, int) and earlier in cond["in"]
            shown[q["id"]] = visible
            answers[q["id"]] = answer = pattern(q)
            if not visible or not isinstance(answer, int):
                continue
            values = SCALES[q["scale"]]
            fraction = (answer - min(values)) / (max(values) - min(values))
            total += fraction
            count += 1
            for rule in q["recommends"]:
                target = rule.get("practice") or rule.get("action")
                if answer not in rule["when"] and fraction <= 0.5:
                    continue  # a middle answer: neither a recommendation nor a strength
                bucket = recs if answer in rule["when"] else strengths
                item = bucket.setdefault(target, {"weight": 0, "priority": 0, "order": order})
                order += 1
                priority = _legacy_priority(q, rule)
                item["weight"] += WEIGHTS[priority]
                item["priority"] = max(item["priority"], WEIGHTS[priority])
        scores[section["section"]] = math.floor(100 * total / count + 0.5) if count else None
    ranked = sorted(recs, key=lambda t: (-recs[t]["weight"], -recs[t]["priority"], recs[t]["order"]))
    kept = sorted((t for t in strengths if t not in recs), key=lambda t: strengths[t]["order"])
    return [_title(t) for t in ranked], scores, [_title(t) for t in kept]


def lowest(q):
    return SCALES[q["scale"]][0]


def highest(q):
    return SCALES[q["scale"]][-1]


def mixed(q):
    """Every 7th question not applicable, every 11th don't know, otherwise an option that moves with the number."""
    n = NUMBER[q["id"]]
    if n % 7 == 0:
        return "na"
    if n % 11 == 0:
        return "dont-know"
    values = SCALES[q["scale"]]
    return values[(n * 2) % len(values)]


# --- Driving the page ---

def open_assessment(page, site_url: str, fragment: str = "") -> None:
    page.goto(site_url + "assessment/index.html" + fragment)
    page.wait_for_selector("#mpl-show-results", state="visible")


def answer_all(page, pattern, profile=()) -> None:
    """Tick the profile, then answer every question asked, including those that appear on the way."""
    for option in profile:
        page.check(f"#profile-{option}")
    by_id = {q["id"]: q for q in QUESTIONS}
    for _ in range(10):
        todo = page.eval_on_selector_all("fieldset[data-question]:not([hidden])",
                                         "els => els.filter(e => !e.querySelector('input:checked')).map(e => e.dataset.question)")
        if not todo:
            return
        for qid in todo:
            page.check(f"#q-{qid}-{pattern(by_id[qid])}")
    raise AssertionError("questions kept appearing")


def show_results(page) -> None:
    page.click("#mpl-show-results")
    page.wait_for_selector("#mpl-results:not([hidden])")


def results(page):
    recs = page.eval_on_selector_all("#mpl-recommendations > li .mpl-results__title a", "els => els.map(e => e.textContent)")
    strengths = page.eval_on_selector_all("#mpl-strengths > li .mpl-results__title a", "els => els.map(e => e.textContent)")
    rows = page.eval_on_selector_all("#mpl-scores tbody tr", "rows => rows.map(r => [r.cells[0].textContent, r.cells[1].textContent])")
    return recs, dict(rows), strengths


def score_rows(scores: dict) -> dict:
    declared = {s["id"]: s for s in _yaml(ROOT / "assessment" / "questionnaire.yml")["sections"]}
    stage_titles = {s["id"]: s["title"] for s in _yaml(ROOT / "practices" / "stages.yml")["stages"]}
    titles = {k: d.get("title") or stage_titles[d["stage"]] for k, d in declared.items()}
    return {titles[k]: ("No score yet" if v is None else str(v)) for k, v in scores.items()}


def export_answers(page) -> str:
    with page.expect_download() as info:
        page.click("#mpl-export-json")
    return Path(info.value.path()).read_text(encoding="utf-8")


def start_again(page) -> None:
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#mpl-start-again")
    page.wait_for_function("document.querySelectorAll('#mpl-assessment-form input:checked').length === 0")


def checked(page) -> list[str]:
    return page.eval_on_selector_all("#mpl-assessment-form input:checked", "els => els.map(e => e.id)")


# --- Whole questionnaire, fixed patterns ---


def shown_questions(pattern):
    answers, shown = {}, {}
    for q in QUESTIONS:
        cond = q.get("show_if") or {}
        ok = True
        if "question" in cond:
            ok = shown[cond["question"]] and answers[cond["question"]] in cond["in"]
        shown[q["id"]], answers[q["id"]] = ok, pattern(q)
    return shown
