// Results as Markdown and CSV, answers as JSON and as a share-link fragment. Pure: no DOM.

const PRIORITY_LABELS = { high: "high", medium: "medium", low: "low" };
export const SHARE_PREFIX = "answers=";

/** The answers file: the exact text exported, and imported back by parseAnswers. */
export function answersToJson(answers) {
  return JSON.stringify(answers, null, 2) + "\n";
}

/** Escape text from answers or data for Markdown, so that it is shown as written (always used after a prefix). */
export function mdEscape(text) {
  return String(text).replace(/[\r\n]+/g, " ").replace(/([\\`*_\[\]<>|~])/g, "\\$1");
}

function absolute(url, base) {
  try {
    return base ? new URL(url, base).href : url;
  } catch (error) {
    return url;
  }
}

/** The results as a Markdown report; `base` resolves the practice links (the page's URL). */
export function toMarkdown(result, data, answers, base) {
  const lines = [`# ${mdEscape(data.title)}: results`, ""];
  lines.push(`Questionnaire version ${mdEscape(data.version)}` + (answers.saved_at ? `, answers saved ${mdEscape(answers.saved_at)}` : "") + ".");
  if (answers.perspective) lines.push("", `Perspective: ${mdEscape(answers.perspective)}`);
  if (answers.profile && answers.profile.length) {
    const labels = data.profile.options.filter((o) => answers.profile.includes(o.id)).map((o) => mdEscape(o.label));
    lines.push("", `Profile: ${labels.join("; ")}.`);
  }
  lines.push("", "## Score by stage", "", "| Stage | Score (0 to 100) | Answered | Not applicable | Don't know |", "| --- | --- | --- | --- | --- |");
  for (const stage of result.stages) {
    lines.push(`| ${mdEscape(stage.title)} | ${stage.score === null ? "no score" : stage.score} | ${stage.answered} | ${stage.notApplicable} | ${stage.dontKnow} |`);
  }
  lines.push("", "## Recommended practices, most pressing first", "");
  if (!result.recommendations.length) lines.push("None of the answers calls for a practice.");
  result.recommendations.forEach((rec, i) => {
    lines.push(`${i + 1}. [${mdEscape(rec.title)}](${absolute(rec.url, base)}) (priority ${PRIORITY_LABELS[rec.priority]})`);
    for (const reason of rec.reasons) lines.push(`    - ${mdEscape(reason.questionText)} Answer: ${mdEscape(reason.answerLabel)}.`);
  });
  lines.push("", "## Strengths", "");
  if (!result.strengths.length) lines.push("None yet.");
  for (const item of result.strengths) {
    lines.push(`- [${mdEscape(item.title)}](${absolute(item.url, base)}): ` + item.reasons.map((r) => `${mdEscape(r.questionText)} ${mdEscape(r.answerLabel)}.`).join(" "));
  }
  lines.push("", "## Not applicable", "");
  if (!result.notApplicable.length) lines.push("None.");
  for (const item of result.notApplicable) lines.push(`- ${mdEscape(item.questionText)}` + (item.reason ? ` Reason: ${mdEscape(item.reason)}` : ""));
  lines.push("", "## Don't know", "");
  if (!result.dontKnow.length) lines.push("None.");
  for (const item of result.dontKnow) lines.push(`- ${mdEscape(item.questionText)}`);
  return lines.join("\n") + "\n";
}

export const CSV_COLUMNS = ["section", "id", "title", "score_or_priority", "answered", "not_applicable", "dont_know", "reasons", "url"];

/** One CSV row per stage score, recommendation, strength, not-applicable and don't-know answer. */
export function toCSV(result, base) {
  const rows = [CSV_COLUMNS];
  for (const s of result.stages) rows.push(["stage score", s.id, s.title, s.score === null ? "" : String(s.score), String(s.answered), String(s.notApplicable), String(s.dontKnow), "", ""]);
  const reasons = (item) => item.reasons.map((r) => `${r.questionText} ${r.answerLabel}`).join("; ");
  result.recommendations.forEach((r) => rows.push(["recommendation", r.id, r.title, r.priority, "", "", "", reasons(r), absolute(r.url, base)]));
  result.strengths.forEach((r) => rows.push(["strength", r.id, r.title, "", "", "", "", reasons(r), absolute(r.url, base)]));
  result.notApplicable.forEach((r) => rows.push(["not applicable", r.question, r.questionText, "", "", "", "", r.reason, ""]));
  result.dontKnow.forEach((r) => rows.push(["don't know", r.question, r.questionText, "", "", "", "", "", ""]));
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
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
