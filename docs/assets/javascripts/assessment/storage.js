// Keeps the answers in this browser's localStorage (never sent anywhere). Storage may be off: then nothing is kept.
export const STORAGE_KEY = "mpl-assessment:answers";

export function loadText(storage = globalThis.localStorage) {
  try {
    return storage.getItem(STORAGE_KEY);
  } catch (error) {
    return null;
  }
}

export function saveText(text, storage = globalThis.localStorage) {
  try {
    storage.setItem(STORAGE_KEY, text);
    return true;
  } catch (error) {
    return false;
  }
}

export function clear(storage = globalThis.localStorage) {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch (error) {
    // storage is off: there is nothing to clear
  }
}
