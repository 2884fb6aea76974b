// A radar chart of stage scores (0 to 100) with one outline per series, as SVG built with DOM APIs.
// The geometry is the self-assessment's own (radarGeometry), so both pages draw the same chart;
// the chart is a picture of the table that always accompanies it.
import { radarGeometry } from "../assessment/radar.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// axes: [section title]; series: [{label, values: [score 0..100 or null]}]; say: the interface strings. A <figure>.
export function radarChart(say, title, axes, series) {
  const outlines = series.map((s) => radarGeometry(axes.map((axis, i) => ({ title: axis, score: s.values[i] ?? null }))));
  const g = outlines[0];
  const chart = svg("svg", { viewBox: `-110 0 ${g.size + 220} ${g.size}`, role: "img", class: "mpl-cmp-radar__chart" });
  chart.append(svg("title", {}, say("compare.radar_chart_title", { title })));
  for (const ring of g.rings) chart.append(svg("polygon", { points: ring, class: "mpl-cmp-radar__grid" }));
  for (const axis of g.axes) {
    chart.append(svg("line", { x1: g.centre, y1: g.centre, x2: axis.x, y2: axis.y, class: "mpl-cmp-radar__axis" }));
    chart.append(svg("text", { x: axis.labelX, y: axis.labelY, "text-anchor": axis.anchor, "dominant-baseline": "middle",
      class: "mpl-cmp-radar__label" }, axis.title));
  }
  outlines.forEach((outline, n) => chart.append(svg("polygon", { points: outline.points,
    class: `mpl-cmp-radar__series mpl-cmp-series-${n % 6}` })));
  const legend = document.createElement("ul");
  legend.className = "mpl-cmp-radar__legend";
  series.forEach((s, n) => {
    const item = document.createElement("li");
    const swatch = svg("svg", { width: 28, height: 12, "aria-hidden": "true", focusable: "false" });
    swatch.append(svg("line", { x1: 2, y1: 6, x2: 26, y2: 6, class: `mpl-cmp-radar__key mpl-cmp-series-${n % 6}` }));
    item.append(swatch, document.createTextNode(` ${s.label}`));
    legend.append(item);
  });
  const caption = document.createElement("figcaption");
  caption.textContent = say("compare.radar_caption", { title });
  const figure = document.createElement("figure");
  figure.className = "mpl-cmp-radar";
  figure.append(chart, legend, caption);
  return figure;
}
