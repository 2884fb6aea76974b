// Times the comparison (two snapshots) and the combination (N perspectives) on a real data.json.
// Usage: node bench/compare.mjs <built site>/assessment/data.json [perspectives, default 50]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { score } from "../docs/assets/javascripts/assessment/scoring.js";
import { combine, compareSnapshots } from "../docs/assets/javascripts/compare/compare.js";
import { questionList } from "../docs/assets/javascripts/compare/questions.js";

const [file, count = "50"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/compare.mjs site/assessment/data.json [perspectives]");
  process.exit(2);
}
const data = JSON.parse(readFileSync(file, "utf8"));
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const answers = () => ({ format: "mpl-assessment-answers", questionnaire_version: data.version, profile: [],
  answers: Object.fromEntries(questionList(data).map((q) => [q.id, { value: q.options[Math.floor(random() * q.options.length)].value }])) });

function time(label, runs, fn) {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) fn();
  console.log(`${label}: ${((performance.now() - start) / runs).toFixed(2)} ms per run (${runs} runs)`);
}

const [a, b] = [answers(), answers()];
const files = Array.from({ length: Number(count) }, (_, i) => ({ label: `P${i + 1}`, file: answers(), dropped: [] }));
console.log(`${questionList(data).length} questions, ${data.sections.length} sections`);
time("compare two snapshots", 200, () => compareSnapshots(data, a, b, score));
time("combine 3 perspectives", 200, () => combine(data, files.slice(0, 3), score));
time(`combine ${files.length} perspectives`, 20, () => combine(data, files, score));
