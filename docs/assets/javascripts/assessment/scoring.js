/**
 * Scoring of the self-assessment. Pure: no DOM, no storage; Node imports it for the unit tests.
 *
 * `data` is the parsed assessment/data.json, generated at build time from assessment/ (see
 * hooks/model/assessment_data.py): {format, version, priority_weights, scales: {id: {options: [{value,
 * label}]}}, profile: {options: [{id, label}]}, sections: [{id, title, kind, questions: [{id, text,
 * help, scale, show_if, recommends: [{target, kind, when, priority, weight}]}]}], targets: {id: {title,
 * kind, url, stages}}}. Target URLs are relative to the assessment page (and to data.json beside it).
 *
 * The answers object (stable: saved, exported, imported and shared in this form, keys in this order):
 *   {"format": "mpl-assessment-answers", "questionnaire_version": "<version>", "saved_at": "<ISO date>",
 *    "perspective": "<optional label>", "profile": ["<option id>", ...],
 *    "answers": {"<question id>": <answer>, ...},
 *    "retained": {"<question id>": <answer>, ...}}      (only when not empty)
 *   where <answer> is {"value": <whole number>} | {"status": "na", "reason": "<text>"} | {"status": "na"} | {"status": "dont-know"}.
 *   - "answers" holds the answers this version of the questionnaire uses: its question exists, and a value is on its scale.
 *   - "retained" holds every other answer, marked as not part of this version: a question renamed or removed since it was
 *     answered, or a value no longer on the question's scale. They are kept in this browser and in exports, never
 *     scored, and move back into "answers" when a version that has the question again (with that value) reads them.
 *     Answering such a question again on the form replaces the answer kept aside.
 *   - Reading normalises (parseAnswers and salvageAnswers in answers.js sort each answer into "answers" or
 *     "retained"), so export -> import -> export gives identical JSON on the same questionnaire.
 *   - Imported files and share links are read strictly: one unreadable part refuses the whole file. What this browser
 *     saved is read leniently (salvageAnswers): every readable answer is kept, the rest reported (main.js keeps a
 *     copy of the raw text before anything overwrites it).
 * score(data, answers) returns
 *   {stages: [{id, title, score, answered, applicable, notApplicable, dontKnow, asked}],
 *    recommendations: [{id, title, url, kind, priority, weight, reasons: [{question, questionText, answerLabel}]}],
 *    strengths: [{id, title, url, kind, reasons}], notApplicable: [{question, questionText, reason}],
 *    dontKnow: [{question, questionText}], unknownAnswers: [ids in "answers" not in data], totals: {...}}
 *   ("retained" answers are never read by score().)
 * What the numbers mean:
 *   - Only questions that are asked count: a question is asked when its `show_if` holds (profile: one of
 *     the options is ticked, or none is ticked at all; question: that earlier question is asked and was
 *     answered with one of the values `in`). Answers to questions not asked are ignored.
 *   - score: each answered question's value rescaled to 0 (first option of its scale) .. 1 (last), the
 *     stage's average times 100, rounded; null when no question of the stage has a scored answer.
 *     "Not applicable" and "don't know" are never counted as zero: they are left out and listed apart.
 *   - answered: scored answers; notApplicable, dontKnow: those answers; asked: questions asked;
 *     applicable: asked minus not applicable (the questions the score could cover).
 *   - recommendations: a target is recommended when an asked question's answer is in a rule's `when`.
 *     weight = sum of the weights (high 3, medium 2, low 1) of the rules that fired; ranked by weight,
 *     then by the highest priority that fired, then by questionnaire order. priority = the highest one.
 *   - strengths: targets that no answer recommends and that some answer in the upper half of its scale
 *     (rescaled above 0.5, such as "Usually", "Always" or "Yes") bears on; those answers are the reasons.
 *     A middle answer that does not recommend a target is neither a reason to adopt it nor a strength.
 * parseAnswers(text, data) returns {ok, answers, errors, dropped, restored, warnings}: it validates an imported or
 * shared answers object and refuses malformed or hostile input with clear messages. `dropped` lists the answers it
 * moved from "answers" into "retained"; `restored` those it moved back. salvageAnswers(text, data) returns
 * {answers, problems, dropped, restored, warnings}: `answers` is never null, `problems` names what could not be read.
 */

import { ANSWERS_FORMAT } from "./answers.js";

export { ANSWERS_FORMAT, LIMITS, isBlank, parseAnswers, salvageAnswers, withRetained } from "./answers.js";
const PRIORITY_RANK = { high: 3, medium: 2, low: 1 };

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Every question in questionnaire order, each with its section id. */
export function questionList(data) {
  return data.sections.flatMap((section) => section.questions.map((q) => ({ ...q, section: section.id })));
}

/** The answer to a question id, or undefined. */
export function answerOf(answers, id) {
  const all = answers && isRecord(answers.answers) ? answers.answers : {};
  return hasOwn(all, id) ? all[id] : undefined;
}

/** Is this question asked, given the profile and the earlier answers? */
export function isShown(data, answers, question, index = indexQuestions(data), depth = 0) {
  const cond = question.show_if;
  if (!cond) return true;
  const profile = answers && Array.isArray(answers.profile) ? answers.profile : [];
  if (cond.profile && profile.length && !cond.profile.some((option) => profile.includes(option))) return false;
  if (cond.question) {
    const earlier = index.get(cond.question);
    if (!earlier || depth > 50 || !isShown(data, answers, earlier, index, depth + 1)) return false;
    const answer = answerOf(answers, cond.question);
    if (!answer || typeof answer.value !== "number" || !cond.in.includes(answer.value)) return false;
  }
  return true;
}

export function indexQuestions(data) {
  return new Map(questionList(data).map((q) => [q.id, q]));
}

/** The option of the question's scale with this value, or undefined. */
export function optionOf(data, question, value) {
  return data.scales[question.scale].options.find((option) => option.value === value);
}

export function score(data, answers) {
  const index = indexQuestions(data);
  const recs = new Map();
  const inPlace = new Map();
  const notApplicable = [];
  const dontKnow = [];
  let order = 0;
  const stages = data.sections.map((section) => {
    const stage = { id: section.id, title: section.title, score: null, answered: 0, applicable: 0, notApplicable: 0, dontKnow: 0, asked: 0 };
    let sum = 0;
    for (const question of section.questions) {
      if (!isShown(data, answers, question, index)) continue;
      stage.asked += 1;
      const answer = answerOf(answers, question.id);
      if (!answer) continue;
      if (answer.status === "na") {
        stage.notApplicable += 1;
        notApplicable.push({ question: question.id, questionText: question.text, reason: answer.reason || "" });
        continue;
      }
      if (answer.status === "dont-know") {
        stage.dontKnow += 1;
        dontKnow.push({ question: question.id, questionText: question.text });
        continue;
      }
      const option = optionOf(data, question, answer.value);
      if (!option) continue;
      const values = data.scales[question.scale].options.map((o) => o.value);
      const low = Math.min(...values);
      const high = Math.max(...values);
      const fraction = (answer.value - low) / (high - low);
      sum += fraction;
      stage.answered += 1;
      for (const rule of question.recommends) {
        const reason = { question: question.id, questionText: question.text, answerLabel: option.label };
        const target = data.targets[rule.target] || { title: rule.target, url: "", kind: rule.kind };
        const bucket = rule.when.includes(answer.value) ? recs : fraction > 0.5 ? inPlace : null;
        if (!bucket) continue;
        if (!bucket.has(rule.target)) {
          bucket.set(rule.target, { id: rule.target, title: target.title, url: target.url, kind: target.kind,
            priority: rule.priority, weight: 0, reasons: [], order: order++ });
        }
        const item = bucket.get(rule.target);
        item.reasons.push(reason);
        item.weight += rule.weight || data.priority_weights[rule.priority] || 0;
        if (PRIORITY_RANK[rule.priority] > PRIORITY_RANK[item.priority]) item.priority = rule.priority;
      }
    }
    stage.applicable = stage.asked - stage.notApplicable;
    stage.score = stage.answered ? Math.round((100 * sum) / stage.answered) : null;
    return stage;
  });
  const strip = ({ order: _order, ...item }) => item;
  const recommendations = [...recs.values()]
    .sort((a, b) => b.weight - a.weight || PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.order - b.order)
    .map(strip);
  const strengths = [...inPlace.values()].filter((item) => !recs.has(item.id))
    .sort((a, b) => a.order - b.order)
    .map(({ id, title, url, kind, reasons }) => ({ id, title, url, kind, reasons }));
  const given = answers && isRecord(answers.answers) ? Object.keys(answers.answers) : [];
  const totals = stages.reduce((t, s) => ({ asked: t.asked + s.asked, answered: t.answered + s.answered + s.notApplicable + s.dontKnow }),
    { asked: 0, answered: 0 });
  return { stages, recommendations, strengths, notApplicable, dontKnow,
    unknownAnswers: given.filter((id) => !index.has(id)), totals };
}

/** A fresh, empty answers object for this questionnaire. */
export function emptyAnswers(data, now = new Date()) {
  return { format: ANSWERS_FORMAT, questionnaire_version: data.version, saved_at: now.toISOString(), profile: [], answers: {} };
}
