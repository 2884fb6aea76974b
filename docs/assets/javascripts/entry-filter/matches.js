// Pure logic of the entry filter of the index pages (no DOM): which items match the chosen stage, role and theme.

export const FACETS = ["stage", "role", "theme"];

// `item` holds space-separated ids per facet (as in the list's data- attributes);
// `chosen` holds one id or "" per facet. An empty choice matches everything.
export function matches(item, chosen) {
  return FACETS.every((facet) => {
    const wanted = chosen[facet];
    return !wanted || (item[facet] || "").split(" ").includes(wanted);
  });
}

// The chosen filters from a URL query string, keeping only values that exist among `allowed`.
export function chosenFromQuery(search, allowed) {
  const params = new URLSearchParams(search);
  const chosen = {};
  for (const facet of FACETS) {
    const value = params.get(facet) || "";
    chosen[facet] = allowed[facet] && allowed[facet].includes(value) ? value : "";
  }
  return chosen;
}

// The query string for the chosen filters ("" when none is chosen).
export function queryFromChosen(chosen) {
  const params = new URLSearchParams();
  for (const facet of FACETS) if (chosen[facet]) params.set(facet, chosen[facet]);
  const query = params.toString();
  return query ? "?" + query : "";
}

// The count, in the page's own words: `texts` holds the templates the page was built with, such as
// {all: "Showing all {count} practices", some: "Showing {shown} of {total} practices", one: "1 practice"}.
export function countText(shown, total, texts) {
  const template = shown === total ? (total === 1 ? texts.one : texts.all) : texts.some;
  return template.replace(/\{(count|shown|total)\}/g, (_, name) => String({ count: total, shown, total }[name]));
}
