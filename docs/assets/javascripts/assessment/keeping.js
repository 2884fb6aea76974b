// Keeps the self-assessment's answers in this browser without losing any: restores what was saved (salvaging
// damaged text, with a raw backup first), saves after every change and says at once when a save fails (full or
// blocked storage), and follows another tab's changes (asking when both tabs changed the answers).
import { emptyAnswers, salvageAnswers } from "./scoring.js";
import { answersToJson } from "./report.js";
import { createKeeper, onOtherTab } from "./keeper.js";
import { STORAGE_KEY, backupText, clearBackup, keepBackup, openStorage, readBackup, readKey } from "./storage.js";
import { download, messageTopic, showMessage, stamp } from "./notices.js";

const KEEP_SHOWING = ["unreadable", "replace", "conflict", "storage", "backup"];

// Every text of this file, in one place.
export const MESSAGES = {
  saved: "Saved in this browser only, after every change.",
  notSaved: {
    full: "Not saved: this browser's storage is full.",
    blocked: "Not saved: this browser does not let this page store your answers.",
    failed: "Not saved: this browser did not keep your answers.",
    conflict: "Not saved yet: your answers were also changed in another tab. Choose which to keep.",
    rescue: "Not saved yet: first download the saved answers that could not be read.",
  },
  problem: {
    full: ["Your answers are not being saved: this browser's storage is full.", [
      "Export your answers to a file now to keep them. You can import the file later.",
      "To save in this browser again, free some space: remove data that other websites stored, in your browser's settings. Saving starts again with your next change.",
    ]],
    blocked: ["Your answers cannot be saved: this browser does not let this page store anything.", [
      "This happens in some private windows, or when a browser blocks cookies and site data.",
      "Export your answers to a file before you close this page, and import the file next time.",
      "Or allow this site to store data in your browser's settings, then reload the page.",
    ]],
    failed: ["Your answers are not being saved: this browser did not keep them.", [
      "Export your answers to a file now to keep them. Saving is tried again with your next change.",
    ]],
  },
  exportAnswers: "Export answers",
  savedSource: "Your saved answers",
  savingAgain: "Your answers are being saved in this browser again.",
  unreadable: "Your saved answers could not be read, so no answer could be restored:",
  partlyUnreadable: (n) => `Some of your saved answers could not be read. The ${n} answer${n === 1 ? "" : "s"} that could be read ${n === 1 ? "is" : "are"} kept:`,
  backupKept: "A copy of the saved text, exactly as it was, is kept in this browser: download it to keep it as a file.",
  backupFailed: "A copy of the saved text could not be kept in this browser: download it now. Your changes are saved only after that.",
  downloadBackup: "Download the backup",
  downloadSavedText: "Download the saved text",
  backupsKept: (n) => `${n === 1 ? "A backup copy" : `${n} backup copies`} of earlier saved answers ${n === 1 ? "is" : "are"} kept in this browser. Start again clears ${n === 1 ? "it" : "them"}.`,
  updated: "Your answers were updated with the changes made in another tab.",
  cleared: "Your answers were cleared in another tab.",
  conflict: "Your answers were changed in another tab too, and the changes on this page are not saved yet. Which answers do you want to keep?",
  conflictItems: [
    "Load the other tab's answers: the answers on this page are kept as a backup copy.",
    "Keep the answers on this page: the other tab's answers are kept as a backup copy, and the other tab then shows these.",
  ],
  loadOther: "Load the other tab's answers",
  keepMine: "Keep the answers on this page",
  loadedOther: "The other tab's answers are loaded. The answers this page had are kept as a backup copy.",
  keptMine: "The answers on this page are kept and saved. The other tab's answers are kept as a backup copy.",
  downloadedInstead: "The backup copy could not be kept in this browser, so it was downloaded as a file.",
};

/** Starts keeping the answers. `view` is the page: {get(): the answers shown, show(answers), notes(read, source), exportAnswers()}. */
export function startKeeping(doc, root, data, view) {
  const { storage, problem: openProblem } = openStorage(doc.defaultView);
  const keeper = createKeeper(storage, STORAGE_KEY);
  const note = root.querySelector(".mpl-assess__saved");
  const savedText = note.textContent.trim() || MESSAGES.saved;  // the page's own wording of "saved"
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
    download(doc, `self-assessment-backup-${stamp()}.json`, backupText(STORAGE_KEY, readBackup(storage, STORAGE_KEY).entries), "application/json");
  }
  function alertProblem(extra = []) {
    const [title, items] = MESSAGES.problem[problem];
    showMessage(doc, "error", title, [...items, ...extra], [exportAction], { topic: "storage" });
  }

  // Keeps `text` aside before anything overwrites it; downloads it when storage cannot hold it.
  function keepAside(text, reason) {
    const kept = keepBackup(storage, STORAGE_KEY, text, reason);
    if (!kept.ok) download(doc, `self-assessment-${reason}-${stamp()}.json`, text, "application/json");
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
      : [[MESSAGES.downloadSavedText, () => { download(doc, `self-assessment-saved-text-${stamp()}.txt`, text, "text/plain"); rescue = null; save(); }]];
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
