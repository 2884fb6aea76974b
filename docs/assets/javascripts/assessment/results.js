// Shows the results of score() on the page. Every text goes in with textContent, never as HTML.
// renderResults draws everything; renderPlan and renderScores redraw only the parts a change of the plan touches,
// so that the control the person is using keeps its focus.
import { drawRadar } from "./radar.js";
import { make, renderRecommendations, strengthItem } from "./recommendations.js";
import { TARGET_LEVELS } from "./plan.js";
import { aboutOf, scoreOf } from "./report.js";
import { listOf, tr } from "./strings.js";

function fill(list, empty, items, render) {
  list.replaceChildren(...items.map(render));
  list.hidden = !items.length;
  empty.hidden = items.length > 0;
}

function targetSelect(doc, say, section) {
  const select = make(doc, "select", undefined, { id: `target-${section.id}`, "data-target-for": section.id,
    "aria-label": say("plan.target_for", { section: section.title }) });
  select.append(make(doc, "option", say("plan.no_target"), { value: "" }));
  for (const level of TARGET_LEVELS) select.append(make(doc, "option", String(level), { value: String(level) }));
  select.value = section.target === null ? "" : String(section.target);
  return select;
}

/** The radar (sections that follow a stage), the sections shown apart, and the table of every section. */
export function renderScores(doc, result, data, { table = true } = {}) {
  const say = tr(data);
  const $ = (id) => doc.getElementById(id);
  const axes = result.sections.filter((s) => !s.apart);
  const apart = result.sections.filter((s) => s.apart);
  drawRadar(doc, $("mpl-radar"), axes, data);
  $("mpl-apart").replaceChildren(...apart.map((s) => make(doc, "li", say("results.apart_item", { title: s.title, score: scoreOf(say, s),
    answered: s.answered, asked: s.asked }))));
  $("mpl-apart-area").hidden = !apart.length;
  if (!table) return;
  $("mpl-scores").tBodies[0].replaceChildren(...result.sections.map((s) => {
    const row = doc.createElement("tr");
    const target = make(doc, "td");
    target.append(targetSelect(doc, say, s));
    row.append(make(doc, "th", s.title, { scope: "row" }), make(doc, "td", scoreOf(say, s)),
      make(doc, "td", say("results.rests_on", { answered: s.answered, asked: s.asked })),
      make(doc, "td", String(s.notApplicable)), make(doc, "td", String(s.dontKnow)), target);
    return row;
  }));
}

/** The plan: every recommendation someone will act on, with who and by when, in the order of the recommendations. */
export function renderPlan(doc, result, data) {
  const say = tr(data);
  const planned = result.recommendations.filter((r) => r.plan);
  const body = doc.getElementById("mpl-plan").tBodies[0];
  body.replaceChildren(...planned.map((r) => {
    const row = doc.createElement("tr");
    row.append(make(doc, "th", r.title, { scope: "row" }), make(doc, "td", r.plan.owner || say("plan.no_owner")),
      make(doc, "td", r.plan.by || say("plan.no_date")));
    return row;
  }));
  doc.getElementById("mpl-plan-area").hidden = !planned.length;
  doc.getElementById("mpl-plan-empty").hidden = planned.length > 0;
}

export function renderResults(doc, result, data, answers, base) {
  const say = tr(data);
  const $ = (id) => doc.getElementById(id);
  const focused = doc.activeElement && doc.activeElement.id;
  $("mpl-results-about").replaceChildren(...aboutOf(say, data, answers, new Date()).flatMap(([, term, value]) => [make(doc, "dt", term), make(doc, "dd", value)]));
  const { asked, answered } = result.totals;
  $("mpl-results-summary").textContent = [
    say("results.summary_answered", { answered, asked, na: result.notApplicable.length, dk: result.dontKnow.length }),
    say("results.summary_recommended", { count: result.recommendations.length }),
    say("results.summary_strengths", { count: result.strengths.length }),
  ].join(" ");
  renderRecommendations(doc, say, result, base);
  renderPlan(doc, result, data);
  renderScores(doc, result, data);
  fill($("mpl-strengths"), $("mpl-strengths-empty"), result.strengths, (item) => strengthItem(doc, say, item, base));
  fill($("mpl-dont-know"), $("mpl-dont-know-empty"), result.dontKnow, (item) => {
    const li = make(doc, "li", `${item.questionText} `);
    li.append(make(doc, "span", item.roles.length ? say("results.who_could_answer", { roles: listOf(item.roles.map((r) => r.title)) })
      : say("results.who_could_answer_none"), { class: "mpl-results__who" }));
    return li;
  });
  fill($("mpl-not-applicable"), $("mpl-not-applicable-empty"), result.notApplicable,
    (item) => make(doc, "li", item.questionText + (item.reason ? ` ${say("results.reason_given", { reason: item.reason })}` : "")));
  // A control redrawn while it had the focus (another tab changed the answers) gets it back.
  if (focused && doc.activeElement === doc.body && $(focused)) $(focused).focus();
}
