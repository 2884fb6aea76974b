// Search with Pagefind (its files are written into pagefind/ by `python -m model index` after each build).
// A classic script on every page that loads nothing until search is wanted:
// - the header's box (overrides/theme/partials/header.html): when it gets the focus, Pagefind starts (its
//   script and, in its own worker, its WebAssembly and the index's small entry files); Enter opens the
//   search page by instant navigation when the theme has it on, so that the started Pagefind is kept;
//   otherwise, and without this script, the form opens search.html?q=... as an ordinary page;
// - the search page (search.md, #mpl-search): Pagefind starts at once, and results follow the typing;
//   the count is said in a live region, results are links (Tab, or the arrow keys from the field).
// Opened from the files (file://), Pagefind cannot run (browsers load no module and fetch no file there):
// the page keeps its note, which points to the lists of entries and to serving the folder.
// Every word shown comes from the data-* attributes of #mpl-search (practices/interface.yml, search.*).
(function () {
  "use strict";
  var root = new URL("../../", document.currentScript.src); // this file is assets/javascripts/search.js
  var bundle = new URL("pagefind/", root);
  var fromFiles = location.protocol === "file:";
  var BATCH = 10; // results drawn at a time ("Show more results" draws the next ones)
  // Pagefind's ranking, with less saturation of repeated terms than its default (1.4): a page's title, weighted
  // in its h1 (10 on stage and index pages), then counts for more than a word repeated in longer pages, so
  // that a stage or an index page comes first for its own name (tests/browser/test_search.py).
  var RANKING = { termSaturation: 2 };
  var started = null;

  // Pagefind, started once per page load: the same instance serves every search after instant navigation.
  function start() {
    if (fromFiles) return Promise.reject(new Error("file://"));
    if (!started) {
      started = import(bundle.href + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ basePath: bundle.pathname, baseUrl: root.pathname, excerptLength: 24, ranking: RANKING })
          .then(function () { return pagefind.init(); })
          .then(function () { warmUp(pagefind); return pagefind; });
      });
      started.catch(function () { started = null; }); // a later search tries again
    }
    return started;
  }

  // Pagefind's first search that goes through many pages takes about twice as long as the next ones (its
  // WebAssembly is not yet optimised): one search for a word on every entry page (the header form's
  // data-warm-up), in its worker as soon as it has started, makes the visitor's first search the fast kind.
  function warmUp(pagefind) {
    var form = document.querySelector("form.mpl-header-search");
    var word = form && form.getAttribute("data-warm-up");
    if (word) pagefind.search(word).catch(function () {});
  }

  function fill(text, values) {
    return String(text || "").replace(/\{([a-z_]+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  // An excerpt is Pagefind's text with the matches in <mark>: keep only the text and the marks.
  function excerpt(html) {
    var template = document.createElement("template"), out = document.createDocumentFragment();
    template.innerHTML = html; // parsed inert: nothing in a template runs or loads
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  // A page whose title is the query itself comes first among the first results, whatever Pagefind's scores
  // (a stage for its name, an entry for its title, where other pages repeat the same words more often).
  function words(text) {
    return String(text || "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function named(pages, query) {
    var wanted = words(query);
    var exact = pages.filter(function (page) { return page.meta && words(page.meta.title) === wanted; });
    return exact.concat(pages.filter(function (page) { return exact.indexOf(page) < 0; }));
  }

  // --- The search page ---

  function SearchPage(box) {
    this.box = box;
    this.words = box.dataset;
    this.form = box.querySelector("form");
    this.input = box.querySelector("input[type=search]");
    this.status = box.querySelector(".mpl-search__status");
    this.list = box.querySelector(".mpl-search__results");
    this.more = box.querySelector(".mpl-search__more");
    this.query = "";
    this.results = [];
    this.shown = 0;
    this.turn = 0; // the latest search: an older one that ends later draws nothing
    this.timer = 0;
    this.busy = null;
  }

  SearchPage.prototype.ready = function () {
    var self = this;
    this.box.classList.add("mpl-search--ready"); // hides the note for pages without script
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.search(self.input.value, true);
    });
    this.input.addEventListener("input", function () {
      clearTimeout(self.timer);
      var query = self.input.value;
      if (started && query.trim()) started.then(function (pagefind) { pagefind.preload(query.trim()); }, function () {});
      self.timer = setTimeout(function () { self.search(query, false); }, 150);
    });
    this.input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && self.shown) {
        event.preventDefault();
        self.list.querySelector("a").focus();
      }
    });
    this.list.addEventListener("keydown", function (event) { self.arrows(event); });
    this.more.querySelector("button").addEventListener("click", function () { self.draw(true); });
    var query = new URLSearchParams(location.search).get("q") || "";
    this.input.value = query;
    start().catch(function () {}); // at once: the visitor came here to search
    if (query.trim()) this.search(query, true);
  };

  SearchPage.prototype.arrows = function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(this.list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    var next = at + (event.key === "ArrowDown" ? 1 : -1);
    (next < 0 ? this.input : links[Math.min(next, links.length - 1)]).focus();
  };

  SearchPage.prototype.search = function (text, now) {
    var self = this, query = text.trim(), turn = ++this.turn;
    clearTimeout(this.timer);
    this.remember(query);
    if (!query) {
      this.query = "";
      this.results = [];
      this.clear();
      this.status.textContent = "";
      return Promise.resolve();
    }
    var slow = setTimeout(function () {
      if (turn === self.turn) self.status.textContent = fill(self.words.searching, { query: query });
    }, now ? 0 : 400);
    var early = pending && pending.query === query ? pending.found : null;
    pending = null;
    // One search at a time in Pagefind's worker: a query typed meanwhile waits, and only the latest one runs.
    var found = (this.busy || Promise.resolve()).then(function () {
      if (turn !== self.turn) return null;
      return early || start().then(function (pagefind) { return pagefind.search(query); });
    });
    this.busy = found.then(function () {}, function () {});
    return found.then(function (found) {
      if (turn !== self.turn) return null;
      self.query = query;
      self.results = found ? found.results : [];
      self.clear();
      return self.draw(false).then(function () {
        if (turn !== self.turn) return;
        var count = self.results.length;
        self.status.textContent = count ? fill(count === 1 ? self.words.resultsOne : self.words.resultsOther,
          { count: count.toLocaleString(document.documentElement.lang || undefined), query: query })
          : fill(self.words.none, { query: query });
      });
    }).catch(function () {
      if (turn !== self.turn) return;
      self.clear();
      self.status.textContent = self.words.failed;
      self.box.classList.remove("mpl-search--ready"); // show the lists of entries again
    }).then(function () { clearTimeout(slow); });
  };

  SearchPage.prototype.clear = function () {
    this.list.textContent = "";
    this.list.hidden = true;
    this.more.hidden = true;
    this.shown = 0;
  };

  // Draws the next batch of results (each one's title, address and excerpt come from its own small file).
  SearchPage.prototype.draw = function (more) {
    var self = this, turn = this.turn, first = this.shown === 0, batch = this.results.slice(this.shown, this.shown + BATCH);
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (turn !== self.turn) return;
      if (first) pages = named(pages, self.query);
      var links = pages.map(function (page) { return self.item(page); });
      self.shown += pages.length;
      self.list.hidden = self.shown === 0;
      self.more.hidden = self.shown >= self.results.length;
      if (more && links.length) links[0].focus(); // "Show more results": on to the first of the new ones
    });
  };

  SearchPage.prototype.item = function (page) {
    var item = document.createElement("li"), link = document.createElement("a"), text = document.createElement("p");
    link.href = page.url;
    link.className = "mpl-search__link";
    link.textContent = (page.meta && page.meta.title) || page.url;
    text.className = "mpl-search__excerpt";
    text.appendChild(excerpt(page.excerpt || ""));
    item.appendChild(link);
    item.appendChild(text);
    this.list.appendChild(item);
    return link;
  };

  // Keeps the query in the address: a reload, a shared link or Back from a result shows the same results.
  SearchPage.prototype.remember = function (query) {
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  };

  var current = null, fromHeader = false;
  var pending = null; // {query, found}: the header's search, started on Enter while the search page loads

  function show() {
    var box = document.getElementById("mpl-search");
    current = null;
    if (!box || fromFiles) return; // from the files, the note stays: it says where the entries are listed
    current = new SearchPage(box);
    current.ready();
    if (fromHeader || !current.input.value) current.input.focus(); // typed in the header, or nothing asked yet
    fromHeader = false;
  }

  // --- The header's box ---

  function instantNavigation() {
    var config = document.getElementById("__config");
    try {
      var features = JSON.parse(config.textContent).features || [];
      return features.indexOf("navigation.instant") >= 0 && window.location$ && typeof window.location$.next === "function";
    } catch (error) {
      return false;
    }
  }

  var header = document.querySelector("form.mpl-header-search");
  if (header) {
    var field = header.querySelector("input");
    header.setAttribute("action", header.action); // absolute: the header stays as pages change by instant navigation
    field.addEventListener("focus", function () { start().catch(function () {}); });
    field.addEventListener("input", function () { // while typing, Pagefind fetches the parts of the index it will need
      var query = field.value.trim();
      if (started && query) started.then(function (pagefind) { pagefind.preload(query); }, function () {});
    });
    header.addEventListener("submit", function (event) {
      var query = field.value;
      if (current) { // already on the search page: search there
        event.preventDefault();
        current.input.value = query;
        field.value = "";
        current.input.focus();
        current.search(query, true);
      } else if (!fromFiles && instantNavigation()) {
        event.preventDefault();
        var url = new URL(header.action);
        if (query.trim()) url.searchParams.set("q", query.trim());
        history.replaceState({ x: window.scrollX, y: window.scrollY }, "");
        history.pushState(null, "", url.href);
        field.value = "";
        fromHeader = true;
        pending = { query: query.trim(), found: start().then(function (pagefind) { return pagefind.search(query.trim()); }) };
        pending.found.catch(function () {});
        window.location$.next(url);
      }
    });
  }

  // On the first page, and again after each instant navigation (the theme's document$).
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(show);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
