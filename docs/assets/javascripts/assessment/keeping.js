// Keeps the self-assessment's answers in this browser without losing any: restores what was saved (salvaging
// damaged text, with a raw backup first), saves after every change and says at once when a save fails (full or
// blocked storage), and follows another tab's changes (asking when both tabs changed the answers).
import { emptyAnswers, salvageAnswers } from "./scoring.js";
import { answersToJson } from "./report.js";
import { createKeeper, onOtherTab } from "./keeper.js";
import { backupText, clearBackup, keepBackup, migrateLegacy, openStorage, readBackup, readKey, storageKeys } from "./storage.js";
import { tr } from "./strings.js";
import { download, messageTopic, showMessage, stamp } from "./notices.js";

const KEEP_SHOWING = ["unreadable", "replace", "conflict", "storage", "backup"];

// Every text of this file (interface strings, practices/interface.yml).
function messages(say) {
  return {
    saved: say("assessment.saved_note"),
    notSaved: {
      full: say("storage.not_saved.full"),
      blocked: say("storage.not_saved.blocked"),
      failed: say("storage.not_saved.failed"),
      conflict: say("storage.not_saved.conflict"),
      rescue: say("storage.not_saved.rescue"),
    },
    problem: {
      full: [say("storage.problem.full"), [say("storage.problem.full_export"), say("storage.problem.full_free")]],
      blocked: [say("storage.problem.blocked"), [say("storage.problem.blocked_why"), say("storage.problem.blocked_export"),
        say("storage.problem.blocked_allow")]],
      failed: [say("storage.problem.failed"), [say("storage.problem.failed_export")]],
    },
    exportAnswers: say("storage.export_answers"),
    savedSource: say("storage.saved_source"),
    savingAgain: say("storage.saving_again"),
    unreadable: say("storage.unreadable"),
    partlyUnreadable: (n) => say("storage.partly_unreadable", { count: n }),
    backupKept: say("storage.backup_kept"),
    backupFailed: say("storage.backup_failed"),
    downloadBackup: say("storage.download_backup"),
    downloadSavedText: say("storage.download_saved_text"),
    backupsKept: (n) => say("storage.backups_kept", { count: n }),
    updated: say("storage.updated"),
    cleared: say("storage.cleared"),
    conflict: say("storage.conflict"),
    conflictItems: [say("storage.conflict_load"), say("storage.conflict_keep")],
    loadOther: say("storage.load_other"),
    keepMine: say("storage.keep_mine"),
    loadedOther: say("storage.loaded_other"),
    keptMine: say("storage.kept_mine"),
    downloadedInstead: say("storage.downloaded_instead"),
    file: (key, values = {}) => say(key, { ...values, date: stamp() }),
  };
}

/** Starts keeping the answers. `view` is the page: {get(): the answers shown, show(answers), notes(read, source), exportAnswers()}. */
export function startKeeping(doc, root, data, view) {
  const MESSAGES = messages(tr(data));
  const { storage, problem: openProblem } = openStorage(doc.defaultView);
  const keys = storageKeys(data);
  const STORAGE_KEY = keys.answers;
  migrateLegacy(storage, keys);
  const keeper = createKeeper(storage, STORAGE_KEY);
  const note = root.querySelector(".mpl-assess__saved");
  const savedText = MESSAGES.saved;
  let problem = null;   // the last save's problem, null when saved
  let unsaved = false;  // this page shows changes that are not in storage
  let rescue = null;    // raw text that must be downloaded before it is overwritten (no backup could be written)

  const exportAction = [MESSAGES.exportAnswers, () => view.exportAnswers()];
  const setNote = () => { note.textContent = problem ? MESSAGES.notSaved[problem] : savedText; };
  // Says on arrival that backup copies are kept, with their download (without taking the focus).
  const mentionBackups = () => {
    const count = readBackup(storage, STORAGE_KEY).entries.length;
    if (count && !doc.getElementById("mpl-message").childElementCount) showMessage(doc, "warning", MESSAGES.backupsKept(count), [], [[MESSAGES.downloadBackup, downloadBackup]], { topic: "backup", focus: false });
  };
  function downloadBackup() {
    download(doc, MESSAGES.file("storage.file_backup"), backupText(STORAGE_KEY, readBackup(storage, STORAGE_KEY).entries), "application/json");
  }
  function alertProblem(extra = []) {
    const [title, items] = MESSAGES.problem[problem];
    showMessage(doc, "error", title, [...items, ...extra], [exportAction], { topic: "storage" });
  }

  // Keeps `text` aside before anything overwrites it; downloads it when storage cannot hold it.
  function keepAside(text, reason) {
    const kept = keepBackup(storage, STORAGE_KEY, text, reason);
    if (!kept.ok) download(doc, MESSAGES.file("storage.file_kept", { reason }), text, "application/json");
    return kept.ok;
  }

  // Reads saved text into the form; damaged text is backed up before anything can overwrite it.
  function restore(text) {
    if (text === null) return view.show(emptyAnswers(data));
    const read = salvageAnswers(text, data);
    view.show(read.answers);
    if (!read.problems.length) {
      if (read.warnings.length || read.answers.questionnaire_version !== data.version) view.notes(read, MESSAGES.savedSource);
      return;
    }
    const kept = keepBackup(storage, STORAGE_KEY, text, "unreadable");
    if (!kept.ok) rescue = text;
    const count = Object.keys(read.answers.answers).length + Object.keys(read.answers.retained || {}).length;
    const actions = kept.ok ? [[MESSAGES.downloadBackup, downloadBackup]]
      : [[MESSAGES.downloadSavedText, () => { download(doc, MESSAGES.file("storage.file_saved_text"), text, "text/plain"); rescue = null; save(); }]];
    showMessage(doc, "error", count ? MESSAGES.partlyUnreadable(count) : MESSAGES.unreadable,
      [...read.problems, ...read.warnings, kept.ok ? MESSAGES.backupKept : MESSAGES.backupFailed], [...actions, exportAction], { topic: "unreadable" });
    if (rescue !== null) { problem = "rescue"; setNote(); }
  }

  /** Saves the answers shown; returns true when they are saved. `extra`: lines to add to a storage alert. */
  function save({ announce = false, extra = [] } = {}) {
    const text = answersToJson(view.get());
    const result = rescue !== null ? { ok: false, problem: "rescue" } : keeper.save(text);
    const before = problem;
    unsaved = !result.ok;
    problem = result.ok ? null : result.problem;
    setNote();
    if (result.ok) {
      if (before && messageTopic(doc) === "storage") showMessage(doc, "success", MESSAGES.savingAgain, [], [], { topic: "storage" });
    } else if (problem === "conflict") {
      askWhichToKeep();
    } else if (problem !== "rescue" && (announce || before !== problem)) {
      alertProblem(extra);
    }
    return result.ok;
  }

  function askWhichToKeep() {
    if (messageTopic(doc) === "conflict") return;  // already asked: the choice applies to the latest answers
    showMessage(doc, "warning", MESSAGES.conflict, MESSAGES.conflictItems,
      [[MESSAGES.loadOther, loadOther], [MESSAGES.keepMine, keepMine], exportAction], { topic: "conflict" });
  }

  function loadOther() {
    const other = readKey(storage, STORAGE_KEY).text;
    const aside = keepAside(answersToJson(view.get()), "this-tab");
    keeper.accept(other);
    unsaved = false;
    problem = null;
    setNote();
    restore(other);
    if (messageTopic(doc) === "unreadable") return;
    showMessage(doc, "success", MESSAGES.loadedOther, aside ? [] : [MESSAGES.downloadedInstead], aside ? [[MESSAGES.downloadBackup, downloadBackup]] : [], { topic: "conflict-done" });
  }

  function keepMine() {
    const other = readKey(storage, STORAGE_KEY).text;
    const aside = other === null || keepAside(other, "other-tab");
    const written = keeper.write(answersToJson(view.get()));
    unsaved = !written.ok;
    problem = written.ok ? null : written.problem;
    setNote();
    if (!written.ok) return alertProblem();
    showMessage(doc, "success", MESSAGES.keptMine, aside ? [] : [MESSAGES.downloadedInstead], [[MESSAGES.downloadBackup, downloadBackup]], { topic: "conflict-done" });
  }

  // Another tab changed the saved answers.
  function heard(event) {
    if (!root.isConnected || (event.key !== STORAGE_KEY && event.key !== null)) return;
    const newValue = event.key === null ? readKey(storage, STORAGE_KEY).text : event.newValue;
    const decision = onOtherTab(newValue, keeper.base, unsaved);
    if (decision === "conflict") {
      problem = "conflict";
      setNote();
      return askWhichToKeep();
    }
    if (decision !== "adopt") return;
    keeper.accept(newValue);
    restore(newValue);
    // A message that still asks for something (a download, a choice) stays; the form shows the change anyway.
    if (!KEEP_SHOWING.includes(messageTopic(doc))) showMessage(doc, "success", newValue === null ? MESSAGES.cleared : MESSAGES.updated, [], [], { topic: "other-tab" });
  }

  /** Start again: clears the saved answers and their backup copies (the page then shows empty answers). */
  function clear() {
    const removed = keeper.clear();
    clearBackup(storage, STORAGE_KEY);
    rescue = null;
    unsaved = false;
    problem = removed.ok ? null : removed.problem;
    setNote();
  }

  onStorage = heard;
  const loaded = keeper.load();
  problem = openProblem || loaded.problem;
  setNote();
  restore(loaded.text);
  if (problem && problem !== "rescue") alertProblem();
  mentionBackups();
  return { save, clear, downloadBackup };
}

// One listener for the whole visit, whatever instant navigation does; it serves the page shown now.
let onStorage = null;
if (typeof window !== "undefined") window.addEventListener("storage", (event) => onStorage && onStorage(event));
