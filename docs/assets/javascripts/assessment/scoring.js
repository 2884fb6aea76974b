/**
 * Scoring of the self-assessment. Pure: no DOM, no storage; Node imports it for the unit tests.
 *
 * `data` is the parsed assessment/data.json, generated at build time from assessment/ (see
 * hooks/model/assessment_data.py): {format, version, priority_weights, scales: {id: {options: [{value,
 * label}]}}, profile: {options: [{id, label}]}, sections: [{id, title, kind, questions: [{id, text,
 * help, scale, show_if, recommends: [{target, kind, when, priority, weight}]}]}], targets: {id: {title,
 * kind, url, stages}}}. Target URLs are relative to the assessment page (and to data.json beside it).
 *
 * The answers object (stable: saved, exported, imported and shared in this form):
 *   {"format": "mpl-assessment-answers", "questionnaire_version": "<version>", "saved_at": "<ISO date>",
 *    "perspective": "<optional label>", "profile": ["<option id>", ...],
 *    "answers": {"<question id>": {"value": <number>} | {"status": "na", "reason": "<text>"} | {"status": "dont-know"}}}
 *
 * score(data, answers) returns
 *   {stages: [{id, title, score, answered, applicable, notApplicable, dontKnow, asked}],
 *    recommendations: [{id, title, url, kind, priority, weight, reasons: [{question, questionText, answerLabel}]}],
 *    strengths: [{id, title, url, kind, reasons}], notApplicable: [{question, questionText, reason}],
 *    dontKnow: [{question, questionText}], unknownAnswers: [question ids not in data], totals: {...}}
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
 * parseAnswers(text, data) returns {ok, answers, errors, dropped, warnings}: it validates a saved,
 * imported or shared answers object and refuses malformed or hostile input with clear messages.
 * `dropped` lists the answered question ids that are not (or no longer) in the questionnaire.
 */

export const ANSWERS_FORMAT = "mpl-assessment-answers";
export const LIMITS = { chars: 200000, answers: 1000, reason: 300, perspective: 80 };
const PRIORITY_RANK = { high: 3, medium: 2, low: 1 };
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const TOP_KEYS = ["format", "questionnaire_version", "saved_at", "perspective", "profile", "answers"];

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

const quote = (text) => JSON.stringify(String(text).slice(0, 60));

/** Validate answers given as JSON text (or an already parsed value). Never throws. */
export function parseAnswers(text, data) {
  const errors = [];
  const warnings = [];
  const dropped = [];
  const fail = () => ({ ok: false, answers: null, errors, dropped, warnings });
  let raw = text;
  if (typeof text === "string") {
    if (text.length > LIMITS.chars) {
      errors.push(`The file is too large (${Math.round(text.length / 1000)} KB): an answers file is at most ${LIMITS.chars / 1000} KB.`);
      return fail();
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      errors.push("This is not an answers file: it is not valid JSON. Choose a file exported from this page.");
      return fail();
    }
  }
  if (!isRecord(raw) || raw.format !== ANSWERS_FORMAT) {
    errors.push(`This is not an answers file: it should be a JSON object with "format": "${ANSWERS_FORMAT}". Choose a file exported from this page.`);
    return fail();
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key)) errors.push(`Unknown field ${quote(key)}: an answers file has only ${TOP_KEYS.join(", ")}.`);
  }
  const version = raw.questionnaire_version;
  if (typeof version !== "string" || !VERSION.test(version)) errors.push('"questionnaire_version" must be a version such as "1.0.0".');
  if (hasOwn(raw, "saved_at") && (typeof raw.saved_at !== "string" || raw.saved_at.length > 40 || Number.isNaN(Date.parse(raw.saved_at)))) {
    errors.push('"saved_at" must be a date and time such as "2026-01-31T12:00:00.000Z".');
  }
  if (hasOwn(raw, "perspective") && (typeof raw.perspective !== "string" || raw.perspective.length > LIMITS.perspective || /[\u0000-\u001f]/.test(raw.perspective))) {
    errors.push(`"perspective" must be a single line of text of at most ${LIMITS.perspective} characters.`);
  }
  const options = new Set(data.profile.options.map((o) => o.id));
  const profile = [];
  if (hasOwn(raw, "profile")) {
    if (!Array.isArray(raw.profile) || raw.profile.length > 50 || raw.profile.some((id) => typeof id !== "string" || !ID.test(id))) {
      errors.push('"profile" must be a list of option ids, such as ["commissions", "delivers"].');
    } else {
      for (const id of raw.profile) {
        if (options.has(id) && !profile.includes(id)) profile.push(id);
        else if (!options.has(id)) warnings.push(`The profile option ${quote(id)} is no longer in the questionnaire and was left out.`);
      }
    }
  }
  const answers = {};
  if (!isRecord(raw.answers)) {
    errors.push('"answers" must be an object that maps question ids to answers.');
    return fail();
  }
  const keys = Object.keys(raw.answers);
  if (keys.length > LIMITS.answers) {
    errors.push(`There are ${keys.length} answers; an answers file has at most ${LIMITS.answers}.`);
    return fail();
  }
  const index = indexQuestions(data);
  for (const id of keys) {
    if (!ID.test(id)) {
      errors.push(`The answer key ${quote(id)} is not a question id (lower-case words joined by hyphens).`);
      continue;
    }
    const answer = checkAnswer(raw.answers[id], id, errors);
    if (!answer) continue;
    const question = index.get(id);
    if (!question) {
      dropped.push(id);
    } else if (hasOwn(answer, "value") && !optionOf(data, question, answer.value)) {
      dropped.push(id);
      warnings.push(`The answer to ${quote(id)} (${answer.value}) is no longer on its scale and was left out.`);
    } else {
      answers[id] = answer;
    }
  }
  if (dropped.length) warnings.push(`${dropped.length} answer${dropped.length > 1 ? "s" : ""} to questions no longer in the questionnaire ${dropped.length > 1 ? "were" : "was"} left out: ${dropped.join(", ")}.`);
  if (errors.length) return fail();
  const result = { format: ANSWERS_FORMAT, questionnaire_version: version };
  if (hasOwn(raw, "saved_at")) result.saved_at = raw.saved_at;
  if (hasOwn(raw, "perspective") && raw.perspective) result.perspective = raw.perspective;
  result.profile = profile;
  result.answers = answers;
  return { ok: true, answers: result, errors, dropped, warnings };
}

function checkAnswer(answer, id, errors) {
  const bad = (why) => { errors.push(`The answer to ${quote(id)} ${why}`); return null; };
  if (!isRecord(answer)) return bad('must be an object such as {"value": 2}, {"status": "na"} or {"status": "dont-know"}.');
  const keys = Object.keys(answer).sort().join(",");
  if (keys === "value") {
    return Number.isInteger(answer.value) ? { value: answer.value } : bad("must have a whole number as its value.");
  }
  if (answer.status === "dont-know" && keys === "status") return { status: "dont-know" };
  if (answer.status === "na" && (keys === "status" || keys === "reason,status")) {
    if (keys === "status") return { status: "na" };
    if (typeof answer.reason !== "string" || answer.reason.length > LIMITS.reason) return bad(`has a reason that is not text of at most ${LIMITS.reason} characters.`);
    return { status: "na", reason: answer.reason };
  }
  return bad('must be {"value": <number>}, {"status": "na", "reason": "<text>"} or {"status": "dont-know"}.');
}
