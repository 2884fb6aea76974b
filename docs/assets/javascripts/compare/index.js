// Starts the comparison pages (snapshots over time, combined perspectives) wherever they appear.
// This file loads on every page; the views, the self-assessment's scoring and its data load only on those pages.
// Its one text (the page could not start) is in the page itself (data-failed), as the strings come with the data.

const VIEWS = {
  "mpl-compare": async () => (await import("./compare-view.js")).startCompare,
  "mpl-combine": async () => (await import("./combine-view.js")).startCombine,
};

async function setup(root) {
  const dataUrl = new URL(root.dataset.dataUrl, location.href);
  const [view, scoring, data] = await Promise.all([
    VIEWS[root.dataset.module](),
    import("../assessment/scoring.js"),
    fetch(dataUrl).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }),
  ]);
  root.querySelector(".mpl-cmp-js-note").hidden = true;
  root.querySelector(".mpl-cmp-js-only").hidden = false;
  view(root, { data, score: scoring.score, parseAnswers: scoring.parseAnswers, salvageAnswers: scoring.salvageAnswers,
    linkBase: dataUrl.href });
}

function start() {
  for (const root of document.querySelectorAll('[data-module="mpl-compare"], [data-module="mpl-combine"]')) {
    if (root.dataset.ready) continue;
    root.dataset.ready = "true";
    setup(root).catch((error) => {
      root.querySelector(".mpl-cmp-js-note").textContent = (root.dataset.failed || "").replace("{error}", error.message);
    });
  }
}

// mkdocs-material's instant navigation swaps pages without a load event; document$ emits on each page.
if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
else start();
