// The "compare over time" page: save, list, rename, delete, export and import snapshots, and compare two.
import { backupText, keepBackup, loadText, migrateLegacy, openStorage, readBackup, storageKeys } from "../assessment/storage.js";
import { tr } from "../assessment/strings.js";
import { compareSnapshots } from "./compare.js";
import { radarChart } from "./radar.js";
import { downloadText, el, focusHeading, formatChange, formatScore, practiceLink, table } from "./render.js";
import {
  MAX_SNAPSHOTS, deleteSnapshot, exportSnapshots, importSnapshots, loadSnapshots, parseSnapshotsFile, readSnapshots,
  renameSnapshot, saveSnapshot, snapshotName,
} from "./snapshots.js";

const CURRENT = "current";
const today = () => new Date().toISOString().slice(0, 10);

// The texts about keeping snapshots (storage problems and unreadable snapshots): interface strings.
function messages(say) {
  return {
    problems: {
      full: say("compare.problem.full"),
      "backup-full": say("compare.problem.backup_full"),
      blocked: say("compare.problem.blocked"),
      "backup-blocked": say("compare.problem.backup_blocked"),
      failed: say("compare.problem.failed"),
      "backup-failed": say("compare.problem.backup_failed"),
      limit: say("compare.problem.limit", { count: MAX_SNAPSHOTS }),
    },
    notSaved: say("compare.not_saved"),
    notImported: (name) => say("compare.not_imported", { name }),
    notRenamed: say("compare.not_renamed"),
    notDeleted: say("compare.not_deleted"),
    blockedAtStart: say("compare.blocked_at_start"),
    unreadable: (n) => (n > 0 ? say("compare.unreadable", { count: n }) : say("compare.unreadable_all")),
    unreadableKept: say("compare.unreadable_kept"),
    unreadableNotKept: say("compare.unreadable_not_kept"),
    backupExists: say("compare.backup_exists"),
    downloadBackup: say("storage.download_backup"),
    noneReadable: say("compare.none_readable"),
  };
}

export function startCompare(root, { data, score, parseAnswers, salvageAnswers, linkBase }) {
  const say = tr(data);
  const MESSAGES = messages(say);
  const problemText = (error) => MESSAGES.problems[error && error.problem] || MESSAGES.problems.failed;
  const { storage } = openStorage(window);
  const keys = storageKeys(data);
  migrateLegacy(storage, keys);
  const place = { storage, key: keys.snapshots };
  const SNAPSHOTS_KEY = keys.snapshots;
  const name = (snapshot) => snapshotName(snapshot, say);
  const part = (role) => root.querySelector(`[data-role="${role}"]`);
  const [status, list, results, pick] = ["status", "list", "results", "pick"].map(part);
  const tell = (...lines) => status.replaceChildren(...lines.map((line) => el("span", { className: "mpl-cmp-status__line", text: line })));
  // Runs a change of the snapshots: its result (true when it has none), or null when the write failed,
  // which is said in words (nothing was changed).
  const change = (failure, action) => {
    try {
      return action() ?? true;
    } catch (error) {
      if (!error || !error.problem) throw error;
      refresh();
      tell(failure, problemText(error));
      return null;
    }
  };

  function currentAnswers() {
    const text = loadText(storage, keys.answers); // the self-assessment's current answers, only read here
    if (!text) return null;
    const read = salvageAnswers(text, data);
    return Object.keys(read.answers.answers).length ? read.answers : null;
  }

  function refresh() {
    const current = currentAnswers();
    const count = current ? Object.keys(current.answers).length : 0;
    part("current").textContent = current ? say("compare.current_answers", { count }) : say("compare.no_current_answers");
    const read = readSnapshots(place);
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
    const read = readSnapshots(place);
    const entries = readBackup(storage, SNAPSHOTS_KEY).entries;
    const all = read.damaged && !entries.some((e) => e.text === read.raw)
      ? [...entries, { kept_at: new Date().toISOString(), reason: "unreadable", text: read.raw }] : entries;
    downloadText(say("compare.file_backup", { date: today() }), backupText(SNAPSHOTS_KEY, all));
  }

  function renderList(snapshots, notice) {
    if (!snapshots.length) {
      list.replaceChildren(...[notice, el("p", { text: notice ? MESSAGES.noneReadable : say("compare.no_snapshots") })].filter(Boolean));
      return;
    }
    const rows = snapshots.map((s) => [
      s.label || say("compare.no_label"),
      new Date(s.saved_at).toLocaleString(document.documentElement.lang || undefined, { dateStyle: "medium", timeStyle: "short" }),
      String(Object.keys(s.answers.answers || {}).length),
      el("span", { className: "mpl-cmp-actions" },
        el("button", { type: "button", className: "md-button mpl-cmp-small", "data-action": "rename", "data-id": s.id,
          "aria-label": say("compare.rename_label", { name: name(s) }), text: say("compare.rename") }),
        el("button", { type: "button", className: "md-button mpl-cmp-small", "data-action": "delete", "data-id": s.id,
          "aria-label": say("compare.delete_label", { name: name(s) }), text: say("compare.delete") })),
    ]);
    list.replaceChildren(...[notice, table(say("compare.list_caption"), [say("compare.col_label"), say("compare.col_saved"),
      say("compare.col_answers"), say("compare.col_actions")], rows)].filter(Boolean));
  }

  // Keeps the chosen pair when it is still available and still two different items; otherwise the
  // two most recent (the last snapshot and the current answers, when there are current answers).
  function renderChoices(snapshots, hasCurrent) {
    const options = snapshots.map((s) => [s.id, name(s)]);
    if (hasCurrent) options.push([CURRENT, say("compare.current_label")]);
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
    if (id === CURRENT) return { name: say("compare.current_label"), answers: currentAnswers() };
    const snapshot = loadSnapshots(place).find((s) => s.id === id);
    return snapshot ? { name: name(snapshot), answers: snapshot.answers } : null;
  }

  function showComparison(a, b) {
    const result = compareSnapshots(data, a.answers, b.answers, score);
    const score$ = (v) => formatScore(v, say);
    const stageRows = result.stages.map((s) => [s.title, score$(s.before), score$(s.after), formatChange(s.change)]);
    const recList = (items, empty) => (items.length
      ? el("ul", { className: "mpl-cmp-rec-list" }, items.map((r) => el("li", {}, practiceLink(r, linkBase),
        r.reasons && r.reasons.length ? el("span", { className: "mpl-cmp-reason",
          text: ` (${r.reasons.map((why) => `${why.questionText}: ${why.answerLabel}`).join("; ")})` }) : null)))
      : el("p", { text: empty }));
    const earlier = say("compare.earlier_named", { name: a.name });
    const later = say("compare.later_named", { name: b.name });
    results.replaceChildren(
      focusHeading(say("compare.result_title", { earlier: a.name, later: b.name })),
      el("h3", { text: say("compare.scores_title") }),
      radarChart(say, say("compare.radar_title"), result.stages.map((s) => s.title),
        [{ label: earlier, values: result.stages.map((s) => s.before) }, { label: later, values: result.stages.map((s) => s.after) }]),
      table(say("compare.scores_caption"), [say("results.col_section"), earlier, later, say("compare.col_change")], stageRows),
      el("h3", { text: say("compare.changed_title", { count: result.changedAnswers.length }) }),
      result.changedAnswers.length
        ? table(say("compare.changed_caption"), [say("compare.col_question"), say("compare.earlier"), say("compare.later")],
          result.changedAnswers.map((c) => [c.questionText, c.before, c.after]), "mpl-cmp-changed")
        : el("p", { text: say("compare.none_changed") }),
      el("h3", { text: say("compare.newly_title", { count: result.newlyRecommended.length }) }),
      recList(result.newlyRecommended, say("compare.newly_none")),
      el("h3", { text: say("compare.no_longer_title", { count: result.noLongerRecommended.length }) }),
      recList(result.noLongerRecommended, say("compare.no_longer_none")),
      el("p", { text: say("compare.still", { count: result.stillRecommended.length }) }));
    results.hidden = false;
    results.querySelector(".mpl-cmp-results__heading").focus();
  }

  part("save").addEventListener("submit", (event) => {
    event.preventDefault();
    const current = currentAnswers();
    if (!current) {
      tell(say("compare.nothing_to_save"));
      return;
    }
    const snapshot = change(MESSAGES.notSaved, () => saveSnapshot(place, current, event.target.elements.label.value));
    if (snapshot === null) return;
    event.target.elements.label.value = "";
    refresh();
    tell(say("compare.saved", { name: name(snapshot) }));
  });

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    if (button.dataset.action === "backup") return downloadBackup();
    const snapshot = loadSnapshots(place).find((s) => s.id === button.dataset.id);
    if (!snapshot) return refresh();
    if (button.dataset.action === "rename") {
      const label = window.prompt(say("compare.rename_prompt", { name: name(snapshot) }), snapshot.label);
      if (label === null) return;
      if (change(MESSAGES.notRenamed, () => renameSnapshot(place, snapshot.id, label)) === null) return;
      refresh();
      tell(say("compare.renamed", { label: label.trim() || say("compare.no_label") }));
    } else if (window.confirm(say("compare.delete_confirm", { name: name(snapshot) }))) {
      if (change(MESSAGES.notDeleted, () => deleteSnapshot(place, snapshot.id)) === null) return;
      refresh();
      tell(say("compare.deleted", { name: name(snapshot) }));
      part("save").elements.label.focus();
    }
  });

  part("export").addEventListener("click", () => {
    const snapshots = loadSnapshots(place);
    if (!snapshots.length) return tell(say("compare.nothing_to_export"));
    downloadText(say("compare.file_snapshots", { date: today() }), exportSnapshots(snapshots));
    tell(say("compare.exported", { count: snapshots.length }));
  });

  root.querySelector("#snapshot-import").addEventListener("change", async (event) => {
    const chosen = event.target.files[0];
    event.target.value = "";
    if (!chosen) return;
    const text = chosen.size > 2_000_000 ? null : await chosen.text();
    const read = parseSnapshotsFile(text, data, parseAnswers);
    if (!read.ok) {
      refresh();
      return tell(MESSAGES.notImported(chosen.name), ...read.errors);
    }
    const added = change(MESSAGES.notImported(chosen.name), () => importSnapshots(place, read.snapshots));
    if (added === null) return;
    refresh();
    tell(say("compare.imported", { count: added, name: chosen.name }), ...read.errors);
  });

  pick.addEventListener("submit", (event) => {
    event.preventDefault();
    const a = resolve(pick.elements.before.value);
    const b = resolve(pick.elements.after.value);
    if (!a || !b || !a.answers || !b.answers) return tell(say("compare.choose_two"));
    if (pick.elements.before.value === pick.elements.after.value) return tell(say("compare.choose_different"));
    tell("");
    showComparison(a, b);
  });

  onStorage = (event) => { if (root.isConnected && [keys.answers, SNAPSHOTS_KEY, null].includes(event.key)) refresh(); };
  refresh();
  const read = readSnapshots(place);
  if (!storage) tell(MESSAGES.blockedAtStart);
  else if (read.damaged) tell(MESSAGES.unreadable(read.unreadable));
}

// Answers changed in another tab refresh the page shown now (one listener, whatever the navigation).
let onStorage = null;
window.addEventListener("storage", (event) => onStorage && onStorage(event));
