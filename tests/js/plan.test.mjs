// The plan in an answers object (targets per section, actions per entry) and the interface strings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isDate, withAction, withPlan, withTarget } from "../../docs/assets/javascripts/assessment/plan.js";
import { fill, orList, t, tr } from "../../docs/assets/javascripts/assessment/strings.js";
import { answers, data } from "./assessment-fixture.mjs";

test("targets and actions are set and removed; an empty plan is no plan", () => {
  let plan = withTarget(undefined, "alpha", 70);
  assert.deepEqual(plan, { targets: { alpha: 70 } });
  plan = withAction(plan, "p-one", { owner: "  Sam\n Lee ", by: "2027-03-31" });
  assert.deepEqual(plan, { targets: { alpha: 70 }, actions: { "p-one": { owner: "Sam  Lee", by: "2027-03-31" } } });
  plan = withAction(plan, "p-one", { owner: "", by: "31/03/2027" });
  assert.deepEqual(plan, { targets: { alpha: 70 } }, "nothing valid left: the action goes");
  assert.equal(withTarget(plan, "alpha", null), undefined);
  assert.equal(withAction(undefined, "p-one", { owner: "x".repeat(200) }).actions["p-one"].owner.length, 80);
});

test("the plan goes last in the answers object, and leaves it when empty", () => {
  const given = { ...answers({}), retained: { old: { value: 1 } } };
  assert.deepEqual(Object.keys(withPlan(given, { targets: { alpha: 1 } })).slice(-2), ["retained", "plan"]);
  assert.equal("plan" in withPlan({ ...given, plan: { targets: { a: 1 } } }, undefined), false);
});

test("dates are real calendar days written YYYY-MM-DD", () => {
  assert.equal(isDate("2028-02-29"), true);
  for (const bad of ["2027-02-29", "2027-13-01", "2027-1-01", "27-01-01", "2027-01-01T00:00", 20270101, null]) assert.equal(isDate(bad), false, String(bad));
});

test("strings: filled in, chosen by count, and the key itself when missing", () => {
  const strings = { "a.hello": "Hello {name}, {name}!", "a.items.one": "1 item", "a.items.other": "{count} items", "a.or": "or" };
  assert.equal(t(strings, "a.hello", { name: "Jo" }), "Hello Jo, Jo!");
  assert.equal(t(strings, "a.items", { count: 1 }), "1 item");
  assert.equal(t(strings, "a.items", { count: 0 }), "0 items");
  assert.equal(t(strings, "a.missing"), "a.missing");
  assert.equal(fill("{a} {b} {C}", { a: 1 }), "1 {b} {C}");
  assert.equal(orList((key) => t({ "assessment.or": "or" }, key), ["A", "B"]), "“A” or “B”");
  assert.equal(tr(data)("results.title"), "Your results");
});
