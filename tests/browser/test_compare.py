"""Compare over time (snapshots) and combine perspectives, in a real browser against the built site.

Snapshots are saved from answers given on the real self-assessment page; the combined files are
written in the real answers format against the site's own assessment/data.json.
"""
from __future__ import annotations

import json
import re

import pytest

from conftest import assert_no_axe_violations
from storage_stubs import BLOCKED, FULL

COMPARE = "assessment/compare.html"
COMBINE = "assessment/combine.html"
ASSESSMENT = "assessment/index.html"


# --- Helpers ---

@pytest.fixture(scope="module")
def data(built_site) -> dict:
    return json.loads((built_site / "assessment" / "data.json").read_text(encoding="utf-8"))


def questions(data: dict) -> list[dict]:
    """Questions always asked (no condition on an earlier answer), in questionnaire order."""
    return [q for s in data["sections"] for q in s["questions"] if not (q.get("show_if") or {}).get("question")]


def values(data: dict, q: dict) -> list[int]:
    return [o["value"] for o in data["scales"][q["scale"]]["options"]]


def label(data: dict, q: dict, value: int) -> str:
    return next(o["label"] for o in data["scales"][q["scale"]]["options"] if o["value"] == value)


def recommended(data: dict, answers: dict[str, int]) -> set[str]:
    """Titles of the practices these value answers recommend (the self-assessment's rule: value in `when`)."""
    return {data["targets"][r["target"]]["title"] for q in questions(data) if q["id"] in answers
            for r in q["recommends"] if answers[q["id"]] in r["when"]}


def recommending(data: dict) -> list[dict]:
    """Questions whose lowest answer recommends something and whose highest answer recommends nothing."""
    return [q for q in questions(data) if q["recommends"]
            and all(min(values(data, q)) in r["when"] and max(values(data, q)) not in r["when"] for r in q["recommends"])]


def numbers(answers: dict) -> dict[str, int]:
    return {qid: a["value"] for qid, a in answers.items() if "value" in a}


def answers_file(data: dict, answers: dict, perspective: str | None = None, version: str | None = None) -> str:
    content = {"format": "mpl-assessment-answers", "questionnaire_version": version or data["version"],
               "saved_at": "2026-11-01T10:00:00.000Z", "profile": [], "answers": answers}
    if perspective:
        content["perspective"] = perspective
    return json.dumps(content)


def open_ready(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.wait_for_selector(".mpl-cmp-js-only:not([hidden])")


def answer_on_assessment_page(page, site_url: str, answers: dict[str, int | str]) -> None:
    page.goto(site_url + ASSESSMENT)
    page.wait_for_selector("#mpl-assessment[data-ready]")
    page.wait_for_selector(".mpl-assess__tools:not([hidden])")
    for qid, value in answers.items():
        page.check(f"#q-{qid}-{value}")


def save_snapshot(page, site_url: str, name: str) -> None:
    open_ready(page, site_url, COMPARE)
    page.fill("#snapshot-label", name)
    page.click("text=Save the current answers as a snapshot")
    page.wait_for_selector(f"[data-role='status']:has-text('Saved: {name}')")


def list_texts(page, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(selector).all_inner_texts()]


# --- Over time ---

def test_two_snapshots_from_the_assessment_compare_with_changed_answers_and_recommendations(page, site_url, data, axe):
    q1, q2, q3 = recommending(data)[:3]
    low = {q["id"]: min(values(data, q)) for q in (q1, q2, q3)}
    before = dict(low)
    after = {q1["id"]: max(values(data, q1)), q2["id"]: low[q2["id"]], q3["id"]: "dont-know"}
    answer_on_assessment_page(page, site_url, before)
    save_snapshot(page, site_url, "before the assembly")
    answer_on_assessment_page(page, site_url, after)
    save_snapshot(page, site_url, "after the assembly")

    rows = page.locator("[data-role='list'] tbody tr")
    assert rows.count() == 2
    assert list_texts(page, "[data-role='list'] tbody th") == ["before the assembly", "after the assembly"]
    page.select_option("#compare-before", label=page.locator("#compare-before option", has_text="before the assembly").inner_text())
    page.select_option("#compare-after", label=page.locator("#compare-after option", has_text="after the assembly").inner_text())
    page.click(".mpl-compare__pick button[type='submit']")
    page.wait_for_selector("[data-role='results']:not([hidden])")

    changed = page.locator(".mpl-cmp-changed tbody tr")
    assert [[c.strip() for c in changed.nth(i).locator("th, td").all_inner_texts()] for i in range(changed.count())] == [
        [q1["text"], label(data, q1, low[q1["id"]]), label(data, q1, after[q1["id"]])],
        [q3["text"], label(data, q3, low[q3["id"]]), "Don't know"],
    ]
    numeric_after = {k: v for k, v in after.items() if isinstance(v, int)}
    newly = recommended(data, numeric_after) - recommended(data, before)
    dropped = recommended(data, before) - recommended(data, numeric_after)
    assert dropped, "the fixture should make at least one practice no longer recommended"
    lists = page.locator(".mpl-cmp-rec-list")
    headings = list_texts(page, "[data-role='results'] h3")
    assert f"Newly recommended ({len(newly)})" in headings
    assert f"No longer recommended ({len(dropped)})" in headings
    dropped_titles = page.locator("h3:has-text('No longer recommended') + ul.mpl-cmp-rec-list > li > a").all_inner_texts()
    assert sorted(dropped_titles) == sorted(dropped)
    assert lists.count() >= 1
    # The chart has both outlines, and the table gives the same figures.
    assert page.locator(".mpl-cmp-radar__series").count() == 2
    assert page.locator("[data-role='results'] table").first.locator("tbody tr").count() == len(data["sections"])
    assert page.evaluate("document.activeElement.classList.contains('mpl-cmp-results__heading')")
    assert_no_axe_violations(axe, page, "the comparison of two snapshots")
    assert not page.js_errors


def test_a_snapshot_compares_with_the_current_answers_and_can_be_renamed_and_deleted(page, site_url, data):
    q1 = recommending(data)[0]
    answer_on_assessment_page(page, site_url, {q1["id"]: min(values(data, q1))})
    save_snapshot(page, site_url, "first")
    answer_on_assessment_page(page, site_url, {q1["id"]: max(values(data, q1))})
    open_ready(page, site_url, COMPARE)
    assert page.locator("#compare-after").input_value() == "current"
    page.click(".mpl-compare__pick button[type='submit']")
    assert page.locator(".mpl-cmp-changed tbody tr").count() == 1

    page.once("dialog", lambda dialog: dialog.accept("<b>renamed</b>"))
    page.click("button[data-action='rename']")
    assert list_texts(page, "[data-role='list'] tbody th") == ["<b>renamed</b>"]  # text, never markup
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("button[data-action='delete']")
    assert page.locator("[data-role='list'] tbody tr").count() == 1, "dismissing the confirmation keeps the snapshot"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button[data-action='delete']")
    assert page.locator("[data-role='list']").inner_text().strip() == "No snapshots yet."


def test_snapshots_export_and_import_back_and_a_bad_file_is_refused(page, site_url, data, tmp_path):
    q1 = recommending(data)[0]
    answer_on_assessment_page(page, site_url, {q1["id"]: min(values(data, q1))})
    save_snapshot(page, site_url, "kept")
    with page.expect_download() as download:
        page.click("[data-role='export']")
    exported = tmp_path / "snapshots.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["snapshots"][0]["label"] == "kept"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button[data-action='delete']")
    page.set_input_files("#snapshot-import", str(exported))
    page.wait_for_selector("[data-role='status']:has-text('Imported 1 new snapshot')")
    assert list_texts(page, "[data-role='list'] tbody th") == ["kept"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "mpl-assessment-snapshots", "snapshots": [{"saved_at": "2026-01-01", "answers": {"format": "x"}}]}')
    page.set_input_files("#snapshot-import", str(bad))
    page.wait_for_selector("[data-role='status']:has-text('bad.json was not imported')")
    assert "not an answers file" in page.locator("[data-role='status']").inner_text()


def test_the_compare_page_works_with_the_keyboard_alone(page, site_url, data):
    q1 = recommending(data)[0]
    answer_on_assessment_page(page, site_url, {q1["id"]: min(values(data, q1))})
    open_ready(page, site_url, COMPARE)
    page.focus("#snapshot-label")
    page.keyboard.type("by keyboard")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-role='status']:has-text('Saved: by keyboard')")
    page.focus("#compare-after")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Compare"
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-role='results']:not([hidden])")
    assert page.evaluate("document.activeElement.textContent").startswith("by keyboard")


# --- Across perspectives ---

def test_three_files_combine_with_the_planted_disagreement_first_and_bad_files_refused(page, site_url, data, tmp_path, axe):
    planted, *others = recommending(data)[:5]
    lo, hi = min(values(data, planted)), max(values(data, planted))
    # Everyone agrees but for one step on the other questions; on the planted one, the two ends of the scale.
    common = {q["id"]: {"value": max(values(data, q))} for q in others}
    near = dict(common, **{others[0]["id"]: {"value": max(values(data, others[0])) - 1}})
    commissioner = {planted["id"]: {"value": lo}, **common}
    facilitator = {planted["id"]: {"value": hi}, **near, others[1]["id"]: {"status": "na", "reason": "We do not recruit"}}
    member = {planted["id"]: {"value": hi}, **common, others[2]["id"]: {"status": "dont-know"}}
    files = {
        "commissioner.json": answers_file(data, commissioner, "Commissioner"),
        "facilitator.json": answers_file(data, {**facilitator, "a-question-since-removed": {"value": 1}},
                                         "Lead facilitator", version="0.9.0"),
        "assembly-member.json": answers_file(data, member),
        "hostile.json": json.dumps({"format": "mpl-assessment-answers", "questionnaire_version": data["version"],
                                    "perspective": "<img src=x onerror=window.pwned=1>",
                                    "answers": {planted["id"]: {"value": "<script>window.pwned=1</script>"}}}),
        "broken.json": "{ this is not JSON",
    }
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))

    open_ready(page, site_url, COMBINE)
    page.set_input_files("#combine-files", paths)
    page.wait_for_selector("[data-role='results'][data-complete]")

    refused = page.locator("[data-role='refused']")
    assert refused.locator("h2").inner_text() == "2 files were refused"
    assert refused.locator("li strong").all_inner_texts() == ["hostile.json", "broken.json"]
    assert "whole number" in refused.inner_text() and "not valid JSON" in refused.inner_text()
    assert page.locator("[data-role='results'] img, [data-role='refused'] img").count() == 0
    assert page.evaluate("window.pwned") is None

    perspectives = [page.locator(".mpl-cmp-perspectives tbody tr").nth(i).locator("input").input_value() for i in range(3)]
    assert perspectives == ["Commissioner", "Lead facilitator", "assembly-member"]
    facilitator_row = page.locator(".mpl-cmp-perspectives tbody tr").nth(1).inner_text()
    assert "0.9.0" in facilitator_row and "a-question-since-removed" in facilitator_row

    first = page.locator(".mpl-cmp-disagreements > li").first
    assert first.locator("strong").inner_text() == planted["text"]
    assert "100% of the scale" in first.inner_text()
    cells = first.locator("tbody tr")
    assert [cells.nth(i).locator("th, td").all_inner_texts() for i in range(3)] == [
        ["Commissioner", label(data, planted, lo)], ["Lead facilitator", label(data, planted, hi)],
        ["assembly-member", label(data, planted, hi)]]
    assert page.locator(".mpl-cmp-disagreements > li").count() == 2  # the planted gap and the one-step gap

    # Practices recommended by the commissioner's lowest answer alone are kept, marked as a minority view.
    only_commissioner = recommended(data, numbers(commissioner)) - recommended(data, numbers(facilitator)) \
        - recommended(data, numbers(member))
    assert only_commissioner, "the planted answer should recommend a practice that only the commissioner's answers do"
    items = page.locator("[data-role='results'] ol.mpl-cmp-rec-list > li")
    for title in only_commissioner:
        item = items.filter(has=page.locator(f"a:text-is('{title}')"))
        assert "Minority view" in item.inner_text() and "1 of 3 perspectives (Commissioner)" in item.inner_text()

    page.locator("[data-role='results'] details > summary").last.click()  # the gaps per perspective, built when opened
    gaps = page.locator("[data-role='results'] table").last.inner_text()
    assert others[1]["text"] in gaps and "We do not recruit" in gaps and others[2]["text"] in gaps
    assert page.locator(".mpl-cmp-radar__series").count() == 4  # three perspectives and the combined outline
    assert_no_axe_violations(axe, page, "the combined perspectives")
    assert not page.js_errors


def test_perspectives_can_be_renamed_and_the_file_picker_opens_from_the_keyboard(page, site_url, data, tmp_path):
    q = recommending(data)[0]
    paths = []
    for name, value in (("one.json", 0), ("two.json", 1)):
        (tmp_path / name).write_text(answers_file(data, {q["id"]: {"value": value}}), encoding="utf-8")
        paths.append(str(tmp_path / name))
    choosers = []
    page.on("filechooser", lambda chooser: choosers.append(chooser))  # before the page loads: file choosers are intercepted from the start
    open_ready(page, site_url, COMBINE)
    page.focus("#combine-files")
    assert page.evaluate("document.activeElement.id") == "combine-files"
    page.keyboard.press("Enter")
    for _ in range(50):
        if choosers:
            break
        page.wait_for_timeout(100)
    assert choosers, "Enter on the focused file field opens the file chooser"
    choosers[0].set_files(paths)
    page.wait_for_selector("[data-role='results'][data-complete]")
    name = page.locator("#perspective-0")
    name.fill("Recruiter")
    name.press("Enter")
    assert page.locator(".mpl-cmp-disagreements tbody th").first.inner_text() == "Recruiter"
    assert page.evaluate("document.activeElement.id") == "perspective-0"


def test_combine_and_compare_pages_are_clean_before_any_file(page, site_url, axe):
    for path in (COMPARE, COMBINE):
        open_ready(page, site_url, path)
        assert_no_axe_violations(axe, page, path)
    assert not page.js_errors


def test_the_pages_start_when_reached_through_the_site_navigation(page, site_url):
    page.goto(site_url + "about.html")
    page.locator("a.md-nav__link:visible", has_text="Combine perspectives").first.click()
    page.wait_for_selector("[data-module='mpl-combine'] .mpl-cmp-js-only:not([hidden])")
    page.locator("a.md-nav__link:visible", has_text="Compare over time").first.click()
    page.wait_for_selector("[data-module='mpl-compare'] .mpl-cmp-js-only:not([hidden])")
    assert page.locator("[data-role='list']").inner_text().strip() == "No snapshots yet."
    assert not page.js_errors


def test_without_javascript_the_pages_say_they_need_it(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        for path, explained in ((COMPARE, "snapshot"), (COMBINE, "How the results are worked out")):
            pg.goto(site_url + path)
            assert pg.locator(".mpl-cmp-js-note").is_visible()
            assert not pg.locator(".mpl-cmp-js-only").is_visible()
            assert explained in pg.locator("article").inner_text()
    finally:
        context.close()


def test_edit_links_open_the_yaml_that_holds_the_pages_wording(built_site):
    for name in ("compare", "combine"):
        html = (built_site / "assessment" / f"{name}.html").read_text(encoding="utf-8")
        assert "edit/main/assessment/pages.yml" in html


def test_a_file_exported_by_the_self_assessment_combines_under_its_perspective(page, site_url, data, tmp_path):
    q = recommending(data)[0]
    answer_on_assessment_page(page, site_url, {q["id"]: min(values(data, q))})
    page.fill("#mpl-perspective", "Commissioner")
    page.locator("#mpl-perspective").dispatch_event("change")
    page.click("#mpl-show-results")
    with page.expect_download() as download:
        page.click("#mpl-export-json")
    exported = tmp_path / "exported.json"
    download.value.save_as(exported)
    other = tmp_path / "member.json"
    other.write_text(answers_file(data, {q["id"]: {"value": max(values(data, q))}}, "Former assembly member"), encoding="utf-8")
    open_ready(page, site_url, COMBINE)
    page.set_input_files("#combine-files", [str(exported), str(other)])
    page.wait_for_selector("[data-role='results'][data-complete]")
    assert page.locator("[data-role='refused']").inner_text() == ""
    first = page.locator(".mpl-cmp-disagreements > li").first
    assert first.locator("strong").inner_text() == q["text"]
    assert first.locator("tbody th").all_inner_texts() == ["Commissioner", "Former assembly member"]


# --- Nothing lost: unreadable snapshots, full or blocked storage, answers kept aside ---

def stored_snapshot(data: dict, sid: str, label: str, saved_at: str) -> dict:
    q = recommending(data)[0]
    return {"id": sid, "label": label, "saved_at": saved_at,
            "answers": json.loads(answers_file(data, {q["id"]: {"value": min(values(data, q))}}))}


def test_unreadable_snapshots_are_kept_counted_and_backed_up(page, site_url, data, axe):
    SNAPSHOTS = data["storage"]["snapshots"]
    good = stored_snapshot(data, "snapshot-good", "readable", "2026-01-01T10:00:00.000Z")
    raw = json.dumps({"format": "mpl-assessment-snapshots", "snapshots": [good, {"id": "x", "label": "no date or answers"},
                                                                          "garbage"]})
    q = recommending(data)[0]
    answer_on_assessment_page(page, site_url, {q["id"]: max(values(data, q))})
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [SNAPSHOTS, raw])
    open_ready(page, site_url, COMPARE)
    assert "2 saved snapshots could not be read" in page.locator("[data-role='status']").inner_text()
    assert "2 saved snapshots could not be read" in page.locator(".mpl-cmp-damaged").inner_text()
    assert list_texts(page, "[data-role='list'] tbody th") == ["readable"]
    with page.expect_download() as download:
        page.click(".mpl-cmp-damaged button")
    backup = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert [e["text"] for e in backup["entries"]] == [raw]
    assert_no_axe_violations(axe, page, "the compare page with unreadable snapshots")
    save_snapshot(page, site_url, "after")
    assert list_texts(page, "[data-role='list'] tbody th") == ["readable", "after"]
    kept = json.loads(page.evaluate(f"localStorage.getItem('{SNAPSHOTS}:backup')"))
    assert [e["text"] for e in kept["entries"]] == [raw]
    assert "backup copy" in page.locator(".mpl-cmp-damaged").inner_text()
    assert not page.js_errors


def test_full_storage_on_the_compare_page_is_said_and_nothing_is_lost(page, site_url, data, tmp_path):
    SNAPSHOTS = data["storage"]["snapshots"]
    page.add_init_script(FULL)
    q = recommending(data)[0]
    answer_on_assessment_page(page, site_url, {q["id"]: min(values(data, q))})
    save_snapshot(page, site_url, "kept")
    before = page.evaluate(f"localStorage.getItem('{SNAPSHOTS}')")
    page.evaluate("window.__full = true")
    page.fill("#snapshot-label", "one more")
    page.click("text=Save the current answers as a snapshot")
    status = page.locator("[data-role='status']")
    assert "The snapshot was not saved" in status.inner_text() and "storage is full" in status.inner_text()
    exported = tmp_path / "other.json"
    exported.write_text(json.dumps({"format": "mpl-assessment-snapshots",
                                    "snapshots": [stored_snapshot(data, "snapshot-other", "other", "2026-02-01T10:00:00.000Z")]}))
    page.set_input_files("#snapshot-import", str(exported))
    page.wait_for_selector("[data-role='status']:has-text('other.json was not imported')")
    assert "storage is full" in status.inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button[data-action='delete']")
    assert "The snapshot was not deleted" in status.inner_text()
    assert page.evaluate(f"localStorage.getItem('{SNAPSHOTS}')") == before
    assert list_texts(page, "[data-role='list'] tbody th") == ["kept"]
    assert not page.js_errors


def test_the_compare_page_starts_and_says_so_when_storage_is_blocked(page, site_url):
    page.add_init_script(BLOCKED["access throws"])
    open_ready(page, site_url, COMPARE)
    assert "cannot be kept in this browser" in page.locator("[data-role='status']").inner_text()
    page.click("text=Save the current answers as a snapshot")
    assert not page.js_errors


def test_a_file_with_answers_kept_aside_combines_and_lists_them(page, site_url, data, tmp_path):
    q = recommending(data)[0]
    old = json.loads(answers_file(data, {q["id"]: {"value": min(values(data, q))}}, "Recruiter", version="0.9.0"))
    old["retained"] = {"a-question-since-removed": {"value": 1}}
    paths = []
    for name, text in (("old.json", json.dumps(old)), ("new.json", answers_file(data, {q["id"]: {"value": max(values(data, q))}}))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    open_ready(page, site_url, COMBINE)
    page.set_input_files("#combine-files", paths)
    page.wait_for_selector("[data-role='results'][data-complete]")
    assert page.locator("[data-role='refused']").inner_text() == ""
    assert "a-question-since-removed" in page.locator(".mpl-cmp-perspectives tbody tr").first.inner_text()
    assert page.locator(".mpl-cmp-disagreements > li").first.locator("strong").inner_text() == q["text"]


def test_fifty_perspectives_combine_summary_first_with_the_detail_on_demand(page, site_url, data, tmp_path):
    asked = questions(data)
    paths = []
    for i in range(50):
        answers = {q["id"]: {"value": values(data, q)[(i + n) % len(values(data, q))]} for n, q in enumerate(asked)}
        (tmp_path / f"p{i}.json").write_text(answers_file(data, answers, f"Person {i + 1}"), encoding="utf-8")
        paths.append(str(tmp_path / f"p{i}.json"))
    open_ready(page, site_url, COMBINE)
    order = page.evaluate("""() => { const all = [...document.querySelectorAll('article *')];
        return [all.indexOf(document.getElementById('combine-files')), all.indexOf(document.getElementById('how-to-use-it'))]; }""")
    assert 0 <= order[0] < order[1], "the file picker comes before the explanations"
    page.set_input_files("#combine-files", paths)
    page.wait_for_selector("[data-role='results'][data-complete]")
    results = page.locator("[data-role='results'] > *")
    assert results.nth(0).evaluate("e => e.classList.contains('mpl-cmp-results__heading')")
    assert results.nth(1).evaluate("e => e.classList.contains('mpl-cmp-summary')"), "a summary before any detail"
    assert page.locator(".mpl-cmp-summary li").count() >= 3
    assert page.locator(".mpl-cmp-perspectives tbody tr").count() == 50
    shown = page.locator("ol.mpl-cmp-disagreements").first.locator("> li")
    assert shown.count() <= 5
    # Fifty answers to a question: one line per answer, naming who gave it; everyone's row only on demand.
    groups = shown.first.locator(".mpl-cmp-answer-groups > li")
    assert groups.count() >= 2 and sum(int(re.search(r"\((\d+)\)", t).group(1)) for t in groups.all_inner_texts()) == 50
    more = shown.first.locator("details")
    assert more.locator("table").count() == 0, "the detail is built when it is opened"
    more.locator("summary").focus()
    page.keyboard.press("Enter")
    more.locator("tbody tr").first.wait_for()  # built on the "toggle" event, which comes after the key press
    assert more.locator("tbody tr").count() == 50
    assert page.evaluate("performance.getEntriesByName('mpl-combine').length") == 1
    assert not page.js_errors
