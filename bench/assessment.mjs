// Times the self-assessment's scoring and answer parsing on a real data.json, and prints the sizes that travel.
// Usage: node bench/assessment.mjs <built site>/assessment/data.json [rounds, default 5000]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { parseAnswers, questionList, score } from "../docs/assets/javascripts/assessment/scoring.js";
import { encodeShare, toCSV, toMarkdown } from "../docs/assets/javascripts/assessment/report.js";

const [file, rounds = "5000"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/assessment.mjs site/assessment/data.json [rounds]");
  process.exit(2);
}
const data = JSON.parse(readFileSync(file, "utf8"));
const answers = { format: "mpl-assessment-answers", questionnaire_version: data.version, saved_at: new Date().toISOString(), profile: [], answers: {} };
questionList(data).forEach((q, i) => {
  answers.answers[q.id] = i % 7 === 0 ? { status: "na", reason: "Not something we do" } : i % 11 === 0 ? { status: "dont-know" } : { value: i % 3 };
});
const text = JSON.stringify(answers);
const time = (label, fn) => {
  const start = performance.now();
  for (let i = 0; i < Number(rounds); i += 1) fn();
  console.log(`${label}: ${(((performance.now() - start) / Number(rounds)) * 1000).toFixed(0)} µs each`);
};
console.log(`${questionList(data).length} questions; data.json ${readFileSync(file).length} bytes; answers ${text.length} chars; share fragment ${encodeShare(answers).length} chars`);
time("score", () => score(data, answers));
time("parseAnswers", () => parseAnswers(text, data));
time("Markdown and CSV reports", () => { const r = score(data, answers); toMarkdown(r, data, answers, "http://x/assessment/data.json"); toCSV(r, data, answers, "http://x/"); });
