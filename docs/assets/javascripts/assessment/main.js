// Wires the self-assessment page: restore, save on every change, results, import/export, share link, start again.
// Runs on every page shown by mkdocs-material's instant navigation (document$), and acts only on this page.
// Saving, backups and other tabs are in keeping.js; the message box in notices.js.
import { emptyAnswers, isBlank, parseAnswers, score, withRetained } from "./scoring.js";
import { answersToJson, decodeShare, encodeShare, toCSV, toMarkdown } from "./report.js";
import { readForm, updateView, writeForm } from "./form.js";
import { renderResults } from "./results.js";
import { startKeeping } from "./keeping.js";
import { clearMessage, download, showMessage, stamp } from "./notices.js";

// Every text of this file, in one place.
export const MESSAGES = {
  noData: "The questionnaire could not be loaded. Check your connection and reload the page.",
  loaded: (source) => `${source} loaded.`,
  loadedWithNotes: (source) => `${source} loaded, with notes:`,
  otherVersion: (theirs, ours) => `They were given to version ${theirs} of the questionnaire; this is version ${ours}.`
    + " Answers to questions that are not part of this version are kept aside: not scored, but kept in this browser and in exports.",
  refused: (source) => `${source} could not be loaded, and nothing was changed:`,
  linkSource: "The answers in the link",
  sharedSource: "The shared answers",
  fileSource: (name) => `The answers in “${name.slice(0, 80)}”`,
  fileRefusedSource: (name) => `The file “${name.slice(0, 80)}”`,
  linkAsks: "This link carries a set of answers. Loading them replaces the answers saved in this browser.",
  loadShared: "Load the shared answers",
  keepMine: "Keep my answers",
  importAsks: (name) => `Importing “${name.slice(0, 80)}” replaces the answers on this page.`,
  importAsksItems: ["Export your current answers first if you may want them back: the file keeps them, and you can import it later."],
  exportFirst: "Export my current answers",
  replace: "Replace my answers with the file's",
  startAgain: "Start again? This clears every answer saved in this browser, and any backup copies of earlier answers. Export your answers first if you want to keep them.",
  cleared: "Your answers were cleared.",
  copied: "The share link was copied.",
  notCopied: "The link could not be copied automatically: it is selected, so copy it with Ctrl+C (or Cmd+C).",
};

// --- The page ---

async function init(doc) {
  const root = doc.getElementById("mpl-assessment");
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "true";
  const dataUrl = new URL(root.dataset.src, doc.location.href);
  let data;
  try {
    const response = await fetch(dataUrl);
    data = await response.json();
  } catch (error) {
    showMessage(doc, "error", MESSAGES.noData);
    return;
  }
  const form = doc.getElementById("mpl-assessment-form");
  const results = doc.getElementById("mpl-results");
  const $ = (id) => doc.getElementById(id);
  let state = emptyAnswers(data);
  let resultsShown = false;

  const refresh = () => {
    const { asked, answered } = updateView(form, data, state);
    root.querySelector("[data-answered]").textContent = String(answered);
    root.querySelector("[data-total]").textContent = String(asked);
    if (resultsShown) renderResults(doc, score(data, state), dataUrl);
  };
  const show = (answers) => {
    state = answers;
    writeForm(form, state, data);
    refresh();
  };
  const noteOf = (parsed, source) => {
    const items = [...parsed.warnings];
    if (parsed.answers.questionnaire_version !== data.version) items.unshift(MESSAGES.otherVersion(parsed.answers.questionnaire_version, data.version));
    return items.length ? ["warning", MESSAGES.loadedWithNotes(source), items] : ["success", MESSAGES.loaded(source), []];
  };
  const notes = (parsed, source) => showMessage(doc, ...noteOf(parsed, source));
  // Answers from a file or a link replace the form's; if they cannot be saved, the alert says so above the notes.
  const apply = (parsed, source) => {
    show(parsed.answers);
    const [kind, title, items] = noteOf(parsed, source);
    showMessage(doc, kind, title, items);
    keeping.save({ announce: true, extra: [title, ...items] });
  };
  const refuse = (parsed, source) => showMessage(doc, "error", MESSAGES.refused(source), parsed.errors);
  const exportAnswers = () => download(doc, `self-assessment-answers-${stamp()}.json`, answersToJson(state), "application/json");
  // Asks before answers from elsewhere replace answers on this page (no question when the page has none).
  const replaceAsking = (parsed, source, question, items, labels) => {
    if (isBlank(state) || answersToJson(parsed.answers) === answersToJson(state)) return apply(parsed, source);
    showMessage(doc, "warning", question, items, [
      [labels.exportFirst, exportAnswers],
      [labels.load, () => apply(parsed, labels.source)],
      [MESSAGES.keepMine, () => clearMessage(doc)],
    ], { topic: "replace" });
  };

  root.querySelectorAll(".mpl-assess__js").forEach((node) => { node.hidden = false; });
  root.querySelector(".mpl-assess__nojs").hidden = true;

  // Restore what this browser saved (keeping.js), then a shared link if the address carries one.
  const keeping = startKeeping(doc, root, data, { get: () => state, show, notes, exportAnswers });
  const shared = decodeShare(doc.location.hash);
  if (shared !== null) {
    history.replaceState(history.state, "", doc.location.pathname + doc.location.search);
    const parsed = parseAnswers(shared, data);
    if (!parsed.ok) refuse(parsed, MESSAGES.linkSource);
    else replaceAsking(parsed, MESSAGES.linkSource, MESSAGES.linkAsks, [], { exportFirst: MESSAGES.exportFirst, load: MESSAGES.loadShared, source: MESSAGES.sharedSource });
  }

  const onChange = () => {
    state = withRetained(readForm(form, data), state);
    keeping.save();
    refresh();
  };
  form.addEventListener("change", onChange);
  form.addEventListener("input", onChange);
  form.addEventListener("submit", (event) => event.preventDefault());

  $("mpl-show-results").addEventListener("click", () => {
    resultsShown = true;
    results.hidden = false;
    root.classList.add("mpl-assess--has-results");
    refresh();
    $("mpl-results-title").focus();
  });
  $("mpl-start-again").addEventListener("click", () => {
    if (!window.confirm(MESSAGES.startAgain)) return;
    keeping.clear();
    show(emptyAnswers(data));
    resultsShown = false;
    results.hidden = true;
    root.classList.remove("mpl-assess--has-results");
    refresh();
    showMessage(doc, "success", MESSAGES.cleared);
  });
  $("mpl-import").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    const parsed = parseAnswers(file.size > 1000000 ? "x".repeat(300000) : await file.text(), data);
    if (!parsed.ok) return refuse(parsed, MESSAGES.fileRefusedSource(file.name));
    const source = MESSAGES.fileSource(file.name);
    replaceAsking(parsed, source, MESSAGES.importAsks(file.name), MESSAGES.importAsksItems,
      { exportFirst: MESSAGES.exportFirst, load: MESSAGES.replace, source });
  });
  $("mpl-export-json").addEventListener("click", exportAnswers);
  $("mpl-export-md").addEventListener("click", () => download(doc, `self-assessment-results-${stamp()}.md`, toMarkdown(score(data, state), data, state, dataUrl.href), "text/markdown"));
  $("mpl-export-csv").addEventListener("click", () => download(doc, `self-assessment-results-${stamp()}.csv`, toCSV(score(data, state), dataUrl.href), "text/csv"));
  $("mpl-print").addEventListener("click", () => window.print());
  $("mpl-make-link").addEventListener("click", () => {
    const input = $("mpl-share-link");
    input.value = `${doc.location.origin}${doc.location.pathname}#${encodeShare(state)}`;
    $("mpl-share").hidden = false;
    input.focus();
    input.select();
  });
  $("mpl-copy-link").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText($("mpl-share-link").value);
      showMessage(doc, "success", MESSAGES.copied);
    } catch (error) {
      $("mpl-share-link").select();
      showMessage(doc, "warning", MESSAGES.notCopied);
    }
  });
}

// --- Start: now, and on every page instant navigation shows (init ignores other pages and repeats) ---

const start = () => init(document).catch((error) => console.error("self-assessment:", error));
start();
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
