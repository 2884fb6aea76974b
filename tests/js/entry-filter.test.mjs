import assert from "node:assert/strict";
import { test } from "node:test";

import { chosenFromQuery, countText, matches, queryFromChosen } from "../../docs/assets/javascripts/entry-filter/matches.js";

const item = { stage: "commissioning design", role: "commissioners", theme: "framing trust" };

test("an empty choice matches everything", () => {
  assert.equal(matches(item, { stage: "", role: "", theme: "" }), true);
});

test("every chosen facet must match one of the item's ids", () => {
  assert.equal(matches(item, { stage: "design", role: "", theme: "trust" }), true);
  assert.equal(matches(item, { stage: "design", role: "facilitators", theme: "" }), false);
  assert.equal(matches(item, { stage: "commission", role: "", theme: "" }), false, "no partial-word matches");
});

test("the query string round-trips and unknown values are ignored", () => {
  const allowed = { stage: ["", "design"], role: ["", "commissioners"], theme: [""] };
  const chosen = chosenFromQuery("?stage=design&theme=<script>&role=commissioners", allowed);
  assert.deepEqual(chosen, { stage: "design", role: "commissioners", theme: "" });
  assert.equal(queryFromChosen(chosen), "?stage=design&role=commissioners");
  assert.equal(queryFromChosen({ stage: "", role: "", theme: "" }), "");
});

test("the count says how many are shown, in the page's words", () => {
  const texts = { all: "Showing all {count} cases", some: "Showing {shown} of {total} cases", one: "{count} case" };
  assert.equal(countText(3, 30, texts), "Showing 3 of 30 cases");
  assert.equal(countText(30, 30, texts), "Showing all 30 cases");
  assert.equal(countText(1, 1, texts), "1 case");
});
