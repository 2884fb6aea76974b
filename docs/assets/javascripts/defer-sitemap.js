// mkdocs-material's instant navigation fetches sitemap.xml as soon as a page loads (to know which links it may
// take over), and reading it is one long task on the main thread (about 160 ms at 5,000 entries). Hold that
// request back until the visitor first moves the pointer, touches the screen, uses a key or moves the focus;
// until then a click is an ordinary page load. Using a search field does not count: search does not need the
// sitemap (search.js opens the search page by instant navigation without it), and the task would delay the
// first results. Listed under `extra: polyfills:`, so it runs before the theme's bundle. Every other request
// goes out untouched; if the theme ever stops using XMLHttpRequest for it, this does nothing.
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

  function release(event) {
    if (released || (event && event.target && event.target.type === "search")) return;
    released = true;
    events.forEach(function (name) { removeEventListener(name, release, true); });
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }
  events.forEach(function (name) { addEventListener(name, release, { capture: true, passive: true }); });
})();
