// Pure comparison (two snapshots) and aggregation (several perspectives) of assessment answers.
// No DOM. `score` is the self-assessment's scoring function (assessment/scoring.js), passed in so that
// this module has no imports and can be tested with any data.

import { answerLabel, answerKind, normalisedValue, priorityRank, questionList } from "./questions.js";

// --- Over time: two snapshots ---

// a, b: answers objects (the older first). Returns stage scores side by side, changed answers,
// and the practices recommended in b but not in a (newly) and in a but not in b (no longer).
export function compareSnapshots(data, a, b, score) {
  const before = scoreOf(score, data, a);
  const after = scoreOf(score, data, b);
  const afterStages = new Map(after.stages.map((s) => [s.id, s]));
  const stages = before.stages.map((s) => {
    const other = afterStages.get(s.id) || { score: null };
    const change = s.score === null || other.score === null ? null : other.score - s.score;
    return { id: s.id, title: s.title, before: s.score, after: other.score, change };
  });
  const changedAnswers = [];
  for (const q of questionList(data)) {
    const x = (a.answers || {})[q.id];
    const y = (b.answers || {})[q.id];
    if (sameAnswer(x, y)) continue;
    changedAnswers.push({ question: q.id, questionText: q.text, stage: q.stage,
      before: answerLabel(q, x), after: answerLabel(q, y) });
  }
  const idsBefore = new Set(before.recommendations.map((r) => r.id));
  const idsAfter = new Set(after.recommendations.map((r) => r.id));
  return {
    stages,
    changedAnswers,
    newlyRecommended: after.recommendations.filter((r) => !idsBefore.has(r.id)),
    noLongerRecommended: before.recommendations.filter((r) => !idsAfter.has(r.id)),
    stillRecommended: after.recommendations.filter((r) => idsBefore.has(r.id)),
  };
}

// The self-assessment scores a whole answers object (profile and answers).
function scoreOf(score, data, answers) {
  return score(data, { profile: [], answers: {}, ...answers });
}

function sameAnswer(x, y) {
  if (!x || !y) return !x && !y;
  if (answerKind(x) !== answerKind(y)) return false;
  if (answerKind(x) === "value") return x.value === y.value;
  return answerKind(x) !== "na" || (x.reason || "") === (y.reason || "");
}

// --- Across perspectives: several people's answers ---

// perspectives: [{label, file: <answers object>, dropped: [question ids]}], each already validated. Method:
// - each perspective is scored on its own; a stage's combined score is the mean of the perspectives'
//   scores for that stage (each perspective counts once, whatever the number of questions it answered);
//   perspectives with no score for the stage are left out of the mean and named.
// - disagreement on a question is the spread (highest minus lowest) of the answers' positions on their
//   scale, from 0 (first option) to 1 (last option), across the perspectives that gave one; ties go to
//   the question more perspectives answered, then to questionnaire order.
// - a practice is in the combined list if any perspective's answers recommend it; ranked by how many
//   perspectives recommend it, then by its weights added up over the perspectives (the self-assessment
//   weighs each answer that calls for it by priority), then by its highest priority; "minority" when
//   fewer than half of the perspectives recommend it.
export function combine(data, perspectives, score) {
  const labels = perspectives.map((p) => p.label);
  const results = perspectives.map((p) => scoreOf(score, data, p.file));
  return {
    perspectives: labels,
    stages: combinedStages(results, labels),
    disagreements: rankDisagreements(data, perspectives),
    recommendations: combinedRecommendations(results, labels),
    notApplicable: labels.map((label, i) => ({ perspective: label, items: results[i].notApplicable })),
    dontKnow: labels.map((label, i) => ({ perspective: label, items: results[i].dontKnow })),
    versions: versionReport(data, perspectives),
  };
}

function combinedStages(results, labels) {
  return results[0] ? results[0].stages.map((stage) => {
    const scores = results.map((r) => (r.stages.find((s) => s.id === stage.id) || { score: null }).score);
    const given = scores.filter((s) => s !== null);
    const combined = given.length ? given.reduce((sum, s) => sum + s, 0) / given.length : null;
    const missing = labels.filter((_, i) => scores[i] === null);
    return { id: stage.id, title: stage.title, scores, combined, missing };
  }) : [];
}

export function rankDisagreements(data, perspectives) {
  const ranked = [];
  questionList(data).forEach((q, order) => {
    const answers = perspectives.map((p) => (p.file.answers || {})[q.id]);
    if (!answers.some(Boolean)) return;
    const positions = answers.map((a) => normalisedValue(q, a)).filter((v) => v !== null);
    const spread = positions.length >= 2 ? Math.max(...positions) - Math.min(...positions) : 0;
    ranked.push({ question: q.id, questionText: q.text, stage: q.stage, spread, order,
      valued: positions.length,
      answers: perspectives.map((p, i) => ({ perspective: p.label, answer: answerLabel(q, answers[i]),
        kind: answers[i] ? answerKind(answers[i]) : "none" })) });
  });
  ranked.sort((x, y) => y.spread - x.spread || y.valued - x.valued || x.order - y.order);
  return ranked;
}

function combinedRecommendations(results, labels) {
  const byId = new Map();
  results.forEach((result, i) => {
    for (const rec of result.recommendations) {
      if (!byId.has(rec.id)) byId.set(rec.id, { id: rec.id, title: rec.title, url: rec.url, priority: rec.priority,
        weight: 0, supportedBy: [], reasons: [] });
      const entry = byId.get(rec.id);
      entry.supportedBy.push(labels[i]);
      entry.weight += typeof rec.weight === "number" ? rec.weight : priorityRank(rec.priority);
      if (priorityRank(rec.priority) > priorityRank(entry.priority)) entry.priority = rec.priority;
      for (const reason of rec.reasons || []) entry.reasons.push({ perspective: labels[i], ...reason });
    }
  });
  const total = labels.length;
  return [...byId.values()]
    .map((r) => ({ ...r, support: r.supportedBy.length, minority: r.supportedBy.length * 2 < total }))
    .sort((x, y) => y.support - x.support || y.weight - x.weight || priorityRank(y.priority) - priorityRank(x.priority) ||
      x.title.localeCompare(y.title));
}

// Which files were answered against another questionnaire version, and which of their answers could
// not be used: questions the current questionnaire does not have, and answers kept aside ("retained").
function versionReport(data, perspectives) {
  const known = new Set(questionList(data).map((q) => q.id));
  return perspectives.map((p) => {
    const ids = Object.keys(p.file.answers || {});
    const aside = Object.keys(p.file.retained || {});
    return { perspective: p.label, version: p.file.questionnaire_version || null,
      current: p.file.questionnaire_version === data.version,
      used: ids.filter((id) => known.has(id)).length,
      leftOut: [...new Set([...ids.filter((id) => !known.has(id)), ...aside, ...(p.dropped || [])])] };
  });
}

// Labels for perspectives: the file's own label, else its file name; repeated labels get a number.
export function perspectiveLabels(items) {
  const seen = new Map();
  return items.map(({ perspective, fileName }) => {
    const base = (typeof perspective === "string" && perspective.trim()) ||
      String(fileName || "Perspective").replace(/\.json$/i, "");
    const count = (seen.get(base) || 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

// Reads the files chosen for combining: files = [{name, text, size}] (text null when unread). A malformed or hostile file is refused
// with its reasons and the others are kept. parseAnswers is the self-assessment's validation.
export const MAX_PERSPECTIVE_BYTES = 1_000_000;

export function readPerspectiveFiles(data, files, parseAnswers) {
  const accepted = [];
  const refused = [];
  for (const { name, text, size } of files) {
    if ((size ?? 0) > MAX_PERSPECTIVE_BYTES || (typeof text === "string" && text.length > MAX_PERSPECTIVE_BYTES)) {
      refused.push({ name, errors: ["The file is too large to be exported answers (over 1 MB)."] });
      continue;
    }
    if (typeof text !== "string") {
      refused.push({ name, errors: ["The file could not be read. Check that it is still there and choose it again."] });
      continue;
    }
    const checked = parseAnswers(text, data);
    if (!checked.ok) {
      refused.push({ name, errors: checked.errors && checked.errors.length ? checked.errors : ["It is not a file of exported answers."] });
      continue;
    }
    if (!Object.keys(checked.answers.answers || {}).length) {
      refused.push({ name, errors: ["None of its answers match a question of this questionnaire, so there is nothing to combine."] });
      continue;
    }
    accepted.push({ name, file: checked.answers, dropped: checked.dropped || [] });
  }
  const labels = perspectiveLabels(accepted.map((a) => ({ perspective: a.file.perspective, fileName: a.name })));
  return { accepted: accepted.map((a, i) => ({ ...a, label: labels[i] })), refused };
}
