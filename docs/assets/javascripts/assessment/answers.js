// Reading answers objects (the format is described at the top of scoring.js). Pure: no DOM, no storage.
// parseAnswers is strict (imported files, share links: refused as a whole, with reasons);
// salvageAnswers is lenient (what this browser saved: every readable answer is kept, the rest reported).
// Ids and versions are checked with the schema's own patterns (data.patterns); every message is an interface
// string (data.strings, practices/interface.yml). Imports only plan.js and strings.js: scoring.js re-exports
// parseAnswers, and a cycle between the two would break at load.
import { planStart, readPlan, scanPlan } from "./plan.js";
import { tr } from "./strings.js";

export const ANSWERS_FORMAT = "mpl-assessment-answers";
export const LIMITS = { chars: 200000, answers: 1000, reason: 300, perspective: 80 };
const TOP_KEYS = ["format", "questionnaire_version", "saved_at", "perspective", "profile", "answers", "retained", "plan"];

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const quote = (text) => JSON.stringify(String(text).slice(0, 60));
const questionIndex = (data) => new Map(data.sections.flatMap((section) => section.questions).map((q) => [q.id, q]));
const onItsScale = (data, question, value) => data.scales[question.scale].options.some((option) => option.value === value);

// The schema's patterns of an id and of a version (schema/definitions.schema.json), compiled once per data.
const compiled = new WeakMap();
function patterns(data) {
  if (!compiled.has(data)) {
    const p = data.patterns || {};
    compiled.set(data, { id: new RegExp(p.id), version: new RegExp(p.version) });
  }
  return compiled.get(data);
}

// Every message these functions give people (the keys of practices/interface.yml, filled in).
function messages(data) {
  const say = tr(data);
  const examples = data.profile.options.slice(0, 2).map((o) => quote(o.id)).join(", ");
  return {
    say,
    tooLarge: (chars) => say("answer.error.too_large", { size: Math.round(chars / 1000), limit: LIMITS.chars / 1000 }),
    notJson: say("answer.error.not_json"),
    notAnswers: say("answer.error.not_answers", { format: ANSWERS_FORMAT }),
    cutShort: say("answer.error.cut_short"),
    unknownField: (key) => say("answer.error.unknown_field", { field: quote(key), fields: TOP_KEYS.join(", ") }),
    badVersion: say("answer.error.bad_version"),
    badDate: say("answer.error.bad_date"),
    badPerspective: say("answer.error.bad_perspective", { limit: LIMITS.perspective }),
    badProfile: say("answer.error.bad_profile", { examples }),
    profileGone: (id) => say("answer.warning.profile_gone", { id: quote(id) }),
    notAMap: (field) => say("answer.error.not_a_map", { field }),
    tooMany: (n) => say("answer.error.too_many", { count: n, limit: LIMITS.answers }),
    badKey: (id) => say("answer.error.bad_key", { id: quote(id) }),
    badAnswer: (id) => say("answer.error.bad_answer", { id: quote(id) }),
    badValue: (id) => say("answer.error.bad_value", { id: quote(id) }),
    badReason: (id) => say("answer.error.bad_reason", { id: quote(id), limit: LIMITS.reason }),
    offScale: (id, value) => say("answer.warning.off_scale", { id: quote(id), value }),
    keptAside: (ids) => say("answer.warning.kept_aside", { count: ids.length, ids: ids.join(", ") }),
    restored: (ids) => say("answer.warning.restored", { count: ids.length, ids: ids.join(", ") }),
    superseded: (id) => say("answer.warning.superseded", { id: quote(id) }),
  };
}

/** Strict: {ok, answers, errors, dropped, restored, warnings}; refuses malformed or hostile input as a whole. Never throws. */
export function parseAnswers(text, data) {
  const M = messages(data);
  let raw = text;
  if (typeof text === "string") {
    if (text.length > LIMITS.chars) return refused([M.tooLarge(text.length)]);
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return refused([M.notJson]);
    }
  }
  if (!isRecord(raw) || raw.format !== ANSWERS_FORMAT) return refused([M.notAnswers]);
  const read = readObject(raw, data, M);
  if (read.fatal || read.errors.length) return refused(read.errors, read.warnings);
  return { ok: true, answers: read.answers, errors: [], dropped: read.dropped, restored: read.restored, warnings: read.warnings };
}

/** Lenient, for what this browser saved: {answers (never null), problems, dropped, restored, warnings}. Never throws.
 * `problems` name every part that could not be read (the caller keeps a copy of the raw text before overwriting it). */
export function salvageAnswers(text, data) {
  const M = messages(data);
  let raw = text;
  const problems = [];
  if (typeof text === "string") {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      raw = scanFragments(text);
      problems.push(M.cutShort);
    }
  }
  if (!isRecord(raw)) raw = { answers: null };
  else if (raw.format !== ANSWERS_FORMAT && !problems.length) problems.push(M.notAnswers);
  const read = readObject({ ...raw, format: ANSWERS_FORMAT }, data, M, { lenient: true });
  return { answers: read.answers, problems: [...problems, ...read.errors], dropped: read.dropped, restored: read.restored,
    warnings: read.warnings };
}

function refused(errors, warnings = []) {
  return { ok: false, answers: null, errors, dropped: [], restored: [], warnings };
}

// Validates every part of an answers object and builds the normalised object from the readable parts.
// `errors` lists the unreadable parts; `fatal` is set when the object as a whole is unusable.
function readObject(raw, data, M, { lenient = false } = {}) {
  const errors = [];
  const warnings = [];
  const { id: ID, version: VERSION } = patterns(data);
  for (const key of Object.keys(raw)) if (!TOP_KEYS.includes(key)) errors.push(M.unknownField(key));
  let version = raw.questionnaire_version;
  if (typeof version !== "string" || !VERSION.test(version)) {
    errors.push(M.badVersion);
    version = data.version;
  }
  const result = { format: ANSWERS_FORMAT, questionnaire_version: version };
  if (hasOwn(raw, "saved_at")) {
    if (typeof raw.saved_at !== "string" || raw.saved_at.length > 40 || Number.isNaN(Date.parse(raw.saved_at))) errors.push(M.badDate);
    else result.saved_at = raw.saved_at;
  }
  if (hasOwn(raw, "perspective")) {
    const p = raw.perspective;
    if (typeof p !== "string" || p.length > LIMITS.perspective || /[\u0000-\u001f]/.test(p)) errors.push(M.badPerspective);
    else if (p) result.perspective = p;
  }
  result.profile = readProfile(raw, data, M, ID, errors, warnings, lenient);
  const entries = [];
  let fatal = !isRecord(raw.answers);
  if (fatal) errors.push(M.notAMap("answers"));
  for (const field of ["answers", "retained"]) {
    if (!isRecord(raw[field])) {
      if (field === "retained" && hasOwn(raw, field)) errors.push(M.notAMap(field));
      continue;
    }
    for (const id of Object.keys(raw[field])) {
      if (entries.length >= LIMITS.answers) {
        errors.push(M.tooMany(Object.keys(raw.answers || {}).length + Object.keys(raw.retained || {}).length));
        if (!lenient) fatal = true;
        break;
      }
      if (!ID.test(id)) {
        errors.push(M.badKey(id));
        continue;
      }
      const answer = checkAnswer(raw[field][id], id, M, errors);
      if (answer) entries.push({ id, answer, from: field });
    }
  }
  const sorted = sortEntries(entries, data, M, warnings);
  result.answers = sorted.answers;
  if (Object.keys(sorted.retained).length) result.retained = sorted.retained;
  if (hasOwn(raw, "plan")) {
    const read = readPlan(raw.plan, M.say, (id) => typeof id === "string" && ID.test(id));
    errors.push(...read.errors);
    if (read.plan) result.plan = read.plan;
  }
  if (sorted.dropped.length) warnings.push(M.keptAside(sorted.dropped));
  if (sorted.restored.length) warnings.push(M.restored(sorted.restored));
  return { answers: result, errors, warnings, fatal, dropped: sorted.dropped, restored: sorted.restored };
}

function readProfile(raw, data, M, ID, errors, warnings, lenient) {
  const profile = [];
  if (!hasOwn(raw, "profile")) return profile;
  const list = raw.profile;
  const valid = (id) => typeof id === "string" && ID.test(id);
  if (!Array.isArray(list) || list.length > 50 || list.some((id) => !valid(id))) {
    errors.push(M.badProfile);
    if (!lenient || !Array.isArray(list)) return profile;
  }
  const options = new Set(data.profile.options.map((o) => o.id));
  for (const id of list.slice(0, 50).filter(valid)) {
    if (!options.has(id)) warnings.push(M.profileGone(id));
    else if (!profile.includes(id)) profile.push(id);
  }
  return profile;
}

// An answer the current questionnaire can use goes in `answers`; any other is kept aside in `retained`.
// The first entry for an id wins (entries from "answers" come before those from "retained").
function sortEntries(entries, data, M, warnings) {
  const index = questionIndex(data);
  const answers = {};
  const retained = {};
  const dropped = [];
  const restored = [];
  for (const { id, answer, from } of entries) {
    const question = index.get(id);
    const onScale = question && (!hasOwn(answer, "value") || onItsScale(data, question, answer.value));
    if (hasOwn(answers, id) || hasOwn(retained, id)) {
      warnings.push(M.superseded(id));
    } else if (onScale) {
      answers[id] = answer;
      if (from === "retained") restored.push(id);
    } else {
      retained[id] = answer;
      if (from === "answers") dropped.push(id);
      if (question && from === "answers") warnings.push(M.offScale(id, answer.value));
    }
  }
  return { answers, retained, dropped, restored };
}

function checkAnswer(answer, id, M, errors) {
  const bad = (message) => { errors.push(message); return null; };
  if (!isRecord(answer)) return bad(M.badAnswer(id));
  const keys = Object.keys(answer).sort().join(",");
  if (keys === "value") return Number.isInteger(answer.value) ? { value: answer.value } : bad(M.badValue(id));
  if (answer.status === "dont-know" && keys === "status") return { status: "dont-know" };
  if (answer.status === "na" && keys === "status") return { status: "na" };
  if (answer.status === "na" && keys === "reason,status") {
    if (typeof answer.reason !== "string" || answer.reason.length > LIMITS.reason) return bad(M.badReason(id));
    return { status: "na", reason: answer.reason };
  }
  return bad(M.badAnswer(id));
}

// What can still be read from text that is not valid JSON (cut short when it was written, or garbled):
// the top fields, every complete `"id": {...}` answer before the plan, and the plan's complete parts.
// Their checks happen afterwards, as for any object.
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
  for (const found of text.slice(0, planStart(text)).matchAll(/"([^"\\]{1,200})"\s*:\s*(\{[^{}]*\})/g)) {
    const answer = json(found[2]);
    if (answer !== undefined && !TOP_KEYS.includes(found[1]) && !hasOwn(raw.answers, found[1])) raw.answers[found[1]] = answer;
  }
  const plan = scanPlan(text);
  if (plan) raw.plan = plan;
  return raw;
}

/** The answers read from the form, with what the form does not show kept from `previous`: the answers kept aside
 * that the form did not replace, and the plan. */
export function withKept(answers, previous) {
  const kept = Object.entries((previous && previous.retained) || {}).filter(([id]) => !hasOwn(answers.answers, id));
  const { retained: _old, plan: _plan, ...rest } = answers;
  const result = kept.length ? { ...rest, retained: Object.fromEntries(kept) } : rest;
  return previous && previous.plan ? { ...result, plan: previous.plan } : result;
}

/** True when the answers hold nothing a person gave: no answer (in use or kept aside), no profile, no perspective, no plan. */
export function isBlank(answers) {
  return !answers || (!Object.keys(answers.answers || {}).length && !Object.keys(answers.retained || {}).length
    && !(answers.profile || []).length && !answers.perspective && !answers.plan);
}
