"""Answers are never lost in the browser: damaged saved text, full or blocked storage, two tabs, import over
answers, and a new version of the questionnaire."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assessment_helpers import Questionnaire, open_assessment, export_answers, show_results, start_again, checked
from conftest import EXAMPLE, assert_no_axe_violations
from storage_stubs import BLOCKED, FULL


# Behaviour, not content: these run on the example library (tests/fixtures/example-library).
@pytest.fixture
def site_url(example_url):
    return example_url


@pytest.fixture
def built_site(example_site):
    return example_site[0]


LIB = Questionnaire(EXAMPLE)
VERSION = LIB.version
KEY = LIB.storage["answers"]
A, B, C, D = LIB.spread_questions(4)  # questions always asked, on four-point scales, in different sections
PROFILE = LIB.profile[0]
BACKUP = KEY + ":backup"
SAVED = "Saved in this browser only, after every change."

def saved(page) -> dict | None:
    text = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(text) if text else None


def backup_entries(page) -> list[dict]:
    text = page.evaluate(f"localStorage.getItem('{BACKUP}')")
    return json.loads(text)["entries"] if text else []


def set_saved_and_reload(page, site_url, text: str) -> None:
    open_assessment(page, site_url)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, text])
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")


def download_from(page, selector: str) -> str:
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_text(encoding="utf-8")


def answers_file(answers: dict, version: str = VERSION, perspective: str | None = None, profile=(), **extra) -> dict:
    """An answers object in the order the page writes it (`extra` fields go last)."""
    head = {"format": "mpl-assessment-answers", "questionnaire_version": version, "saved_at": "2026-11-01T10:00:00.000Z"}
    if perspective:
        head["perspective"] = perspective
    return {**head, "profile": list(profile), "answers": answers, **extra}


# --- 1. Partial damage keeps what is readable ---

def test_partly_damaged_saved_answers_keep_every_readable_answer_and_a_backup(page, site_url, axe):
    damaged = json.dumps(answers_file({
        A: {"value": 2},
        B: {"value": "2"},                 # not a whole number
        "<img src=x onerror=window.__pwned=1>": {"value": 1},      # hostile key
        D: {"value": 99},                 # off the scale
        C: {"status": "dont-know"},
    }, notes={"written by": "a newer version"}))                  # a field this version does not know
    set_saved_and_reload(page, site_url, damaged)
    assert page.is_checked(f"#q-{A}-2") and page.is_checked(f"#q-{C}-dont-know")
    message = page.locator("#mpl-message[data-kind=error]")
    text = message.inner_text()
    assert "Some of your saved answers could not be read" in text
    assert f'"{B}"' in text and '"notes"' in text and "<img src=x onerror=window.__pwned=1>" in text
    assert D in text  # kept aside: not on its scale
    assert page.locator("#mpl-message img").count() == 0 and page.evaluate("window.__pwned") is None
    assert page.evaluate("document.activeElement.id") == "mpl-message"
    # The raw text is kept before anything overwrites it, and can be downloaded.
    assert [e["text"] for e in backup_entries(page)] == [damaged]
    downloaded = json.loads(download_from(page, "#mpl-message button:has-text('Download the backup')"))
    assert downloaded["entries"][0]["text"] == damaged
    page.evaluate("window.scrollTo(0, 0)")  # axe counts a control cut by the top of the window as too small (2.5.8)
    assert_no_axe_violations(axe, page, "the self-assessment with damaged saved answers")
    page.check(f"#q-{B}-1")
    after = saved(page)
    assert after["answers"] == {A: {"value": 2}, B: {"value": 1},
                                C: {"status": "dont-know"}}
    assert after["retained"] == {D: {"value": 99}}
    assert [e["text"] for e in backup_entries(page)] == [damaged]
    # After a reload the page says the backup is kept, and it can still be downloaded; start again clears it.
    page.reload()
    notice = page.locator("#mpl-message[data-topic=backup]")
    assert "backup copy of earlier saved answers is kept" in notice.inner_text()
    assert page.evaluate("document.activeElement.id") != "mpl-message"  # said without taking the focus
    assert json.loads(download_from(page, "#mpl-message button:has-text('Download the backup')"))["entries"][0]["text"] == damaged
    start_again(page)
    assert backup_entries(page) == [] and saved(page) is None
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    assert page.inner_text("#mpl-message") == ""
    assert not page.js_errors


def test_saved_text_cut_short_keeps_the_answers_before_the_cut(page, site_url):
    whole = json.dumps(answers_file({A: {"value": 1}, B: {"status": "na", "reason": "We do not recruit"},
                                     C: {"value": 3}}, perspective="Delivery team", profile=[PROFILE]))
    cut = whole[: whole.index(f'"{C}"') + len(C) + 8]  # inside its answer
    set_saved_and_reload(page, site_url, cut)
    assert "cut short" in page.inner_text("#mpl-message")
    assert page.is_checked(f"#q-{A}-1") and page.is_checked(f"#q-{B}-na") and page.is_checked(f"#profile-{PROFILE}")
    assert page.input_value(f"#q-{B}-reason") == "We do not recruit"
    assert page.input_value("#mpl-perspective") == "Delivery team"
    assert [e["text"] for e in backup_entries(page)] == [cut]


def test_unreadable_saved_answers_are_backed_up_before_the_next_change_overwrites_them(page, site_url):
    set_saved_and_reload(page, site_url, "{ garbled")
    assert "could not be read" in page.inner_text("#mpl-message[data-kind=error]")
    page.check(f"#q-{A}-0")
    assert saved(page)["answers"] == {A: {"value": 0}}
    assert [e["text"] for e in backup_entries(page)] == ["{ garbled"]


# --- 2. Full or blocked storage is reported ---

def test_full_storage_is_said_at_once_with_an_export_and_saving_recovers(page, site_url, axe):
    page.add_init_script(FULL)
    open_assessment(page, site_url)
    page.check(f"#q-{A}-2")
    assert page.inner_text(".mpl-assess__saved") == SAVED
    page.evaluate("window.__full = true")
    page.check(f"#q-{B}-1")
    alert = page.locator("#mpl-message[data-kind=error]")
    assert "storage is full" in alert.inner_text()
    assert page.inner_text(".mpl-assess__saved").startswith("Not saved")
    assert page.evaluate("document.activeElement.id") == "mpl-message"
    exported = json.loads(download_from(page, "#mpl-message button:has-text('Export answers')"))
    assert exported["answers"] == {A: {"value": 2}, B: {"value": 1}}
    assert saved(page)["answers"] == {A: {"value": 2}}  # the failed write kept nothing
    assert_no_axe_violations(axe, page, "the self-assessment with full storage")
    page.check(f"#q-{B}-2")
    assert page.inner_text(".mpl-assess__saved").startswith("Not saved")
    page.evaluate("window.__full = false")
    page.check(f"#q-{C}-3")
    assert page.inner_text(".mpl-assess__saved") == SAVED
    assert "saved in this browser again" in page.inner_text("#mpl-message[data-kind=success]")
    assert saved(page)["answers"] == {A: {"value": 2}, B: {"value": 2},
                                      C: {"value": 3}}
    assert not page.js_errors


def test_import_into_full_storage_says_the_answers_are_not_saved(page, site_url):
    page.add_init_script(FULL)
    open_assessment(page, site_url)
    page.evaluate("window.__full = true")
    file = json.dumps(answers_file({A: {"value": 3}}))
    page.set_input_files("#mpl-import", files=[{"name": "answers.json", "mimeType": "application/json", "buffer": file.encode()}])
    alert = page.locator("#mpl-message[data-kind=error]")
    assert "storage is full" in alert.inner_text() and "answers.json" in alert.inner_text()
    assert page.is_checked(f"#q-{A}-3") and saved(page) is None
    assert page.inner_text(".mpl-assess__saved").startswith("Not saved")


@pytest.mark.parametrize("how", list(BLOCKED))
def test_blocked_storage_is_said_and_no_save_is_claimed(page, site_url, how):
    page.add_init_script(BLOCKED[how])
    open_assessment(page, site_url)
    assert "does not let this page store" in page.inner_text("#mpl-message[data-kind=error]")
    assert page.inner_text(".mpl-assess__saved").startswith("Not saved")
    page.check(f"#q-{A}-2")
    assert page.inner_text(".mpl-assess__saved").startswith("Not saved")
    exported = json.loads(download_from(page, "#mpl-message button:has-text('Export answers')"))
    assert exported["answers"] == {A: {"value": 2}}
    assert not page.js_errors


# --- 3. Two tabs ---

def two_tabs(page, site_url):
    other = page.context.new_page()
    other.js_errors = []
    other.on("pageerror", lambda exc: other.js_errors.append(str(exc)))
    open_assessment(page, site_url)
    open_assessment(other, site_url)
    return page, other


def test_a_change_in_another_tab_shows_in_this_one(page, site_url):
    first, second = two_tabs(page, site_url)
    second.check(f"#q-{A}-1")
    first.wait_for_function(f"document.querySelector('#q-{A}-1').checked")
    assert "another tab" in first.inner_text("#mpl-message")
    first.check(f"#q-{B}-2")  # built on the other tab's answers, not over them
    second.wait_for_function(f"document.querySelector('#q-{B}-2').checked")
    assert second.is_checked(f"#q-{A}-1")
    assert saved(first)["answers"] == {A: {"value": 1}, B: {"value": 2}}
    assert not first.js_errors


def both_changed(page, site_url):
    """This tab changes an answer while its storage is full; the other tab saves another answer meanwhile."""
    page.add_init_script(FULL)
    first, second = two_tabs(page, site_url)
    first.evaluate("window.__full = true")
    first.check(f"#q-{A}-1")
    second.check(f"#q-{B}-2")
    first.wait_for_selector("#mpl-message[data-topic=conflict]")
    first.evaluate("window.__full = false")
    return first, second


def test_both_tabs_changed_and_this_tab_is_kept_the_other_is_backed_up(page, site_url, axe):
    first, second = both_changed(page, site_url)
    assert "changed in another tab too" in first.inner_text("#mpl-message")
    assert first.inner_text(".mpl-assess__saved").startswith("Not saved")
    assert_no_axe_violations(axe, first, "the self-assessment asking which tab's answers to keep")
    other_text = first.evaluate(f"localStorage.getItem('{KEY}')")
    first.click("#mpl-message button:has-text('Keep the answers on this page')")
    assert saved(first)["answers"] == {A: {"value": 1}}
    assert [e["text"] for e in backup_entries(first)] == [other_text]
    assert first.inner_text(".mpl-assess__saved") == SAVED
    second.wait_for_function(f"document.querySelector('#q-{A}-1').checked")
    assert not second.is_checked(f"#q-{B}-2")
    assert not first.js_errors and not second.js_errors


def test_both_tabs_changed_and_the_other_is_loaded_this_one_is_backed_up(page, site_url):
    first, _ = both_changed(page, site_url)
    first.click("#mpl-message button:has-text('Load the other tab')")
    assert first.is_checked(f"#q-{B}-2") and not first.is_checked(f"#q-{A}-1")
    kept = [json.loads(e["text"]) for e in backup_entries(first)]
    assert [k["answers"] for k in kept] == [{A: {"value": 1}}]
    first.check(f"#q-{C}-0")
    assert saved(first)["answers"] == {B: {"value": 2}, C: {"value": 0}}


def test_a_change_this_tab_did_not_hear_of_is_not_overwritten(page, site_url):
    open_assessment(page, site_url)
    # Another window saved answers and this tab missed the storage event (a tab's own write sends it none).
    other_text = json.dumps(answers_file({B: {"value": 2}}), indent=2) + "\n"
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, other_text])
    page.check(f"#q-{A}-1")
    page.wait_for_selector("#mpl-message[data-topic=conflict]")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == other_text  # not written over
    assert page.inner_text(".mpl-assess__saved").startswith("Not saved")
    page.click("#mpl-message button:has-text('Keep the answers on this page')")
    assert saved(page)["answers"] == {A: {"value": 1}}
    assert [e["text"] for e in backup_entries(page)] == [other_text]


# --- 4. Import asks first ---

def import_file(page, answers: dict, name: str = "colleague.json") -> None:
    body = json.dumps(answers_file(answers)).encode()
    page.set_input_files("#mpl-import", files=[{"name": name, "mimeType": "application/json", "buffer": body}])


def test_import_asks_first_over_existing_answers_and_offers_an_export(page, site_url):
    open_assessment(page, site_url)
    import_file(page, {A: {"value": 1}})  # an empty form: nothing to ask
    page.wait_for_selector("#mpl-message[data-kind=success]")
    assert checked(page) == [f"q-{A}-1"]
    page.check(f"#q-{A}-2")
    mine = saved(page)
    import_file(page, {B: {"value": 0}})
    question = page.locator("#mpl-message[data-topic=replace]")
    assert "replaces the answers on this page" in question.inner_text() and "colleague.json" in question.inner_text()
    assert page.evaluate("document.activeElement.id") == "mpl-message"
    assert page.is_checked(f"#q-{A}-2") and saved(page) == mine  # nothing changed yet
    page.click("#mpl-message button:has-text('Keep my answers')")
    assert page.is_checked(f"#q-{A}-2") and saved(page) == mine
    import_file(page, {B: {"value": 0}})
    exported = json.loads(download_from(page, "#mpl-message button:has-text('Export my current answers')"))
    assert exported["answers"] == {A: {"value": 2}}
    page.click("#mpl-message button:has-text(\"Replace my answers with the file's\")")
    page.wait_for_selector("#mpl-message[data-kind=success]")
    assert page.is_checked(f"#q-{B}-0") and not page.is_checked(f"#q-{A}-2")
    assert saved(page)["answers"] == {B: {"value": 0}}


# --- 6. A new version of the questionnaire keeps the answers to questions it does not have ---

def renamed_build(page, site_url, old: str, new: str, version: str) -> None:
    """Serves the page and its data as a build in which question `old` is called `new`, at `version`."""
    pattern = re.compile(rf"(?<![a-z0-9]){re.escape(old)}(?![a-z0-9])")

    def rename(route):
        response = route.fetch()
        body = pattern.sub(new, response.text())
        if route.request.url.endswith("data.json"):
            data = json.loads(body)
            data["version"] = version
            body = json.dumps(data)
        route.fulfill(response=response, body=body)

    page.route(site_url + "assessment/index.html", rename)
    page.route(site_url + "assessment/data.json", rename)


def test_answers_to_a_renamed_question_are_kept_not_scored_and_found_again(page, site_url, built_site):
    old = A
    assert not [q for q in LIB.questions if q["id"] != old and q["id"].startswith(old + "-")]
    section = next(s for s in json.loads((built_site / "assessment" / "data.json").read_text())["sections"]
                   if any(q["id"] == old for q in s["questions"]))
    # Another question, answered all along, from another section: the renamed question's section has no other answer.
    elsewhere = next(q["id"] for q in LIB.always_asked() if len(LIB.scales[q["scale"]]) >= 4
             and not any(q["id"] == other["id"] for other in section["questions"]))
    open_assessment(page, site_url)
    page.check(f"#q-{old}-2")
    page.check(f"#q-{elsewhere}-1")
    renamed_build(page, site_url, old, f"{old}-again", "9.0.0")
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    assert page.locator(f"#q-{old}").count() == 0 and not page.is_checked(f"#q-{old}-again-2")
    note = page.inner_text("#mpl-message[data-kind=warning]")
    assert old in note and "kept aside" in note and "version 9.0.0" in note
    page.check(f"#q-{elsewhere}-2")
    stored = saved(page)
    assert stored["questionnaire_version"] == "9.0.0"
    assert stored["answers"] == {elsewhere: {"value": 2}}
    assert stored["retained"] == {old: {"value": 2}}
    show_results(page)  # scores ignore the answer kept aside
    row = page.locator("#mpl-scores tbody tr", has=page.locator(f"th:text-is('{section['title']}')"))
    assert row.locator("td").first.inner_text() == LIB.t("results.not_enough")
    exported = export_answers(page)
    assert json.loads(exported)["retained"] == {old: {"value": 2}}
    # Export -> import -> export is exact, the answer kept aside included.
    start_again(page)
    page.set_input_files("#mpl-import", files=[{"name": "a.json", "mimeType": "application/json", "buffer": exported.encode()}])
    page.wait_for_selector("#mpl-message[data-kind=success]")
    show_results(page)
    assert export_answers(page) == exported
    # A later build that has the question again finds the answer.
    page.unroute(site_url + "assessment/index.html")
    page.unroute(site_url + "assessment/data.json")
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    assert page.is_checked(f"#q-{old}-2")
    assert "back in use" in page.inner_text("#mpl-message")
    page.check(f"#q-{elsewhere}-3")
    assert saved(page)["answers"][old] == {"value": 2} and "retained" not in saved(page)
    assert not page.js_errors
