// Unit tests of the pure comparison and aggregation functions (docs/assets/javascripts/compare/).
import { test } from "node:test";
import assert from "node:assert/strict";

import { combine, compareSnapshots, perspectiveLabels, readPerspectiveFiles, scorePerspective } from "../../docs/assets/javascripts/compare/compare.js";
import { answerLabel, normalisedValue, questionList } from "../../docs/assets/javascripts/compare/questions.js";
import {
  deleteSnapshot, exportSnapshots, importSnapshots, loadSnapshots, parseSnapshotsFile, readSnapshots, renameSnapshot,
  saveSnapshot,
} from "../../docs/assets/javascripts/compare/snapshots.js";
import { readBackup } from "../../docs/assets/javascripts/assessment/storage.js";
import { DATA, parseAnswers, score } from "./compare-fixture.mjs";
import { memoryStorage } from "./memory-storage.mjs";
import { tr } from "../../docs/assets/javascripts/assessment/strings.js";

const SNAPSHOTS_KEY = DATA.storage.snapshots;
// Where snapshots are kept: this library's key in a stand-in storage (`entries` seeds it).
const placeOf = (entries) => ({ storage: memoryStorage(entries), key: SNAPSHOTS_KEY });

const file = (answers, extra = {}) => ({ format: "mpl-assessment-answers", questionnaire_version: DATA.version,
  saved_at: "2026-01-01T00:00:00Z", profile: [], answers, ...extra });
const perspective = (label, answers, extra) => ({ label, file: file(answers, extra), dropped: [] });

test("questions are read with their scale options", () => {
  const q = questionList(DATA).find((x) => x.id === "q1");
  assert.deepEqual(q.options.map((o) => o.value), [0, 1, 2, 3]);
  const say = tr(DATA);
  assert.equal(answerLabel(q, { value: 2 }, say), "Usually");
  assert.equal(answerLabel(q, { status: "na", reason: "we fund only" }, say), "Not applicable: we fund only");
  assert.equal(answerLabel(q, { status: "dont-know" }, say), "Don't know");
  assert.equal(answerLabel(q, undefined, say), "Not answered");
  assert.equal(normalisedValue(q, { value: 3 }), 1);
  assert.equal(normalisedValue(q, { status: "dont-know" }), null);
});

test("comparing two snapshots lists changed answers and changed recommendations", () => {
  const before = file({ q1: { value: 0 }, q2: { value: 3 }, q3: { value: 1 } });
  const after = file({ q1: { value: 3 }, q2: { value: 0 }, q3: { value: 3 }, q4: { status: "dont-know" } });
  const result = compareSnapshots(DATA, before, after, score);
  assert.deepEqual(result.changedAnswers.map((c) => [c.question, c.before, c.after]), [
    ["q1", "Never", "Always"], ["q2", "Always", "Never"], ["q3", "Sometimes", "Always"], ["q4", "Not answered", "Don't know"]]);
  assert.deepEqual(result.newlyRecommended.map((r) => r.id), ["p-two"]);
  assert.deepEqual(result.noLongerRecommended.map((r) => r.id), ["p-one"]);
  const stage = result.stages.find((s) => s.id === "in-the-room");
  assert.equal(Math.round(stage.before), 33);
  assert.equal(stage.after, 100);
  assert.equal(Math.round(stage.change), 67);
});

test("identical snapshots have no changes", () => {
  const a = file({ q1: { value: 1 }, q4: { status: "na", reason: "x" } });
  const result = compareSnapshots(DATA, a, structuredClone(a), score);
  assert.deepEqual(result.changedAnswers, []);
  assert.deepEqual(result.newlyRecommended, []);
  assert.deepEqual(result.noLongerRecommended, []);
});

test("a changed not-applicable reason counts as a change", () => {
  const result = compareSnapshots(DATA, file({ q4: { status: "na", reason: "a" } }), file({ q4: { status: "na", reason: "b" } }), score);
  assert.deepEqual(result.changedAnswers.map((c) => c.question), ["q4"]);
});

test("the planted disagreement is ranked first, ties by number of perspectives", () => {
  const result = combine(DATA, [
    perspective("Commissioner", { q1: { value: 1 }, q2: { value: 0 }, q3: { value: 2 }, q4: { value: 1 } }),
    perspective("Facilitator", { q1: { value: 2 }, q2: { value: 3 }, q3: { value: 1 }, q4: { value: 2 } }),
    perspective("Assembly member", { q3: { value: 1 }, q4: { value: 0 } }),
  ], score);
  // q2 spreads over the whole scale; q4 over two thirds; q1 and q3 over one third, q3 answered by more.
  assert.deepEqual(result.disagreements.map((d) => d.question), ["q2", "q4", "q3", "q1"]);
  const first = result.disagreements[0];
  assert.equal(first.spread, 1);
  assert.deepEqual(first.answers.map((a) => a.answer), ["Never", "Always", "Not answered"]);
});

test("combined stage scores are the mean of the perspectives' scores, each counted once", () => {
  const result = combine(DATA, [
    perspective("A", { q1: { value: 3 }, q2: { value: 3 } }),
    perspective("B", { q1: { value: 0 } }),
    perspective("C", { q1: { status: "dont-know" } }),
  ], score);
  const stage = result.stages.find((s) => s.id === "recruitment");
  assert.deepEqual(stage.scores, [100, 0, null]);
  assert.equal(stage.combined, 50);
  assert.deepEqual(stage.missing, ["C"]);
});

test("a recommendation from one perspective of three is kept and marked minority", () => {
  const result = combine(DATA, [
    perspective("A", { q1: { value: 0 }, q2: { value: 0 } }),
    perspective("B", { q1: { value: 0 }, q2: { value: 3 } }),
    perspective("C", { q1: { value: 0 }, q2: { value: 3 } }),
  ], score);
  assert.deepEqual(result.recommendations.map((r) => [r.id, r.support, r.minority]), [["p-one", 3, false], ["p-two", 1, true]]);
  assert.deepEqual(result.recommendations[1].supportedBy, ["A"]);
  assert.equal(result.recommendations[1].reasons[0].perspective, "A");
});

test("equal support is ranked by the need added up; exactly half is not a minority", () => {
  const result = combine(DATA, [
    perspective("A", { q1: { value: 3 }, q2: { value: 0 } }),
    perspective("B", { q1: { value: 1 }, q2: { value: 3 } }),
    perspective("C", { q1: { value: 3 }, q2: { value: 3 } }),
    perspective("D", { q1: { value: 3 }, q2: { value: 3 } }),
  ], score);
  // p-one: B's "Sometimes" on a high question, 2/3 x 1; p-two: A's "Never" on a low question, 1 x 0.5.
  assert.deepEqual(result.recommendations.map((r) => [r.id, r.support, r.need, r.minority]),
    [["p-one", 1, 0.666667, true], ["p-two", 1, 0.5, true]]);
  const half = combine(DATA, [perspective("A", { q1: { value: 0 } }), perspective("B", { q1: { value: 3 } })], score);
  assert.deepEqual(half.recommendations.map((r) => [r.id, r.need, r.minority]), [["p-one", 1, false]]);
});

test("perspectives scored beforehand (as the combine page scores each file when it is read) combine the same", () => {
  const plain = [perspective("A", { q1: { value: 0 }, q2: { value: 1 } }), perspective("B", { q1: { value: 3 }, q2: { status: "dont-know" } })];
  const scored = plain.map((p) => ({ ...p, scored: scorePerspective(DATA, p.file, score) }));
  let calls = 0;
  const counted = (...args) => { calls += 1; return score(...args); };
  assert.deepEqual(combine(DATA, scored, counted), combine(DATA, plain, score));
  assert.equal(calls, 0, "a perspective scored beforehand is not scored again");
});

test("not applicable and don't know are reported per perspective", () => {
  const result = combine(DATA, [
    perspective("A", { q1: { status: "na", reason: "we only fund" } }),
    perspective("B", { q1: { status: "dont-know" }, q2: { status: "dont-know" } }),
  ], score);
  assert.deepEqual(result.notApplicable.map((p) => [p.perspective, p.items.map((i) => i.question)]), [["A", ["q1"]], ["B", []]]);
  assert.deepEqual(result.dontKnow.map((p) => [p.perspective, p.items.map((i) => i.question)]), [["A", []], ["B", ["q1", "q2"]]]);
});

test("files on another questionnaire version combine on shared questions; the rest is reported", () => {
  const files = [
    { name: "old.json", text: JSON.stringify(file({ q1: { value: 3 }, gone: { value: 1 } }, { questionnaire_version: "0.9.0", perspective: "Recruiter" })) },
    { name: "new.json", text: JSON.stringify(file({ q1: { value: 0 } })) },
  ];
  const read = readPerspectiveFiles(DATA, files, parseAnswers);
  assert.deepEqual(read.refused, []);
  const result = combine(DATA, read.accepted, score);
  assert.deepEqual(result.versions.map((v) => [v.perspective, v.version, v.current, v.leftOut]),
    [["Recruiter", "0.9.0", false, ["gone"]], ["new", DATA.version, true, []]]);
  assert.equal(result.disagreements[0].question, "q1");
  assert.equal(result.disagreements[0].spread, 1);
});

test("malformed and hostile files are refused while the others combine", () => {
  const good = JSON.stringify(file({ q1: { value: 1 } }, { perspective: "Facilitator" }));
  const read = readPerspectiveFiles(DATA, [
    { name: "a.json", text: good },
    { name: "broken.json", text: "{not json" },
    { name: "evil.json", text: JSON.stringify({ format: "mpl-assessment-answers", answers: { "<img src=x onerror=alert(1)>": { value: "<script>" } } }) },
    { name: "huge.json", text: "x".repeat(1_000_001) },
    { name: "huge-unread.json", text: null, size: 5_000_000 },
    { name: "unreadable.json", text: null, size: 10 },
    { name: "b.json", text: good },
  ], parseAnswers);
  assert.deepEqual(read.accepted.map((a) => a.label), ["Facilitator", "Facilitator (2)"]);
  assert.deepEqual(read.refused.map((r) => r.name), ["broken.json", "evil.json", "huge.json", "huge-unread.json", "unreadable.json"]);
  assert.match(read.refused[3].errors[0], /too large/);
  assert.match(read.refused[4].errors[0], /could not be read/);
  for (const r of read.refused) assert.ok(r.errors.length > 0 && r.errors.every((e) => typeof e === "string" && e.length > 10));
  assert.equal(combine(DATA, read.accepted, score).perspectives.length, 2);
});

test("perspective labels fall back to the file name and are made unique", () => {
  assert.deepEqual(perspectiveLabels([{ perspective: " ", fileName: "jo.json" }, { fileName: "jo.JSON" }, { perspective: "Funder" }, {}], tr(DATA)),
    ["jo", "jo (2)", "Funder", "Perspective"]);
});

test("snapshots are saved, listed oldest first, renamed and deleted", () => {
  const place = placeOf();
  const first = saveSnapshot(place, file({ q1: { value: 1 } }), "  before   the   meeting ", new Date("2026-01-01T10:00:00Z"));
  const second = saveSnapshot(place, file({ q1: { value: 2 } }), "", new Date("2026-02-01T10:00:00Z"));
  assert.deepEqual(loadSnapshots(place).map((s) => s.label), ["before the meeting", ""]);
  renameSnapshot(place, second.id, "after");
  assert.deepEqual(loadSnapshots(place).map((s) => s.label), ["before the meeting", "after"]);
  deleteSnapshot(place, first.id);
  assert.deepEqual(loadSnapshots(place).map((s) => s.id), [second.id]);
  assert.deepEqual([...place.storage.map.keys()], [SNAPSHOTS_KEY], "kept under this library's key only");
});

test("corrupt snapshot storage reads as empty", () => {
  assert.deepEqual(loadSnapshots(placeOf({ [SNAPSHOTS_KEY]: "{oops" })), []);
});

test("snapshots export and import back; bad snapshots are reported and good ones kept", () => {
  const place = placeOf();
  saveSnapshot(place, file({ q1: { value: 1 } }), "one", new Date("2026-01-01T10:00:00Z"));
  const text = exportSnapshots(loadSnapshots(place));
  const parsed = JSON.parse(text);
  parsed.snapshots.push({ id: "bad", label: "<b>x</b>", saved_at: "2026-03-01T00:00:00Z", answers: { format: "nope" } });
  parsed.snapshots.push({ id: "nodate", label: "y", answers: file({}) });
  const read = parseSnapshotsFile(JSON.stringify(parsed), DATA, parseAnswers);
  assert.equal(read.ok, true);
  assert.equal(read.snapshots.length, 1);
  assert.equal(read.errors.length, 2);
  const other = placeOf();
  assert.equal(importSnapshots(other, read.snapshots), 1);
  assert.equal(importSnapshots(other, read.snapshots), 0, "the same snapshot is not imported twice");
  assert.deepEqual(loadSnapshots(other)[0].answers.answers, { q1: { value: 1 } });
  assert.equal(parseSnapshotsFile("[]", DATA, parseAnswers).ok, false);
  assert.equal(parseSnapshotsFile("nope", DATA, parseAnswers).ok, false);
});

test("files with answers kept aside from another version compare and combine on the questions they share", () => {
  const text = JSON.stringify(file({ q1: { value: 0 } }, { questionnaire_version: "0.9.0", retained: { "old-q": { value: 2 } } }));
  const read = readPerspectiveFiles(DATA, [{ name: "old.json", text }, { name: "new.json", text: JSON.stringify(file({ q1: { value: 3 } })) }], parseAnswers);
  assert.deepEqual(read.refused, []);
  assert.deepEqual(read.accepted[0].file.retained, { "old-q": { value: 2 } });
  const result = combine(DATA, read.accepted, score);
  assert.deepEqual(result.versions.map((v) => v.leftOut), [["old-q"], []]);
  const compared = compareSnapshots(DATA, read.accepted[0].file, read.accepted[1].file, score);
  assert.deepEqual(compared.changedAnswers.map((c) => c.question), ["q1"]);
});

const stored = (snapshots) => JSON.stringify({ format: "mpl-assessment-snapshots", snapshots });
const snap = (id, savedAt) => ({ id, label: id, saved_at: savedAt, answers: file({ q1: { value: 1 } }) });

test("unreadable snapshots are counted, readable ones kept, and the raw text backed up before the next write", () => {
  const raw = stored([snap("a", "2026-01-01T00:00:00Z"), { id: "broken", saved_at: 5 }, null, snap("b", "2026-02-01T00:00:00Z")]);
  const place = placeOf({ [SNAPSHOTS_KEY]: raw });
  const read = readSnapshots(place);
  assert.deepEqual([read.snapshots.map((s) => s.id), read.unreadable, read.damaged], [["a", "b"], 2, true]);
  saveSnapshot(place, file({ q1: { value: 2 } }), "new", new Date("2026-03-01T00:00:00Z"));
  assert.deepEqual(readBackup(place.storage, SNAPSHOTS_KEY).entries.map((e) => e.text), [raw]);
  assert.deepEqual(loadSnapshots(place).map((s) => s.label), ["a", "b", "new"]);
  assert.equal(readSnapshots(place).damaged, false);
});

test("snapshots saved text cut short keeps the snapshots before the cut", () => {
  const whole = stored([snap("a", "2026-01-01T00:00:00Z"), snap("b {x}", "2026-02-01T00:00:00Z"), snap("c", "2026-03-01T00:00:00Z")]);
  const cut = whole.slice(0, whole.lastIndexOf('"label"'));
  const read = readSnapshots(placeOf({ [SNAPSHOTS_KEY]: cut }));
  assert.deepEqual([read.snapshots.map((s) => s.id), read.unreadable, read.damaged], [["a", "b {x}"], 1, true]);
  const garbled = readSnapshots(placeOf({ [SNAPSHOTS_KEY]: "{oops" }));
  assert.deepEqual([garbled.snapshots, garbled.damaged], [[], true]);
});

test("a write into full storage throws a plain problem and changes nothing", () => {
  const place = placeOf();
  const first = saveSnapshot(place, file({ q1: { value: 1 } }), "kept");
  const before = place.storage.getItem(SNAPSHOTS_KEY);
  place.storage.full = true;
  for (const write of [() => saveSnapshot(place, file({}), "x"), () => renameSnapshot(place, first.id, "y"),
    () => deleteSnapshot(place, first.id), () => importSnapshots(place, [snap("z", "2026-01-01T00:00:00Z")])]) {
    assert.throws(write, (error) => error.problem === "full");
  }
  assert.equal(place.storage.getItem(SNAPSHOTS_KEY), before);
  // Unreadable snapshots with no room for their backup: nothing is written over them.
  const damaged = placeOf({ [SNAPSHOTS_KEY]: "{oops" });
  damaged.storage.full = true;
  assert.throws(() => saveSnapshot(damaged, file({}), "x"), (error) => error.problem === "backup-full");
  assert.equal(damaged.storage.getItem(SNAPSHOTS_KEY), "{oops");
  assert.throws(() => saveSnapshot({ storage: null, key: SNAPSHOTS_KEY }, file({}), "x"), (error) => error.problem === "blocked");
});
