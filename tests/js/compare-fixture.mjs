// A small hand-made questionnaire in the shape of assessment/data.json, scored by the real
// self-assessment scoring (docs/assets/javascripts/assessment/scoring.js).
export { parseAnswers, score } from "../../docs/assets/javascripts/assessment/scoring.js";
import { FORMULA, PATTERNS, STORAGE } from "./assessment-fixture.mjs";
import { STRINGS } from "./interface-strings.mjs";

const frequency = { id: "frequency", title: "How often", options: [
  { value: 0, label: "Never" }, { value: 1, label: "Sometimes" }, { value: 2, label: "Usually" }, { value: 3, label: "Always" }] };
const question = (id, text, recommends = [], weight = "medium") => ({ id, text, help: null, scale: "frequency", show_if: null, weight, recommends });
const rule = (target, when, fit = "central") => ({ target, kind: "practice", when, fit });
const target = (id, title) => ({ title, kind: "practice", kind_title: "Practice", summary: "", url: `../practices/${id}.html`, stages: [], roles: [] });

export const DATA = {
  format: "mpl-assessment-data",
  version: "1.0.0",
  title: "Self-assessment",
  formula: FORMULA,
  scales: { frequency },
  profile: { question: "What do you do?", help: null, options: [{ id: "commissions", label: "We commission" }] },
  sections: [
    { id: "recruitment", title: "Recruitment", summary: "", stage: "recruitment", kind: "stage", questions: [
      question("q1", "Do you stratify?", [rule("p-one", [0, 1])], "high"),
      question("q2", "Do you pay members?", [rule("p-two", [0])], "low"),
    ] },
    { id: "in-the-room", title: "In the room", summary: "", stage: "in-the-room", kind: "stage", questions: [
      question("q3", "Do facilitators rotate?"),
      question("q4", "Do members set the agenda?"),
    ] },
  ],
  targets: { "p-one": target("p-one", "Practice one"), "p-two": target("p-two", "Practice two") },
  strings: STRINGS,
  storage: STORAGE,
  patterns: PATTERNS,
};
