// The person's own plan in an answers object (the "plan" field, described at the top of scoring.js): a target score
// per section, and who acts on a recommended entry and by when. Pure: no DOM, no storage.
//   {"targets": {"<section id>": <whole number 0..100>}, "actions": {"<entry id>": {"owner": "<text>", "by": "<YYYY-MM-DD>"}}}
// Each part is there only when it holds something; targets and actions for ids this version does not have are kept.

export const PLAN_LIMITS = { owner: 80, targets: 200, actions: 1000 };
export const TARGET_LEVELS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `text` a real calendar date written YYYY-MM-DD? */
export function isDate(text) {
  const found = typeof text === "string" && DATE.exec(text);
  if (!found) return false;
  const date = new Date(Date.UTC(Number(found[1]), Number(found[2]) - 1, Number(found[3])));
  return date.toISOString().slice(0, 10) === text;
}

const isOwner = (text) => typeof text === "string" && text.length <= PLAN_LIMITS.owner && !/[\u0000-\u001f]/.test(text);
const isTarget = (value) => Number.isInteger(value) && value >= 0 && value <= 100;

/** The plan of an answers object, checked: {plan (or undefined when empty), errors}. `say` gives the messages;
 * `isId` checks an id; lenient keeps every readable part, strict reading refuses on any error (the caller decides). */
export function readPlan(raw, say, isId) {
  const errors = [];
  const parts = {  // each part of a plan: how a value is checked, kept, and refused
    targets: { valid: isTarget, keep: (value) => value, refused: (id) => say("answer.error.bad_target", { id: quote(id) }) },
    actions: { valid: isAction, keep: cleanAction,
      refused: (id) => say("answer.error.bad_action", { id: quote(id), limit: PLAN_LIMITS.owner }) },
  };
  if (!isRecord(raw) || Object.keys(raw).some((key) => !hasOwn(parts, key))) {
    return { plan: undefined, errors: [say("answer.error.bad_plan")] };
  }
  const plan = {};
  for (const [name, { valid, keep, refused }] of Object.entries(parts)) {
    if (!hasOwn(raw, name)) continue;
    if (!isRecord(raw[name]) || Object.keys(raw[name]).length > PLAN_LIMITS[name]) {
      errors.push(say("answer.error.bad_plan"));
      continue;
    }
    const kept = {};
    for (const [id, value] of Object.entries(raw[name])) {
      if (!isId(id)) errors.push(say("answer.error.bad_plan_key", { id: quote(id) }));
      else if (!valid(value)) errors.push(refused(id));
      else kept[id] = keep(value);
    }
    if (Object.keys(kept).length) plan[name] = kept;
  }
  return { plan: Object.keys(plan).length ? plan : undefined, errors };
}

function isAction(action) {
  if (!isRecord(action)) return false;
  const keys = Object.keys(action);
  if (!keys.length || keys.some((key) => key !== "owner" && key !== "by")) return false;
  return (!hasOwn(action, "owner") || (isOwner(action.owner) && action.owner !== "")) && (!hasOwn(action, "by") || isDate(action.by));
}

// The normalised action: "owner" before "by".
function cleanAction(action) {
  const clean = {};
  if (hasOwn(action, "owner")) clean.owner = action.owner;
  if (hasOwn(action, "by")) clean.by = action.by;
  return clean;
}

const quote = (text) => JSON.stringify(String(text).slice(0, 60));

/** A new plan with the target of `section` set (a level from 0 to 100) or removed (null). Returns undefined when empty. */
export function withTarget(plan, section, level) {
  const targets = { ...((plan && plan.targets) || {}) };
  if (level === null || level === undefined || !isTarget(level)) delete targets[section];
  else targets[section] = level;
  return assemble(targets, (plan && plan.actions) || {});
}

/** A new plan with the action on entry `id` set from {owner, by} (empty texts are left out; both empty removes it). */
export function withAction(plan, id, { owner = "", by = "" } = {}) {
  const actions = { ...((plan && plan.actions) || {}) };
  const action = {};
  const name = String(owner).replace(/[\u0000-\u001f]+/g, " ").trim().slice(0, PLAN_LIMITS.owner);
  if (name) action.owner = name;
  if (isDate(by)) action.by = by;
  if (Object.keys(action).length) actions[id] = action;
  else delete actions[id];
  return assemble((plan && plan.targets) || {}, actions);
}

function assemble(targets, actions) {
  const plan = {};
  if (Object.keys(targets).length) plan.targets = targets;
  if (Object.keys(actions).length) plan.actions = actions;
  return Object.keys(plan).length ? plan : undefined;
}

/** An answers object with `plan` as its plan (the field goes last, and is left out when the plan is empty). */
export function withPlan(answers, plan) {
  const { plan: _old, ...rest } = answers;
  return plan ? { ...rest, plan } : rest;
}

/** The parts of a plan that can still be read from text that is not valid JSON: {targets, actions} or undefined. */
export function scanPlan(text) {
  const at = text.search(/"plan"\s*:\s*\{/);
  if (at < 0) return undefined;
  const part = text.slice(at);
  const json = (fragment) => { try { return JSON.parse(fragment); } catch (error) { return undefined; } };
  const raw = {};
  const targets = /"targets"\s*:\s*(\{[^{}]*\})/.exec(part);
  if (targets && json(targets[1]) !== undefined) raw.targets = json(targets[1]);
  const actionsAt = part.search(/"actions"\s*:\s*\{/);
  if (actionsAt >= 0) {
    raw.actions = {};
    for (const found of part.slice(actionsAt).matchAll(/"([^"\\]{1,200})"\s*:\s*(\{[^{}]*\})/g)) {
      const action = json(found[2]);
      if (action !== undefined && !hasOwn(raw.actions, found[1])) raw.actions[found[1]] = action;
    }
  }
  return raw;
}

/** Where the plan starts in the text (answers are read only before it), or the text's length. */
export function planStart(text) {
  const at = text.search(/"plan"\s*:\s*\{/);
  return at < 0 ? text.length : at;
}
