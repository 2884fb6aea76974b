"""Finding one's way on the self-assessment page: the time it takes, question numbers that follow the questions shown,
one count of questions asked everywhere, the sections with their progress, the phone layout, how sure each score is
(enough answers, "not enough answers" drawn apart from 0, sections shown apart from the radar), a quiet "Start again"
and a "Back to top" pill clear of the progress bar. Run on both libraries; expectations come from each one's YAML."""
from __future__ import annotations

import re

import pytest
import yaml

from assessment_helpers import answer_all, library, open_assessment, results, show_results  # noqa: F401 (fixture)


def shown_numbers(page) -> list[tuple[str, str]]:
    return [tuple(pair) for pair in page.eval_on_selector_all("fieldset[data-question]:not([hidden])",
            "els => els.map(e => [e.dataset.question, e.querySelector('.mpl-q__number').textContent])")]


def progress_of(page) -> dict[str, str]:
    return dict(page.eval_on_selector_all("[data-progress-of]", "els => els.map(e => [e.dataset.progressOf, e.textContent])"))


def check_counts(page, q, answered: dict, profile=()) -> None:
    """Numbers 1..n over the questions shown, the progress "of n" and each section's progress, all from the YAML."""
    pattern = lambda question: answered.get(question["id"])
    shown = [qid for qid, visible in q.shown(pattern, profile).items() if visible]
    assert shown_numbers(page) == [(qid, f"{n}.") for n, qid in enumerate(shown, start=1)]
    assert page.inner_text("[data-total]") == str(len(shown))
    assert page.inner_text("[data-answered]") == str(sum(1 for qid in shown if qid in answered))
    want = {}
    for section in q.sections:
        ids = [x["id"] for x in section["questions"] if x["id"] in shown]
        want[section["section"]] = q.t("assessment.section_progress", answered=sum(1 for i in ids if i in answered), asked=len(ids))
    assert progress_of(page) == want


def test_question_numbers_and_counts_follow_the_questions_shown(page, library):
    url, q, _ = library
    open_assessment(page, url)
    check_counts(page, q, {})
    # A question asked after a particular answer to an earlier one: answering that way shows it, and renumbers.
    conditional = next(x for x in q.questions if (x.get("show_if") or {}).get("question"))
    earlier = q.by_id[conditional["show_if"]["question"]]
    answered = {earlier["id"]: conditional["show_if"]["in"][0]}
    page.check(f"#q-{earlier['id']}-{answered[earlier['id']]}")
    check_counts(page, q, answered)
    condition = page.inner_text(f"#cond-{conditional['id']}")
    number = dict(shown_numbers(page))[earlier["id"]].rstrip(".")
    assert re.search(rf"\b{number}\b", condition), condition
    # A profile leaves questions out: the numbers close up.
    profile = q.profile[:1]
    page.check(f"#profile-{profile[0]}")
    check_counts(page, q, answered, profile)
    show_results(page)
    asked = page.inner_text("[data-total]")
    summary = page.inner_text("#mpl-results-summary")
    assert f" {asked} " in summary, "the results count the same questions asked"


def test_the_time_it_takes_is_said_before_the_questions(page, library):
    url, q, _ = library
    head = yaml.safe_load((q.root / "assessment" / "questionnaire.yml").read_text())
    at_first = [x for x in q.questions if not (x.get("show_if") or {}).get("question")]  # asked before any answer
    minutes = max(5, round(len(at_first) * head.get("seconds_per_question", 20) / 60 / 5) * 5)
    open_assessment(page, url)
    before = page.evaluate("() => { const r = document.createRange(); r.setStartBefore(document.querySelector('article'));"
                           " r.setEndBefore(document.getElementById('mpl-assessment-form')); return r.toString(); }")
    assert re.search(rf"\b{minutes}\b", before) and re.search(rf"\b{len(at_first)}\b", before)
    assert page.inner_text("[data-total]") == str(len(at_first)), "the same count in the intro and the progress"


def test_sections_can_be_reached_from_the_list_at_the_top(page, library):
    url, q, _ = library
    open_assessment(page, url)
    last = q.sections[-1]["section"]
    page.click(f".mpl-assess__sections a[href$='#section-{last}-area']")
    page.wait_for_function(f"document.getElementById('section-{last}').getBoundingClientRect().top < innerHeight")
    assert page.url.endswith(f"#section-{last}-area")


def test_on_a_phone_each_scale_is_a_column_of_full_width_options_and_the_radar_reads_at_12px(page, library):
    url, q, _ = library
    page.set_viewport_size({"width": 375, "height": 740})
    open_assessment(page, url)
    first = q.always_asked()[0]["id"]
    boxes = page.eval_on_selector_all(f"#q-{first} .mpl-q__option", "els => els.map(e => e.getBoundingClientRect().toJSON())")
    assert all(b["top"] >= a["bottom"] - 1 for a, b in zip(boxes, boxes[1:])), "one option a line"
    assert min(b["width"] for b in boxes) > 250, "no option squeezed"
    profile = page.eval_on_selector_all("#q-profile .mpl-q__option", "els => els.map(e => e.getBoundingClientRect().top)")
    assert profile == sorted(profile) and len(set(profile)) == len(profile), "the profile's checkboxes are a list"
    nav = page.eval_on_selector_all(".mpl-assess__sections li", "els => els.map(e => e.getBoundingClientRect().top)")
    assert len(set(nav)) == len(nav)
    answer_all(page, q.mixed, (), q)
    show_results(page)
    sizes = page.eval_on_selector_all("#mpl-radar svg .mpl-radar__label", """els => els.filter(e => e.getClientRects().length)
        .map(e => parseFloat(getComputedStyle(e).fontSize) * e.closest('svg').getScreenCTM().a)""")
    assert sizes and min(sizes) >= 12, sizes
    assert page.is_visible("#mpl-radar .mpl-radar__legend")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


def test_a_score_on_too_few_answers_is_said_and_drawn_apart_from_zero(page, library):
    url, q, _ = library
    open_assessment(page, url)
    # One section answered in full at the lowest (a real 0); the others answered on fewer than half of their questions.
    full, *others = q.sections
    for x in full["questions"]:
        if page.is_visible(f"#q-{x['id']}"):
            page.check(f"#q-{x['id']}-{q.lowest(x)}")
    for section in others:
        page.check(f"#q-{section['questions'][0]['id']}-dont-know")
    show_results(page)
    _, rows, _ = results(page)
    assert rows[q.section_titles[full["section"]]] == "0"
    for section in others:
        assert rows[q.section_titles[section["section"]]] == q.t("results.not_enough")
    stage_sections = [s for s in q.declared if s.get("stage")]
    axes = [s["id"] for s in (stage_sections or q.declared)]
    wide = page.locator("#mpl-radar .mpl-radar--wide")
    assert wide.locator(".mpl-radar__axis").count() == len(axes)
    unsure = [s for s in axes if s != full["section"]]
    assert wide.locator(".mpl-radar__axis--unsure").count() == len(unsure)
    labels = wide.locator(".mpl-radar__label").evaluate_all("els => els.map(e => e.textContent)")
    for section in unsure:
        assert q.t("results.radar_axis_unsure", title=q.section_titles[section]) in labels
    if full["section"] in axes:
        assert wide.locator(".mpl-radar__marker:not(.mpl-radar__marker--unsure)").count() == 1
    # Sections that follow no stage are shown apart from the radar (when some section follows one).
    apart = [s["id"] for s in q.declared if not s.get("stage")] if stage_sections else []
    assert page.locator("#mpl-apart li").count() == len(apart)
    assert page.is_visible("#mpl-apart-area") == bool(apart)
    # How many questions each score rests on.
    rests = page.eval_on_selector_all("#mpl-scores tbody tr", "rows => rows.map(r => r.cells[2].textContent)")
    assert rests[0] == q.t("results.rests_on", answered=len([x for x in full["questions"] if page.is_visible(f"#q-{x['id']}")]),
                           asked=len([x for x in full["questions"] if page.is_visible(f"#q-{x['id']}")]))


def test_start_again_is_quiet_and_only_there_once_there_is_something_to_clear(page, library):
    url, q, _ = library
    open_assessment(page, url)
    assert page.is_hidden("#mpl-start-again")
    page.check(f"#q-{q.always_asked()[0]['id']}-dont-know")
    assert page.is_visible("#mpl-start-again")
    quiet = page.evaluate("""() => { const s = getComputedStyle(document.getElementById('mpl-start-again'));
        return { background: s.backgroundColor, border: s.borderTopWidth }; }""")
    assert quiet["background"] in ("rgba(0, 0, 0, 0)", "transparent") and quiet["border"] == "0px"
    assert not page.locator("#mpl-start-again.md-button").count()


def test_the_back_to_top_pill_does_not_cover_the_progress_bar(page, site_url):
    # This library's mkdocs.yml turns on the theme's "Back to top" pill (navigation.top); the example fork does not.
    open_assessment(page, site_url)
    assert page.locator(".md-top").count() == 1
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -400)  # the theme shows the pill when one scrolls back up
    page.wait_for_timeout(300)
    rects = page.evaluate("""() => { const top = document.querySelector('.md-top'); top.hidden = false;
        return [top.getBoundingClientRect().toJSON(), document.querySelector('.mpl-assess__bar').getBoundingClientRect().toJSON()]; }""")
    pill, bar = rects
    assert pill["bottom"] <= bar["top"] or pill["top"] >= bar["bottom"], rects
