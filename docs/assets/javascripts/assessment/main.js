// Wires the self-assessment page: restore, save on every change, progress, results and the plan, import/export,
// share link, start again. Runs on every page shown by mkdocs-material's instant navigation (document$), and acts
// only on this page. Saving, backups and other tabs are in keeping.js; the message box in notices.js.
import { emptyAnswers, isBlank, parseAnswers, score, withKept } from "./scoring.js";
import { answersToJson, decodeShare, encodeShare, toCSV, toMarkdown } from "./report.js";
import { readForm, updateView, writeForm } from "./form.js";
import { renderPlan, renderResults, renderScores } from "./results.js";
import { withAction, withPlan, withTarget } from "./plan.js";
import { startKeeping } from "./keeping.js";
import { clearMessage, download, showMessage, stamp } from "./notices.js";
import { tr } from "./strings.js";

// Every text of this file (interface strings, practices/interface.yml).
function messages(say) {
  const name = (text) => text.slice(0, 80);
  return {
    loaded: (source) => say("assessment.loaded", { source }),
    loadedWithNotes: (source) => say("assessment.loaded_with_notes", { source }),
    otherVersion: (theirs, ours) => say("assessment.other_version", { theirs, ours }),
    refused: (source) => say("assessment.refused", { source }),
    linkSource: say("assessment.link_source"),
    sharedSource: say("assessment.shared_source"),
    fileSource: (file) => say("assessment.file_source", { name: name(file) }),
    fileRefusedSource: (file) => say("assessment.file_refused_source", { name: name(file) }),
    linkAsks: say("assessment.link_asks"),
    loadShared: say("assessment.load_shared"),
    keepMine: say("assessment.keep_mine"),
    importAsks: (file) => say("assessment.import_asks", { name: name(file) }),
    importAsksItems: [say("assessment.import_asks_export")],
    exportFirst: say("assessment.export_first"),
    replace: say("assessment.replace"),
    startAgain: say("assessment.start_again_asks"),
    cleared: say("assessment.cleared"),
    copied: say("assessment.copied"),
    notCopied: say("assessment.not_copied"),
    progress: (id, p) => say("assessment.section_progress", { answered: p.answered, asked: p.asked }),
    file: (key) => say(key, { date: stamp() }),
  };
}

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
    showMessage(doc, "error", root.dataset.noData);
    return;
  }
  const MESSAGES = messages(tr(data));
  const form = doc.getElementById("mpl-assessment-form");
  const results = doc.getElementById("mpl-results");
  const $ = (id) => doc.getElementById(id);
  let state = emptyAnswers(data);
  let resultsShown = false;

  const progressOf = new Map([...root.querySelectorAll("[data-progress-of]")].map((node) => [node.dataset.progressOf, node]));
  const refresh = () => {
    const { asked, answered, sections } = updateView(form, data, state);
    root.querySelector("[data-answered]").textContent = String(answered);
    root.querySelector("[data-total]").textContent = String(asked);
    for (const [id, node] of progressOf) {
      const p = sections[id] || { asked: 0, answered: 0 };
      node.textContent = MESSAGES.progress(id, p);
      node.parentElement.dataset.done = String(p.asked > 0 && p.answered === p.asked);
    }
    $("mpl-start-again").hidden = isBlank(state);
    if (resultsShown) renderResults(doc, score(data, state), data, state, dataUrl);
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
  const exportAnswers = () => download(doc, MESSAGES.file("results.file_answers"), answersToJson(state), "application/json");
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
    state = withKept(readForm(form, data), state);
    keeping.save();
    refresh();
  };
  form.addEventListener("change", onChange);
  form.addEventListener("input", onChange);
  form.addEventListener("submit", (event) => event.preventDefault());

  // The plan: a target per section, and who acts on a recommendation by when. Only the parts it changes are
  // redrawn, so that the control in use keeps the focus.
  const onPlan = (event) => {
    const control = event.target;
    if (control.dataset.targetFor) {
      state = withPlan(state, withTarget(state.plan, control.dataset.targetFor, control.value === "" ? null : Number(control.value)));
    } else if (control.dataset.planFor) {
      const id = control.dataset.planFor;
      state = withPlan(state, withAction(state.plan, id, { owner: $(`plan-owner-${id}`).value, by: $(`plan-by-${id}`).value }));
    } else return;
    keeping.save();
    const result = score(data, state);
    renderPlan(doc, result, data);
    if (control.dataset.targetFor) renderScores(doc, result, data, { table: false });
    $("mpl-start-again").hidden = isBlank(state);
  };
  results.addEventListener("input", onPlan);
  results.addEventListener("change", onPlan);

  $("mpl-show-results").addEventListener("click", () => {
    performance.mark("mpl-results-start");
    resultsShown = true;
    results.hidden = false;
    root.classList.add("mpl-assess--has-results");
    refresh();
    $("mpl-results-title").focus();
    performance.measure("mpl-results", "mpl-results-start");
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
  $("mpl-export-md").addEventListener("click", () => download(doc, MESSAGES.file("results.file_markdown"),
    toMarkdown(score(data, state), data, state, dataUrl.href), "text/markdown"));
  $("mpl-export-csv").addEventListener("click", () => download(doc, MESSAGES.file("results.file_csv"),
    toCSV(score(data, state), data, state, dataUrl.href), "text/csv"));
  $("mpl-print").addEventListener("click", () => window.print());
  // A printed report has every recommendation: "Later" opens for printing, and closes again if it was closed.
  let laterWasOpen = false;
  window.addEventListener("beforeprint", () => { const later = $("mpl-recs-later-area"); if (!later) return; laterWasOpen = later.open; later.open = true; });
  window.addEventListener("afterprint", () => { const later = $("mpl-recs-later-area"); if (later) later.open = laterWasOpen; });
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

const start = () => init(document).catch((error) => console.error(error));
start();
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
