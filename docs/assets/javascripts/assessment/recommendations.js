// The recommendations on the page, grouped as the plan: "Start here", "Next", and the rest under "Later" (closed).
// Each says what the entry is, who acts, its effort and stages, the answers that call for it and its first step,
// with the person's own plan for it (who will do it, and by when). Every text goes in with textContent.
import { listOf } from "./strings.js";

export function make(doc, name, text, attributes = {}) {
  const node = doc.createElement(name);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

const LABELS = { high: "results.label.high", medium: "results.label.medium", low: "results.label.low" };
const EFFORTS = { low: "effort.low.long", medium: "effort.medium.long", high: "effort.high.long" };

function reasonList(doc, say, reasons) {
  const ul = make(doc, "ul", undefined, { class: "mpl-results__reasons" });
  for (const reason of reasons) {
    const li = make(doc, "li", `${reason.questionText} `);
    li.append(make(doc, "strong", say("results.your_answer", { answer: reason.answerLabel })));
    ul.append(li);
  }
  return ul;
}

/** The title line of an entry: its link and its tags (kind, and for a recommendation its priority). */
export function titleLine(doc, say, item, base, extra = []) {
  const title = make(doc, "p", undefined, { class: "mpl-results__title" });
  title.append(make(doc, "a", item.title, { href: item.url ? new URL(item.url, base).href : "#" }));
  for (const tag of [item.kindTitle, ...extra].filter(Boolean)) title.append(" ", make(doc, "span", tag, { class: "mpl-results__tag" }));
  return title;
}

function facts(doc, say, rec) {
  const dl = make(doc, "dl", undefined, { class: "mpl-rec__facts" });
  const add = (term, value) => dl.append(make(doc, "dt", term), make(doc, "dd", value));
  add(say("entry.who_acts"), rec.roles.length ? listOf(rec.roles.map((r) => r.title)) : say("results.anyone"));
  if (rec.effort && EFFORTS[rec.effort]) add(say("entry.effort"), say(EFFORTS[rec.effort]));
  add(say("entry.stage"), rec.stages.length ? listOf(rec.stages.map((s) => s.title)) : say("entry.all_stages"));
  return dl;
}

function planFields(doc, say, rec) {
  const group = make(doc, "div", undefined, { class: "mpl-rec__plan", role: "group", "aria-labelledby": `plan-title-${rec.id}` });
  group.append(make(doc, "p", say("plan.fields_title"), { class: "mpl-rec__plan-title", id: `plan-title-${rec.id}` }));
  const field = (name, label, attributes) => {
    const wrap = make(doc, "div", undefined, { class: "mpl-rec__field" });
    const id = `plan-${name}-${rec.id}`;
    wrap.append(make(doc, "label", label, { for: id }));
    const input = make(doc, "input", undefined, { id, "data-plan-for": rec.id, "data-plan-part": name, autocomplete: "off", ...attributes });
    input.value = (rec.plan && rec.plan[name]) || "";
    wrap.append(input);
    return wrap;
  };
  group.append(field("owner", say("plan.owner"), { type: "text", maxlength: "80" }), field("by", say("plan.by"), { type: "date" }));
  return group;
}

/** One recommendation as a list item. */
export function recommendationItem(doc, say, rec, base) {
  const li = make(doc, "li", undefined, { class: "mpl-rec", id: `rec-${rec.id}` });
  const tags = [say(LABELS[rec.label]), rec.tentative ? say("entry.tentative_title") : null];
  li.append(titleLine(doc, say, rec, base, tags));
  if (rec.summary) li.append(make(doc, "p", rec.summary, { class: "mpl-rec__summary" }));
  li.append(facts(doc, say, rec));
  li.append(make(doc, "p", say("results.why"), { class: "mpl-rec__label" }), reasonList(doc, say, rec.reasons));
  const step = make(doc, "p", undefined, { class: "mpl-rec__step" });
  if (rec.firstStep) step.append(make(doc, "strong", say("results.first_step")), " ", rec.firstStep);
  else step.textContent = say("results.no_first_step");
  li.append(step);
  if (rec.tentative) li.append(make(doc, "p", say("entry.tentative_text"), { class: "mpl-rec__tentative" }));
  li.append(planFields(doc, say, rec));
  return li;
}

/** Fills the three groups; "Later" stays closed (its summary says how many are in it). */
export function renderRecommendations(doc, say, result, base) {
  const $ = (id) => doc.getElementById(id);
  const groups = { start: [], next: [], later: [] };
  for (const rec of result.recommendations) groups[rec.group].push(rec);
  let number = 1;
  for (const [name, items] of Object.entries(groups)) {
    const list = $(`mpl-recs-${name}`);
    list.setAttribute("start", String(number));
    number += items.length;
    list.replaceChildren(...items.map((rec) => recommendationItem(doc, say, rec, base)));
    $(`mpl-recs-${name}-area`).hidden = !items.length;
  }
  $("mpl-recs-later-summary").textContent = say("results.later_summary", { count: groups.later.length });
  $("mpl-recommendations-empty").hidden = result.recommendations.length > 0;
}

/** The strengths, each with the answers that show it. */
export function strengthItem(doc, say, item, base) {
  const li = make(doc, "li");
  li.append(titleLine(doc, say, item, base), reasonList(doc, say, item.reasons));
  return li;
}
