// Shows the results of score() on the page. Every text goes in with textContent, never as HTML.
import { drawRadar } from "./radar.js";

function make(doc, name, text, attributes = {}) {
  const node = doc.createElement(name);
  if (text !== undefined) node.textContent = text;
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function fill(doc, list, empty, items, render) {
  list.replaceChildren(...items.map(render));
  list.hidden = !items.length;
  empty.hidden = items.length > 0;
}

function reasonList(doc, reasons) {
  const ul = make(doc, "ul", undefined, { class: "mpl-results__reasons" });
  for (const reason of reasons) {
    const li = make(doc, "li", `${reason.questionText} `);
    li.append(make(doc, "strong", `Your answer: ${reason.answerLabel}.`));
    ul.append(li);
  }
  return ul;
}

function entryItem(doc, item, base, extra) {
  const li = doc.createElement("li");
  const title = make(doc, "p", undefined, { class: "mpl-results__title" });
  const link = make(doc, "a", item.title, { href: new URL(item.url, base).href });
  title.append(link);
  if (item.kind === "priority-action") title.append(" ", make(doc, "span", "Priority action", { class: "mpl-results__tag" }));
  if (extra) title.append(" ", make(doc, "span", extra, { class: "mpl-results__tag" }));
  li.append(title, reasonList(doc, item.reasons));
  return li;
}

export function renderResults(doc, result, base) {
  const $ = (id) => doc.getElementById(id);
  const { asked, answered } = result.totals;
  const na = result.notApplicable.length;
  const dk = result.dontKnow.length;
  const recs = result.recommendations.length;
  $("mpl-results-summary").textContent = `You answered ${answered} of the ${asked} questions asked`
    + ` (${na} not applicable, ${dk} don't know). ${recs} practice${recs === 1 ? "" : "s"} and priority action${recs === 1 ? "" : "s"} recommended,`
    + ` ${result.strengths.length} already in place.`;
  drawRadar(doc, $("mpl-radar"), result.stages);
  $("mpl-scores").tBodies[0].replaceChildren(...result.stages.map((stage) => {
    const row = doc.createElement("tr");
    row.append(make(doc, "th", stage.title, { scope: "row" }), make(doc, "td", stage.score === null ? "No score yet" : String(stage.score)),
      make(doc, "td", String(stage.answered)), make(doc, "td", String(stage.notApplicable)), make(doc, "td", String(stage.dontKnow)));
    return row;
  }));
  fill(doc, $("mpl-recommendations"), $("mpl-recommendations-empty"), result.recommendations,
    (rec) => entryItem(doc, rec, base, `${rec.priority[0].toUpperCase()}${rec.priority.slice(1)} priority`));
  fill(doc, $("mpl-strengths"), $("mpl-strengths-empty"), result.strengths, (item) => entryItem(doc, item, base));
  fill(doc, $("mpl-not-applicable"), $("mpl-not-applicable-empty"), result.notApplicable,
    (item) => make(doc, "li", item.questionText + (item.reason ? ` Reason given: ${item.reason}` : "")));
  fill(doc, $("mpl-dont-know"), $("mpl-dont-know-empty"), result.dontKnow, (item) => make(doc, "li", item.questionText));
}
