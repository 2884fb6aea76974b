/**
 * Scoring of the self-assessment. Pure: no DOM, no storage; Node imports it for the unit tests.
 *
 * `data` is the parsed assessment/data.json, generated at build time (model/assessment_data.py): {format, version,
 * formula (model/assessment.py FORMULA), scales: {id: {options: [{value, label}]}}, profile: {options: [{id, label}]},
 * sections: [{id, title, stage (null: not a stage of the library), questions: [{id, text, help, scale, show_if, weight
 * (high|medium|low), recommends: [{target, kind, when, fit (central|partial)}]}]}], targets: {id: {title, kind,
 * kind_title, summary, url, stages, roles, effort, first_step, tentative}}, strings, storage, patterns}.
 * Target URLs are relative to the assessment page (and to data.json beside it).
 *
 * The answers object (stable: saved, exported, imported and shared in this form, keys in this order):
 *   {"format": "mpl-assessment-answers", "questionnaire_version": "<version>", "saved_at": "<ISO date>",
 *    "perspective": "<optional label>", "profile": ["<option id>", ...],
 *    "answers": {"<question id>": <answer>, ...},
 *    "retained": {"<question id>": <answer>, ...},      (only when not empty)
 *    "plan": {"targets": {"<section id>": <whole number 0..100>, ...},
 *             "actions": {"<entry id>": {"owner": "<text>", "by": "<YYYY-MM-DD>"}, ...}}}   (only when not empty)
 *   where <answer> is {"value": <whole number>} | {"status": "na", "reason": "<text>"} | {"status": "na"} | {"status": "dont-know"}.
 *   - "answers" holds the answers this version of the questionnaire uses: its question exists, and a value is on its scale.
 *   - "retained" holds every other answer, marked as not part of this version: a question renamed or removed since it was
 *     answered, or a value no longer on the question's scale. They are kept in this browser and in exports, never
 *     scored, and move back into "answers" when a version that has the question again (with that value) reads them.
 *     Answering such a question again on the form replaces the answer kept aside.
 *   - "plan" (optional) is the person's own plan: a target score per section, and for a
 *     recommended entry who will act on it ("owner", at most 80 characters) and by when ("by"); each part only when
 *     set. Targets and actions for sections or entries this version does not have are kept as they are, and not shown.
 *   - Reading normalises (parseAnswers and salvageAnswers in answers.js sort each answer into "answers" or
 *     "retained"), so export -> import -> export gives identical JSON on the same questionnaire.
 *   - Imported files and share links are read strictly: one unreadable part refuses the whole file. What this browser
 *     saved is read leniently (salvageAnswers): every readable answer is kept, the rest reported (keeping.js keeps a
 *     copy of the raw text before anything overwrites it).
 * score(data, answers) returns
 *   {sections: [{id, title, stage, apart, score, answered, asked, applicable, notApplicable, dontKnow, enough, target}],
 *    recommendations: [{id, title, url, kind, kindTitle, summary, roles, stages, effort, firstStep, tentative, need, label,
 *      group, plan, reasons: [{question, questionText, answerLabel, need}]}],
 *    strengths: [{id, title, url, kind, kindTitle, reasons}], notApplicable: [{question, questionText, section, reason}],
 *    dontKnow: [{question, questionText, section, roles}], unknownAnswers: [ids in "answers" not in data], totals}
 *   ("retained" answers are never read by score(); the ranking itself is in need.js.)
 * What the numbers mean (the page says it in words: interface.yml, assessment.how):
 *   - Only questions that are asked count: a question is asked when its `show_if` holds (profile: one of the options is
 *     ticked, or none is ticked at all; question: that earlier question is asked and was answered with one of the
 *     values `in`). Answers to questions not asked are ignored.
 *   - score: each answered question's value rescaled to 0 (first option of its scale) .. 1 (last), the section's
 *     average times 100, rounded; null when no question of the section has an answer on the scale. `enough` is false
 *     when fewer than formula.enough_answers of the questions asked have one: the page then says "not enough answers".
 *     "Not applicable" and "don't know" are never counted as zero: they are left out and listed apart.
 *   - apart: the section follows no stage while others do (the organisation as a whole): shown beside the radar.
 *   - recommendations and strengths: see need.js.
 */

import { ANSWERS_FORMAT } from "./answers.js";
import { rankRecommendations, ruleNeed } from "./need.js";

export { ANSWERS_FORMAT, LIMITS, isBlank, parseAnswers, salvageAnswers, withKept } from "./answers.js";

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const lists = new WeakMap();

/** Every question in questionnaire order, each with its section id and its number in the whole questionnaire. */
export function questionList(data) {
  if (!lists.has(data)) {
    lists.set(data, data.sections.flatMap((section) => section.questions.map((q) => ({ ...q, section: section.id }))));
  }
  return lists.get(data);
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

const indexes = new WeakMap();
export function indexQuestions(data) {
  if (!indexes.has(data)) indexes.set(data, new Map(questionList(data).map((q) => [q.id, q])));
  return indexes.get(data);
}

/** The option of the question's scale with this value, or undefined. */
export function optionOf(data, question, value) {
  return data.scales[question.scale].options.find((option) => option.value === value);
}

/** Where a value sits on its question's scale: 0 for the lowest option, 1 for the highest. */
export function position(data, question, value) {
  const values = data.scales[question.scale].options.map((o) => o.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return high === low ? 1 : (value - low) / (high - low);
}

/** The roles of the entries a question recommends: who could find out the answer to it. */
export function rolesOf(data, question) {
  const seen = new Map();
  for (const rule of question.recommends) {
    for (const role of (data.targets[rule.target] || {}).roles || []) if (!seen.has(role.id)) seen.set(role.id, role);
  }
  return [...seen.values()];
}

export function score(data, answers) {
  const index = indexQuestions(data);
  const formula = data.formula;
  const fired = [];       // [{target, question, order, need, answerLabel}] in questionnaire order
  const inPlace = new Map();
  const notApplicable = [];
  const dontKnow = [];
  const anyStage = data.sections.some((section) => section.stage);
  const targets = (answers && answers.plan && answers.plan.targets) || {};
  let order = 0;
  const sections = data.sections.map((section) => {
    const result = { id: section.id, title: section.title, stage: section.stage || null, apart: anyStage && !section.stage,
      score: null, answered: 0, asked: 0, applicable: 0, notApplicable: 0, dontKnow: 0, enough: false,
      target: hasOwn(targets, section.id) ? targets[section.id] : null };
    let sum = 0;
    for (const question of section.questions) {
      order += 1;
      if (!isShown(data, answers, question, index)) continue;
      result.asked += 1;
      const answer = answerOf(answers, question.id);
      if (!answer) continue;
      const about = { question: question.id, questionText: question.text, section: section.id };
      if (answer.status === "na") {
        result.notApplicable += 1;
        notApplicable.push({ ...about, reason: answer.reason || "" });
        continue;
      }
      if (answer.status === "dont-know") {
        result.dontKnow += 1;
        dontKnow.push({ ...about, roles: rolesOf(data, question) });
        continue;
      }
      const option = optionOf(data, question, answer.value);
      if (!option) continue;
      const fraction = position(data, question, answer.value);
      sum += fraction;
      result.answered += 1;
      for (const rule of question.recommends) {
        const reason = { question: question.id, questionText: question.text, answerLabel: option.label };
        if (rule.when.includes(answer.value)) {
          fired.push({ target: rule.target, order, weight: question.weight, reason: { ...reason, need: ruleNeed(formula, question, rule, 1 - fraction) } });
        } else if (fraction > 0.5) {
          if (!inPlace.has(rule.target)) inPlace.set(rule.target, { order, reasons: [] });
          inPlace.get(rule.target).reasons.push(reason);
        }
      }
    }
    result.applicable = result.asked - result.notApplicable;
    result.score = result.answered ? Math.round((100 * sum) / result.answered) : null;
    result.enough = result.asked > 0 && result.answered / result.asked >= formula.enough_answers;
    return result;
  });
  const recommendations = rankRecommendations(data, fired, answers);
  const recommended = new Set(recommendations.map((r) => r.id));
  const strengths = [...inPlace.entries()].filter(([id]) => !recommended.has(id))
    .sort((a, b) => a[1].order - b[1].order)
    .map(([id, item]) => ({ ...describe(data, id), reasons: item.reasons }));
  const given = answers && isRecord(answers.answers) ? Object.keys(answers.answers) : [];
  const totals = sections.reduce((t, s) => ({ asked: t.asked + s.asked, answered: t.answered + s.answered + s.notApplicable + s.dontKnow,
    onScale: t.onScale + s.answered }), { asked: 0, answered: 0, onScale: 0 });
  return { sections, recommendations, strengths, notApplicable, dontKnow, unknownAnswers: given.filter((id) => !index.has(id)), totals };
}

/** What the page shows of an entry, from data.targets. */
export function describe(data, id) {
  const target = data.targets[id] || { title: id, url: "", kind: "", kind_title: "" };
  return { id, title: target.title, url: target.url, kind: target.kind, kindTitle: target.kind_title || "" };
}

/** A fresh, empty answers object for this questionnaire. */
export function emptyAnswers(data, now = new Date()) {
  return { format: ANSWERS_FORMAT, questionnaire_version: data.version, saved_at: now.toISOString(), profile: [], answers: {} };
}
