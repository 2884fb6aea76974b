"""Each library keeps its answers and snapshots under its own keys (data.json `storage`, from the site's id), so two
libraries served from one origin never share answers; answers and snapshots saved by the first versions under the
legacy keys are copied to the new ones when those are empty, and the legacy keys are never deleted."""
from __future__ import annotations

import json

from assessment_helpers import REAL, example, open_assessment  # noqa: F401 (fixture)

LEGACY = {"answers": "mpl-assessment:answers", "snapshots": "mpl-assessment:snapshots"}


def keys(page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def test_two_libraries_on_one_origin_keep_their_answers_apart(page, example):
    url, q, _ = example
    first, second = q.always_asked()[:2]
    open_assessment(page, url)
    page.check(f"#q-{first['id']}-{q.lowest(first)}")
    assert json.loads(keys(page)[q.storage["answers"]])["answers"] == {first["id"]: {"value": q.lowest(first)}}

    # The same pages with another library's data.json: another id, so other keys.
    def other_library(route):
        response = route.fetch()
        data = response.json()
        data["storage"] = {"answers": "another-library:assessment:answers", "snapshots": "another-library:assessment:snapshots"}
        route.fulfill(response=response, body=json.dumps(data))

    page.route(url + "assessment/data.json", other_library)
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    assert page.locator("#mpl-assessment-form input:checked").count() == 0, "the other library's answers are not shared"
    page.check(f"#q-{second['id']}-{q.highest(second)}")
    stored = keys(page)
    assert json.loads(stored["another-library:assessment:answers"])["answers"] == {second["id"]: {"value": q.highest(second)}}
    assert json.loads(stored[q.storage["answers"]])["answers"] == {first["id"]: {"value": q.lowest(first)}}
    page.unroute(url + "assessment/data.json")
    page.reload()
    page.wait_for_selector(f"#q-{first['id']}-{q.lowest(first)}:checked")
    assert not page.is_checked(f"#q-{second['id']}-{q.highest(second)}")


def test_a_fork_without_legacy_keys_does_not_take_answers_saved_under_them(page, example):
    url, q, _ = example
    question = q.always_asked()[0]
    open_assessment(page, url)
    legacy = {"format": "mpl-assessment-answers", "questionnaire_version": q.version, "profile": [], "answers": {question["id"]: {"value": 0}}}
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [LEGACY["answers"], json.dumps(legacy)])
    page.reload()
    page.wait_for_selector("#mpl-show-results", state="visible")
    assert not page.is_checked(f"#q-{question['id']}-0")
    assert q.storage["answers"] not in keys(page)


def test_answers_and_snapshots_under_the_legacy_keys_are_copied_and_kept(page, site_url):
    a, b = REAL.spread_questions(2)
    answers = {"format": "mpl-assessment-answers", "questionnaire_version": REAL.version, "saved_at": "2026-01-01T00:00:00.000Z",
               "profile": [], "answers": {a: {"value": 1}}}
    snapshots = {"format": "mpl-assessment-snapshots", "snapshots": [{"id": "snapshot-old", "label": "from the first version",
                                                                      "saved_at": "2026-01-01T10:00:00.000Z", "answers": answers}]}
    page.goto(site_url + "about.html")
    page.evaluate("([a, s]) => { localStorage.setItem(a[0], a[1]); localStorage.setItem(s[0], s[1]); }",
                  [[LEGACY["answers"], json.dumps(answers)], [LEGACY["snapshots"], json.dumps(snapshots)]])
    open_assessment(page, site_url)
    assert page.is_checked(f"#q-{a}-1")
    stored = keys(page)
    assert json.loads(stored[REAL.storage["answers"]]) == answers
    assert json.loads(stored[LEGACY["answers"]]) == answers, "the legacy key is kept"
    page.check(f"#q-{b}-2")  # a change is saved under the new key only
    stored = keys(page)
    assert b in json.loads(stored[REAL.storage["answers"]])["answers"] and b not in stored[LEGACY["answers"]]
    page.goto(site_url + "assessment/compare.html")
    page.wait_for_selector(".mpl-cmp-js-only:not([hidden])")
    assert page.locator("[data-role='list'] tbody th").all_inner_texts() == ["from the first version"]
    assert json.loads(keys(page)[REAL.storage["snapshots"]]) == snapshots and LEGACY["snapshots"] in keys(page)
    assert not page.js_errors
