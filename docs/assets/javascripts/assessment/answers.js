// Reading answers objects (the format is described at the top of scoring.js). Pure: no DOM, no storage.
// parseAnswers is strict (imported files, share links: refused as a whole, with reasons);
// salvageAnswers is lenient (what this browser saved: every readable answer is kept, the rest reported).
// No imports: scoring.js re-exports parseAnswers, and a cycle between the two would break at load.

export const ANSWERS_FORMAT = "mpl-assessment-answers";
export const LIMITS = { chars: 200000, answers: 1000, reason: 300, perspective: 80 };
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const TOP_KEYS = ["format", "questionnaire_version", "saved_at", "perspective", "profile", "answers", "retained"];
const ANSWER_SHAPE = '{"value": <number>}, {"status": "na", "reason": "<text>"} or {"status": "dont-know"}';

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const quote = (text) => JSON.stringify(String(text).slice(0, 60));
const plural = (n, one, many) => (n === 1 ? one : many);
const questionIndex = (data) => new Map(data.sections.flatMap((section) => section.questions).map((q) => [q.id, q]));
const onItsScale = (data, question, value) => data.scales[question.scale].options.some((option) => option.value === value);

// Every text these functions give people, in one place.
export const MESSAGES = {
  tooLarge: (chars) => `The file is too large (${Math.round(chars / 1000)} KB): an answers file is at most ${LIMITS.chars / 1000} KB.`,
  notJson: "This is not an answers file: it is not valid JSON. Choose a file exported from this page.",
  notAnswers: `This is not an answers file: it should be a JSON object with "format": "${ANSWERS_FORMAT}". Choose a file exported from this page.`,
  cutShort: "The saved text is cut short or garbled (it is not valid JSON): the answers that could still be read from it are kept.",
  unknownField: (key) => `Unknown field ${quote(key)}: an answers file has only ${TOP_KEYS.join(", ")}.`,
  badVersion: '"questionnaire_version" must be a version such as "1.0.0".',
  badDate: '"saved_at" must be a date and time such as "2026-01-31T12:00:00.000Z".',
  badPerspective: `"perspective" must be a single line of text of at most ${LIMITS.perspective} characters.`,
  badProfile: '"profile" must be a list of option ids, such as ["commissions", "delivers"].',
  profileGone: (id) => `The profile option ${quote(id)} is no longer in the questionnaire and was left out.`,
  notAMap: (field) => `"${field}" must be an object that maps question ids to answers.`,
  tooMany: (n) => `There are ${n} answers; an answers file has at most ${LIMITS.answers}.`,
  badKey: (id) => `The answer key ${quote(id)} is not a question id (lower-case words joined by hyphens).`,
  badAnswer: (id) => `The answer to ${quote(id)} must be ${ANSWER_SHAPE}.`,
  badValue: (id) => `The answer to ${quote(id)} must have a whole number as its value.`,
  badReason: (id) => `The answer to ${quote(id)} has a reason that is not text of at most ${LIMITS.reason} characters.`,
  offScale: (id, value) => `The answer to ${quote(id)} (${value}) is not on its scale in this version of the questionnaire.`,
  keptAside: (ids) => `${ids.length} ${plural(ids.length, "answer is", "answers are")} to questions that are not part of this version of the questionnaire`
    + ` (${ids.join(", ")}): ${plural(ids.length, "it is", "they are")} kept aside, not scored, and kept in this browser and in exports.`,
  restored: (ids) => `${ids.length} ${plural(ids.length, "answer", "answers")} kept from an earlier version of the questionnaire`
    + ` ${plural(ids.length, "is", "are")} back in use: ${ids.join(", ")}.`,
  superseded: (id) => `The answer to ${quote(id)} kept from an earlier version was replaced by the answer given to this version.`,
};

/** Strict: {ok, answers, errors, dropped, restored, warnings}; refuses malformed or hostile input as a whole. Never throws. */
export function parseAnswers(text, data) {
  let raw = text;
  if (typeof text === "string") {
    if (text.length > LIMITS.chars) return refused([MESSAGES.tooLarge(text.length)]);
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return refused([MESSAGES.notJson]);
    }
  }
  if (!isRecord(raw) || raw.format !== ANSWERS_FORMAT) return refused([MESSAGES.notAnswers]);
  const read = readObject(raw, data);
  if (read.fatal || read.errors.length) return refused(read.errors, read.warnings);
  return { ok: true, answers: read.answers, errors: [], dropped: read.dropped, restored: read.restored, warnings: read.warnings };
}

/** Lenient, for what this browser saved: {answers (never null), problems, dropped, restored, warnings}. Never throws.
 * `problems` name every part that could not be read (the caller keeps a copy of the raw text before overwriting it). */
export function salvageAnswers(text, data) {
  let raw = text;
  const problems = [];
  if (typeof text === "string") {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      raw = scanFragments(text);
      problems.push(MESSAGES.cutShort);
    }
  }
  if (!isRecord(raw)) raw = { answers: null };
  else if (raw.format !== ANSWERS_FORMAT && !problems.length) problems.push(MESSAGES.notAnswers);
  const read = readObject({ ...raw, format: ANSWERS_FORMAT }, data, { lenient: true });
  return { answers: read.answers, problems: [...problems, ...read.errors], dropped: read.dropped, restored: read.restored,
    warnings: read.warnings };
}

function refused(errors, warnings = []) {
  return { ok: false, answers: null, errors, dropped: [], restored: [], warnings };
}

// Validates every part of an answers object and builds the normalised object from the readable parts.
// `errors` lists the unreadable parts; `fatal` is set when the object as a whole is unusable.
function readObject(raw, data, { lenient = false } = {}) {
  const errors = [];
  const warnings = [];
  for (const key of Object.keys(raw)) if (!TOP_KEYS.includes(key)) errors.push(MESSAGES.unknownField(key));
  let version = raw.questionnaire_version;
  if (typeof version !== "string" || !VERSION.test(version)) {
    errors.push(MESSAGES.badVersion);
    version = data.version;
  }
  const result = { format: ANSWERS_FORMAT, questionnaire_version: version };
  if (hasOwn(raw, "saved_at")) {
    if (typeof raw.saved_at !== "string" || raw.saved_at.length > 40 || Number.isNaN(Date.parse(raw.saved_at))) errors.push(MESSAGES.badDate);
    else result.saved_at = raw.saved_at;
  }
  if (hasOwn(raw, "perspective")) {
    const p = raw.perspective;
    if (typeof p !== "string" || p.length > LIMITS.perspective || /[\u0000-\u001f]/.test(p)) errors.push(MESSAGES.badPerspective);
    else if (p) result.perspective = p;
  }
  result.profile = readProfile(raw, data, errors, warnings, lenient);
  const entries = [];
  let fatal = !isRecord(raw.answers);
  if (fatal) errors.push(MESSAGES.notAMap("answers"));
  for (const field of ["answers", "retained"]) {
    if (!isRecord(raw[field])) {
      if (field === "retained" && hasOwn(raw, field)) errors.push(MESSAGES.notAMap(field));
      continue;
    }
    for (const id of Object.keys(raw[field])) {
      if (entries.length >= LIMITS.answers) {
        errors.push(MESSAGES.tooMany(Object.keys(raw.answers || {}).length + Object.keys(raw.retained || {}).length));
        if (!lenient) fatal = true;
        break;
      }
      if (!ID.test(id)) {
        errors.push(MESSAGES.badKey(id));
        continue;
      }
      const answer = checkAnswer(raw[field][id], id, errors);
      if (answer) entries.push({ id, answer, from: field });
    }
  }
  const sorted = sortEntries(entries, data, warnings);
  result.answers = sorted.answers;
  if (Object.keys(sorted.retained).length) result.retained = sorted.retained;
  if (sorted.dropped.length) warnings.push(MESSAGES.keptAside(sorted.dropped));
  if (sorted.restored.length) warnings.push(MESSAGES.restored(sorted.restored));
  return { answers: result, errors, warnings, fatal, dropped: sorted.dropped, restored: sorted.restored };
}

function readProfile(raw, data, errors, warnings, lenient) {
  const profile = [];
  if (!hasOwn(raw, "profile")) return profile;
  const list = raw.profile;
  const valid = (id) => typeof id === "string" && ID.test(id);
  if (!Array.isArray(list) || list.length > 50 || list.some((id) => !valid(id))) {
    errors.push(MESSAGES.badProfile);
    if (!lenient || !Array.isArray(list)) return profile;
  }
  const options = new Set(data.profile.options.map((o) => o.id));
  for (const id of list.slice(0, 50).filter(valid)) {
    if (!options.has(id)) warnings.push(MESSAGES.profileGone(id));
    else if (!profile.includes(id)) profile.push(id);
  }
  return profile;
}

// An answer the current questionnaire can use goes in `answers`; any other is kept aside in `retained`.
// The first entry for an id wins (entries from "answers" come before those from "retained").
function sortEntries(entries, data, warnings) {
  const index = questionIndex(data);
  const answers = {};
  const retained = {};
  const dropped = [];
  const restored = [];
  for (const { id, answer, from } of entries) {
    const question = index.get(id);
    const onScale = question && (!hasOwn(answer, "value") || onItsScale(data, question, answer.value));
    if (hasOwn(answers, id) || hasOwn(retained, id)) {
      warnings.push(MESSAGES.superseded(id));
    } else if (onScale) {
      answers[id] = answer;
      if (from === "retained") restored.push(id);
    } else {
      retained[id] = answer;
      if (from === "answers") dropped.push(id);
      if (question && from === "answers") warnings.push(MESSAGES.offScale(id, answer.value));
    }
  }
  return { answers, retained, dropped, restored };
}

function checkAnswer(answer, id, errors) {
  const bad = (message) => { errors.push(message); return null; };
  if (!isRecord(answer)) return bad(MESSAGES.badAnswer(id));
  const keys = Object.keys(answer).sort().join(",");
  if (keys === "value") return Number.isInteger(answer.value) ? { value: answer.value } : bad(MESSAGES.badValue(id));
  if (answer.status === "dont-know" && keys === "status") return { status: "dont-know" };
  if (answer.status === "na" && keys === "status") return { status: "na" };
  if (answer.status === "na" && keys === "reason,status") {
    if (typeof answer.reason !== "string" || answer.reason.length > LIMITS.reason) return bad(MESSAGES.badReason(id));
    return { status: "na", reason: answer.reason };
  }
  return bad(MESSAGES.badAnswer(id));
}

// What can still be read from text that is not valid JSON (cut short when it was written, or garbled):
// the top fields, and every complete `"id": {...}` answer. Their checks happen afterwards, as for any object.
function scanFragments(text) {
  const raw = { format: ANSWERS_FORMAT, answers: {} };
  const json = (fragment) => { try { return JSON.parse(fragment); } catch (error) { return undefined; } };
  const field = (name, pattern) => {
    const found = new RegExp(`"${name}"\\s*:\\s*(${pattern})`).exec(text);
    const value = found ? json(found[1]) : undefined;
    if (value !== undefined) raw[name] = value;
  };
  field("questionnaire_version", '"[^"\\\\]*"');
  field("saved_at", '"[^"\\\\]*"');
  field("perspective", '"(?:[^"\\\\]|\\\\.)*"');
  field("profile", "\\[[^\\]]*\\]");
  for (const found of text.matchAll(/"([^"\\]{1,200})"\s*:\s*(\{[^{}]*\})/g)) {
    const answer = json(found[2]);
    if (answer !== undefined && !TOP_KEYS.includes(found[1]) && !hasOwn(raw.answers, found[1])) raw.answers[found[1]] = answer;
  }
  return raw;
}

/** The answers read from the form, with the answers kept aside from `previous` that the form did not replace. */
export function withRetained(answers, previous) {
  const kept = Object.entries((previous && previous.retained) || {}).filter(([id]) => !hasOwn(answers.answers, id));
  const { retained: _old, ...rest } = answers;
  return kept.length ? { ...rest, retained: Object.fromEntries(kept) } : rest;
}

/** True when the answers hold nothing a person gave: no answer (in use or kept aside), no profile, no perspective. */
export function isBlank(answers) {
  return !answers || (!Object.keys(answers.answers || {}).length && !Object.keys(answers.retained || {}).length
    && !(answers.profile || []).length && !answers.perspective);
}
