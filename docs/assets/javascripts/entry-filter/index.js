// Filters an index page by stage, role and theme without a reload; the choice is kept in the URL.
import { FACETS, chosenFromQuery, countText, matches, queryFromChosen } from "./matches.js";

function init(form) {
  if (form.dataset.ready) return;
  form.dataset.ready = "true";
  const items = Array.from(document.querySelectorAll("#entry-list > li"));
  const count = form.querySelector(".mpl-filter__count");
  const empty = document.querySelector(".mpl-filter__empty");
  const facets = FACETS.filter((facet) => form.elements[facet]);  // an index shows only the facets its entries use
  const allowed = {};
  for (const facet of facets) allowed[facet] = Array.from(form.elements[facet].options, (o) => o.value);

  function apply() {
    const chosen = {};
    for (const facet of facets) chosen[facet] = form.elements[facet].value;
    let shown = 0;
    for (const li of items) {
      li.hidden = !matches(li.dataset, chosen);
      if (!li.hidden) shown += 1;
    }
    count.textContent = countText(shown, items.length, count.dataset);
    empty.hidden = shown !== 0;
    history.replaceState(history.state, "", location.pathname + queryFromChosen(chosen) + location.hash);
  }

  const chosen = chosenFromQuery(location.search, allowed);
  for (const facet of facets) {
    form.elements[facet].value = chosen[facet];
    form.elements[facet].addEventListener("change", apply);
  }
  form.addEventListener("reset", () => setTimeout(apply, 0));
  form.addEventListener("submit", (event) => event.preventDefault());
  apply();
  document.documentElement.classList.remove("mpl-filter-pending");  // set by early.js: the list may show now
}

function start() {
  document.querySelectorAll('[data-module="entry-filter"]').forEach(init);
}

// mkdocs-material's instant navigation swaps pages without a load event; document$ emits on each page.
if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
else start();
