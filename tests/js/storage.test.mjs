// Storage access, backups of raw text, and saving without overwriting another tab's answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MAX_BACKUPS, backupKey, keepBackup, migrateLegacy, openStorage, problemOf, readBackup, readKey, storageKeys, writeKey,
} from "../../docs/assets/javascripts/assessment/storage.js";
import { STORAGE, data } from "./assessment-fixture.mjs";
import { createKeeper, onOtherTab } from "../../docs/assets/javascripts/assessment/keeper.js";
import { memoryStorage } from "./memory-storage.mjs";

const KEY = "mpl-assessment:answers";

test("full and blocked storage are told apart", () => {
  assert.equal(problemOf({ name: "QuotaExceededError" }), "full");
  assert.equal(problemOf({ name: "NS_ERROR_DOM_QUOTA_REACHED" }), "full");
  assert.equal(problemOf({ name: "SecurityError" }), "blocked");
  assert.equal(problemOf(new TypeError("x")), "failed");
  const throwing = Object.defineProperty({}, "localStorage", { get() { throw Object.assign(new Error("no"), { name: "SecurityError" }); } });
  assert.deepEqual(openStorage(throwing), { storage: null, problem: "blocked" });
  assert.deepEqual(openStorage({ localStorage: null }), { storage: null, problem: "blocked" });
  assert.deepEqual(readKey(null, KEY), { text: null, problem: "blocked" });
});

test("a write is a save only when the text is there afterwards", () => {
  const storage = memoryStorage();
  assert.deepEqual(writeKey(storage, KEY, "a"), { ok: true, problem: null });
  storage.full = true;
  assert.deepEqual(writeKey(storage, KEY, "b"), { ok: false, problem: "full" });
  assert.equal(storage.getItem(KEY), "a");
  const forgetful = { getItem: () => null, setItem: () => {} };  // drops every write without a word
  assert.deepEqual(writeKey(forgetful, KEY, "c"), { ok: false, problem: "failed" });
});

test("backups keep raw texts once each, oldest first, and keep an unreadable backup whole", () => {
  const storage = memoryStorage();
  assert.equal(keepBackup(storage, KEY, "{ broken", "unreadable", new Date("2026-01-01T00:00:00Z")).ok, true);
  assert.equal(keepBackup(storage, KEY, "{ broken", "unreadable").ok, true);
  assert.deepEqual(readBackup(storage, KEY).entries, [{ kept_at: "2026-01-01T00:00:00.000Z", reason: "unreadable", text: "{ broken" }]);
  for (let i = 0; i < MAX_BACKUPS + 3; i += 1) keepBackup(storage, KEY, `text ${i}`, "other-tab");
  const texts = readBackup(storage, KEY).entries.map((e) => e.text);
  assert.equal(texts.length, MAX_BACKUPS);
  assert.equal(texts.at(-1), `text ${MAX_BACKUPS + 2}`);
  storage.setItem(backupKey(KEY), "not json");
  keepBackup(storage, KEY, "new", "unreadable");
  assert.deepEqual(readBackup(storage, KEY).entries.map((e) => e.text), ["not json", "new"]);
  storage.full = true;
  assert.deepEqual(keepBackup(storage, KEY, "more", "unreadable").ok, false);
});

test("a save never writes over what another tab saved since this tab last read or wrote", () => {
  const storage = memoryStorage({ [KEY]: "first" });
  const keeper = createKeeper(storage, KEY);
  assert.equal(keeper.load().text, "first");
  assert.equal(keeper.save("mine 1").ok, true);
  storage.setItem(KEY, "theirs");  // another tab
  assert.deepEqual(keeper.save("mine 2"), { ok: false, problem: "conflict", other: "theirs" });
  assert.equal(storage.getItem(KEY), "theirs");
  assert.equal(keeper.write("mine 2").ok, true, "the person chose to keep this tab's answers");
  assert.equal(keeper.save("mine 3").ok, true);
  storage.setItem(KEY, "theirs again");
  keeper.accept("theirs again");  // this tab took the other tab's answers
  assert.equal(keeper.save("mine 4").ok, true);
  storage.full = true;
  assert.deepEqual(keeper.save("mine 5"), { ok: false, problem: "full", other: null });
  assert.equal(createKeeper(null, KEY).save("x").problem, "blocked");
});

test("another tab's change is shown when this tab has nothing unsaved, and asked about when both changed", () => {
  assert.equal(onOtherTab("same", "same", true), "ignore");
  assert.equal(onOtherTab("theirs", "mine", false), "adopt");
  assert.equal(onOtherTab(null, "mine", false), "adopt");
  assert.equal(onOtherTab("theirs", "mine", true), "conflict");
});

// --- Each library its own keys; the first versions' keys are copied, never deleted ---

test("the keys come from data.json, so that two libraries on one origin never share answers", () => {
  assert.deepEqual(storageKeys(data), STORAGE);
  const other = storageKeys({ storage: { answers: "other:assessment:answers", snapshots: "other:assessment:snapshots" } });
  assert.deepEqual(other, { answers: "other:assessment:answers", snapshots: "other:assessment:snapshots", legacy: null });
  assert.notEqual(other.answers, storageKeys(data).answers);
});

test("answers, snapshots and backups under the legacy keys are copied while the new keys are empty, and kept", () => {
  const storage = memoryStorage({ "mpl-assessment:answers": "old answers", "mpl-assessment:answers:backup": "old backup",
    "mpl-assessment:snapshots": "old snapshots" });
  assert.deepEqual(migrateLegacy(storage, STORAGE).sort(), [STORAGE.answers, backupKey(STORAGE.answers), STORAGE.snapshots].sort());
  assert.equal(storage.getItem(STORAGE.answers), "old answers");
  assert.equal(storage.getItem(backupKey(STORAGE.answers)), "old backup");
  assert.equal(storage.getItem(STORAGE.snapshots), "old snapshots");
  assert.equal(storage.getItem("mpl-assessment:answers"), "old answers", "the legacy key is never deleted");
  storage.setItem(STORAGE.answers, "new answers");
  storage.setItem("mpl-assessment:answers", "changed by an old tab");
  assert.deepEqual(migrateLegacy(storage, STORAGE), [], "a key that holds something is never written over");
  assert.equal(storage.getItem(STORAGE.answers), "new answers");
});

test("a library without legacy keys copies nothing, and full or blocked storage copies nothing without an error", () => {
  const storage = memoryStorage({ "mpl-assessment:answers": "someone else's" });
  assert.deepEqual(migrateLegacy(storage, { ...STORAGE, legacy: null }), []);
  assert.equal(storage.getItem(STORAGE.answers), null);
  storage.full = true;
  assert.deepEqual(migrateLegacy(storage, STORAGE), []);
  assert.deepEqual(migrateLegacy(null, STORAGE), []);
});
