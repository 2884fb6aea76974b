// The "compare over time" page: save, list, rename, delete, export and import snapshots, and compare two.
import { STORAGE_KEY, backupText, keepBackup, loadText, openStorage, readBackup } from "../assessment/storage.js";
import { compareSnapshots } from "./compare.js";
import { radarChart } from "./radar.js";
import { downloadText, el, focusHeading, formatChange, formatScore, practiceLink, table } from "./render.js";
import {
  SNAPSHOTS_KEY, deleteSnapshot, exportSnapshots, importSnapshots, loadSnapshots, parseSnapshotsFile, readSnapshots,
  renameSnapshot, saveSnapshot, snapshotName,
} from "./snapshots.js";

const CURRENT = "current";

// The texts about keeping snapshots (storage problems and unreadable snapshots), in one place.
export const MESSAGES = {
  problems: {
    full: "This browser's storage is full, so nothing was changed. Export your snapshots to a file to keep them, or delete snapshots you no longer need, then try again.",
    "backup-full": "This browser's storage is full, so nothing was changed: there is no room to keep a backup copy of the snapshots that could not be read. Download the backup below, then free some space and try again.",
    blocked: "This browser does not let this page store anything (for example in some private windows, or when site data is blocked), so snapshots cannot be kept here. Allow this site to store data in your browser's settings, then reload the page.",
    "backup-blocked": "This browser does not let this page store anything, so nothing was changed.",
    failed: "This browser did not keep the change, so nothing was changed. Try again, or export your snapshots to a file.",
    "backup-failed": "A backup copy of the snapshots that could not be read could not be kept, so nothing was changed. Download the backup below, then try again.",
    limit: "You can keep up to 200 snapshots: delete one first.",
  },
  notSaved: "The snapshot was not saved.",
  notImported: (name) => `${name} was not imported.`,
  notRenamed: "The snapshot was not renamed.",
  notDeleted: "The snapshot was not deleted.",
  blockedAtStart: "Snapshots cannot be kept in this browser: it does not let this page store anything. Allow this site to store data in your browser's settings, then reload the page.",
  unreadable: (n) => (n === 1 ? "1 saved snapshot could not be read." : n > 1 ? `${n} saved snapshots could not be read.` : "Your saved snapshots could not be read."),
  unreadableKept: "The saved text is kept, exactly as it was, as a backup copy in this browser: download it to keep it as a file. The snapshots that could be read are listed here.",
  unreadableNotKept: "The saved text could not be kept as a backup copy in this browser: download it now, before you change any snapshot.",
  backupExists: "A backup copy of snapshots that could not be read is kept in this browser.",
  downloadBackup: "Download the backup",
  noneReadable: "No snapshot could be read.",
};
const problemText = (error) => MESSAGES.problems[error && error.problem] || MESSAGES.problems.failed;

export function startCompare(root, { data, score, parseAnswers, salvageAnswers, linkBase }) {
  const { storage } = openStorage(window);
  const part = (role) => root.querySelector(`[data-role="${role}"]`);
  const [status, list, results, pick] = ["status", "list", "results", "pick"].map(part);
  const say = (...lines) => status.replaceChildren(...lines.map((line) => el("span", { className: "mpl-cmp-status__line", text: line })));
  // Runs a change of the snapshots: its result (true when it has none), or null when the write failed,
  // which is said in words (nothing was changed).
  const change = (failure, action) => {
    try {
      return action() ?? true;
    } catch (error) {
      if (!error || !error.problem) throw error;
      refresh();
      say(failure, problemText(error));
      return null;
    }
  };

  function currentAnswers() {
    const text = loadText(storage); // the self-assessment's current answers, only read here
    if (!text) return null;
    const read = salvageAnswers(text, data);
    return Object.keys(read.answers.answers).length ? read.answers : null;
  }

  function refresh() {
    const current = currentAnswers();
    const count = current ? Object.keys(current.answers).length : 0;
    part("current").textContent = current
      ? `Your current answers: ${count} question${count === 1 ? "" : "s"} answered.`
      : "You have no current answers yet: answer some questions in the self-assessment first.";
    const read = readSnapshots(storage);
    renderList(read.snapshots, damageNotice(read));
    renderChoices(read.snapshots, Boolean(current));
  }

  // Unreadable snapshots are kept as a backup at once, and said, with the backup to download.
  function damageNotice(read) {
    const download = (text) => el("button", { type: "button", className: "md-button mpl-cmp-small", "data-action": "backup", text });
    if (read.damaged) {
      const kept = keepBackup(storage, SNAPSHOTS_KEY, read.raw, "unreadable");
      return el("div", { className: "mpl-cmp-damaged" },
        el("p", {}, el("strong", { text: MESSAGES.unreadable(read.unreadable) }), " ", kept.ok ? MESSAGES.unreadableKept : MESSAGES.unreadableNotKept),
        download(MESSAGES.downloadBackup));
    }
    if (!readBackup(storage, SNAPSHOTS_KEY).entries.length) return null;
    return el("div", { className: "mpl-cmp-damaged" }, el("p", { text: MESSAGES.backupExists }), download(MESSAGES.downloadBackup));
  }

  function downloadBackup() {
    const read = readSnapshots(storage);
    const entries = readBackup(storage, SNAPSHOTS_KEY).entries;
    const all = read.damaged && !entries.some((e) => e.text === read.raw)
      ? [...entries, { kept_at: new Date().toISOString(), reason: "unreadable", text: read.raw }] : entries;
    downloadText(`assessment-snapshots-backup-${new Date().toISOString().slice(0, 10)}.json`, backupText(SNAPSHOTS_KEY, all));
  }

  function renderList(snapshots, notice) {
    if (!snapshots.length) {
      list.replaceChildren(...[notice, el("p", { text: notice ? MESSAGES.noneReadable : "No snapshots yet." })].filter(Boolean));
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
    list.replaceChildren(...[notice, table("Saved snapshots, oldest first", ["Label", "Saved", "Answers", "Actions"], rows)].filter(Boolean));
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
    const snapshot = change(MESSAGES.notSaved, () => saveSnapshot(storage, current, event.target.elements.label.value));
    if (snapshot === null) return;
    event.target.elements.label.value = "";
    refresh();
    say(`Saved: ${snapshotName(snapshot)}.`);
  });

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    if (button.dataset.action === "backup") return downloadBackup();
    const snapshot = loadSnapshots(storage).find((s) => s.id === button.dataset.id);
    if (!snapshot) return refresh();
    if (button.dataset.action === "rename") {
      const label = window.prompt(`New label for ${snapshotName(snapshot)}:`, snapshot.label);
      if (label === null) return;
      if (change(MESSAGES.notRenamed, () => renameSnapshot(storage, snapshot.id, label)) === null) return;
      refresh();
      say(`Renamed to: ${label.trim() || "(no label)"}.`);
    } else if (window.confirm(`Delete ${snapshotName(snapshot)}? This cannot be undone.`)) {
      if (change(MESSAGES.notDeleted, () => deleteSnapshot(storage, snapshot.id)) === null) return;
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
    if (!read.ok) {
      refresh();
      return say(MESSAGES.notImported(chosen.name), ...read.errors);
    }
    const added = change(MESSAGES.notImported(chosen.name), () => importSnapshots(storage, read.snapshots));
    if (added === null) return;
    refresh();
    say(`Imported ${added} new snapshot${added === 1 ? "" : "s"} from ${chosen.name}.`, ...read.errors);
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

  onStorage = (event) => { if (root.isConnected && [STORAGE_KEY, SNAPSHOTS_KEY, null].includes(event.key)) refresh(); };
  refresh();
  const read = readSnapshots(storage);
  if (!storage) say(MESSAGES.blockedAtStart);
  else if (read.damaged) say(MESSAGES.unreadable(read.unreadable));
}

// Answers changed in another tab refresh the page shown now (one listener, whatever the navigation).
let onStorage = null;
window.addEventListener("storage", (event) => onStorage && onStorage(event));
