// Dated snapshots of the self-assessment answers, kept in the browser (localStorage), and their
// export and import as JSON. No DOM: `place` is {storage, key}: window.localStorage (or any object with the same
// getItem/setItem methods) and this library's key for snapshots (data.json `storage.snapshots`).
// The self-assessment's own answers live under another key and are never touched.
// Nothing saved is lost: snapshots that cannot be read are counted, and before any write replaces them the
// raw saved text is kept in "<key>:backup" (see assessment/storage.js). A write that fails throws an error
// whose `problem` says why: "full", "blocked", "failed", "backup-full" (no room for the backup), "limit".
import { keepBackup, readKey, writeKey } from "../assessment/storage.js";
import { tr } from "../assessment/strings.js";

export const SNAPSHOTS_FORMAT = "mpl-assessment-snapshots";
export const MAX_SNAPSHOTS = 200;
export const MAX_LABEL = 200;
export const MAX_FILE_BYTES = 2_000_000;

export function storageError(problem) {
  return Object.assign(new Error(problem), { problem });
}

// {snapshots (oldest first), unreadable, damaged, raw, problem}: `unreadable` counts the snapshots that could
// not be read, `damaged` is true when the saved text holds anything that the next write would not keep.
export function readSnapshots(place) {
  const { text, problem } = readKey(place.storage, place.key);
  if (problem || text === null) return { snapshots: [], unreadable: 0, damaged: false, raw: null, problem };
  let items;
  let damaged = false;
  try {
    const parsed = JSON.parse(text);
    items = parsed && typeof parsed === "object" && Array.isArray(parsed.snapshots) ? parsed.snapshots : null;
  } catch {
    items = scanArrayItems(text, "snapshots");
  }
  if (!items) {
    items = [];
    damaged = true;
  }
  const snapshots = items.filter(isSnapshot).sort((x, y) => x.saved_at.localeCompare(y.saved_at));
  const unreadable = items.length - snapshots.length;
  return { snapshots, unreadable, damaged: damaged || unreadable > 0, raw: text, problem: null };
}

// The saved snapshots, oldest first. Unreadable storage gives an empty list, never an exception.
export function loadSnapshots(place) {
  return readSnapshots(place).snapshots;
}

// Writes the list; the raw text read before is backed up first when it held anything unreadable.
function store(place, snapshots, read) {
  if (read.damaged) {
    const kept = keepBackup(place.storage, place.key, read.raw, "unreadable");
    if (!kept.ok) throw storageError(`backup-${kept.problem}`);
  }
  const written = writeKey(place.storage, place.key, JSON.stringify({ format: SNAPSHOTS_FORMAT, snapshots }));
  if (!written.ok) throw storageError(written.problem);
}

// The list read for a change; a storage that cannot be read is never written over.
function readForChange(place) {
  const read = readSnapshots(place);
  if (read.problem) throw storageError(read.problem);
  return read;
}

// The object elements of the array `"<name>": [...]` in text that is cut short or garbled: each complete one
// parsed (null when it is not valid JSON), and null for the one the text stops in. Null when there is no such array.
export function scanArrayItems(text, name) {
  const start = new RegExp(`"${name}"\\s*:\\s*\\[`).exec(text);
  if (!start) return null;
  const items = [];
  let depth = 0;
  let from = -1;
  let inString = false;
  for (let i = start.index + start[0].length; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "{" || c === "[") {
      if (depth === 0) from = i;
      depth += 1;
    } else if (c === "}" || c === "]") {
      if (depth === 0) return items;  // the end of the array
      depth -= 1;
      if (depth === 0) {
        items.push(parseOrNull(text.slice(from, i + 1)));
        from = -1;
      }
    }
  }
  if (depth > 0) items.push(null);  // the element the text stops in
  return items;
}

function parseOrNull(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isSnapshot(s) {
  return Boolean(s) && typeof s === "object" && typeof s.id === "string" && typeof s.saved_at === "string" &&
    typeof s.label === "string" && Boolean(s.answers) && typeof s.answers === "object";
}

function cleanLabel(label) {
  return String(label || "").replace(/\s+/g, " ").trim().slice(0, MAX_LABEL);
}

function newId(now) {
  const random = Math.random().toString(36).slice(2, 8);
  return `snapshot-${now.getTime().toString(36)}-${random}`;
}

// Saves a copy of the answers object as a new snapshot; returns it.
export function saveSnapshot(place, answers, label, now = new Date()) {
  const snapshot = { id: newId(now), label: cleanLabel(label), saved_at: now.toISOString(),
    answers: JSON.parse(JSON.stringify(answers)) };
  const read = readForChange(place);
  if (read.snapshots.length >= MAX_SNAPSHOTS) throw storageError("limit");
  store(place, [...read.snapshots, snapshot], read);
  return snapshot;
}

export function renameSnapshot(place, id, label) {
  const read = readForChange(place);
  store(place, read.snapshots.map((s) => (s.id === id ? { ...s, label: cleanLabel(label) } : s)), read);
}

export function deleteSnapshot(place, id) {
  const read = readForChange(place);
  store(place, read.snapshots.filter((s) => s.id !== id), read);
}

// A snapshot's name for people: its label, else its date. `say`: the interface strings (strings.js tr(data)).
export function snapshotName(snapshot, say) {
  const date = snapshot.saved_at.slice(0, 16).replace("T", " ");
  return snapshot.label ? say("compare.snapshot_name", { label: snapshot.label, date }) : say("compare.snapshot_unnamed", { date });
}

export function exportSnapshots(snapshots, now = new Date()) {
  return JSON.stringify({ format: SNAPSHOTS_FORMAT, exported_at: now.toISOString(), snapshots }, null, 2);
}

// Reads an exported snapshots file. Each snapshot's answers go through the self-assessment's own
// validation (parseAnswers); a bad snapshot is reported and the good ones are kept.
// Returns {ok, snapshots, errors}; ok is false when nothing usable was found.
export function parseSnapshotsFile(text, data, parseAnswers) {
  const say = tr(data);
  const errors = [];
  if (typeof text !== "string" || text.length > MAX_FILE_BYTES) {
    return { ok: false, snapshots: [], errors: [say("compare.error.too_large")] };
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, snapshots: [], errors: [say("compare.error.not_json")] };
  }
  if (!parsed || parsed.format !== SNAPSHOTS_FORMAT || !Array.isArray(parsed.snapshots)) {
    return { ok: false, snapshots: [], errors: [say("compare.error.not_snapshots", { format: SNAPSHOTS_FORMAT })] };
  }
  const snapshots = [];
  parsed.snapshots.slice(0, MAX_SNAPSHOTS).forEach((s, i) => {
    if (!s || typeof s !== "object" || typeof s.saved_at !== "string" || Number.isNaN(Date.parse(s.saved_at))) {
      errors.push(say("compare.error.no_date", { number: i + 1 }));
      return;
    }
    const checked = parseAnswers(JSON.stringify(s.answers ?? null), data);
    if (!checked.ok) {
      errors.push(say("compare.error.bad_answers", { number: i + 1, errors: (checked.errors || []).join(" ") }));
      return;
    }
    const saved = new Date(Date.parse(s.saved_at));
    snapshots.push({ id: typeof s.id === "string" && /^[\w-]{1,80}$/.test(s.id) ? s.id : newId(saved),
      label: cleanLabel(typeof s.label === "string" ? s.label : ""), saved_at: saved.toISOString(),
      answers: checked.answers });
  });
  if (parsed.snapshots.length > MAX_SNAPSHOTS) errors.push(say("compare.error.only_first", { count: MAX_SNAPSHOTS }));
  return { ok: snapshots.length > 0, snapshots, errors };
}

// Adds imported snapshots to the saved ones; a snapshot already saved (same id) is not added twice.
// Returns how many were added.
export function importSnapshots(place, imported) {
  const read = readForChange(place);
  const ids = new Set(read.snapshots.map((s) => s.id));
  const added = imported.filter((s) => !ids.has(s.id)).slice(0, Math.max(0, MAX_SNAPSHOTS - read.snapshots.length));
  store(place, [...read.snapshots, ...added], read);
  return added.length;
}
