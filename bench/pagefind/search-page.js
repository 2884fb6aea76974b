// Search with Pagefind, on the search page only (search.md: <div id="mpl-search">). A classic script on every
// page (a few hundred bytes): it loads Pagefind's Component UI when the search page is shown, on a first load
// or after an instant navigation (document$), and runs the query of search.html?q=... from the header box.
(function () {
  "use strict";
  var root = new URL("../../", document.currentScript.src); // this file is assets/javascripts/search-page.js
  var bundle = new URL("pagefind/", root).pathname;
  var loading = null;

  function load() {
    loading = loading || new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = bundle + "pagefind-component-ui.css";
      document.head.appendChild(css);
      var js = document.createElement("script");
      js.src = bundle + "pagefind-component-ui.js";
      js.onload = resolve;
      js.onerror = function () { loading = null; reject(new Error("Pagefind did not load")); };
      document.head.appendChild(js);
    });
    return loading;
  }

  function show() {
    var box = document.getElementById("mpl-search");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "yes";
    var note = box.innerHTML;
    box.innerHTML = '<pagefind-config bundle-path="' + bundle + '" base-url="' + root.pathname + '"></pagefind-config>' +
      '<pagefind-input placeholder="Search the library" debounce="150" autofocus></pagefind-input>' +
      "<pagefind-summary></pagefind-summary><pagefind-results max-results=\"30\"></pagefind-results>";
    load().then(function () {
      var query = new URLSearchParams(location.search).get("q");
      var input = box.querySelector("pagefind-input input");
      if (query && input) {
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }, function () {
      box.innerHTML = note; // from file:// or without the index: say where the entries are listed
    });
  }

  // While a visitor types in the header box, fetch what the search page will need (into the HTTP cache).
  var prefetched = false;
  function prefetch(event) {
    if (prefetched || !event.target.matches || !event.target.matches("#mpl-header-q")) return;
    prefetched = true;
    ["pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind.js", "pagefind-worker.js",
     "pagefind-entry.json", "wasm.en.pagefind"].forEach(function (name) {
      var link = document.createElement("link");
      link.rel = "prefetch";
      link.href = bundle + name;
      document.head.appendChild(link);
    });
  }
  document.addEventListener("focusin", prefetch);

  if (window.document$) window.document$.subscribe(show);
  else document.addEventListener("DOMContentLoaded", show);
})();
