"""Shared helpers of the self-assessment browser tests: a library's questionnaire read from its YAML, the results
expected from it (computed here from the YAML and model/assessment.py FORMULA, following the rules the page states,
without calling the code under test), and page actions. Nothing here names a question, an option or an entry of a
particular library: tests pick them from the YAML, so that they run on this library and on the example fork.
"""
from __future__ import annotations

import math
from functools import cached_property
from pathlib import Path

import pytest
import yaml

from model.assessment import FORMULA

ROOT = Path(__file__).resolve().parents[2]


def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _round6(x: float) -> float:
    return math.floor(x * 1e6 + 0.5) / 1e6


class Questionnaire:
    """The questionnaire, entries and interface strings of the library at `root`, straight from its YAML."""

    def __init__(self, root: Path = ROOT):
        self.root = Path(root)
        head = _yaml(self.root / "assessment" / "questionnaire.yml")
        self.declared = head["sections"]
        self.version = head["version"]
        self.sections = [_yaml(self.root / "assessment" / "sections" / f"{s['id']}.yml") for s in self.declared]
        self.scales = {s["id"]: [o["value"] for o in s["options"]] for s in _yaml(self.root / "assessment" / "scales.yml")["scales"]}
        self.labels = {s["id"]: {o["value"]: o["label"] for o in s["options"]} for s in _yaml(self.root / "assessment" / "scales.yml")["scales"]}
        self.profile = [o["id"] for o in _yaml(self.root / "assessment" / "profile.yml")["options"]]
        self.questions = [q for section in self.sections for q in section["questions"]]
        self.number = {q["id"]: n for n, q in enumerate(self.questions, start=1)}
        self.by_id = {q["id"]: q for q in self.questions}
        interface = self.root / "practices" / "interface.yml"
        self.strings = _yaml(interface if interface.is_file() else ROOT / "practices" / "interface.yml")["strings"]

    @cached_property
    def entries(self) -> dict[str, dict]:
        kinds = _yaml(self.root / "practices" / "kinds.yml")["kinds"]
        found = {}
        for kind in kinds:
            for file in sorted((self.root / "practices" / kind["folder"]).glob("*.yml")):
                entry = _yaml(file)
                found[entry["id"]] = entry
        return found

    @cached_property
    def storage(self) -> dict[str, str]:
        """The keys this library keeps answers and snapshots under in the browser: named by its id (practices/site.yml)."""
        site_id = _yaml(self.root / "practices" / "site.yml")["id"]
        return {"answers": f"{site_id}:assessment:answers", "snapshots": f"{site_id}:assessment:snapshots"}

    def spread_questions(self, count: int) -> list[str]:
        """`count` ids of questions always asked, on scales of at least four options, from different sections first."""
        fit = [q for q in self.always_asked() if len(self.scales[q["scale"]]) >= 4]
        section_of = {q["id"]: s["section"] for s in self.sections for q in s["questions"]}
        chosen, seen = [], set()
        for q in fit:
            if section_of[q["id"]] not in seen:
                chosen.append(q["id"])
                seen.add(section_of[q["id"]])
        chosen += [q["id"] for q in fit if q["id"] not in chosen]
        assert len(chosen) >= count, "the questionnaire has too few questions for this test"
        return chosen[:count]

    @cached_property
    def section_titles(self) -> dict[str, str]:
        stages = {s["id"]: s["title"] for s in _yaml(self.root / "practices" / "stages.yml")["stages"]}
        return {d["id"]: d.get("title") or stages[d["stage"]] for d in self.declared}

    def t(self, key: str, **values) -> str:
        if "count" in values and key not in self.strings:
            key = f"{key}.{'one' if values['count'] == 1 else 'other'}"
        text = self.strings[key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    @staticmethod
    def target_of(rule: dict) -> str:
        return next(v for k, v in rule.items() if k not in ("when", "fit"))

    def recommendable(self) -> set[str]:
        """Every entry some answer can recommend."""
        return {self.target_of(r) for q in self.questions for r in q["recommends"]}

    def shown(self, pattern, profile=()) -> dict[str, bool]:
        answers, shown = {}, {}
        for q in self.questions:
            cond = q.get("show_if") or {}
            visible = not (cond.get("profile") and profile and not set(cond["profile"]) & set(profile))
            if "question" in cond:
                earlier = answers.get(cond["question"])
                visible = visible and shown[cond["question"]] and isinstance(earlier, int) and earlier in cond["in"]
            shown[q["id"]], answers[q["id"]] = visible, pattern(q)
        return shown

    def expected(self, pattern, profile=()):
        """(recommended titles in the plan's order, {section: (score or None, enough)}, strengths titles, [(title, need, label)])
        for the answers `pattern(question)` (a value, "na" or "dont-know")."""
        shown = self.shown(pattern, profile)
        fired: dict[str, dict] = {}
        strengths: dict[str, int] = {}
        scores = {}
        for section in self.sections:
            total, count, asked = 0.0, 0, 0
            for q in section["questions"]:
                if not shown[q["id"]]:
                    continue
                asked += 1
                answer = pattern(q)
                if not isinstance(answer, int):
                    continue
                values = self.scales[q["scale"]]
                fraction = (answer - min(values)) / (max(values) - min(values))
                total += fraction
                count += 1
                weight = FORMULA["weights"][q.get("weight", "medium")]
                for rule in q["recommends"]:
                    target = self.target_of(rule)
                    if answer in rule["when"]:
                        # first the question's place, then the rule's (two entries first called for by one question)
                        item = fired.setdefault(target, {"needs": [], "weight": 0.0, "order": len(fired)})
                        item["needs"].append((1 - fraction) * weight * FORMULA["fit"][rule.get("fit", "central")])
                        item["weight"] = max(item["weight"], weight)
                    elif fraction > 0.5:
                        strengths.setdefault(target, self.number[q["id"]])
            score = math.floor(100 * total / count + 0.5) if count else None
            scores[section["section"]] = (score, asked > 0 and count / asked >= FORMULA["enough_answers"])
        ranked = []
        for target, item in fired.items():
            needs = item["needs"]
            strongest = needs.index(max(needs))
            need = needs[strongest] + FORMULA["others"] * sum(n for i, n in enumerate(needs) if i != strongest)
            tentative = bool(self.entries[target].get("tentative"))
            need = _round6(need * FORMULA["tentative"] if tentative else need)
            label = "high" if need >= FORMULA["labels"]["high"] and not tentative else "medium" if need >= FORMULA["labels"]["medium"] else "low"
            ranked.append((-need, -item["weight"], item["order"], target, label))
        ranked.sort()
        # The plan's order: "Start here" takes the first entries that are not tentative, the rest follow in rank order.
        start = [r for r in ranked if not self.entries[r[3]].get("tentative")][:FORMULA["plan"]["start"]]
        ranked = start + [r for r in ranked if r not in start]
        titles = [self.entries[t]["title"] for *_, t, _ in ranked]
        kept = sorted((t for t in strengths if t not in fired), key=strengths.get)
        return titles, scores, [self.entries[t]["title"] for t in kept], [(self.entries[t]["title"], -n, label) for n, _, _, t, label in ranked]

    def score_rows(self, scores: dict) -> dict:
        """{section title: the score cell's text} as the page words it."""
        def words(score, enough):
            if enough:
                return str(score)
            return self.t("results.not_enough") if score is None else self.t("results.not_enough_score", score=score)
        return {self.section_titles[k]: words(*v) for k, v in scores.items()}

    # Answer patterns.
    def lowest(self, q):
        return self.scales[q["scale"]][0]

    def highest(self, q):
        return self.scales[q["scale"]][-1]

    def mixed(self, q):
        """Every 7th question not applicable, every 11th don't know, otherwise an option that moves with the number."""
        n = self.number[q["id"]]
        if n % 7 == 0:
            return "na"
        if n % 11 == 0:
            return "dont-know"
        values = self.scales[q["scale"]]
        return values[(n * 2) % len(values)]

    def middle(self, q):
        values = self.scales[q["scale"]]
        return values[(len(values) - 1) // 2]

    def always_asked(self) -> list[dict]:
        """Questions asked whatever the profile and the other answers."""
        return [q for q in self.questions if not q.get("show_if")]

    def recommending(self) -> list[dict]:
        """Questions always asked whose lowest answer recommends something and whose highest recommends nothing."""
        return [q for q in self.always_asked() if q["recommends"]
                and all(self.lowest(q) in r["when"] and self.highest(q) not in r["when"] for r in q["recommends"])]


REAL = Questionnaire(ROOT)


# --- Fixtures (a test module imports the ones it uses) ---

@pytest.fixture(params=["real", "example"])
def library(request):
    """(base URL, questionnaire, built site) of this library, then of the example library (a fork)."""
    if request.param == "real":
        site, project = request.getfixturevalue("real_site")
        return request.getfixturevalue("site_url"), Questionnaire(project), site
    site, project = request.getfixturevalue("example_site")
    return request.getfixturevalue("example_url"), Questionnaire(project), site


@pytest.fixture
def example(request):
    """(base URL, questionnaire, built site) of the example library alone."""
    site, project = request.getfixturevalue("example_site")
    return request.getfixturevalue("example_url"), Questionnaire(project), site


# --- Driving the page ---

def open_assessment(page, site_url: str, fragment: str = "") -> None:
    page.goto(site_url + "assessment/index.html" + fragment)
    page.wait_for_selector("#mpl-show-results", state="visible")


def answer_all(page, pattern, profile=(), questionnaire: Questionnaire = REAL) -> None:
    """Tick the profile, then answer every question asked, including those that appear on the way."""
    for option in profile:
        page.check(f"#profile-{option}")
    for _ in range(10):
        todo = page.eval_on_selector_all("fieldset[data-question]:not([hidden])",
                                         "els => els.filter(e => !e.querySelector('input:checked')).map(e => e.dataset.question)")
        if not todo:
            return
        for qid in todo:
            page.check(f"#q-{qid}-{pattern(questionnaire.by_id[qid])}")
    raise AssertionError("questions kept appearing")


def show_results(page) -> None:
    page.click("#mpl-show-results")
    page.wait_for_selector("#mpl-results:not([hidden])")


def results(page):
    """(recommended titles in rank order, {section: score text}, strengths titles) as the page shows them."""
    recs = page.eval_on_selector_all(".mpl-results__recs > li .mpl-results__title a", "els => els.map(e => e.textContent)")
    strengths = page.eval_on_selector_all("#mpl-strengths > li .mpl-results__title a", "els => els.map(e => e.textContent)")
    rows = page.eval_on_selector_all("#mpl-scores tbody tr", "rows => rows.map(r => [r.cells[0].textContent, r.cells[1].textContent])")
    return recs, dict(rows), strengths


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


# The real library's questionnaire under the names the older tests use.
SCALES, QUESTIONS, NUMBER = REAL.scales, REAL.questions, REAL.number
expected, score_rows, shown_questions = REAL.expected, REAL.score_rows, REAL.shown
lowest, highest, mixed = REAL.lowest, REAL.highest, REAL.mixed
