// How the self-assessment's plan comes out for answer patterns: how many recommendations, how their priority labels
// spread, how many land under "Start here", "Next" and "Later", and how long score() takes.
// Usage: node bench/priorities.mjs <built site>/assessment/data.json [runs, default 1000]
// Patterns: random (every option of a question's scale equally likely), the second option everywhere ("Sometimes"),
// and realistic mixed answers (a delivery organisation: designs, recruits, facilitates; 15% the lowest option, 35% the
// second, 30% the third, 15% the best, 5% "don't know"), each from a seeded generator so that runs repeat.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { isShown, questionList, score } from "../docs/assets/javascripts/assessment/scoring.js";

const [file, runs = "1000"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/priorities.mjs site/assessment/data.json [runs]");
  process.exit(2);
}
const data = JSON.parse(readFileSync(file, "utf8"));

function generator(seed) {  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Answers every question asked, in order (so that follow-up questions see the answers before them). */
function answerAll(profile, pick) {
  const answers = { format: "mpl-assessment-answers", questionnaire_version: data.version, saved_at: "", profile, answers: {} };
  for (const q of questionList(data)) {
    if (!isShown(data, answers, q)) continue;
    answers.answers[q.id] = pick(q, data.scales[q.scale].options.map((o) => o.value));
  }
  return answers;
}

const patterns = {
  random: (random) => (q, values) => ({ value: values[Math.floor(random() * values.length)] }),
  "second option everywhere": () => (q, values) => ({ value: values[1] }),
  "realistic mixed (delivery)": (random) => (q, values) => {
    const r = random();
    if (r < 0.05) return { status: "dont-know" };
    const shares = values.length >= 4 ? [0.15, 0.35, 0.3, 0.15] : [0.2, 0.45, 0.3];
    let sum = 0.05;
    for (let i = 0; i < values.length; i += 1) if (r < (sum += shares[i] ?? 0)) return { value: values[i] };
    return { value: values[values.length - 1] };
  },
};
const profiles = { random: [], "second option everywhere": [], "realistic mixed (delivery)": ["delivers", "recruits", "facilitates"] };

for (const [name, make] of Object.entries(patterns)) {
  const random = generator(11);
  const pick = make(random);
  const n = name === "second option everywhere" ? 1 : Number(runs);
  const totals = { recs: 0, asked: 0, high: 0, medium: 0, low: 0, start: 0, next: 0, later: 0, topShare: 0 };
  for (let i = 0; i < n; i += 1) {
    const profile = (profiles[name] || []).filter((id) => data.profile.options.some((o) => o.id === id));
    const result = score(data, answerAll(profile, pick));
    const recs = result.recommendations;
    totals.recs += recs.length;
    totals.asked += result.totals.asked;
    for (const r of recs) { totals[r.label] += 1; totals[r.group] += 1; }
    if (recs.length) totals.topShare += recs.filter((r) => r.label === recs[0].label).length / recs.length;
  }
  const per = (k) => (totals[k] / n).toFixed(1);
  const share = (k) => `${Math.round((100 * totals[k]) / Math.max(1, totals.recs))}%`;
  console.log(`${name} (${n} run${n === 1 ? "" : "s"}): ${per("asked")} questions asked, ${per("recs")} recommendations;`
    + ` labels high ${share("high")}, medium ${share("medium")}, low ${share("low")};`
    + ` share with the top item's label ${Math.round((100 * totals.topShare) / n)}%;`
    + ` start ${per("start")}, next ${per("next")}, later ${per("later")}`);
}
const sample = answerAll([], patterns.random(generator(5)));
const rounds = 2000;
const start = performance.now();
for (let i = 0; i < rounds; i += 1) score(data, sample);
console.log(`score(): ${(((performance.now() - start) / rounds) * 1000).toFixed(0)} µs each (${questionList(data).length} questions)`);
