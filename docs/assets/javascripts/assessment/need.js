// What to do first: the need of each recommended entry, its priority label and its place in the plan.
// Pure: no DOM. `formula` is data.formula (model/assessment.py FORMULA), the one place of the constants.
//
//   - A rule fires when an asked question's answer is in its `when`. It counts gap x weight x fit: gap is how far the
//     answer is from the best one, (best - answer) / (best - worst) (the lowest answer 1, the highest 0); weight is
//     formula.weights[question.weight]; fit is formula.fit[rule.fit].
//   - An entry's need is its strongest reason plus formula.others times the sum of its other reasons, times
//     formula.tentative for an entry the source only floats (which is never labelled high). Needs are rounded to
//     six decimals, so that equal needs are equal whatever the order of the sums.
//   - label: at least formula.labels.high is "high", at least formula.labels.medium is "medium", the rest "low".
//   - Ranked by need, ties by the highest weight of the questions that call for it, then by questionnaire order
//     (the first question that calls for it, then the order of that question's rules).
//   - The plan: the first formula.plan.start entries of that order that are not tentative are "start"; of the others,
//     in the same order, the first formula.plan.next are "next" and the rest "later". An idea the source only floats
//     is an option to consider: never under "start". The list is in the order of the plan (start, next, later).
//   - strengths (in scoring.js): entries that no answer recommends and that an answer in the upper half of its
//     scale bears on. A middle answer that does not recommend an entry counts neither way.

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const round = (n) => Math.round(n * 1e6) / 1e6;

/** What one fired rule counts: gap x weight x fit. */
export function ruleNeed(formula, question, rule, gap) {
  return gap * (formula.weights[question.weight || "medium"] ?? 0) * (formula.fit[rule.fit || "central"] ?? 0);
}

/** An entry's need from the needs of its reasons (in questionnaire order). */
export function entryNeed(formula, needs, tentative) {
  if (!needs.length) return 0;
  let strongest = 0;
  needs.forEach((need, i) => { if (need > needs[strongest]) strongest = i; });
  const others = needs.reduce((sum, need, i) => (i === strongest ? sum : sum + need), 0);
  const need = needs[strongest] + formula.others * others;
  return round(tentative ? need * formula.tentative : need);
}

/** "high", "medium" or "low"; an entry the source only floats is never "high". */
export function labelOf(formula, need, tentative) {
  if (need >= formula.labels.high && !tentative) return "high";
  return need >= formula.labels.medium ? "medium" : "low";
}

/** The ranked entries in the order of the plan, each with its group: "start", "next" or "later". */
export function planGroups(formula, ranked) {
  const start = [];
  const rest = [];
  for (const rec of ranked) (start.length < formula.plan.start && !rec.tentative ? start : rest).push(rec);
  return [...start.map((rec) => ({ ...rec, group: "start" })),
    ...rest.map((rec, i) => ({ ...rec, group: i < formula.plan.next ? "next" : "later" }))];
}

/** fired: [{target, order, weight, reason}] in questionnaire order -> the ranked recommendations. */
export function rankRecommendations(data, fired, answers) {
  const formula = data.formula;
  const byId = new Map();
  for (const item of fired) {
    if (!byId.has(item.target)) byId.set(item.target, { order: item.order, weight: 0, reasons: [] });
    const entry = byId.get(item.target);
    entry.reasons.push(item.reason);
    entry.weight = Math.max(entry.weight, formula.weights[item.weight || "medium"] ?? 0);
  }
  const actions = (answers && answers.plan && answers.plan.actions) || {};
  const ranked = [...byId.entries()].map(([id, entry]) => {
    const target = data.targets[id] || { title: id, url: "", kind: "", kind_title: "", roles: [], stages: [] };
    const tentative = Boolean(target.tentative);
    const need = entryNeed(formula, entry.reasons.map((r) => r.need), tentative);
    return {
      id, title: target.title, url: target.url, kind: target.kind, kindTitle: target.kind_title || "",
      summary: target.summary || "", roles: target.roles || [], stages: target.stages || [], effort: target.effort || null,
      firstStep: target.first_step || null, tentative, need, label: labelOf(formula, need, tentative), group: "",
      plan: hasOwn(actions, id) ? actions[id] : null, reasons: entry.reasons, weight: entry.weight, order: entry.order,
    };
  });
  ranked.sort((a, b) => b.need - a.need || b.weight - a.weight || a.order - b.order);
  return planGroups(formula, ranked.map(({ weight: _w, order: _o, ...rec }) => rec));
}
