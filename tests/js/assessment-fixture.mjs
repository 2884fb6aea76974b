// A small questionnaire in the shape of assessment/data.json, written by hand for the scoring tests.
export const data = {
  format: "mpl-assessment-data",
  version: "2.1.0",
  title: "Self-assessment",
  priority_weights: { high: 3, medium: 2, low: 1 },
  scales: {
    often: { id: "often", title: "How often", options: [{ value: 0, label: "Never" }, { value: 1, label: "Sometimes" }, { value: 2, label: "Usually" }, { value: 3, label: "Always" }] },
    done: { id: "done", title: "Done", options: [{ value: 0, label: "No" }, { value: 1, label: "In part" }, { value: 2, label: "Yes" }] },
  },
  profile: { question: "What do you do?", options: [{ id: "commissions", label: "Commission" }, { id: "delivers", label: "Deliver" }] },
  sections: [
    { id: "alpha", title: "Alpha", kind: "stage", questions: [
      { id: "a-one", text: "Question A1?", scale: "often", show_if: null,
        recommends: [{ target: "p-one", kind: "practice", when: [0, 1], priority: "medium", weight: 2 }] },
      { id: "a-two", text: "Question A2?", scale: "done", show_if: { profile: ["commissions"] },
        recommends: [{ target: "p-two", kind: "practice", when: [0], priority: "high", weight: 3 },
                     { target: "p-one", kind: "practice", when: [0, 1], priority: "low", weight: 1 }] },
      { id: "a-three", text: "Question A3?", scale: "done", show_if: { question: "a-two", in: [1, 2] },
        recommends: [{ target: "p-three", kind: "practice", when: [0, 1], priority: "high", weight: 3 }] },
    ] },
    { id: "organisation", title: "Organisation", kind: "organisation", questions: [
      { id: "o-one", text: "Question O1?", scale: "often", show_if: null,
        recommends: [{ target: "act-one", kind: "priority-action", when: [0, 1], priority: "high", weight: 3 }] },
      { id: "o-two", text: "Question O2?", scale: "often", show_if: { question: "a-three", in: [2] },
        recommends: [{ target: "p-three", kind: "practice", when: [0], priority: "low", weight: 1 }] },
    ] },
  ],
  targets: {
    "p-one": { title: "Practice one", kind: "practice", url: "../practices/p-one.html", stages: [] },
    "p-two": { title: "Practice two", kind: "practice", url: "../practices/p-two.html", stages: [] },
    "p-three": { title: "Practice three", kind: "practice", url: "../practices/p-three.html", stages: [] },
    "act-one": { title: "Action one", kind: "priority-action", url: "../priority-actions/act-one.html", stages: [] },
  },
};

/** An answers object in the canonical key order of the answer-file format. */
export function answers(map, profile = [], extra = {}) {
  const { perspective, ...rest } = extra;
  return { format: "mpl-assessment-answers", questionnaire_version: "2.1.0", saved_at: "2026-01-31T12:00:00.000Z",
    ...(perspective === undefined ? {} : { perspective }), profile, answers: map, ...rest };
}
