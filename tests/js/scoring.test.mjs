import { test } from "node:test";
import assert from "node:assert/strict";
import { ANSWERS_FORMAT, emptyAnswers, isShown, parseAnswers, score } from "../../docs/assets/javascripts/assessment/scoring.js";
import { entryNeed, labelOf } from "../../docs/assets/javascripts/assessment/need.js";
import { FORMULA, answerAll, answers, data, generated } from "./assessment-fixture.mjs";

const section = (result, id) => result.sections.find((s) => s.id === id);
const ids = (items) => items.map((item) => item.id);

test("empty answers: no score, no recommendation, every question asked", () => {
  const result = score(data, emptyAnswers(data));
  assert.deepEqual(result.sections.map((s) => s.score), [null, null]);
  assert.deepEqual(result.sections.map((s) => s.enough), [false, false]);
  // a-three and o-two depend on unanswered questions, so they are not asked
  assert.deepEqual(result.sections.map((s) => s.asked), [2, 1]);
  assert.deepEqual(result.recommendations, []);
  assert.deepEqual(result.strengths, []);
  assert.deepEqual(result.totals, { asked: 3, answered: 0, onScale: 0 });
});

test("section score rescales each answer to 0..100 and averages", () => {
  // often 2 of 0..3 = 0.667; done 1 of 0..2 = 0.5 -> mean 0.583 -> 58
  const result = score(data, answers({ "a-one": { value: 2 }, "a-two": { value: 1 } }));
  assert.equal(section(result, "alpha").score, 58);
  assert.equal(section(result, "alpha").answered, 2);
  assert.equal(section(result, "organisation").score, null);
});

test("a score rests on enough answers only when at least formula.enough_answers of the questions asked have one", () => {
  // a-two "In part" asks a-three: alpha asks 3; one answer on the scale of 3 is below half.
  const thin = score(data, answers({ "a-two": { value: 1 } }));
  assert.deepEqual([section(thin, "alpha").answered, section(thin, "alpha").asked, section(thin, "alpha").enough], [1, 3, false]);
  assert.equal(section(thin, "alpha").score, 50, "the score is still worked out, and shown as uncertain");
  const half = score(data, answers({ "a-two": { value: 1 }, "a-one": { value: 0 } }));
  assert.equal(section(half, "alpha").enough, true);
  const unsure = score(data, answers({ "a-one": { status: "dont-know" }, "a-two": { status: "na" } }));
  assert.deepEqual([section(unsure, "alpha").score, section(unsure, "alpha").enough], [null, false]);
});

test("a section that follows no stage is shown apart, unless no section follows one", () => {
  assert.deepEqual(score(data, emptyAnswers(data)).sections.map((s) => s.apart), [false, true]);
  const noStages = { ...data, sections: data.sections.map((s) => ({ ...s, stage: null })) };
  assert.deepEqual(score(noStages, emptyAnswers(noStages)).sections.map((s) => s.apart), [false, false]);
});

test("not applicable and don't know are left out of the score, never counted as zero; don't know says who could answer", () => {
  const result = score(data, answers({ "a-one": { value: 3 }, "a-two": { status: "na", reason: "We do not commission" }, "o-one": { status: "dont-know" } }));
  assert.equal(section(result, "alpha").score, 100);
  assert.equal(section(result, "alpha").notApplicable, 1);
  assert.equal(section(result, "alpha").applicable, 1);
  assert.equal(section(result, "organisation").score, null);
  assert.equal(section(result, "organisation").dontKnow, 1);
  assert.deepEqual(result.notApplicable, [{ question: "a-two", questionText: "Question A2?", section: "alpha", reason: "We do not commission" }]);
  assert.deepEqual(result.dontKnow, [{ question: "o-one", questionText: "Question O1?", section: "organisation",
    roles: [{ id: "funders", title: "Funders" }, { id: "staff", title: "Staff" }] }]);
  assert.deepEqual(result.recommendations, []);
});

test("need: gap x weight x fit; an entry's strongest reason plus `others` of the rest; ranked, labelled and grouped", () => {
  const result = score(data, answers({ "a-one": { value: 0 }, "a-two": { value: 0 }, "o-one": { value: 1 } }));
  // p-two: a-two "No" 1 x high 1 x central 1 = 1. p-one: a-one "Never" 1 x medium 0.75 = 0.75, plus 0.1 x a-two's
  // partial 1 x 1 x 0.5 = 0.8. act-one: o-one "Sometimes" 2/3 x high 1 = 0.666667.
  assert.deepEqual(result.recommendations.map((r) => [r.id, r.need, r.label, r.group]),
    [["p-two", 1, "high", "start"], ["p-one", 0.8, "high", "start"], ["act-one", 0.666667, "medium", "start"]]);
  const pOne = result.recommendations[1];
  assert.equal(pOne.url, "../practices/p-one.html");
  assert.deepEqual([pOne.kindTitle, pOne.summary, pOne.effort, pOne.firstStep, pOne.roles], ["Practice", "Practice one in one sentence.", "low",
    "Ask one funder.", [{ id: "funders", title: "Funders" }]]);
  assert.deepEqual(pOne.reasons.map((r) => [r.question, r.answerLabel, r.need]), [["a-one", "Never", 0.75], ["a-two", "No", 0.5]]);
});

test("an entry the source only floats counts for less and is never labelled high", () => {
  const result = score(data, answers({ "a-two": { value: 1 }, "a-three": { value: 0 } }));
  const three = result.recommendations.find((r) => r.id === "p-three");
  assert.deepEqual([three.need, three.label, three.tentative], [0.8, "medium", true]);  // 1 x 0.8, above the high mark
  assert.equal(labelOf(FORMULA, 5, true), "medium");
  assert.equal(entryNeed(FORMULA, [1, 0.5, 0.5], false), 1.1);
});

test("equal needs are ranked by the question's weight, then by questionnaire order", () => {
  const gen = generated(8, { sections: 1 });
  // q-1 high central at 2: 0.5 x 1 = 0.5; q-3 low central at 0: 1 x 0.5 = 0.5; q-4 high partial at 0: 1 x 0.5 = 0.5.
  const values = { "q-1": 2, "q-3": 0, "q-4": 0 };
  const result = score(gen, answerAll(gen, (q) => values[q.id] ?? 4));
  assert.deepEqual(result.recommendations.map((r) => [r.id, r.need]), [["e-1", 0.5], ["e-4", 0.5], ["e-3", 0.5]]);
});

// --- Patterns whose right answer is obvious ---

test("one entry answered at the lowest and every other at the best: that entry comes first", () => {
  const gen = generated(24);
  for (let k = 0; k < 24; k += 1) {
    const result = score(gen, answerAll(gen, (q, i) => (i === k ? 0 : 4)));
    assert.equal(result.recommendations[0].id, `e-${k + 1}`);
    assert.equal(result.recommendations.length, 1);
  }
});

test("half answered at the lowest, half at the middle: the top three all come from the lowest half", () => {
  const gen = generated(24);
  const halves = { "first half": (i) => i < 12, "second half": (i) => i >= 12, "every other": (i) => i % 2 === 0 };
  for (const [name, lowest] of Object.entries(halves)) {
    const result = score(gen, answerAll(gen, (q, i) => (lowest(i) ? 0 : 2)));
    const low = new Set(gen.sections.flatMap((s) => s.questions).filter((q, i) => lowest(i)).map((q) => q.recommends[0].target));
    const top = result.recommendations.filter((r) => r.group === "start");
    assert.equal(top.length, 3, name);
    assert.ok(top.every((r) => low.has(r.id)), `${name}: ${ids(top)}`);
  }
});

test("the middle answer everywhere: at most three under Start here, and the labels tell the items apart", () => {
  const gen = generated(24);
  const result = score(gen, answerAll(gen, () => 2));
  assert.equal(result.recommendations.length, 24);
  assert.ok(result.recommendations.filter((r) => r.group === "start").length <= FORMULA.plan.start);
  assert.equal(result.recommendations.filter((r) => r.group === "next").length, FORMULA.plan.next);
  const top = result.recommendations[0].label;
  assert.ok(result.recommendations.filter((r) => r.label === top).length < 12, "most items must not share the top label");
  assert.equal(result.recommendations.some((r) => r.label === "high"), false, "a middle answer is not a high priority");
});

test("the plan: a section's target and a recommendation's owner and date come from the answers", () => {
  const given = { ...answers({ "a-one": { value: 0 } }), plan: { targets: { alpha: 80 }, actions: { "p-one": { owner: "Sam", by: "2027-03-31" } } } };
  const result = score(data, given);
  assert.deepEqual(result.sections.map((s) => s.target), [80, null]);
  assert.deepEqual(result.recommendations[0].plan, { owner: "Sam", by: "2027-03-31" });
});

// --- Strengths, conditions, unknown answers ---

test("strengths: entries an answer in the upper half bears on and none recommends", () => {
  const result = score(data, answers({ "a-one": { value: 3 }, "a-two": { value: 2 }, "a-three": { value: 0 } }));
  assert.deepEqual(ids(result.recommendations), ["p-three"]);
  assert.deepEqual(ids(result.strengths), ["p-one", "p-two"]);
  assert.equal(result.strengths[0].reasons.length, 2);
  assert.equal(result.strengths[0].kindTitle, "Practice");
});

test("an entry recommended by one answer is not a strength even if another answer is high", () => {
  const result = score(data, answers({ "a-one": { value: 3 }, "a-two": { value: 1 } }));
  assert.deepEqual(ids(result.recommendations), ["p-one"]);
  assert.deepEqual(ids(result.strengths), []); // "In part" is the middle of its scale: not a strength of p-two
});

test("only answers in the upper half of their scale make a strength", () => {
  const result = score(data, answers({ "a-one": { value: 2 }, "a-two": { value: 1 }, "o-one": { value: 2 } }));
  assert.deepEqual(ids(result.recommendations), ["p-one"]); // a-two "In part" is in p-one's `when`
  assert.deepEqual(ids(result.strengths), ["act-one"]); // o-one "Usually" (2 of 0..3) is above the middle
  assert.deepEqual(result.strengths[0].reasons, [{ question: "o-one", questionText: "Question O1?", answerLabel: "Usually" }]);
  const low = score(data, answers({ "a-one": { value: 2 } }));
  assert.deepEqual(ids(low.strengths), ["p-one"]);
});

test("profile conditions: nothing ticked asks everything; a profile without the option hides the question", () => {
  const a2 = data.sections[0].questions[1];
  assert.equal(isShown(data, answers({}, []), a2), true);
  assert.equal(isShown(data, answers({}, ["commissions"]), a2), true);
  assert.equal(isShown(data, answers({}, ["delivers"]), a2), false);
  const result = score(data, answers({ "a-two": { value: 0 } }, ["delivers"]));
  assert.deepEqual(result.recommendations, []);
  assert.equal(section(result, "alpha").asked, 1);
});

test("question conditions: asked only after one of the listed answers, and only if the earlier question is asked", () => {
  const a3 = data.sections[0].questions[2];
  const o2 = data.sections[1].questions[1];
  assert.equal(isShown(data, answers({ "a-two": { value: 0 } }), a3), false);
  assert.equal(isShown(data, answers({ "a-two": { value: 1 } }), a3), true);
  assert.equal(isShown(data, answers({ "a-two": { status: "na" } }), a3), false);
  assert.equal(isShown(data, answers({ "a-two": { value: 2 }, "a-three": { value: 2 } }), o2), true);
  const hidden = answers({ "a-two": { value: 2 }, "a-three": { value: 2 }, "o-two": { value: 0 } }, ["delivers"]);
  assert.equal(isShown(data, hidden, a3), false);
  assert.equal(isShown(data, hidden, o2), false);
  assert.deepEqual(score(data, hidden).recommendations, []);
});

test("answers to questions not in the data are reported, not scored", () => {
  const result = score(data, answers({ "gone-question": { value: 0 }, "a-one": { value: 1 } }));
  assert.deepEqual(result.unknownAnswers, ["gone-question"]);
  assert.deepEqual(ids(result.recommendations), ["p-one"]);
});

// --- Reading files ---

test("parseAnswers accepts a valid file and returns it exactly", () => {
  const given = answers({ "a-one": { value: 2 }, "a-two": { status: "na", reason: "<img src=x onerror=alert(1)>" }, "o-one": { status: "dont-know" } },
    ["commissions"], { perspective: "Delivery team" });
  const parsed = parseAnswers(JSON.stringify(given), data);
  assert.equal(parsed.ok, true, parsed.errors.join("\n"));
  assert.equal(JSON.stringify(parsed.answers), JSON.stringify({ format: ANSWERS_FORMAT, questionnaire_version: "2.1.0",
    saved_at: given.saved_at, perspective: "Delivery team", profile: ["commissions"], answers: given.answers }));
});

test("parseAnswers keeps known answers of another version and reports the removed ones", () => {
  const parsed = parseAnswers(JSON.stringify(answers({ "a-one": { value: 1 }, "removed-question": { value: 2 } }, [], { questionnaire_version: "1.0.0" })), data);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.dropped, ["removed-question"]);
  assert.deepEqual(Object.keys(parsed.answers.answers), ["a-one"]);
  assert.equal(parsed.answers.questionnaire_version, "1.0.0");
  assert.match(parsed.warnings.join(" "), /removed-question/);
});

const refused = (input, pattern, on = data) => {
  const parsed = parseAnswers(input, on);
  assert.equal(parsed.ok, false);
  assert.equal(parsed.answers, null);
  assert.match(parsed.errors.join("\n"), pattern);
};

test("parseAnswers refuses malformed and hostile input with a clear message", () => {
  refused("not json {", /not valid JSON/);
  refused("[1, 2]", /not an answers file/);
  refused(JSON.stringify({ format: "something-else", answers: {} }), /not an answers file/);
  refused("x".repeat(200001), /too large/);
  refused('{"format":"mpl-assessment-answers","questionnaire_version":"1.0.0","profile":[],"answers":{"__proto__":{"value":1}}}', /not a question id/);
  refused(JSON.stringify(answers({ "<script>alert(1)</script>": { value: 1 } })), /not a question id/);
  refused(JSON.stringify(answers({ "a-one": { value: "3" } })), /a-one/);
  refused(JSON.stringify(answers({ "a-one": { value: 1.5 } })), /whole number/);
  refused(JSON.stringify(answers({ "a-one": { status: "na", reason: "x".repeat(301) } })), /reason/);
  refused(JSON.stringify(answers({ "a-one": { value: 1, extra: true } })), /must be/);
  refused(JSON.stringify(answers({}, [], { questionnaire_version: "latest" })), /questionnaire_version/);
  refused(JSON.stringify(answers({}, [], { perspective: "x".repeat(81) })), /perspective/);
  refused(JSON.stringify(answers({}, [], { onload: "alert(1)" })), /Unknown field "onload"/);
  refused(JSON.stringify(answers({}, "commissions")), /profile/);
  refused(JSON.stringify({ ...answers({}), answers: [] }), /"answers" must be an object/);
});

test("ids and versions are checked with the schema's patterns that data.json carries, not the script's own", () => {
  const strict = { ...data, patterns: { id: "^[a-z]+(-[a-z]+)*$", version: "^\\d+\\.\\d+$" } };
  refused(JSON.stringify(answers({ "a-1": { value: 1 } }, [], { questionnaire_version: "2.1" })), /not a question id/, strict);
  refused(JSON.stringify(answers({}, [], { questionnaire_version: "2.1.0" })), /questionnaire_version/, strict);
  assert.equal(parseAnswers(JSON.stringify(answers({}, [], { questionnaire_version: "2.1" })), strict).ok, true);
  assert.equal(parseAnswers(JSON.stringify(answers({ "a-1": { value: 1 } })), data).ok, true);
});

test("parseAnswers drops an answer whose value is no longer on the scale", () => {
  const parsed = parseAnswers(JSON.stringify(answers({ "a-two": { value: 3 }, "a-one": { value: 0 } })), data);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.dropped, ["a-two"]);
  assert.deepEqual(parsed.answers.answers, { "a-one": { value: 0 } });
});

test("an idea the source only floats is an option to consider: never under Start here, even when its need is high", () => {
  const gen = generated(6);
  gen.targets["e-1"] = { ...gen.targets["e-1"], tentative: true };
  const result = score(gen, answerAll(gen, () => 0));
  const one = result.recommendations.find((r) => r.id === "e-1");
  // e-1: 1 x high 1 x central 1 x tentative 0.8 = 0.8, the second greatest need; it leads "Next" instead.
  assert.deepEqual([one.need, one.label, one.group], [0.8, "medium", "next"]);
  assert.deepEqual(result.recommendations.filter((r) => r.group === "start").map((r) => r.tentative), [false, false, false]);
  assert.equal(result.recommendations[3].id, "e-1", "the list follows the plan: Start here, then Next in rank order");
});

test("realistic mixed answers: at most three to start with, and most items do not share the top label", () => {
  let seed = 7;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const shares = [[0.15, 0], [0.5, 1], [0.8, 2], [0.95, 3], [1, 4]];  // 15% the lowest, 35% the second, 30%, 15%, 5% the best
  const gen = generated(40);
  let topShare = 0;
  const runs = 200;
  for (let run = 0; run < runs; run += 1) {
    const result = score(gen, answerAll(gen, () => { const r = random(); return shares.find(([upTo]) => r < upTo)[1]; }));
    const recs = result.recommendations;
    assert.ok(recs.filter((r) => r.group === "start").length <= FORMULA.plan.start);
    topShare += recs.filter((r) => r.label === recs[0].label).length / recs.length;
  }
  assert.ok(topShare / runs < 0.5, `on average ${Math.round((100 * topShare) / runs)}% share the top label`);
});
