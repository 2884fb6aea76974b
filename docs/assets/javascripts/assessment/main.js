// Wires the self-assessment page: restore, save on every change, results, import/export, share link, start again.
// Runs on every page shown by mkdocs-material's instant navigation (document$), and acts only on this page.
import { emptyAnswers, parseAnswers, score } from "./scoring.js";
import { answersToJson, decodeShare, encodeShare, toCSV, toMarkdown } from "./report.js";
import { readForm, updateView, writeForm } from "./form.js";
import { renderResults } from "./results.js";
import * as storage from "./storage.js";

// --- Messages (text only) ---

function showMessage(doc, kind, title, items = [], actions = []) {
  const box = doc.getElementById("mpl-message");
  const heading = doc.createElement("p");
  heading.className = "mpl-assess__message-title";
  heading.textContent = title;
  const parts = [heading];
  if (items.length) {
    const list = doc.createElement("ul");
    for (const item of items) {
      const li = doc.createElement("li");
      li.textContent = item;
      list.append(li);
    }
    parts.push(list);
  }
  for (const [label, onClick] of actions) {
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = label;
    button.addEventListener("click", onClick);
    parts.push(button);
  }
  box.replaceChildren(...parts);
  box.dataset.kind = kind;
  if (kind === "error" || actions.length) box.focus();
}

function clearMessage(doc) {
  const box = doc.getElementById("mpl-message");
  box.replaceChildren();
}

function download(doc, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
    showMessage(doc, "error", "The questionnaire could not be loaded. Check your connection and reload the page.");
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
  const apply = (answers) => {
    state = answers;
    writeForm(form, state, data);
    storage.saveText(answersToJson(state));
    refresh();
  };
  const notes = (parsed, source) => {
    const items = [...parsed.warnings];
    if (parsed.answers.questionnaire_version !== data.version) {
      items.unshift(`They were given to version ${parsed.answers.questionnaire_version} of the questionnaire; this is version ${data.version}. Answers to questions that are still here were kept.`);
    }
    return items.length ? showMessage(doc, "warning", `${source} loaded, with notes:`, items) : showMessage(doc, "success", `${source} loaded.`);
  };
  const refuse = (parsed, source) => showMessage(doc, "error", `${source} could not be loaded, and nothing was changed:`, parsed.errors);

  root.querySelectorAll(".mpl-assess__js").forEach((node) => { node.hidden = false; });
  root.querySelector(".mpl-assess__nojs").hidden = true;

  // Restore what this browser saved, then a shared link if the address carries one.
  const saved = storage.loadText();
  if (saved) {
    const parsed = parseAnswers(saved, data);
    if (parsed.ok) {
      state = parsed.answers;
      if (parsed.warnings.length || parsed.answers.questionnaire_version !== data.version) notes(parsed, "Your saved answers");
    } else {
      showMessage(doc, "error", "Your saved answers could not be read; the form starts empty:", parsed.errors);
    }
  }
  writeForm(form, state, data);
  refresh();
  const shared = decodeShare(doc.location.hash);
  if (shared !== null) {
    history.replaceState(history.state, "", doc.location.pathname + doc.location.search);
    const parsed = parseAnswers(shared, data);
    const hasOwnAnswers = Object.keys(state.answers).length > 0;
    if (!parsed.ok) {
      refuse(parsed, "The answers in the link");
    } else if (hasOwnAnswers && answersToJson(parsed.answers) !== answersToJson(state)) {
      showMessage(doc, "warning", "This link carries a set of answers. Loading them replaces the answers saved in this browser.", [], [
        ["Load the shared answers", () => { apply(parsed.answers); notes(parsed, "The shared answers"); }],
        ["Keep my answers", () => clearMessage(doc)],
      ]);
    } else {
      apply(parsed.answers);
      notes(parsed, "The answers in the link");
    }
  }

  const onChange = () => {
    state = readForm(form, data);
    storage.saveText(answersToJson(state));
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
    if (!window.confirm("Start again? This clears every answer saved in this browser. Export your answers first if you want to keep them.")) return;
    storage.clear();
    state = emptyAnswers(data);
    writeForm(form, state, data);
    resultsShown = false;
    results.hidden = true;
    root.classList.remove("mpl-assess--has-results");
    refresh();
    showMessage(doc, "success", "Your answers were cleared.");
  });
  $("mpl-import").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    const parsed = parseAnswers(file.size > 1000000 ? "x".repeat(300000) : await file.text(), data);
    if (!parsed.ok) return refuse(parsed, `The file “${file.name.slice(0, 80)}”`);
    apply(parsed.answers);
    notes(parsed, `The answers in “${file.name.slice(0, 80)}”`);
  });
  const stamp = () => new Date().toISOString().slice(0, 10);
  $("mpl-export-json").addEventListener("click", () => download(doc, `self-assessment-answers-${stamp()}.json`, answersToJson(state), "application/json"));
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
      showMessage(doc, "success", "The share link was copied.");
    } catch (error) {
      $("mpl-share-link").select();
      showMessage(doc, "warning", "The link could not be copied automatically: it is selected, so copy it with Ctrl+C (or Cmd+C).");
    }
  });
}

// --- Start: now, and on every page instant navigation shows (init ignores other pages and repeats) ---

const start = () => init(document).catch((error) => console.error("self-assessment:", error));
start();
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
