// Radar chart of the section scores, drawn as SVG with DOM APIs (no innerHTML). The geometry is pure.
// Two drawings of the same chart: a wide one with the sections' names at the axes, and a narrow one (phones) with
// numbers at the axes and the names in a list under it, so that no label is drawn smaller than 12 px.
// A section without enough answers is drawn apart from a score of 0: a dashed axis, a hollow marker at its
// uncertain score (none when it has no score at all), left out of the outline; its label says so.
import { tr } from "./strings.js";

const SVG = "http://www.w3.org/2000/svg";

/** Axis ends, label positions, markers and outlines for `stages` ({title, score 0..100 or null, enough?, target?}).
 * `points` joins every axis (a missing score at the centre: the comparison pages' outlines); `reliable` joins
 * only the axes with enough answers; `target` joins the targets set (null when none is). */
export function radarGeometry(stages, size = 360, margin = 90) {
  const centre = size / 2;
  const radius = centre - margin / 2;
  const count = stages.length;
  const round = (n) => Math.round(n * 10) / 10;
  const at = (i, fraction) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return [round(centre + radius * fraction * Math.cos(angle)), round(centre + radius * fraction * Math.sin(angle))];
  };
  const axes = stages.map((stage, i) => {
    const [x, y] = at(i, 1);
    const [labelX, labelY] = at(i, 1.12);
    const anchor = Math.abs(labelX - centre) < 1 ? "middle" : labelX > centre ? "start" : "end";
    const enough = stage.enough !== undefined ? Boolean(stage.enough) : stage.score !== null;
    const marker = stage.score === null || stage.score === undefined ? null : at(i, stage.score / 100);
    return { x, y, labelX, labelY, anchor, title: stage.title, score: stage.score, enough, marker };
  });
  const rings = [0.25, 0.5, 0.75, 1].map((f) => stages.map((_, i) => at(i, f).join(",")).join(" "));
  const points = stages.map((s, i) => at(i, (s.score || 0) / 100).join(",")).join(" ");
  const reliable = axes.filter((a) => a.enough && a.marker).map((a) => a.marker.join(",")).join(" ");
  const targets = stages.map((s, i) => (typeof s.target === "number" ? at(i, s.target / 100).join(",") : null)).filter(Boolean);
  return { size, centre, axes, rings, points, reliable, target: targets.length ? targets.join(" ") : null };
}

function el(doc, name, attributes, text) {
  const node = doc.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An axis's words: "Title: 62", or "Title: not enough answers". */
export function axisLabel(say, stage) {
  const enough = stage.enough !== undefined ? stage.enough : stage.score !== null;
  return say(enough ? "results.radar_axis" : "results.radar_axis_unsure", { title: stage.title, score: stage.score });
}

function chart(doc, g, stages, say, { narrow }) {
  const id = narrow ? "mpl-radar-narrow" : "mpl-radar-wide";
  const box = narrow ? `-20 -20 ${g.size + 40} ${g.size + 40}` : `-190 -10 ${g.size + 380} ${g.size + 20}`;
  const svg = el(doc, "svg", { viewBox: box, role: "img", "aria-labelledby": `${id}-title ${id}-desc`,
    class: `mpl-radar mpl-radar--${narrow ? "narrow" : "wide"}` });
  svg.append(el(doc, "title", { id: `${id}-title` }, say("results.radar_title")));
  const described = stages.map((s) => axisLabel(say, s)).join("; ");
  svg.append(el(doc, "desc", { id: `${id}-desc` }, say("results.radar_desc", { axes: described })));
  for (const ring of g.rings) svg.append(el(doc, "polygon", { points: ring, class: "mpl-radar__ring" }));
  g.axes.forEach((axis, i) => {
    svg.append(el(doc, "line", { x1: g.centre, y1: g.centre, x2: axis.x, y2: axis.y,
      class: `mpl-radar__axis${axis.enough ? "" : " mpl-radar__axis--unsure"}` }));
    const words = narrow ? String(i + 1) : axisLabel(say, stages[i]);
    svg.append(el(doc, "text", { x: axis.labelX, y: axis.labelY, "text-anchor": axis.anchor, "dominant-baseline": "middle",
      class: "mpl-radar__label" }, words));
  });
  if (g.target) svg.append(el(doc, "polygon", { points: g.target, class: "mpl-radar__target" }));
  if (g.reliable) svg.append(el(doc, "polygon", { points: g.reliable, class: "mpl-radar__area" }));
  for (const axis of g.axes) {
    if (!axis.marker) continue;
    svg.append(el(doc, "circle", { cx: axis.marker[0], cy: axis.marker[1], r: 5,
      class: `mpl-radar__marker${axis.enough ? "" : " mpl-radar__marker--unsure"}` }));
  }
  return svg;
}

/** Replace the contents of `container` with the chart (both drawings, and the list of names for the narrow one). */
export function drawRadar(doc, container, stages, data) {
  const say = tr(data);
  const g = radarGeometry(stages);
  const legend = doc.createElement("ol");
  legend.className = "mpl-radar__legend";
  legend.setAttribute("aria-hidden", "true");  // the narrow chart's key: the table under it gives the same figures
  for (const stage of stages) {
    const li = doc.createElement("li");
    li.textContent = axisLabel(say, stage);
    legend.append(li);
  }
  const parts = [chart(doc, g, stages, say, { narrow: false }), chart(doc, g, stages, say, { narrow: true }), legend];
  if (g.target) {
    const key = doc.createElement("p");
    key.className = "mpl-radar__key";
    key.textContent = say("results.radar_target_key");
    parts.push(key);
  }
  container.replaceChildren(...parts);
  return parts[0];
}
