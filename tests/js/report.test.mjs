import { test } from "node:test";
import assert from "node:assert/strict";
import { score, parseAnswers } from "../../docs/assets/javascripts/assessment/scoring.js";
import { answersToJson, csvCell, decodeShare, encodeShare, mdEscape, toCSV, toMarkdown } from "../../docs/assets/javascripts/assessment/report.js";
import { radarGeometry } from "../../docs/assets/javascripts/assessment/radar.js";
import { answers, data } from "./assessment-fixture.mjs";

const sample = answers({ "a-one": { value: 0 }, "a-two": { status: "na", reason: "Pas de « commande » ici — *nope*" }, "o-one": { status: "dont-know" } },
  ["commissions"], { perspective: "Équipe <b>d'animation</b>" });

test("share link fragment round-trips the answers exactly, including non-ASCII text", () => {
  const fragment = encodeShare(sample);
  assert.match(fragment, /^answers=[A-Za-z0-9_-]+$/);
  const parsed = parseAnswers(decodeShare("#" + fragment), data);
  assert.equal(parsed.ok, true);
  assert.equal(answersToJson(parsed.answers), answersToJson(sample));
});

test("a fragment without answers is ignored; a garbled one gives text that parseAnswers refuses", () => {
  assert.equal(decodeShare("#section-design"), null);
  assert.equal(decodeShare(""), null);
  assert.equal(decodeShare("#answers=%3Cscript%3E"), "");
  assert.equal(parseAnswers(decodeShare("#answers=!!!"), data).ok, false);
  assert.equal(parseAnswers(decodeShare("#answers=" + Buffer.from("[]").toString("base64url")), data).ok, false);
});

test("the answers file is the exact JSON text, and parses back to the same text", () => {
  const text = answersToJson(sample);
  assert.equal(answersToJson(parseAnswers(text, data).answers), text);
});

test("CSV: one row per stage, recommendation and listed answer; formulas are neutralised", () => {
  const csv = toCSV(score(data, sample), "https://example.org/assessment/data.json");
  const rows = csv.trim().split("\r\n");
  assert.equal(rows[0], "section,id,title,score_or_priority,answered,not_applicable,dont_know,reasons,url");
  assert.equal(rows[1], "stage score,alpha,Alpha,0,1,1,0,,");
  assert.equal(rows[3], "recommendation,p-one,Practice one,medium,,,,Question A1? Never,https://example.org/practices/p-one.html");
  assert.match(csv, /not applicable,a-two,Question A2\?/);
  assert.match(csv, /don't know,o-one,Question O1\?/);
  assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  assert.equal(csvCell('say "hi", then'), '"say ""hi"", then"');
});

test("Markdown report: scores, ranked recommendations with absolute links and reasons; answer text escaped", () => {
  const md = toMarkdown(score(data, sample), data, sample, "https://example.org/assessment/data.json");
  assert.match(md, /\| Alpha \| 0 \| 1 \| 1 \| 0 \|/);
  assert.match(md, /\| Organisation \| no score \| 0 \| 0 \| 1 \|/);
  assert.match(md, /1\. \[Practice one\]\(https:\/\/example\.org\/practices\/p-one\.html\) \(priority medium\)/);
  assert.match(md, /Question A1\? Answer: Never\./);
  assert.match(md, /Perspective: Équipe \\<b\\>d'animation\\<\/b\\>/);
  assert.match(md, /Reason: Pas de « commande » ici — \\\*nope\\\*/);
  assert.equal(mdEscape("[x](javascript:1)"), "\\[x\\](javascript:1)");
  assert.equal(mdEscape("co-design, step 1. <b>|"), "co-design, step 1. \\<b\\>\\|");
});

test("radar geometry: one axis per stage starting at the top; a null score sits at the centre", () => {
  const g = radarGeometry([{ title: "A", score: 100 }, { title: "B", score: null }, { title: "C", score: 50 }, { title: "D", score: 0 }], 200, 40);
  assert.equal(g.axes.length, 4);
  assert.deepEqual([g.axes[0].x, g.axes[0].y], [100, 20]);
  assert.equal(g.axes[1].label, "B: no score");
  assert.equal(g.points.split(" ")[0], "100,20");
  assert.equal(g.points.split(" ")[1], "100,100");
  assert.equal(g.points.split(" ")[2], "100,140");
});
