"""The self-assessment's results in headless Chromium, on this library and on the example fork: the whole
questionnaire answered with fixed patterns gives exactly the recommendations (in rank order, grouped), section scores
and strengths computed from the library's YAML and FORMULA; each recommendation says what to do; reports export."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from assessment_helpers import answer_all, library, open_assessment, results, show_results  # noqa: F401 (fixture)
from model.assessment import FORMULA

PATTERNS = ["lowest", "highest", "mixed", "middle"]


# Every pattern without a profile; the profile (one option, two options) with the lowest and mixed patterns.
CASES = [(p, 0) for p in PATTERNS] + [(p, n) for p in ("lowest", "mixed") for n in (1, 2)]


@pytest.mark.parametrize(("pattern_name", "profile_size"), CASES, ids=[f"{p}-profile{n}" for p, n in CASES])
def test_whole_questionnaire_gives_the_expected_recommendations_and_scores(page, library, pattern_name, profile_size):
    url, q, _ = library
    pattern = getattr(q, pattern_name)
    profile = q.profile[:profile_size]
    open_assessment(page, url)
    answer_all(page, pattern, profile, q)
    show_results(page)
    recs, rows, strengths = results(page)
    want_recs, want_scores, want_strengths, needs = q.expected(pattern, profile)
    assert recs == want_recs
    assert rows == q.score_rows(want_scores)
    assert strengths == want_strengths
    groups = [page.locator(f"#mpl-recs-{g} > li").count() for g in ("start", "next", "later")]
    # "Start here" takes the first entries that are not tentative (ideas only floated are options to consider).
    by_title = {e["title"]: e for e in q.entries.values()}
    start = min(FORMULA["plan"]["start"], sum(1 for t in recs if not by_title[t].get("tentative")))
    following = min(FORMULA["plan"]["next"], len(recs) - start)
    assert groups == [start, following, len(recs) - start - following]
    starting = page.eval_on_selector_all("#mpl-recs-start > li .mpl-results__title a", "els => els.map(e => e.textContent)")
    assert not [t for t in starting if by_title[t].get("tentative")]
    labels = page.eval_on_selector_all(".mpl-results__recs > li", "els => els.map(e => e.querySelectorAll('.mpl-results__tag')[1].textContent)")
    assert labels == [q.t(f"results.label.{label}") for _, _, label in needs]
    if pattern_name == "lowest" and not profile:
        assert {s for s, _ in want_scores.values()} == {0}
        assert {t for t in recs} == {q.entries[e]["title"] for e in q.recommendable()}  # every entry comes up
    if pattern_name == "highest":
        assert recs == [] and {s for s, _ in want_scores.values()} == {100}
    asked = page.locator("fieldset[data-question]:not([hidden])").count()
    assert page.inner_text("#mpl-progress") == f"{asked} {q.t('assessment.progress_of')} {asked} {q.t('assessment.progress_answered')}"
    assert page.js_errors == []


def test_each_recommendation_says_who_acts_its_effort_stages_reasons_and_first_step(page, library):
    url, q, site = library
    open_assessment(page, url)
    answer_all(page, q.lowest, (), q)
    show_results(page)
    if page.locator("#mpl-recs-later-area:not([hidden])").count():
        page.click("#mpl-recs-later-summary")
    items = page.locator(".mpl-results__recs > li")
    by_title = {e["title"]: e for e in q.entries.values()}
    assert items.count() > 0
    for i in range(items.count()):
        item = items.nth(i)
        link = item.locator(".mpl-results__title a")
        entry = by_title[link.inner_text()]
        href = link.get_attribute("href")
        assert href.startswith(url) and (site / href[len(url):]).is_file(), href
        text = item.inner_text()
        assert entry["summary"] in text
        facts = dict(zip(item.locator(".mpl-rec__facts dt").all_inner_texts(), item.locator(".mpl-rec__facts dd").all_inner_texts()))
        assert q.t("entry.who_acts") in facts and q.t("entry.stage") in facts
        if entry.get("effort"):
            assert facts[q.t("entry.effort")] == q.t(f"effort.{entry['effort']}.long")
        step = item.locator(".mpl-rec__step").inner_text()
        assert (entry["first_step"] in step) if entry.get("first_step") else step == q.t("results.no_first_step")
        assert (q.t("entry.tentative_title") in text) == bool(entry.get("tentative"))
        assert item.locator(".mpl-results__reasons li").count() >= 1
        assert item.locator("input[type=date]").count() == 1 and item.locator("input[type=text]").count() == 1
    first = items.nth(0).locator(".mpl-results__title a")
    title = first.inner_text()
    first.click()
    page.wait_for_selector("article h1")
    assert page.inner_text("article h1").rstrip("¶") == title


def test_not_applicable_and_dont_know_are_listed_apart_with_who_could_answer(page, library):
    url, q, _ = library
    na, dk, answered = q.always_asked()[:3]
    open_assessment(page, url)
    page.check(f"#q-{na['id']}-na")
    page.fill(f"#q-{na['id']}-reason", "<img src=x onerror=\"window.__pwned=1\"> not ours")
    page.check(f"#q-{dk['id']}-dont-know")
    page.check(f"#q-{answered['id']}-{q.highest(answered)}")
    show_results(page)
    assert page.inner_text("#mpl-not-applicable").strip().endswith(q.t("results.reason_given", reason="<img src=x onerror=\"window.__pwned=1\"> not ours"))
    assert page.locator("#mpl-results img").count() == 0
    item = page.locator("#mpl-dont-know li")
    assert item.count() == 1 and item.inner_text().startswith(dk["text"])
    roles = {r for rule in dk["recommends"] for r in q.entries[q.target_of(rule)].get("roles", [])}
    assert (q.t("results.who_could_answer_none") in item.inner_text()) == (not roles)
    _, rows, _ = results(page)
    section_of = {qq["id"]: s["section"] for s in q.sections for qq in s["questions"]}
    if section_of[answered["id"]] not in (section_of[na["id"]], section_of[dk["id"]]):
        assert "100" in rows[q.section_titles[section_of[answered["id"]]]]  # a don't-know answer is not counted as zero


def test_results_export_as_markdown_and_csv_with_what_they_are_of(page, library):
    url, q, _ = library
    profile = q.profile[:1]
    open_assessment(page, url)
    answer_all(page, q.mixed, profile, q)
    page.fill("#mpl-perspective", "Team, \"north\"")
    show_results(page)
    want_recs, want_scores, _, _ = q.expected(q.mixed, profile)
    with page.expect_download() as info:
        page.click("#mpl-export-md")
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename.endswith(".md")
    assert f"**{q.t('results.about_version')}**: {q.version}" in markdown
    assert f"**{q.t('results.about_perspective')}**: Team, \"north\"" in markdown
    ranked = [line for line in markdown.splitlines() if line[:1].isdigit()]
    assert len(ranked) == len(want_recs)
    assert ranked[0].startswith(f"1. [{want_recs[0]}]({url}")
    with page.expect_download() as info:
        page.click("#mpl-export-csv")
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    head = rows[0]
    assert head[:2] == [q.t("results.csv.kind"), q.t("results.csv.id")]
    about = {r[1]: r[3] for r in rows if r[0] == q.t("results.csv_about")}
    assert about["version"] == q.version and about["perspective"] == "Team, \"north\""
    assert [r[1] for r in rows if r[0] == q.t("results.csv_section")] == list(want_scores)
    assert [r[2] for r in rows if r[0] == q.t("results.csv_recommendation")] == want_recs
