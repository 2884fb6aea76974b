// Results as Markdown and CSV, answers as JSON and as a share-link fragment. Pure: no DOM.
// Both reports say what they are of (date, questionnaire version, profile, perspective) and carry the plan.
import { listOf, tr } from "./strings.js";

export const SHARE_PREFIX = "answers=";
const LABELS = { high: "results.label.high", medium: "results.label.medium", low: "results.label.low" };
const GROUPS = { start: "results.start_title", next: "results.next_title", later: "results.later_title" };
const EFFORTS = { low: "effort.low.long", medium: "effort.medium.long", high: "effort.high.long" };

/** The answers file: the exact text exported, and imported back by parseAnswers. */
export function answersToJson(answers) {
  return JSON.stringify(answers, null, 2) + "\n";
}

/** Escape text from answers or data for Markdown, so that it is shown as written (always used after a prefix). */
export function mdEscape(text) {
  return String(text).replace(/[\r\n]+/g, " ").replace(/([\\`*_\[\]<>|~#])/g, "\\$1");
}

function absolute(url, base) {
  try {
    return base ? new URL(url, base).href : url;
  } catch (error) {
    return url;
  }
}

/** [term, value] rows: what the results are of. */
export function aboutOf(say, data, answers, now) {
  const profile = data.profile.options.filter((o) => (answers.profile || []).includes(o.id)).map((o) => o.label);
  return [
    ["date", say("results.about_date"), now.toISOString().slice(0, 10)],
    ["version", say("results.about_version"), data.version],
    ["profile", say("results.about_profile"), profile.length ? listOf(profile) : say("results.about_no_profile")],
    ["perspective", say("results.about_perspective"), answers.perspective || say("results.about_no_perspective")],
  ];
}

/** A section's score in words: "62", or "not enough answers (62)", or "not enough answers". */
export const scoreOf = (say, s) => (s.enough ? String(s.score) : s.score === null ? say("results.not_enough") : say("results.not_enough_score", { score: s.score }));
const rolesText = (say, roles) => (roles.length ? listOf(roles.map((r) => r.title)) : say("results.anyone"));

function recommendationLines(say, rec, n, base) {
  const e = mdEscape;
  const tags = [rec.kindTitle, say(LABELS[rec.label]), rec.tentative ? say("entry.tentative_title") : ""].filter(Boolean).map(e);
  const lines = [`${n}. [${e(rec.title)}](${absolute(rec.url, base)}) (${tags.join(", ")})`];
  const item = (term, value) => lines.push(`    - ${e(term)}: ${e(value)}`);
  if (rec.summary) lines.push(`    ${e(rec.summary)}`);
  item(say("entry.who_acts"), rolesText(say, rec.roles));
  if (rec.effort && EFFORTS[rec.effort]) item(say("entry.effort"), say(EFFORTS[rec.effort]));
  item(say("entry.stage"), rec.stages.length ? listOf(rec.stages.map((s) => s.title)) : say("entry.all_stages"));
  item(say("entry.first_step"), rec.firstStep || say("results.no_first_step"));
  if (rec.plan) item(say("plan.title"), planText(say, rec.plan));
  for (const r of rec.reasons) lines.push(`    - ${e(r.questionText)} ${e(say("results.your_answer", { answer: r.answerLabel }))}`);
  return lines;
}

export const planText = (say, plan) => say("plan.summary", { owner: plan.owner || say("plan.no_owner"), by: plan.by || say("plan.no_date") });

/** The results as a Markdown report; `base` resolves the entries' links (the page's URL). */
export function toMarkdown(result, data, answers, base, now = new Date()) {
  const say = tr(data);
  const e = mdEscape;
  const lines = [`# ${e(say("results.report_title", { title: data.title }))}`, ""];
  for (const [, term, value] of aboutOf(say, data, answers, now)) lines.push(`- **${e(term)}**: ${e(value)}`);
  lines.push("", `## ${e(say("results.recommendations_title"))}`);
  if (!result.recommendations.length) lines.push("", e(say("results.recommendations_none")));
  let n = 0;
  for (const group of ["start", "next", "later"]) {
    const items = result.recommendations.filter((r) => r.group === group);
    if (!items.length) continue;
    lines.push("", `### ${e(say(GROUPS[group]))}`, "");
    for (const rec of items) lines.push(...recommendationLines(say, rec, (n += 1), base));
  }
  const planned = result.recommendations.filter((r) => r.plan);
  lines.push("", `## ${e(say("plan.title"))}`, "");
  if (!planned.length) lines.push(e(say("plan.none")));
  else {
    lines.push(`| ${[say("plan.col_entry"), say("plan.col_owner"), say("plan.col_by")].map(e).join(" | ")} |`, "| --- | --- | --- |");
    for (const r of planned) lines.push(`| ${[r.title, r.plan.owner || say("plan.no_owner"), r.plan.by || say("plan.no_date")].map(e).join(" | ")} |`);
  }
  lines.push("", `## ${e(say("results.scores_title"))}`, "");
  const head = [say("results.col_section"), say("results.col_score"), say("results.col_rests_on"), say("answer.not_applicable"),
    say("answer.dont_know"), say("plan.col_target")];
  lines.push(`| ${head.map(e).join(" | ")} |`, `|${" --- |".repeat(head.length)}`);
  for (const s of result.sections) {
    lines.push(`| ${[s.title, scoreOf(say, s), say("results.rests_on", { answered: s.answered, asked: s.asked }), s.notApplicable, s.dontKnow,
      s.target === null ? say("plan.no_target") : s.target].map(e).join(" | ")} |`);
  }
  lines.push("", `## ${e(say("results.strengths_title"))}`, "");
  if (!result.strengths.length) lines.push(e(say("results.strengths_none")));
  for (const item of result.strengths) {
    lines.push(`- [${e(item.title)}](${absolute(item.url, base)}): ` + item.reasons.map((r) => `${e(r.questionText)} ${e(r.answerLabel)}.`).join(" "));
  }
  lines.push("", `## ${e(say("results.dk_title"))}`, "");
  if (!result.dontKnow.length) lines.push(e(say("results.none")));
  for (const item of result.dontKnow) {
    const who = item.roles.length ? say("results.who_could_answer", { roles: listOf(item.roles.map((r) => r.title)) }) : say("results.who_could_answer_none");
    lines.push(`- ${e(item.questionText)} ${e(who)}`);
  }
  lines.push("", `## ${e(say("results.na_title"))}`, "");
  if (!result.notApplicable.length) lines.push(e(say("results.none")));
  for (const item of result.notApplicable) lines.push(`- ${e(item.questionText)}` + (item.reason ? ` ${e(say("results.reason_given", { reason: item.reason }))}` : ""));
  return lines.join("\n") + "\n";
}

export const CSV_COLUMNS = ["kind", "id", "title", "value", "rests_on", "not_applicable", "dont_know", "target", "priority", "group",
  "owner", "by", "reasons", "url"];
const COLUMN_KEYS = { kind: "results.csv.kind", id: "results.csv.id", title: "results.csv.title", value: "results.csv.value",
  rests_on: "results.csv.rests_on", not_applicable: "results.csv.not_applicable", dont_know: "results.csv.dont_know",
  target: "results.csv.target", priority: "results.csv.priority", group: "results.csv.group", owner: "results.csv.owner",
  by: "results.csv.by", reasons: "results.csv.reasons", url: "results.csv.url" };

/** One CSV row per fact about the results, section score, recommendation, strength, "don't know" and "not applicable". */
export function toCSV(result, data, answers, base, now = new Date()) {
  const say = tr(data);
  const rows = [CSV_COLUMNS.map((c) => say(COLUMN_KEYS[c]))];
  const row = (values) => rows.push(CSV_COLUMNS.map((c) => (values[c] === undefined || values[c] === null ? "" : String(values[c]))));
  for (const [id, title, value] of aboutOf(say, data, answers, now)) row({ kind: say("results.csv_about"), id, title, value });
  for (const s of result.sections) {
    row({ kind: say("results.csv_section"), id: s.id, title: s.title, value: scoreOf(say, s), rests_on: say("results.rests_on", { answered: s.answered, asked: s.asked }),
      not_applicable: s.notApplicable, dont_know: s.dontKnow, target: s.target });
  }
  const reasons = (item) => item.reasons.map((r) => `${r.questionText} ${r.answerLabel}`).join("; ");
  for (const r of result.recommendations) {
    row({ kind: say("results.csv_recommendation"), id: r.id, title: r.title, value: r.need.toFixed(2), priority: say(LABELS[r.label]),
      group: say(GROUPS[r.group]), owner: r.plan && r.plan.owner, by: r.plan && r.plan.by, reasons: reasons(r), url: absolute(r.url, base) });
  }
  for (const r of result.strengths) row({ kind: say("results.csv_strength"), id: r.id, title: r.title, reasons: reasons(r), url: absolute(r.url, base) });
  for (const r of result.dontKnow) row({ kind: say("results.csv_dont_know"), id: r.question, title: r.questionText, reasons: rolesText(say, r.roles) });
  for (const r of result.notApplicable) row({ kind: say("results.csv_not_applicable"), id: r.question, title: r.questionText, reasons: r.reason });
  return rows.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Quote a CSV cell; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The fragment (without `#`) that carries the answers: base64url of their compact JSON in UTF-8. */
export function encodeShare(answers) {
  const bytes = new TextEncoder().encode(JSON.stringify(answers));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return SHARE_PREFIX + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The JSON text carried by a fragment (with or without `#`), or null if it carries none or is garbled. */
export function decodeShare(fragment) {
  const text = String(fragment || "").replace(/^#/, "");
  if (!text.startsWith(SHARE_PREFIX)) return null;
  const payload = text.slice(SHARE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(payload) || payload.length > 300000) return "";
  try {
    const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch (error) {
    return "";
  }
}
