// Starts the comparison pages (snapshots over time, combined perspectives) wherever they appear.
// The self-assessment's scoring module and data are loaded only on those pages.
import { startCombine } from "./combine-view.js";
import { startCompare } from "./compare-view.js";

const VIEWS = { "mpl-compare": startCompare, "mpl-combine": startCombine };

async function setup(root) {
  const dataUrl = new URL(root.dataset.dataUrl, location.href);
  const [scoring, data] = await Promise.all([
    import("../assessment/scoring.js"),
    fetch(dataUrl).then((response) => {
      if (!response.ok) throw new Error(`the questionnaire data could not be loaded (${response.status})`);
      return response.json();
    }),
  ]);
  root.querySelector(".mpl-js-note").hidden = true;
  root.querySelector(".mpl-js-only").hidden = false;
  VIEWS[root.dataset.module](root, { data, score: scoring.score, parseAnswers: scoring.parseAnswers,
    siteRoot: new URL("../", dataUrl).href });
}

function start() {
  for (const root of document.querySelectorAll('[data-module="mpl-compare"], [data-module="mpl-combine"]')) {
    if (root.dataset.ready) continue;
    root.dataset.ready = "true";
    setup(root).catch((error) => {
      root.querySelector(".mpl-js-note").textContent = `This page could not start: ${error.message}. Reload the page to try again.`;
    });
  }
}

// mkdocs-material's instant navigation swaps pages without a load event; document$ emits on each page.
if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
else start();
