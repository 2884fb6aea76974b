// Keeps texts in this browser's localStorage (never sent anywhere), and says why when it cannot.
// No DOM and no messages: every function takes the storage (window.localStorage, or any object with
// getItem, setItem and removeItem) and returns a problem code that the page puts into words:
//   "blocked"  the browser does not let the page store anything (private mode, site data blocked),
//   "full"     the storage is full (QuotaExceededError),
//   "failed"   a write did not keep the text, for another reason.
// Backups: before text that could not be read in full is overwritten, its raw copy goes to "<key>:backup":
//   {"format": "mpl-assessment-backup", "key": "<key>", "entries": [{"kept_at": "<ISO date>", "reason": "<code>", "text": "<raw>"}]}
// (oldest first, at most MAX_BACKUPS entries; the same text is never kept twice).
// Keys: each library names its own (data.json `storage`: {answers, snapshots, legacy: {answers, snapshots}}, from the
// site's id), so that two libraries served from one address never share answers. The keys of the first versions
// (legacy) are copied to the new ones while those are empty, and never deleted: nothing saved there is lost.
export const BACKUP_FORMAT = "mpl-assessment-backup";
export const MAX_BACKUPS = 10;
export const backupKey = (key) => `${key}:backup`;

/** {storage, problem}: this window's localStorage, or null and "blocked" when the browser refuses it. */
export function openStorage(win = globalThis) {
  try {
    const storage = win.localStorage;
    return storage ? { storage, problem: null } : { storage: null, problem: "blocked" };
  } catch (error) {
    return { storage: null, problem: "blocked" };
  }
}

/** The problem code of an error thrown by localStorage. */
export function problemOf(error) {
  const name = error && error.name;
  if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || (error && (error.code === 22 || error.code === 1014))) return "full";
  if (name === "SecurityError" || (error && error.code === 18)) return "blocked";
  return "failed";
}

/** {text, problem}: the text under `key` (null when there is none). */
export function readKey(storage, key) {
  if (!storage) return { text: null, problem: "blocked" };
  try {
    return { text: storage.getItem(key), problem: null };
  } catch (error) {
    return { text: null, problem: problemOf(error) };
  }
}

/** {ok, problem}: writes the text and reads it back, so that a write that kept nothing is never taken for a save. */
export function writeKey(storage, key, text) {
  if (!storage) return { ok: false, problem: "blocked" };
  try {
    storage.setItem(key, text);
    return storage.getItem(key) === text ? { ok: true, problem: null } : { ok: false, problem: "failed" };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

export function removeKey(storage, key) {
  if (!storage) return { ok: false, problem: "blocked" };
  try {
    storage.removeItem(key);
    return { ok: true, problem: null };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

// --- Backups of raw texts ---

/** {entries, problem}: the backup of `key`; an unreadable backup is itself kept, as one entry. */
export function readBackup(storage, key) {
  const { text, problem } = readKey(storage, backupKey(key));
  if (problem || text === null) return { entries: [], problem };
  try {
    const parsed = JSON.parse(text);
    const entries = parsed && Array.isArray(parsed.entries) ? parsed.entries.filter(isEntry) : null;
    if (entries && entries.length === parsed.entries.length) return { entries, problem: null };
  } catch (error) {
    // falls through: the backup text itself is kept whole
  }
  return { entries: [{ kept_at: "", reason: "unreadable-backup", text }], problem: null };
}

const isEntry = (e) => Boolean(e) && typeof e.text === "string" && typeof e.reason === "string" && typeof e.kept_at === "string";

/** {ok, problem, entries}: adds the raw text to the backup of `key` (nothing to do if it is already there). */
export function keepBackup(storage, key, text, reason, now = new Date()) {
  const read = readBackup(storage, key);
  if (read.problem) return { ok: false, problem: read.problem, entries: read.entries };
  if (read.entries.some((entry) => entry.text === text)) return { ok: true, problem: null, entries: read.entries };
  const entries = [...read.entries, { kept_at: now.toISOString(), reason, text }].slice(-MAX_BACKUPS);
  const written = writeKey(storage, backupKey(key), backupText(key, entries));
  return { ...written, entries: written.ok ? entries : read.entries };
}

/** The backup as the text of a file to download (the same JSON as in storage, indented). */
export function backupText(key, entries) {
  return JSON.stringify({ format: BACKUP_FORMAT, key, entries }, null, 2) + "\n";
}

export function clearBackup(storage, key) {
  return removeKey(storage, backupKey(key));
}

// --- Where this library keeps its answers and snapshots ---

const LEGACY = { answers: "mpl-assessment:answers", snapshots: "mpl-assessment:snapshots" };

/** {answers, snapshots, legacy}: the keys of data.json, or the first versions' keys when data.json names none. */
export function storageKeys(data) {
  const keys = (data && data.storage) || {};
  if (!keys.answers || !keys.snapshots) return { answers: LEGACY.answers, snapshots: LEGACY.snapshots, legacy: null };
  return { answers: keys.answers, snapshots: keys.snapshots, legacy: keys.legacy || null };
}

/** Copies what the legacy keys hold (and their backups) to this library's keys while those are empty; never deletes.
 * Returns the names of the keys copied. */
export function migrateLegacy(storage, keys) {
  const copied = [];
  if (!storage || !keys.legacy) return copied;
  for (const part of ["answers", "snapshots"]) {
    const from = keys.legacy[part];
    const to = keys[part];
    if (!from || from === to) continue;
    for (const [source, target] of [[from, to], [backupKey(from), backupKey(to)]]) {
      const old = readKey(storage, source);
      const now = readKey(storage, target);
      if (old.problem || now.problem || old.text === null || now.text !== null) continue;
      if (writeKey(storage, target, old.text).ok) copied.push(target);
    }
  }
  return copied;
}

/** The self-assessment's answers (the compare page only reads them). */
export function loadText(storage, key) {
  return readKey(storage, key).text;
}
