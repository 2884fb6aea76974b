"""Nothing lost, nothing leaked: saving, reload, export/import, share link, hostile input, start again."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from assessment_helpers import (
    REAL, mixed, open_assessment, answer_all, show_results, results, export_answers, start_again, checked,
)

# The questionnaire version this library publishes: a share link made today carries it.
VERSION = yaml.safe_load((Path(__file__).resolve().parents[2] / "assessment" / "questionnaire.yml").read_text(encoding="utf-8"))["version"]


def test_reload_restores_every_answer(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, mixed, (P1,))
    page.fill("#mpl-perspective", "Delivery team")
    before, progress = checked(page), page.inner_text("#mpl-progress")
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    assert checked(page) == before
    assert page.input_value("#mpl-perspective") == "Delivery team"
    assert page.inner_text("#mpl-progress") == progress


def test_export_then_import_round_trips_exactly(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, mixed, (P2,))
    not_applicable = page.eval_on_selector_all("input[value=na]:checked", "els => els.map(e => e.name.slice(2))")
    page.fill(f"#q-{not_applicable[0]}-reason", "Rules are set by the venue, «not us» & <b>them</b>")
    show_results(page)
    exported, before = export_answers(page), results(page)
    data = json.loads(exported)
    assert data["format"] == "mpl-assessment-answers" and data["profile"] == [P2]
    start_again(page)
    assert page.is_hidden("#mpl-results")
    page.set_input_files("#mpl-import", files=[{"name": "answers.json", "mimeType": "application/json", "buffer": exported.encode()}])
    page.wait_for_selector("#mpl-message[data-kind=success]")
    show_results(page)
    assert export_answers(page) == exported
    assert results(page) == before


def test_share_link_round_trips_and_never_reaches_the_server(page, site_url):
    open_assessment(page, site_url)
    answer_all(page, mixed, (P3,))
    page.fill("#mpl-perspective", "Commissioner <b>view</b>")
    show_results(page)
    exported = export_answers(page)
    page.click("#mpl-make-link")
    link = page.input_value("#mpl-share-link")
    assert link.startswith(site_url + "assessment/index.html#answers=")
    start_again(page)
    page.goto("about:blank")
    page.goto(link)
    page.wait_for_selector("#mpl-message[data-kind=success]")
    assert "#" not in page.url  # the answers leave the address bar once loaded
    assert page.input_value("#mpl-perspective") == "Commissioner <b>view</b>"
    assert page.locator("#mpl-perspective ~ b, .mpl-assess b").count() == 0
    show_results(page)
    assert export_answers(page) == exported
    assert not [u for u in page.requests_made if "answers=" in u]  # the fragment is never requested


def test_share_link_asks_before_replacing_answers_already_saved(page, site_url):
    open_assessment(page, site_url)
    page.check(f"#q-{A}-3")
    other = {"format": "mpl-assessment-answers", "questionnaire_version": VERSION, "profile": [], "answers": {A: {"value": 0}}}
    encoded = page.evaluate("t => btoa(t).replace(/\\+/g,'-').replace(/\\//g,'_').replace(/=+$/,'')", json.dumps(other))
    page.goto("about:blank")
    open_assessment(page, site_url, "#answers=" + encoded)
    assert page.is_checked(f"#q-{A}-3")
    page.click("text=Load the shared answers")
    assert page.is_checked(f"#q-{A}-0")


A, B, C, D = REAL.spread_questions(4)  # questions always asked, on four-point scales
P1, P2, P3 = (REAL.profile * 3)[:3]  # profile options

HOSTILE = ('{"format": "mpl-assessment-answers", "questionnaire_version": "1.0.0", "profile": [],'
           ' "answers": {"<img src=x onerror=window.__pwned=1>": {"value": 1}}}')


def test_hostile_import_is_refused_and_shown_as_text(page, site_url):
    open_assessment(page, site_url)
    page.check(f"#q-{C}-2")
    before = checked(page)
    page.set_input_files("#mpl-import", files=[{"name": "<svg onload=alert(1)>.json", "mimeType": "application/json", "buffer": HOSTILE.encode()}])
    page.wait_for_selector("#mpl-message[data-kind=error]")
    message = page.inner_text("#mpl-message")
    assert "could not be loaded, and nothing was changed" in message
    assert '"<img src=x onerror=window.__pwned=1>"' in message and "<svg onload=alert(1)>.json" in message
    assert page.locator("#mpl-message img, #mpl-message svg").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert checked(page) == before
    assert page.evaluate("document.activeElement.id") == "mpl-message"
    for bad in ("not json at all", '{"format": "other"}', "x" * 300_000):
        page.set_input_files("#mpl-import", files=[{"name": "bad.json", "mimeType": "application/json", "buffer": bad.encode()}])
        page.wait_for_function("document.querySelector('#mpl-message').dataset.kind === 'error'")
        assert checked(page) == before


def test_garbled_share_link_and_saved_answers_are_refused(page, site_url):
    open_assessment(page, site_url, "#answers=eyJmb3JtYXQiOiJ4In0")  # {"format":"x"}
    page.wait_for_selector("#mpl-message[data-kind=error]")
    assert "not an answers file" in page.inner_text("#mpl-message")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [REAL.storage["answers"], '{"format": "mpl-assessment-answers", "answers": 5}'])
    page.reload()
    page.wait_for_selector("#mpl-message[data-kind=error]")
    assert "saved answers could not be read" in page.inner_text("#mpl-message")


def test_answers_to_removed_questions_are_reported(page, site_url):
    old = {"format": "mpl-assessment-answers", "questionnaire_version": "0.9.0", "saved_at": "2025-01-01T00:00:00.000Z",
           "profile": [P1, "no-longer-an-option"], "answers": {D: {"value": 2}, "an-old-question": {"value": 1}}}
    open_assessment(page, site_url)
    page.set_input_files("#mpl-import", files=[{"name": "old.json", "mimeType": "application/json", "buffer": json.dumps(old).encode()}])
    page.wait_for_selector("#mpl-message[data-kind=warning]")
    message = page.inner_text("#mpl-message")
    assert "version 0.9.0" in message and "an-old-question" in message and "no-longer-an-option" in message
    assert page.is_checked(f"#q-{D}-2") and page.is_checked(f"#profile-{P1}")


def test_start_again_asks_first_and_keeps_answers_when_declined(page, site_url):
    open_assessment(page, site_url)
    page.check(f"#q-{B}-1")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#mpl-start-again")
    assert page.is_checked(f"#q-{B}-1")
    start_again(page)
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    assert checked(page) == []
