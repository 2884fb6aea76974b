// Saving one text under one key without overwriting what another tab saved meanwhile. No DOM, no messages.
// `base` is the text this tab last read from or wrote to the key: when the key holds something else at the
// next save, another tab (or window) changed it, and this tab does not write over it: it reports a conflict.
import { readKey, writeKey, removeKey } from "./storage.js";

export function createKeeper(storage, key) {
  let base = null;
  return {
    get base() { return base; },
    /** {text, problem}: reads the key and remembers what it held. */
    load() {
      const read = readKey(storage, key);
      if (!read.problem) base = read.text;
      return read;
    },
    /** {ok, problem, other}: writes `text` unless another tab changed the key (problem "conflict", other = its text). */
    save(text) {
      const now = readKey(storage, key);
      if (now.problem) return { ok: false, problem: now.problem, other: null };
      if (now.text === text) {
        base = text;
        return { ok: true, problem: null, other: null };
      }
      if (now.text !== base) return { ok: false, problem: "conflict", other: now.text };
      return this.write(text);
    },
    /** Writes whatever the key holds (the person chose to keep this tab's answers). */
    write(text) {
      const written = writeKey(storage, key, text);
      if (written.ok) base = text;
      return { ...written, other: null };
    },
    clear() {
      const removed = removeKey(storage, key);
      if (removed.ok) base = null;
      return removed;
    },
    /** This tab now shows what the key holds (it took the other tab's answers). */
    accept(text) { base = text; },
  };
}

/** What to do when another tab changed the key to `newValue`:
 * "ignore" (this tab already knows it), "adopt" (show it: this tab has nothing unsaved) or "conflict" (both changed). */
export function onOtherTab(newValue, base, unsaved) {
  if (newValue === base) return "ignore";
  return unsaved ? "conflict" : "adopt";
}
