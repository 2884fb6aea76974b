// Reading questions and answers from the self-assessment's data.json (assessment/data.json).
// The one place that knows its shape, so that the comparison code does not.

// Every question in questionnaire order: {id, text, stage, options: [{value, label}]}.
export function questionList(data) {
  if (data.__questionList) return data.__questionList;
  const scales = Array.isArray(data.scales)
    ? Object.fromEntries(data.scales.map((scale) => [scale.id, scale])) : data.scales || {};
  // data.json groups questions by section (a stage, or the organisation as a whole).
  const questions = Array.isArray(data.sections)
    ? data.sections.flatMap((section) => (section.questions || []).map((q) => ({ stage: section.id, ...q })))
    : data.questions || [];
  const list = questions.map((q) => {
    const scale = typeof q.scale === "string" ? scales[q.scale] : q.scale;
    const options = Array.isArray(scale) ? scale : (scale && scale.options) || q.options || [];
    return { id: q.id, text: q.text, stage: q.stage, options };
  });
  Object.defineProperty(data, "__questionList", { value: list, enumerable: false });
  return list;
}

// "value", "na", "dont-know" or "none".
export function answerKind(answer) {
  if (!answer || typeof answer !== "object") return "none";
  if (answer.status === "na") return "na";
  if (answer.status === "dont-know") return "dont-know";
  return typeof answer.value === "number" ? "value" : "none";
}

// The answer in words, as the person saw it on the form; `say` gives the interface strings (strings.js tr(data)).
export function answerLabel(question, answer, say) {
  switch (answerKind(answer)) {
    case "na": return answer.reason ? say("compare.answer_na_reason", { reason: answer.reason }) : say("answer.not_applicable");
    case "dont-know": return say("answer.dont_know");
    case "value": {
      const option = question.options.find((o) => o.value === answer.value);
      return option ? option.label : String(answer.value);
    }
    default: return say("compare.not_answered");
  }
}

// Position of a value answer on its scale: 0 for the lowest option, 1 for the highest; null otherwise.
export function normalisedValue(question, answer) {
  if (answerKind(answer) !== "value") return null;
  const values = question.options.map((o) => o.value).filter((v) => typeof v === "number");
  if (values.length < 2) return null;
  const low = Math.min(...values);
  const high = Math.max(...values);
  return high === low ? null : (answer.value - low) / (high - low);
}
