import { test } from "node:test";
import assert from "node:assert/strict";
import { ANSWERS_FORMAT, emptyAnswers, isShown, parseAnswers, score } from "../../docs/assets/javascripts/assessment/scoring.js";
import { answers, data } from "./assessment-fixture.mjs";

const stage = (result, id) => result.stages.find((s) => s.id === id);
const ids = (items) => items.map((item) => item.id);

test("empty answers: no score, no recommendation, every question asked", () => {
  const result = score(data, emptyAnswers(data));
  assert.deepEqual(result.stages.map((s) => s.score), [null, null]);
  // a-three and o-two depend on unanswered questions, so they are not asked
  assert.deepEqual(result.stages.map((s) => s.asked), [2, 1]);
  assert.deepEqual(result.recommendations, []);
  assert.deepEqual(result.strengths, []);
  assert.deepEqual(result.totals, { asked: 3, answered: 0 });
});

test("stage score rescales each answer to 0..100 and averages", () => {
  // often 2 of 0..3 = 0.667; done 1 of 0..2 = 0.5 -> mean 0.583 -> 58
  const result = score(data, answers({ "a-one": { value: 2 }, "a-two": { value: 1 } }));
  assert.equal(stage(result, "alpha").score, 58);
  assert.equal(stage(result, "alpha").answered, 2);
  assert.equal(stage(result, "organisation").score, null);
});

test("not applicable and don't know are left out of the score, never counted as zero", () => {
  const result = score(data, answers({ "a-one": { value: 3 }, "a-two": { status: "na", reason: "We do not commission" }, "o-one": { status: "dont-know" } }));
  assert.equal(stage(result, "alpha").score, 100);
  assert.equal(stage(result, "alpha").notApplicable, 1);
  assert.equal(stage(result, "alpha").applicable, 1);
  assert.equal(stage(result, "organisation").score, null);
  assert.equal(stage(result, "organisation").dontKnow, 1);
  assert.deepEqual(result.notApplicable, [{ question: "a-two", questionText: "Question A2?", reason: "We do not commission" }]);
  assert.deepEqual(result.dontKnow, [{ question: "o-one", questionText: "Question O1?" }]);
  assert.deepEqual(result.recommendations, []);
});

test("recommendations are ranked by summed weight, then priority, then order, with their reasons", () => {
  const result = score(data, answers({ "a-one": { value: 0 }, "a-two": { value: 0 }, "o-one": { value: 1 } }));
  // p-one: medium 2 + low 1 = 3 (priority medium); p-two: high 3; act-one: high 3.
  // Ties at 3: high before medium; p-two (question 2) before act-one (question 4).
  assert.deepEqual(ids(result.recommendations), ["p-two", "act-one", "p-one"]);
  const pOne = result.recommendations[2];
  assert.equal(pOne.weight, 3);
  assert.equal(pOne.priority, "medium");
  assert.equal(pOne.url, "../practices/p-one.html");
  assert.deepEqual(pOne.reasons, [
    { question: "a-one", questionText: "Question A1?", answerLabel: "Never" },
    { question: "a-two", questionText: "Question A2?", answerLabel: "No" },
  ]);
});

test("strengths: practices an answer bears on and none recommends", () => {
  const result = score(data, answers({ "a-one": { value: 3 }, "a-two": { value: 2 }, "a-three": { value: 0 } }));
  assert.deepEqual(ids(result.recommendations), ["p-three"]);
  assert.deepEqual(ids(result.strengths), ["p-one", "p-two"]);
  assert.equal(result.strengths[0].reasons.length, 2);
});

test("a practice recommended by one answer is not a strength even if another answer is high", () => {
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
  assert.equal(stage(result, "alpha").asked, 1);
});

test("question conditions: asked only after one of the listed answers, and only if the earlier question is asked", () => {
  const a3 = data.sections[0].questions[2];
  const o2 = data.sections[1].questions[1];
  assert.equal(isShown(data, answers({ "a-two": { value: 0 } }), a3), false);
  assert.equal(isShown(data, answers({ "a-two": { value: 1 } }), a3), true);
  assert.equal(isShown(data, answers({ "a-two": { status: "na" } }), a3), false);
  assert.equal(isShown(data, answers({ "a-two": { value: 2 }, "a-three": { value: 2 } }), o2), true);
  // a-two hidden by the profile hides a-three, and so o-two, whatever their answers
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

test("parseAnswers accepts a valid file and returns it exactly", () => {
  const given = answers({ "a-one": { value: 2 }, "a-two": { status: "na", reason: "<img src=x onerror=alert(1)>" }, "o-one": { status: "dont-know" } },
    ["commissions"], { perspective: "Delivery team" });
  const text = JSON.stringify(given);
  const parsed = parseAnswers(text, data);
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

const refused = (input, pattern) => {
  const parsed = parseAnswers(input, data);
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

test("parseAnswers drops an answer whose value is no longer on the scale", () => {
  const parsed = parseAnswers(JSON.stringify(answers({ "a-two": { value: 3 }, "a-one": { value: 0 } })), data);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.dropped, ["a-two"]);
  assert.deepEqual(parsed.answers.answers, { "a-one": { value: 0 } });
});
