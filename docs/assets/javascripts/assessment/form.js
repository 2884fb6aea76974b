// Reads and writes the answers to and from the form controls, and shows only the questions that are asked.
import { ANSWERS_FORMAT, answerOf, indexQuestions, isShown, questionList } from "./scoring.js";

/** The answers as the form shows them (answers to questions not asked are kept, and ignored by the scores). */
export function readForm(form, data, now = new Date()) {
  const answers = { format: ANSWERS_FORMAT, questionnaire_version: data.version, saved_at: now.toISOString() };
  const perspective = form.elements.perspective.value.trim().slice(0, 80);
  if (perspective) answers.perspective = perspective;
  answers.profile = [...form.querySelectorAll('input[name="profile"]:checked')].map((input) => input.value);
  answers.answers = {};
  for (const question of questionList(data)) {
    const checked = form.querySelector(`input[name="q-${question.id}"]:checked`);
    if (!checked) continue;
    if (checked.value === "na") {
      const reason = form.elements[`reason-${question.id}`].value.trim().slice(0, 300);
      answers.answers[question.id] = reason ? { status: "na", reason } : { status: "na" };
    } else if (checked.value === "dont-know") {
      answers.answers[question.id] = { status: "dont-know" };
    } else {
      answers.answers[question.id] = { value: Number(checked.value) };
    }
  }
  return answers;
}

/** Set every control from `answers` (a valid answers object). */
export function writeForm(form, answers, data) {
  form.elements.perspective.value = answers.perspective || "";
  for (const box of form.querySelectorAll('input[name="profile"]')) box.checked = answers.profile.includes(box.value);
  for (const question of questionList(data)) {
    const answer = answerOf(answers, question.id);
    const wanted = !answer ? null : answer.status || String(answer.value);
    for (const radio of form.querySelectorAll(`input[name="q-${question.id}"]`)) radio.checked = radio.value === wanted;
    form.elements[`reason-${question.id}`].value = answer && answer.status === "na" ? answer.reason || "" : "";
  }
}

/** Hide the questions not asked and the unused reason fields; return {asked, answered} for the progress. */
export function updateView(form, data, answers) {
  const index = indexQuestions(data);
  let asked = 0;
  let answered = 0;
  for (const question of index.values()) {
    const fieldset = form.querySelector(`#q-${question.id}`);
    const shown = isShown(data, answers, question, index);
    fieldset.hidden = !shown;
    const answer = answerOf(answers, question.id);
    fieldset.querySelector(".mpl-q__reason").hidden = !(answer && answer.status === "na");
    if (!shown) continue;
    asked += 1;
    if (answer) answered += 1;
  }
  return { asked, answered };
}
