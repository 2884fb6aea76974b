// mkdocs-material's instant navigation fetches sitemap.xml as soon as a page loads (to know which links it may
// take over). Hold that one request back until the visitor first moves the pointer, touches the screen, uses a
// key or moves the focus; until then a click is an ordinary page load. Listed under `extra: polyfills:`, so
// it runs before the theme's bundle. Every other request goes out untouched.
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var events = ["pointermove", "pointerdown", "keydown", "touchstart", "focusin"];
  var held = [], released = false;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.mplSitemap = /\/sitemap\.xml$/.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.mplSitemap && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    events.forEach(function (name) { removeEventListener(name, release, true); });
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }
  events.forEach(function (name) { addEventListener(name, release, { capture: true, passive: true }); });
})();
