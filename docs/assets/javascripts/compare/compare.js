// Pure comparison (two snapshots) and aggregation (several perspectives) of assessment answers.
// No DOM. `score` is the self-assessment's scoring function (assessment/scoring.js), passed in so that
// this module can be tested with any data. Every text comes from the interface strings (data.strings).

import { tr } from "../assessment/strings.js";
import { answerLabel, answerKind, normalisedValue, questionList } from "./questions.js";

// --- Over time: two snapshots ---

// a, b: answers objects (the older first). Returns stage scores side by side, changed answers,
// and the practices recommended in b but not in a (newly) and in a but not in b (no longer).
export function compareSnapshots(data, a, b, score) {
  const say = tr(data);
  const before = scorePerspective(data, a, score);
  const after = scorePerspective(data, b, score);
  const afterStages = new Map(after.sections.map((s) => [s.id, s]));
  const stages = before.sections.map((s) => {
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
      before: answerLabel(q, x, say), after: answerLabel(q, y, say) });
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
// - an entry is in the combined list if any perspective's answers recommend it; ranked by how many
//   perspectives recommend it, then by its need (need.js) added up over the perspectives, then by title;
//   "minority" when fewer than half of the perspectives recommend it.
// Each perspective is scored once, and each question's positions are worked out once, whatever the number of files;
// a perspective may bring its scores already worked out (`scored`, from scorePerspective), as the combine page does.
export function combine(data, perspectives, score) {
  const labels = perspectives.map((p) => p.label);
  const results = perspectives.map((p) => p.scored || scorePerspective(data, p.file, score));
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

/** An answers object (a perspective's file, or a snapshot) scored by the self-assessment, whole (profile and answers). */
export function scorePerspective(data, file, score) {
  return score(data, { profile: [], answers: {}, ...file });
}

function combinedStages(results, labels) {
  const byId = results.map((r) => new Map(r.sections.map((s) => [s.id, s])));
  return results[0] ? results[0].sections.map((stage) => {
    const scores = byId.map((sections) => (sections.get(stage.id) || { score: null }).score);
    const given = scores.filter((s) => s !== null);
    const combined = given.length ? given.reduce((sum, s) => sum + s, 0) / given.length : null;
    const missing = labels.filter((_, i) => scores[i] === null);
    return { id: stage.id, title: stage.title, apart: stage.apart, scores, combined, missing };
  }) : [];
}

export function rankDisagreements(data, perspectives) {
  const say = tr(data);
  const ranked = [];
  questionList(data).forEach((q, order) => {
    const answers = perspectives.map((p) => (p.file.answers || {})[q.id]);
    if (!answers.some(Boolean)) return;
    const positions = answers.map((a) => normalisedValue(q, a)).filter((v) => v !== null);
    const spread = positions.length >= 2 ? Math.max(...positions) - Math.min(...positions) : 0;
    ranked.push({ question: q.id, questionText: q.text, stage: q.stage, spread, order,
      valued: positions.length,
      answers: perspectives.map((p, i) => ({ perspective: p.label, answer: answerLabel(q, answers[i], say),
        kind: answers[i] ? answerKind(answers[i]) : "none" })) });
  });
  ranked.sort((x, y) => y.spread - x.spread || y.valued - x.valued || x.order - y.order);
  return ranked;
}

function combinedRecommendations(results, labels) {
  const byId = new Map();
  results.forEach((result, i) => {
    for (const rec of result.recommendations) {
      if (!byId.has(rec.id)) byId.set(rec.id, { id: rec.id, title: rec.title, url: rec.url, kindTitle: rec.kindTitle, need: 0, supportedBy: [], reasons: [] });
      const entry = byId.get(rec.id);
      entry.supportedBy.push(labels[i]);
      entry.need += rec.need;
      for (const reason of rec.reasons || []) entry.reasons.push({ perspective: labels[i], ...reason });
    }
  });
  const total = labels.length;
  return [...byId.values()]
    .map((r) => ({ ...r, need: Math.round(r.need * 1e6) / 1e6, support: r.supportedBy.length, minority: r.supportedBy.length * 2 < total }))
    .sort((x, y) => y.support - x.support || y.need - x.need || x.title.localeCompare(y.title));
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
export function perspectiveLabels(items, say) {
  const seen = new Map();
  return items.map(({ perspective, fileName }) => {
    const base = (typeof perspective === "string" && perspective.trim()) ||
      String(fileName || say("combine.perspective_default")).replace(/\.json$/i, "");
    const count = (seen.get(base) || 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : say("combine.repeated_label", { label: base, count });
  });
}

// Reads the files chosen for combining: files = [{name, text, size}] (text null when unread). A malformed or hostile file is refused
// with its reasons and the others are kept. parseAnswers is the self-assessment's validation.
export const MAX_PERSPECTIVE_BYTES = 1_000_000;

/** One chosen file ({name, text, size}; text null when unread), checked: {name, file, dropped} or {name, errors}. */
export function readPerspectiveFile(data, { name, text, size }, parseAnswers, say = tr(data)) {
  if ((size ?? 0) > MAX_PERSPECTIVE_BYTES || (typeof text === "string" && text.length > MAX_PERSPECTIVE_BYTES)) {
    return { name, errors: [say("combine.error.too_large")] };
  }
  if (typeof text !== "string") return { name, errors: [say("combine.error.unreadable")] };
  const checked = parseAnswers(text, data);
  if (!checked.ok) return { name, errors: checked.errors && checked.errors.length ? checked.errors : [say("combine.error.not_answers")] };
  if (!Object.keys(checked.answers.answers || {}).length) return { name, errors: [say("combine.error.nothing_to_combine")] };
  return { name, file: checked.answers, dropped: checked.dropped || [] };
}

/** Files read by readPerspectiveFile, sorted into {accepted (each with its label), refused}. */
export function sortPerspectiveFiles(data, read) {
  const accepted = read.filter((r) => !r.errors);
  const labels = perspectiveLabels(accepted.map((a) => ({ perspective: a.file.perspective, fileName: a.name })), tr(data));
  return { accepted: accepted.map((a, i) => ({ ...a, label: labels[i] })), refused: read.filter((r) => r.errors) };
}

export function readPerspectiveFiles(data, files, parseAnswers) {
  const say = tr(data);
  return sortPerspectiveFiles(data, files.map((f) => readPerspectiveFile(data, f, parseAnswers, say)));
}
