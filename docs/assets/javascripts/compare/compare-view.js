// The "compare over time" page: save, list, rename, delete, export and import snapshots, and compare two.
import { STORAGE_KEY, loadText } from "../assessment/storage.js";
import { compareSnapshots } from "./compare.js";
import { radarChart } from "./radar.js";
import { downloadText, el, focusHeading, formatChange, formatScore, practiceLink, table } from "./render.js";
import {
  deleteSnapshot, exportSnapshots, importSnapshots, loadSnapshots, parseSnapshotsFile, renameSnapshot, saveSnapshot,
  snapshotName,
} from "./snapshots.js";

const CURRENT = "current";

export function startCompare(root, { data, score, parseAnswers, linkBase }) {
  const storage = window.localStorage;
  const part = (role) => root.querySelector(`[data-role="${role}"]`);
  const [status, list, results, pick] = ["status", "list", "results", "pick"].map(part);
  const say = (...lines) => status.replaceChildren(...lines.map((line) => el("span", { className: "mpl-cmp-status__line", text: line })));

  function currentAnswers() {
    const text = loadText(storage); // the self-assessment's current answers, only read here
    if (!text) return null;
    const checked = parseAnswers(text, data);
    return checked.ok && Object.keys(checked.answers.answers || {}).length ? checked.answers : null;
  }

  function refresh() {
    const current = currentAnswers();
    const count = current ? Object.keys(current.answers).length : 0;
    part("current").textContent = current
      ? `Your current answers: ${count} question${count === 1 ? "" : "s"} answered.`
      : "You have no current answers yet: answer some questions in the self-assessment first.";
    renderList(loadSnapshots(storage));
    renderChoices(loadSnapshots(storage), Boolean(current));
  }

  function renderList(snapshots) {
    if (!snapshots.length) {
      list.replaceChildren(el("p", { text: "No snapshots yet." }));
      return;
    }
    const rows = snapshots.map((s) => [
      s.label || "(no label)",
      new Date(s.saved_at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }),
      String(Object.keys(s.answers.answers || {}).length),
      el("span", { className: "mpl-cmp-actions" },
        el("button", { type: "button", className: "md-button mpl-cmp-small", "data-action": "rename", "data-id": s.id,
          "aria-label": `Rename ${snapshotName(s)}`, text: "Rename" }),
        el("button", { type: "button", className: "md-button mpl-cmp-small", "data-action": "delete", "data-id": s.id,
          "aria-label": `Delete ${snapshotName(s)}`, text: "Delete" })),
    ]);
    list.replaceChildren(table("Saved snapshots, oldest first", ["Label", "Saved", "Answers", "Actions"], rows));
  }

  // Keeps the chosen pair when it is still available and still two different items; otherwise the
  // two most recent (the last snapshot and the current answers, when there are current answers).
  function renderChoices(snapshots, hasCurrent) {
    const options = snapshots.map((s) => [s.id, snapshotName(s)]);
    if (hasCurrent) options.push([CURRENT, "Current answers"]);
    const values = options.map(([value]) => value);
    const { before, after } = pick.elements;
    let chosen = [before.value, after.value];
    if (!chosen.every((v) => values.includes(v)) || chosen[0] === chosen[1]) {
      chosen = [values[Math.max(0, values.length - 2)] || "", values[values.length - 1] || ""];
    }
    [before, after].forEach((select, i) => {
      select.replaceChildren(...options.map(([value, label]) => el("option", { value, text: label })));
      select.value = chosen[i];
    });
    pick.querySelector("button").disabled = options.length < 2;
  }

  function resolve(id) {
    if (id === CURRENT) return { name: "Current answers", answers: currentAnswers() };
    const snapshot = loadSnapshots(storage).find((s) => s.id === id);
    return snapshot ? { name: snapshotName(snapshot), answers: snapshot.answers } : null;
  }

  function showComparison(a, b) {
    const result = compareSnapshots(data, a.answers, b.answers, score);
    const stageRows = result.stages.map((s) => [s.title, formatScore(s.before), formatScore(s.after), formatChange(s.change)]);
    const recList = (items, empty) => (items.length
      ? el("ul", { className: "mpl-cmp-rec-list" }, items.map((r) => el("li", {}, practiceLink(r, linkBase),
        r.reasons && r.reasons.length ? el("span", { className: "mpl-cmp-reason",
          text: ` (${r.reasons.map((why) => `${why.questionText}: ${why.answerLabel}`).join("; ")})` }) : null)))
      : el("p", { text: empty }));
    results.replaceChildren(
      focusHeading(`${a.name} compared with ${b.name}`),
      el("h3", { text: "Stage scores" }),
      radarChart("Stage scores, earlier and later", result.stages.map((s) => s.title),
        [{ label: `Earlier: ${a.name}`, values: result.stages.map((s) => s.before) },
          { label: `Later: ${b.name}`, values: result.stages.map((s) => s.after) }]),
      table("Stage scores out of 100", ["Stage", `Earlier: ${a.name}`, `Later: ${b.name}`, "Change"], stageRows),
      el("h3", { text: `Answers that changed (${result.changedAnswers.length})` }),
      result.changedAnswers.length
        ? table("Answers that changed", ["Question", "Earlier", "Later"],
          result.changedAnswers.map((c) => [c.questionText, c.before, c.after]), "mpl-cmp-changed")
        : el("p", { text: "No answer changed." }),
      el("h3", { text: `Newly recommended (${result.newlyRecommended.length})` }),
      recList(result.newlyRecommended, "No practice is newly recommended."),
      el("h3", { text: `No longer recommended (${result.noLongerRecommended.length})` }),
      recList(result.noLongerRecommended, "Every practice recommended earlier is still recommended."),
      el("p", { text: `Still recommended: ${result.stillRecommended.length} practice${result.stillRecommended.length === 1 ? "" : "s"}.` }));
    results.hidden = false;
    results.querySelector(".mpl-cmp-results__heading").focus();
  }

  part("save").addEventListener("submit", (event) => {
    event.preventDefault();
    const current = currentAnswers();
    if (!current) {
      say("There are no current answers to save: answer some questions in the self-assessment first.");
      return;
    }
    try {
      const snapshot = saveSnapshot(storage, current, event.target.elements.label.value);
      event.target.elements.label.value = "";
      refresh();
      say(`Saved: ${snapshotName(snapshot)}.`);
    } catch (error) {
      say(`The snapshot could not be saved: ${error.message}`);
    }
  });

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const snapshot = loadSnapshots(storage).find((s) => s.id === button.dataset.id);
    if (!snapshot) return refresh();
    if (button.dataset.action === "rename") {
      const label = window.prompt(`New label for ${snapshotName(snapshot)}:`, snapshot.label);
      if (label === null) return;
      renameSnapshot(storage, snapshot.id, label);
      refresh();
      say(`Renamed to: ${label.trim() || "(no label)"}.`);
    } else if (window.confirm(`Delete ${snapshotName(snapshot)}? This cannot be undone.`)) {
      deleteSnapshot(storage, snapshot.id);
      refresh();
      say(`Deleted: ${snapshotName(snapshot)}.`);
      part("save").elements.label.focus();
    }
  });

  part("export").addEventListener("click", () => {
    const snapshots = loadSnapshots(storage);
    if (!snapshots.length) return say("There are no snapshots to export yet.");
    downloadText(`assessment-snapshots-${new Date().toISOString().slice(0, 10)}.json`, exportSnapshots(snapshots));
    say(`Exported ${snapshots.length} snapshot${snapshots.length === 1 ? "" : "s"}.`);
  });

  root.querySelector("#snapshot-import").addEventListener("change", async (event) => {
    const chosen = event.target.files[0];
    event.target.value = "";
    if (!chosen) return;
    const text = chosen.size > 2_000_000 ? null : await chosen.text();
    const read = parseSnapshotsFile(text, data, parseAnswers);
    const added = read.ok ? importSnapshots(storage, read.snapshots) : 0;
    refresh();
    say(read.ok ? `Imported ${added} new snapshot${added === 1 ? "" : "s"} from ${chosen.name}.`
      : `${chosen.name} was not imported.`, ...read.errors);
  });

  pick.addEventListener("submit", (event) => {
    event.preventDefault();
    const a = resolve(pick.elements.before.value);
    const b = resolve(pick.elements.after.value);
    if (!a || !b || !a.answers || !b.answers) return say("Choose two snapshots to compare.");
    if (pick.elements.before.value === pick.elements.after.value) return say("Choose two different snapshots to compare.");
    say("");
    showComparison(a, b);
  });

  onStorage = (event) => { if (root.isConnected && (event.key === STORAGE_KEY || event.key === null)) refresh(); };
  refresh();
}

// Answers changed in another tab refresh the page shown now (one listener, whatever the navigation).
let onStorage = null;
window.addEventListener("storage", (event) => onStorage && onStorage(event));
