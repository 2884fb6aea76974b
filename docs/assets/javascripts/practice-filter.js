// Filters the practice index by stage, role and theme without a reload; the choice is kept in the URL.
(function () {
  "use strict";

  var FACETS = ["stage", "role", "theme"];

  // Pure: does an item with these data values match every chosen filter?
  function matches(item, chosen) {
    return FACETS.every(function (facet) {
      return !chosen[facet] || (item[facet] || "").split(" ").indexOf(chosen[facet]) !== -1;
    });
  }

  function init(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    var list = document.getElementById("practice-list");
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    var count = form.querySelector(".mpl-filter__count");
    var empty = document.querySelector(".mpl-filter__empty");
    var params = new URLSearchParams(window.location.search);

    function apply() {
      var chosen = {};
      var query = new URLSearchParams();
      FACETS.forEach(function (facet) {
        chosen[facet] = form.elements[facet].value;
        if (chosen[facet]) query.set(facet, chosen[facet]);
      });
      var shown = 0;
      items.forEach(function (li) {
        var visible = matches(li.dataset, chosen);
        li.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown === items.length
        ? "Showing all " + items.length + " practices"
        : "Showing " + shown + " of " + items.length + " practices";
      empty.hidden = shown !== 0;
      var search = query.toString();
      history.replaceState(history.state, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    FACETS.forEach(function (facet) {
      var select = form.elements[facet];
      var wanted = params.get(facet);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
      select.addEventListener("change", apply);
    });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function start() {
    document.querySelectorAll('[data-module="practice-filter"]').forEach(init);
  }

  // mkdocs-material's instant navigation swaps pages without a load event: document$ fires on each.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
