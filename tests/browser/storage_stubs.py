"""Init scripts that make this browser's localStorage full or blocked, for the browser tests."""

# Fails every write of the site's own keys while window.__full is true, as a full storage does.
FULL = """(() => { const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__full && String(key).startsWith('mpl-')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return set.call(this, key, value); }; })();"""

BLOCKED = {
    "access throws": "Object.defineProperty(window, 'localStorage', {configurable: true, get() {"
                     " throw new DOMException('The operation is insecure.', 'SecurityError'); }});",
    "storage is null": "Object.defineProperty(window, 'localStorage', {configurable: true, get() { return null; }});",
}
