import { test } from "node:test";
import assert from "node:assert/strict";
import { score, parseAnswers } from "../../docs/assets/javascripts/assessment/scoring.js";
import { answersToJson, csvCell, decodeShare, encodeShare, mdEscape, toCSV, toMarkdown } from "../../docs/assets/javascripts/assessment/report.js";
import { axisLabel, radarGeometry } from "../../docs/assets/javascripts/assessment/radar.js";
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

const NOW = new Date("2026-05-04T10:00:00Z");
const planned = { ...sample, plan: { targets: { alpha: 60 }, actions: { "p-one": { owner: "Sam, =lead", by: "2027-03-31" } } } };

test("CSV: what the results are of, one row per section, recommendation and listed answer, with the plan; formulas neutralised", () => {
  const csv = toCSV(score(data, planned), data, planned, "https://example.org/assessment/data.json", NOW);
  const rows = csv.trim().split("\r\n");
  assert.equal(rows[0], "row,id,title,value,answered of asked,not applicable,don't know,target,priority,when,who,by,reasons,url");
  assert.deepEqual(rows.slice(1, 5), ["about,date,Date,2026-05-04,,,,,,,,,,", "about,version,Questionnaire version,2.1.0,,,,,,,,,,",
    "about,profile,Profile,Commission,,,,,,,,,,", "about,perspective,Perspective,Équipe <b>d'animation</b>,,,,,,,,,,"]);
  assert.equal(rows[5], "section score,alpha,Alpha,0,1 of 2,1,0,60,,,,,,");
  assert.equal(rows[7], 'recommendation,p-one,Practice one,0.75,,,,,High priority,Start here,"Sam, =lead",2027-03-31,Question A1? Never,https://example.org/practices/p-one.html');
  assert.match(csv, /not applicable,a-two,Question A2\?/);
  assert.match(csv, /to find out,o-one,Question O1\?,,,,,,,,,,"Funders, Staff",/);
  assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  assert.equal(csvCell('say "hi", then'), '"say ""hi"", then"');
});

test("Markdown report: what it is of, the groups with their details, the plan, the scores; answer text escaped", () => {
  const md = toMarkdown(score(data, planned), data, planned, "https://example.org/assessment/data.json", NOW);
  assert.match(md, /^# Self-assessment: results\n\n- \*\*Date\*\*: 2026-05-04\n- \*\*Questionnaire version\*\*: 2\.1\.0\n- \*\*Profile\*\*: Commission\n/);
  assert.match(md, /- \*\*Perspective\*\*: Équipe \\<b\\>d'animation\\<\/b\\>/);
  assert.match(md, /### Start here\n\n1\. \[Practice one\]\(https:\/\/example\.org\/practices\/p-one\.html\) \(Practice, High priority\)/);
  const effort = mdEscape(data.strings["effort.low.long"]);
  assert.ok(md.includes(`    - Who acts: Funders\n    - Effort: ${effort}\n    - Stage: all stages\n    - A first step: Ask one funder.`));
  assert.match(md, /    - Your plan: Sam, =lead, by 2027-03-31/);
  assert.match(md, /    - Question A1\? Your answer: Never\./);
  assert.match(md, /\| Practice one \| Sam, =lead \| 2027-03-31 \|/);
  assert.match(md, /\| Alpha \| 0 \| 1 of 2 \| 1 \| 0 \| 60 \|/);
  assert.match(md, /\| Organisation \| not enough answers \| 0 of 1 \| 0 \| 1 \| No target \|/);
  assert.match(md, /- Question O1\? Who could answer it: Funders, Staff\./);
  assert.match(md, /Reason given: Pas de « commande » ici — \\\*nope\\\*/);
  assert.equal(mdEscape("[x](javascript:1)"), "\\[x\\](javascript:1)");
  assert.equal(mdEscape("co-design, step 1. <b>|"), "co-design, step 1. \\<b\\>\\|");
});

test("radar geometry: one axis per section from the top; no score sits at the centre of `points`, outside `reliable`", () => {
  const g = radarGeometry([{ title: "A", score: 100, enough: true }, { title: "B", score: null, enough: false },
    { title: "C", score: 50, enough: true }, { title: "D", score: 40, enough: false, target: 80 }], 200, 40);
  assert.equal(g.axes.length, 4);
  assert.deepEqual([g.axes[0].x, g.axes[0].y], [100, 20]);
  assert.deepEqual(g.axes.map((a) => a.enough), [true, false, true, false]);
  assert.equal(g.axes[1].marker, null, "no score: no marker");
  assert.deepEqual(g.axes[3].marker, [68, 100], "not enough answers: a marker apart from the outline");
  assert.equal(g.points.split(" ")[1], "100,100");
  assert.equal(g.reliable, "100,20 100,140");
  assert.equal(g.target, "36,100");
  assert.equal(axisLabel((key, v) => `${key}:${v.title}`, { title: "B", score: null, enough: false }), "results.radar_axis_unsure:B");
});
