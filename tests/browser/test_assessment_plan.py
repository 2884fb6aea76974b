"""The plan on the results: a target per section and, per recommendation, who will do it and by when. It is kept in the
answers object ("plan"), so it survives what answers survive: reload, export and import, share links, another tab and
saved text that is damaged; it goes into the Markdown and CSV exports. Run on the example fork library."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from assessment_helpers import answer_all, example, export_answers, open_assessment, show_results, start_again  # noqa: F401


def saved(page, q) -> dict | None:
    text = page.evaluate("key => localStorage.getItem(key)", q.storage["answers"])
    return json.loads(text) if text else None


def with_results(page, q, url):
    open_assessment(page, url)
    answer_all(page, q.lowest, (), q)
    show_results(page)
    first = page.locator(".mpl-results__recs > li").first
    return first.get_attribute("id").removeprefix("rec-"), first.locator(".mpl-results__title a").inner_text()


def plan_for(page, entry: str, owner: str, by: str) -> None:
    page.fill(f"#plan-owner-{entry}", owner)
    page.fill(f"#plan-by-{entry}", by)


def test_a_plan_is_saved_with_the_answers_shown_and_restored(page, example):
    url, q, _ = example
    entry, title = with_results(page, q, url)
    section = q.sections[0]["section"]
    assert page.is_visible("#mpl-plan-empty")
    page.focus(f"#plan-owner-{entry}")
    page.keyboard.type("Youth team «north»")
    assert page.evaluate("document.activeElement.id") == f"plan-owner-{entry}", "typing keeps the focus in the field"
    page.fill(f"#plan-by-{entry}", "2027-03-31")
    page.evaluate("id => { window.__select = document.getElementById(id); }", f"target-{section}")
    page.select_option(f"#target-{section}", "70")
    assert page.evaluate("id => window.__select === document.getElementById(id)", f"target-{section}"), "the control is not redrawn"
    stored = saved(page, q)
    assert stored["plan"] == {"targets": {section: 70}, "actions": {entry: {"owner": "Youth team «north»", "by": "2027-03-31"}}}
    assert list(stored)[-1] == "plan"
    assert page.inner_text("#mpl-plan tbody") == f"{title}\tYouth team «north»\t2027-03-31"
    assert page.locator("#mpl-radar .mpl-radar--wide .mpl-radar__target").count() == 1
    page.reload()
    show_results(page)
    assert page.input_value(f"#plan-owner-{entry}") == "Youth team «north»"
    assert page.input_value(f"#plan-by-{entry}") == "2027-03-31"
    assert page.input_value(f"#target-{section}") == "70"
    # Clearing both fields removes the action; the target stays.
    page.fill(f"#plan-owner-{entry}", "")
    page.fill(f"#plan-by-{entry}", "")
    assert saved(page, q)["plan"] == {"targets": {section: 70}}
    assert not page.js_errors


def test_the_plan_round_trips_through_export_import_and_share_link_and_goes_into_the_reports(page, example):
    url, q, _ = example
    entry, title = with_results(page, q, url)
    plan_for(page, entry, "Sam, \"lead\"", "2027-01-15")
    page.select_option(f"#target-{q.sections[-1]['section']}", "90")
    exported = export_answers(page)
    assert json.loads(exported)["plan"]["actions"][entry] == {"owner": "Sam, \"lead\"", "by": "2027-01-15"}
    with page.expect_download() as info:
        page.click("#mpl-export-md")
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert f"| {title} | Sam, \"lead\" | 2027-01-15 |" in markdown
    with page.expect_download() as info:
        page.click("#mpl-export-csv")
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    head = rows[0]
    row = next(r for r in rows if r[1] == entry)
    assert row[head.index(q.t("results.csv.owner"))] == "Sam, \"lead\"" and row[head.index(q.t("results.csv.by"))] == "2027-01-15"
    target = next(r for r in rows if r[1] == q.sections[-1]["section"])
    assert target[head.index(q.t("results.csv.target"))] == "90"
    # Import into a fresh page gives the same file back.
    start_again(page)
    page.set_input_files("#mpl-import", files=[{"name": "plan.json", "mimeType": "application/json", "buffer": exported.encode()}])
    page.wait_for_selector("#mpl-message[data-kind=success]")
    show_results(page)
    assert page.input_value(f"#plan-owner-{entry}") == "Sam, \"lead\""
    assert export_answers(page) == exported
    # A share link carries it too.
    page.click("#mpl-make-link")
    link = page.input_value("#mpl-share-link")
    start_again(page)
    page.goto("about:blank")
    page.goto(link)
    page.wait_for_selector("#mpl-message[data-kind=success]")
    show_results(page)
    assert export_answers(page) == exported


def test_a_plan_made_in_another_tab_shows_in_this_one(page, example):
    url, q, _ = example
    entry, _ = with_results(page, q, url)
    other = page.context.new_page()
    open_assessment(other, url)
    show_results(other)
    plan_for(page, entry, "Ana", "2027-05-01")
    other.wait_for_function("id => document.getElementById(id).value === 'Ana'", arg=f"plan-owner-{entry}")
    assert other.input_value(f"#plan-by-{entry}") == "2027-05-01"
    assert "Ana" in other.inner_text("#mpl-plan")


def test_damaged_saved_text_keeps_the_plan_it_can_read(page, example):
    url, q, _ = example
    entry, _ = with_results(page, q, url)
    plan_for(page, entry, "Ana", "2027-05-01")
    whole = page.evaluate("key => localStorage.getItem(key)", q.storage["answers"])
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [q.storage["answers"], whole[: whole.rindex("}") - 4]])
    page.reload()
    page.wait_for_selector("#mpl-message[data-kind=error]")
    show_results(page)
    assert page.input_value(f"#plan-owner-{entry}") == "Ana" and page.input_value(f"#plan-by-{entry}") == "2027-05-01"
    assert json.loads(page.evaluate("key => localStorage.getItem(key + ':backup')", q.storage["answers"]))["entries"]
