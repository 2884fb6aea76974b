// Small questionnaires in the shape of assessment/data.json, written by hand (or generated) for the unit tests.
// The strings, patterns and formula are those the compiler passes: practices/interface.yml, the schema's patterns,
// and model/assessment.py FORMULA (copied here: the tests fix the constants they reason with).
import { readFileSync } from "node:fs";
import { STRINGS } from "./interface-strings.mjs";

const definitions = JSON.parse(readFileSync(new URL("../../schema/definitions.schema.json", import.meta.url), "utf8")).$defs;
export const PATTERNS = { id: definitions.id.pattern, version: definitions.version.pattern };
export const FORMULA = {
  weights: { high: 1.0, medium: 0.75, low: 0.5 },
  fit: { central: 1.0, partial: 0.5 },
  others: 0.1,
  tentative: 0.8,
  labels: { high: 0.75, medium: 0.45 },
  plan: { start: 3, next: 5 },
  enough_answers: 0.5,
};
export const STORAGE = { answers: "test-library:assessment:answers", snapshots: "test-library:assessment:snapshots",
  legacy: { answers: "mpl-assessment:answers", snapshots: "mpl-assessment:snapshots" } };

const role = (id, title) => ({ id, title });
const target = (id, title, kind = "practice", extra = {}) => ({ title, kind, kind_title: kind === "practice" ? "Practice" : "Priority action",
  summary: `${title} in one sentence.`, url: `../${kind === "practice" ? "practices" : "priority-actions"}/${id}.html`,
  stages: [], roles: [], effort: null, first_step: null, tentative: false, ...extra });

export const data = {
  format: "mpl-assessment-data",
  version: "2.1.0",
  title: "Self-assessment",
  formula: FORMULA,
  scales: {
    often: { id: "often", title: "How often", options: [{ value: 0, label: "Never" }, { value: 1, label: "Sometimes" }, { value: 2, label: "Usually" }, { value: 3, label: "Always" }] },
    done: { id: "done", title: "Done", options: [{ value: 0, label: "No" }, { value: 1, label: "In part" }, { value: 2, label: "Yes" }] },
  },
  profile: { question: "What do you do?", options: [{ id: "commissions", label: "Commission" }, { id: "delivers", label: "Deliver" }] },
  sections: [
    { id: "alpha", title: "Alpha", stage: "alpha", kind: "stage", questions: [
      { id: "a-one", text: "Question A1?", scale: "often", show_if: null, weight: "medium",
        recommends: [{ target: "p-one", kind: "practice", when: [0, 1], fit: "central" }] },
      { id: "a-two", text: "Question A2?", scale: "done", show_if: { profile: ["commissions"] }, weight: "high",
        recommends: [{ target: "p-two", kind: "practice", when: [0], fit: "central" },
                     { target: "p-one", kind: "practice", when: [0, 1], fit: "partial" }] },
      { id: "a-three", text: "Question A3?", scale: "done", show_if: { question: "a-two", in: [1, 2] }, weight: "high",
        recommends: [{ target: "p-three", kind: "practice", when: [0, 1], fit: "central" }] },
    ] },
    { id: "organisation", title: "Organisation", stage: null, kind: "apart", questions: [
      { id: "o-one", text: "Question O1?", scale: "often", show_if: null, weight: "high",
        recommends: [{ target: "act-one", kind: "priority-action", when: [0, 1], fit: "central" }] },
      { id: "o-two", text: "Question O2?", scale: "often", show_if: { question: "a-three", in: [2] }, weight: "low",
        recommends: [{ target: "p-three", kind: "practice", when: [0], fit: "partial" }] },
    ] },
  ],
  targets: {
    "p-one": target("p-one", "Practice one", "practice", { roles: [role("funders", "Funders")], effort: "low", first_step: "Ask one funder." }),
    "p-two": target("p-two", "Practice two", "practice", { roles: [role("recruiters", "Recruiters")], stages: [{ id: "alpha", title: "Alpha" }] }),
    "p-three": target("p-three", "Practice three", "practice", { tentative: true }),
    "act-one": target("act-one", "Action one", "priority-action", { roles: [role("funders", "Funders"), role("staff", "Staff")] }),
  },
  strings: STRINGS,
  storage: STORAGE,
  patterns: PATTERNS,
};

/** An answers object in the canonical key order of the answer-file format. */
export function answers(map, profile = [], extra = {}) {
  const { perspective, ...rest } = extra;
  return { format: "mpl-assessment-answers", questionnaire_version: "2.1.0", saved_at: "2026-01-31T12:00:00.000Z",
    ...(perspective === undefined ? {} : { perspective }), profile, answers: map, ...rest };
}

/** A generated questionnaire: `count` questions on a five-point scale (0..4), question i recommending entry e-i at the
 * three lowest answers; weights cycle high, medium, low and fits central, partial (so that needs differ). */
export function generated(count, { sections = 4, shared = false } = {}) {
  const five = { id: "five", title: "Five", options: [0, 1, 2, 3, 4].map((value) => ({ value, label: `Level ${value}` })) };
  const weights = ["high", "medium", "low"];
  const questions = Array.from({ length: count }, (_, i) => ({ id: `q-${i + 1}`, text: `Question ${i + 1}?`, scale: "five", show_if: null,
    weight: weights[i % 3], recommends: [{ target: shared ? `e-${Math.floor(i / 2) + 1}` : `e-${i + 1}`, kind: "practice", when: [0, 1, 2],
      fit: i % 4 === 3 ? "partial" : "central" }] }));
  const per = Math.ceil(count / sections);
  const targets = {};
  for (const q of questions) for (const r of q.recommends) targets[r.target] = target(r.target, `Entry ${r.target}`);
  return { ...data, scales: { five }, targets,
    sections: Array.from({ length: sections }, (_, s) => ({ id: `s-${s + 1}`, title: `Section ${s + 1}`, stage: `s-${s + 1}`, kind: "stage",
      questions: questions.slice(s * per, (s + 1) * per) })) };
}

/** Answers to every question of a generated questionnaire: value(question, index). */
export function answerAll(gen, value) {
  const map = {};
  gen.sections.flatMap((s) => s.questions).forEach((q, i) => { map[q.id] = { value: value(q, i) }; });
  return answers(map);
}
