"""The self-assessment's results in headless Chromium: the whole questionnaire answered with fixed patterns
gives exactly the recommendations, stage scores and strengths computed from the YAML; reports export."""
from __future__ import annotations

from pathlib import Path

import pytest

from assessment_helpers import (
    expected, lowest, highest, mixed, open_assessment, answer_all, show_results, results, score_rows,
)


@pytest.mark.parametrize("pattern, profile", [(lowest, ()), (highest, ()), (mixed, ("facilitates",)), (mixed, ("commissions", "funds"))],
                         ids=["lowest", "highest", "mixed-facilitator", "mixed-commissioner"])
def test_whole_questionnaire_gives_the_expected_recommendations_and_scores(page, site_url, pattern, profile):
    open_assessment(page, site_url)
    answer_all(page, pattern, profile)
    show_results(page)
    recs, rows, strengths = results(page)
    want_recs, want_scores, want_strengths = expected(pattern, profile)
    assert recs == want_recs
    assert rows == score_rows(want_scores)
    assert strengths == want_strengths
    if pattern is lowest:
        assert set(want_scores.values()) == {0} and len(recs) >= 26  # every practice and priority action comes up
    if pattern is highest:
        assert recs == [] and set(want_scores.values()) == {100}
    asked = page.locator("fieldset[data-question]:not([hidden])").count()
    assert page.inner_text("#mpl-progress") == f"{asked} of {asked} answered"
    assert page.js_errors == []


def test_recommendations_link_to_real_pages_and_show_their_reasons(page, site_url, built_site):
    open_assessment(page, site_url)
    answer_all(page, mixed, ("facilitates",))
    show_results(page)
    items = page.locator("#mpl-recommendations > li")
    assert items.count() > 0
    for i in range(items.count()):
        href = items.nth(i).locator(".mpl-results__title a").get_attribute("href")
        assert href.startswith(site_url)
        assert (built_site / href[len(site_url):]).is_file(), href
        assert items.nth(i).locator(".mpl-results__reasons li").count() >= 1
    first = items.nth(0)
    first.locator(".mpl-results__title a").click()
    page.wait_for_selector("article h1")
    assert page.inner_text("article h1").rstrip("¶") == expected(mixed, ("facilitates",))[0][0]


def test_not_applicable_and_dont_know_are_listed_apart_with_the_reason_as_text(page, site_url):
    open_assessment(page, site_url)
    page.check("#q-com-oversight-group-shapes-question-na")
    page.fill("#q-com-oversight-group-shapes-question-reason", "<img src=x onerror=\"window.__pwned=1\"> not ours")
    page.check("#q-des-question-own-assumptions-dont-know")
    page.check("#q-des-adviser-challenges-blind-spots-2")
    show_results(page)
    assert page.inner_text("#mpl-not-applicable").strip().endswith("Reason given: <img src=x onerror=\"window.__pwned=1\"> not ours")
    assert page.locator("#mpl-results img").count() == 0
    assert "Don't know" not in page.inner_text("#mpl-dont-know") and page.locator("#mpl-dont-know li").count() == 1
    _, rows, _ = results(page)
    assert rows["Design"] == "100"  # the don't-know answer is not counted as zero
    assert rows["Commissioning and convening"] == "No score yet"


def test_results_export_as_markdown_and_csv(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, mixed, ("facilitates",))
    show_results(page)
    want_recs, want_scores, _ = expected(mixed, ("facilitates",))
    with page.expect_download() as info:
        page.click("#mpl-export-md")
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename.endswith(".md")
    ranked = [line for line in markdown.splitlines() if line[:1].isdigit()]
    assert len(ranked) == len(want_recs)
    assert ranked[0].startswith(f"1. [{want_recs[0]}]({site_url}")
    with page.expect_download() as info:
        page.click("#mpl-export-csv")
    rows = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("section,id,title,score_or_priority")
    assert [r.split(",")[1] for r in rows if r.startswith("stage score,")] == list(want_scores)
    assert sum(r.startswith("recommendation,") for r in rows) == len(want_recs)
