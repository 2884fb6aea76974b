// A small hand-made questionnaire and a scorer following the self-assessment's contract.
export const DATA = {
  version: "1.0",
  scales: { frequency: { options: [{ value: 0, label: "Never" }, { value: 1, label: "Sometimes" }, { value: 2, label: "Usually" }, { value: 3, label: "Always" }] } },
  stages: [{ id: "recruitment", title: "Recruitment" }, { id: "in-the-room", title: "In the room" }],
  questions: [
    { id: "q1", stage: "recruitment", text: "Do you stratify?", scale: "frequency" },
    { id: "q2", stage: "recruitment", text: "Do you pay members?", scale: "frequency" },
    { id: "q3", stage: "in-the-room", text: "Do facilitators rotate?", scale: "frequency" },
    { id: "q4", stage: "in-the-room", text: "Do members set the agenda?", scale: "frequency" },
  ],
};
const RULES = [{ question: "q1", atMost: 1, practice: "p-one", title: "Practice one", priority: 2 },
  { question: "q2", atMost: 0, practice: "p-two", title: "Practice two", priority: 1 }];

export function score(data, answers) {
  const given = answers.answers;
  const stages = data.stages.map((stage) => {
    const qs = data.questions.filter((q) => q.stage === stage.id);
    const values = qs.map((q) => given[q.id]).filter((a) => a && typeof a.value === "number").map((a) => a.value / 3 * 100);
    return { id: stage.id, title: stage.title, score: values.length ? values.reduce((s, v) => s + v, 0) / values.length : null,
      answered: values.length, applicable: qs.length, notApplicable: 0, dontKnow: 0 };
  });
  const recommendations = RULES.filter((r) => given[r.question] && given[r.question].value <= r.atMost).map((r) => ({
    id: r.practice, title: r.title, url: `../practices/${r.practice}/`, priority: r.priority,
    reasons: [{ question: r.question, questionText: "", answerLabel: String(given[r.question].value) }] }));
  const text = (id) => data.questions.find((q) => q.id === id).text;
  return { stages, recommendations, strengths: [],
    notApplicable: Object.keys(given).filter((id) => given[id].status === "na").map((id) => ({ question: id, questionText: text(id), reason: given[id].reason })),
    dontKnow: Object.keys(given).filter((id) => given[id].status === "dont-know").map((id) => ({ question: id, questionText: text(id) })),
    unknownAnswers: [] };
}

export function parseAnswers(text, data) {
  let parsed;
  try { parsed = JSON.parse(text); } catch { return { ok: false, errors: ["The file is not valid JSON."], dropped: [] }; }
  if (!parsed || parsed.format !== "mpl-assessment-answers") return { ok: false, errors: ["The file is not an answers file."], dropped: [] };
  const answers = {};
  const dropped = [];
  for (const [id, a] of Object.entries(parsed.answers || {})) {
    if (!data.questions.some((q) => q.id === id)) { dropped.push(id); continue; }
    if (!a || (a.status === undefined && typeof a.value !== "number")) return { ok: false, errors: [`The answer to ${id} is not valid.`], dropped };
    answers[id] = a;
  }
  return { ok: true, answers: { ...parsed, answers }, errors: [], dropped };
}
