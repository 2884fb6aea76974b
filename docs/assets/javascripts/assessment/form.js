// Reads and writes the answers to and from the form controls, shows only the questions that are asked, and numbers them.
import { ANSWERS_FORMAT, answerOf, indexQuestions, isShown, questionList } from "./scoring.js";
import { orList, tr } from "./strings.js";

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

// The parts of the form each question needs, found once per form.
const parts = new WeakMap();
function partsOf(form, data) {
  if (!parts.has(form)) {
    parts.set(form, new Map(questionList(data).map((q) => {
      const fieldset = form.querySelector(`#q-${q.id}`);
      return [q.id, { fieldset, number: fieldset.querySelector(".mpl-q__number"), reason: fieldset.querySelector(".mpl-q__reason"),
        condition: fieldset.querySelector(".mpl-q__condition") }];
    })));
  }
  return parts.get(form);
}

/** Hide the questions not asked and the unused reason fields, number the questions shown from 1 (the numbers built
 * into the page are those of the whole questionnaire, for reading it without JavaScript), and return the progress:
 * {asked, answered, sections: {<section id>: {asked, answered}}}. */
export function updateView(form, data, answers) {
  const say = tr(data);
  const index = indexQuestions(data);
  const found = partsOf(form, data);
  const numbers = new Map();
  const sections = {};
  let asked = 0;
  let answered = 0;
  for (const question of index.values()) {
    const { fieldset, number, reason, condition } = found.get(question.id);
    const shown = isShown(data, answers, question, index);
    const answer = answerOf(answers, question.id);
    fieldset.hidden = !shown;
    reason.hidden = !(answer && answer.status === "na");
    const progress = sections[question.section] || (sections[question.section] = { asked: 0, answered: 0 });
    if (!shown) continue;
    asked += 1;
    progress.asked += 1;
    if (answer) {
      answered += 1;
      progress.answered += 1;
    }
    numbers.set(question.id, asked);
    setText(number, `${asked}.`);
    if (condition && question.show_if && question.show_if.question) {
      const earlier = index.get(question.show_if.question);
      const labels = data.scales[earlier.scale].options.filter((o) => question.show_if.in.includes(o.value)).map((o) => o.label);
      setText(condition, say("assessment.asked_when", { number: numbers.get(earlier.id), answers: orList(say, labels) }));
    }
  }
  return { asked, answered, sections };
}

// Writes only when the text changes (no needless work for the browser on every answer).
function setText(node, text) {
  if (node && node.textContent !== text) node.textContent = text;
}
