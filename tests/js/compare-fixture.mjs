// A small hand-made questionnaire in the shape of assessment/data.json, scored by the real
// self-assessment scoring (docs/assets/javascripts/assessment/scoring.js).
export { parseAnswers, score } from "../../docs/assets/javascripts/assessment/scoring.js";

const frequency = { id: "frequency", title: "How often", options: [
  { value: 0, label: "Never" }, { value: 1, label: "Sometimes" }, { value: 2, label: "Usually" }, { value: 3, label: "Always" }] };
const question = (id, text, recommends = []) => ({ id, text, help: null, scale: "frequency", show_if: null, recommends });
const rule = (target, when, priority) => ({ target, kind: "practice", when, priority, weight: { high: 3, medium: 2, low: 1 }[priority] });
const target = (id, title) => ({ title, kind: "practice", summary: "", url: `../practices/${id}.html`, stages: [] });

export const DATA = {
  format: "mpl-assessment-data",
  version: "1.0.0",
  title: "Self-assessment",
  priority_weights: { high: 3, medium: 2, low: 1 },
  scales: { frequency },
  profile: { question: "What do you do?", help: null, options: [{ id: "commissions", label: "We commission" }] },
  sections: [
    { id: "recruitment", title: "Recruitment", summary: "", kind: "stage", questions: [
      question("q1", "Do you stratify?", [rule("p-one", [0, 1], "high")]),
      question("q2", "Do you pay members?", [rule("p-two", [0], "low")]),
    ] },
    { id: "in-the-room", title: "In the room", summary: "", kind: "stage", questions: [
      question("q3", "Do facilitators rotate?"),
      question("q4", "Do members set the agenda?"),
    ] },
  ],
  targets: { "p-one": target("p-one", "Practice one"), "p-two": target("p-two", "Practice two") },
};
