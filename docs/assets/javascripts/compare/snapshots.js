// Dated snapshots of the self-assessment answers, kept in the browser (localStorage), and their
// export and import as JSON. No DOM: `storage` is window.localStorage or any object with the same
// getItem/setItem methods. The self-assessment's own answers live under another key and are never touched.

export const SNAPSHOTS_KEY = "mpl-assessment:snapshots";
export const SNAPSHOTS_FORMAT = "mpl-assessment-snapshots";
export const MAX_SNAPSHOTS = 200;
export const MAX_LABEL = 200;
export const MAX_FILE_BYTES = 2_000_000;

// The saved snapshots, oldest first. Unreadable storage gives an empty list, never an exception.
export function loadSnapshots(storage) {
  let parsed;
  try {
    parsed = JSON.parse(storage.getItem(SNAPSHOTS_KEY) || "null");
  } catch {
    return [];
  }
  const list = parsed && Array.isArray(parsed.snapshots) ? parsed.snapshots : [];
  return list.filter(isSnapshot).sort((x, y) => x.saved_at.localeCompare(y.saved_at));
}

function store(storage, snapshots) {
  storage.setItem(SNAPSHOTS_KEY, JSON.stringify({ format: SNAPSHOTS_FORMAT, snapshots }));
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
export function saveSnapshot(storage, answers, label, now = new Date()) {
  const snapshot = { id: newId(now), label: cleanLabel(label), saved_at: now.toISOString(),
    answers: JSON.parse(JSON.stringify(answers)) };
  const list = loadSnapshots(storage);
  if (list.length >= MAX_SNAPSHOTS) throw new Error(`You can keep up to ${MAX_SNAPSHOTS} snapshots: delete one first.`);
  store(storage, [...list, snapshot]);
  return snapshot;
}

export function renameSnapshot(storage, id, label) {
  store(storage, loadSnapshots(storage).map((s) => (s.id === id ? { ...s, label: cleanLabel(label) } : s)));
}

export function deleteSnapshot(storage, id) {
  store(storage, loadSnapshots(storage).filter((s) => s.id !== id));
}

// A snapshot's name for people: its label, else its date.
export function snapshotName(snapshot) {
  const date = snapshot.saved_at.slice(0, 16).replace("T", " ");
  return snapshot.label ? `${snapshot.label} (${date})` : `Snapshot of ${date}`;
}

export function exportSnapshots(snapshots, now = new Date()) {
  return JSON.stringify({ format: SNAPSHOTS_FORMAT, exported_at: now.toISOString(), snapshots }, null, 2);
}

// Reads an exported snapshots file. Each snapshot's answers go through the self-assessment's own
// validation (parseAnswers); a bad snapshot is reported and the good ones are kept.
// Returns {ok, snapshots, errors}; ok is false when nothing usable was found.
export function parseSnapshotsFile(text, data, parseAnswers) {
  const errors = [];
  if (typeof text !== "string" || text.length > MAX_FILE_BYTES) {
    return { ok: false, snapshots: [], errors: ["The file is too large to be a snapshots file (over 2 MB)."] };
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, snapshots: [], errors: ["The file is not valid JSON: choose a snapshots file exported from this page."] };
  }
  if (!parsed || parsed.format !== SNAPSHOTS_FORMAT || !Array.isArray(parsed.snapshots)) {
    return { ok: false, snapshots: [], errors: [`The file is not a snapshots file (its "format" should be "${SNAPSHOTS_FORMAT}").`] };
  }
  const snapshots = [];
  parsed.snapshots.slice(0, MAX_SNAPSHOTS).forEach((s, i) => {
    const where = `Snapshot ${i + 1}`;
    if (!s || typeof s !== "object" || typeof s.saved_at !== "string" || Number.isNaN(Date.parse(s.saved_at))) {
      errors.push(`${where}: it has no valid "saved_at" date, so it was left out.`);
      return;
    }
    const checked = parseAnswers(JSON.stringify(s.answers ?? null), data);
    if (!checked.ok) {
      errors.push(`${where}: ${(checked.errors || ["its answers are not valid"]).join(" ")}`);
      return;
    }
    const saved = new Date(Date.parse(s.saved_at));
    snapshots.push({ id: typeof s.id === "string" && /^[\w-]{1,80}$/.test(s.id) ? s.id : newId(saved),
      label: cleanLabel(typeof s.label === "string" ? s.label : ""), saved_at: saved.toISOString(),
      answers: checked.answers });
  });
  if (parsed.snapshots.length > MAX_SNAPSHOTS) errors.push(`Only the first ${MAX_SNAPSHOTS} snapshots were read.`);
  return { ok: snapshots.length > 0, snapshots, errors };
}

// Adds imported snapshots to the saved ones; a snapshot already saved (same id) is not added twice.
// Returns how many were added.
export function importSnapshots(storage, imported) {
  const list = loadSnapshots(storage);
  const ids = new Set(list.map((s) => s.id));
  const added = imported.filter((s) => !ids.has(s.id)).slice(0, Math.max(0, MAX_SNAPSHOTS - list.length));
  store(storage, [...list, ...added]);
  return added.length;
}
