// A stand-in for window.localStorage: `full` makes every write throw QuotaExceededError, as a full storage does.
export function memoryStorage(entries = {}) {
  const map = new Map(Object.entries(entries));
  return {
    full: false,
    map,
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem(key, value) {
      if (this.full) throw Object.assign(new Error("The quota has been exceeded."), { name: "QuotaExceededError" });
      map.set(key, String(value));
    },
    removeItem: (key) => map.delete(key),
  };
}
