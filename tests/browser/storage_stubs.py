"""Init scripts that make this browser's localStorage full or blocked, for the browser tests."""

# Fails every write of the assessment's keys (each library's own, "<id>:assessment:...", or the first versions' "mpl-...")
# while window.__full is true, as a full storage does.
FULL = """(() => { const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__full && /:assessment:|^mpl-/.test(String(key))) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return set.call(this, key, value); }; })();"""

BLOCKED = {
    "access throws": "Object.defineProperty(window, 'localStorage', {configurable: true, get() {"
                     " throw new DOMException('The operation is insecure.', 'SecurityError'); }});",
    "storage is null": "Object.defineProperty(window, 'localStorage', {configurable: true, get() { return null; }});",
}
