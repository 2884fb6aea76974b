// Reading answers: salvaging what this browser saved, answers kept aside across questionnaire versions, exact round trips.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isBlank, parseAnswers, salvageAnswers, score, withKept } from "../../docs/assets/javascripts/assessment/scoring.js";
import { answersToJson } from "../../docs/assets/javascripts/assessment/report.js";
import { answers, data } from "./assessment-fixture.mjs";

// The questionnaire of a later version: "a-one" renamed "a-first", "o-one" removed.
const later = structuredClone(data);
later.version = "3.0.0";
later.sections[0].questions[0].id = "a-first";
later.sections[1].questions.splice(0, 1);

test("salvage keeps every readable answer of damaged saved text and names the rest", () => {
  const text = JSON.stringify(answers({
    "a-one": { value: 2 },
    "a-two": { value: "1" },                     // not a whole number
    "<img src=x onerror=alert(1)>": { value: 1 }, // not a question id
    "o-one": { status: "dont-know" },
    "o-two": { value: 9 },                        // off its scale: kept aside
  }, ["commissions", 7], { notes: "from a newer version" }));
  assert.equal(parseAnswers(text, data).ok, false, "an imported file with the same damage is refused as a whole");
  const read = salvageAnswers(text, data);
  assert.deepEqual(read.answers.answers, { "a-one": { value: 2 }, "o-one": { status: "dont-know" } });
  assert.deepEqual(read.answers.retained, { "o-two": { value: 9 } });
  assert.deepEqual(read.answers.profile, ["commissions"]);
  const problems = read.problems.join("\n");
  assert.match(problems, /"notes"/);
  assert.match(problems, /"a-two"/);
  assert.match(problems, /<img src=x onerror=alert\(1\)>/);
  assert.match(problems, /profile/);
  assert.match(read.warnings.join("\n"), /o-two/);
});

test("salvage of saved text cut short keeps the answers before the cut", () => {
  const whole = answersToJson(answers({ "a-one": { value: 1 }, "a-two": { status: "na", reason: "We do not \"commission\"" }, "o-one": { value: 3 } },
    ["delivers"], { perspective: "Delivery team" }));
  const cut = whole.slice(0, whole.indexOf('"o-one"') + 14);
  const read = salvageAnswers(cut, data);
  assert.match(read.problems[0], /cut short/);
  assert.deepEqual(read.answers.answers, { "a-one": { value: 1 }, "a-two": { status: "na", reason: "We do not \"commission\"" } });
  assert.equal(read.answers.perspective, "Delivery team");
  assert.deepEqual(read.answers.profile, ["delivers"]);
  assert.equal(read.answers.questionnaire_version, "2.1.0");
});

test("salvage of text with nothing readable gives empty answers, never null", () => {
  for (const text of ["{ garbled", "[1, 2]", "null", '{"format": "mpl-assessment-answers", "answers": 5}']) {
    const read = salvageAnswers(text, data);
    assert.ok(read.problems.length > 0, text);
    assert.deepEqual(read.answers.answers, {}, text);
    assert.equal(read.answers.questionnaire_version, data.version, text);
  }
  assert.deepEqual(salvageAnswers(answersToJson(answers({ "a-one": { value: 0 } })), data).problems, []);
});

test("answers to questions a new version renamed or removed are kept aside, not scored, and found again later", () => {
  const given = answers({ "a-one": { value: 0 }, "a-two": { value: 2 }, "o-one": { status: "dont-know" } });
  const upgraded = parseAnswers(answersToJson(given), later);
  assert.equal(upgraded.ok, true, upgraded.errors.join("\n"));
  assert.deepEqual(upgraded.answers.answers, { "a-two": { value: 2 } });
  assert.deepEqual(upgraded.answers.retained, { "a-one": { value: 0 }, "o-one": { status: "dont-know" } });
  assert.deepEqual(upgraded.dropped, ["a-one", "o-one"]);
  assert.match(upgraded.warnings.join(" "), /kept aside/);
  // Scores ignore them: the same as if they had never been given.
  const without = answers({ "a-two": { value: 2 } });
  assert.deepEqual(score(later, upgraded.answers), score(later, without));
  // The next save keeps them, unless the form answers the same question again.
  const form = { ...answers({ "a-two": { value: 1 }, "a-first": { value: 3 } }), questionnaire_version: "3.0.0" };
  const next = withKept(form, upgraded.answers);
  assert.deepEqual(next.retained, { "a-one": { value: 0 }, "o-one": { status: "dont-know" } });
  assert.deepEqual(Object.keys(next), ["format", "questionnaire_version", "saved_at", "profile", "answers", "retained"]);
  // A version that has the question again finds the answer, and drops nothing.
  const back = parseAnswers(answersToJson(next), data);
  assert.deepEqual(back.answers.answers, { "a-two": { value: 1 }, "a-one": { value: 0 }, "o-one": { status: "dont-know" } });
  assert.deepEqual(back.answers.retained, { "a-first": { value: 3 } });
  assert.deepEqual(back.restored, ["a-one", "o-one"]);
  assert.equal(score(data, back.answers).sections.find((s) => s.id === "alpha").answered, 2);
});

test("answering a question again on the form replaces the answer kept aside", () => {
  const previous = { ...answers({}), retained: { "a-one": { value: 7 }, gone: { value: 1 } } };
  const next = withKept(answers({ "a-one": { value: 2 } }), previous);
  assert.deepEqual(next.retained, { gone: { value: 1 } });
  assert.equal("retained" in withKept(answers({}), answers({})), false);
});

test("export -> import -> export gives identical JSON, answers kept aside included", () => {
  const first = parseAnswers(answersToJson(answers({ "a-one": { value: 3 }, "removed": { status: "na", reason: "«x» & <b>y</b>" },
    "a-two": { value: 5 } }, ["commissions"], { perspective: "Équipe" })), data);
  assert.equal(first.ok, true);
  const exported = answersToJson(first.answers);
  const again = parseAnswers(exported, data);
  assert.equal(answersToJson(again.answers), exported);
  assert.deepEqual(again.dropped, []);
  assert.deepEqual(again.warnings, [], "answers already kept aside are not reported again");
  assert.equal(answersToJson(salvageAnswers(exported, data).answers), exported);
});

test("files keep strict checks on the answers kept aside", () => {
  assert.equal(parseAnswers(JSON.stringify({ ...answers({}), retained: [] }), data).ok, false);
  assert.match(parseAnswers(JSON.stringify({ ...answers({}), retained: { "<script>": { value: 1 } } }), data).errors.join(), /not a question id/);
  assert.match(parseAnswers(JSON.stringify({ ...answers({}), retained: { old: { value: "x" } } }), data).errors.join(), /whole number/);
});

test("blank answers are those with nothing a person gave", () => {
  assert.equal(isBlank(answers({})), true);
  assert.equal(isBlank(answers({ "a-one": { value: 0 } })), false);
  assert.equal(isBlank({ ...answers({}), retained: { old: { value: 0 } } }), false);
  assert.equal(isBlank(answers({}, ["delivers"])), false);
  assert.equal(isBlank(answers({}, [], { perspective: "Funder" })), false);
});

// --- The plan: targets and actions, kept like answers ---

const planned = (extra = {}) => ({ ...answers({ "a-one": { value: 0 } }, ["commissions"], { perspective: "Team" }),
  plan: { targets: { alpha: 70, "gone-section": 40 }, actions: { "p-one": { owner: "Ana «Z»", by: "2027-03-31" }, "old-entry": { by: "2026-12-01" } } },
  ...extra });

test("the plan round-trips exactly, with targets and actions for ids this version does not have kept", () => {
  const text = answersToJson(planned());
  const parsed = parseAnswers(text, data);
  assert.equal(parsed.ok, true, parsed.errors.join("\n"));
  assert.equal(answersToJson(parsed.answers), text);
  assert.deepEqual(Object.keys(parsed.answers), ["format", "questionnaire_version", "saved_at", "perspective", "profile", "answers", "plan"]);
  assert.equal(answersToJson(salvageAnswers(text, data).answers), text);
  const { plan, ...head } = planned();
  const withAside = answersToJson({ ...head, retained: { gone: { value: 1 } }, plan });
  assert.equal(answersToJson(parseAnswers(withAside, data).answers), withAside, "retained, then plan");
});

test("the form keeps the plan it does not show, and the plan makes answers not blank", () => {
  const previous = planned();
  const next = withKept(answers({ "a-one": { value: 1 } }), previous);
  assert.deepEqual(next.plan, previous.plan);
  assert.equal(Object.keys(next).at(-1), "plan");
  assert.equal(isBlank({ ...answers({}), plan: { targets: { alpha: 50 } } }), false);
});

test("a plan that is not well formed is refused in a file and salvaged from what this browser saved", () => {
  const bad = [
    [{ targets: { alpha: 101 } }, /target for "alpha"/],
    [{ targets: { alpha: 50.5 } }, /whole number from 0 to 100/],
    [{ actions: { "p-one": { by: "2027-02-30" } } }, /plan for "p-one"/],
    [{ actions: { "p-one": { owner: "x".repeat(81) } } }, /plan for "p-one"/],
    [{ actions: { "p-one": {} } }, /plan for "p-one"/],
    [{ actions: { "<b>": { owner: "x" } } }, /not an id/],
    [{ steps: [] }, /"plan" must be an object/],
    [[1], /"plan" must be an object/],
  ];
  for (const [plan, pattern] of bad) {
    const text = JSON.stringify({ ...answers({ "a-one": { value: 0 } }), plan });
    const parsed = parseAnswers(text, data);
    assert.equal(parsed.ok, false, JSON.stringify(plan));
    assert.match(parsed.errors.join("\n"), pattern);
    assert.deepEqual(salvageAnswers(text, data).answers.answers, { "a-one": { value: 0 } });
  }
  const mixed = JSON.stringify({ ...answers({}), plan: { targets: { alpha: 60, beta: -1 }, actions: { "p-one": { owner: "Sam" }, "p-two": { by: "soon" } } } });
  const read = salvageAnswers(mixed, data);
  assert.deepEqual(read.answers.plan, { targets: { alpha: 60 }, actions: { "p-one": { owner: "Sam" } } });
  assert.equal(read.problems.length, 2);
});

test("saved text cut short keeps the answers and the parts of the plan before the cut", () => {
  const whole = answersToJson(planned());
  const cut = whole.slice(0, whole.indexOf('"old-entry"'));
  const read = salvageAnswers(cut, data);
  assert.match(read.problems[0], /cut short/);
  assert.deepEqual(read.answers.answers, { "a-one": { value: 0 } }, "an action is never read as an answer");
  assert.deepEqual(read.answers.plan, { targets: { alpha: 70, "gone-section": 40 }, actions: { "p-one": { owner: "Ana «Z»", by: "2027-03-31" } } });
});
