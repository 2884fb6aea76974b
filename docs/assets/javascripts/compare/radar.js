// A radar chart of stage scores (0 to 100) as SVG, one outline per series, built with DOM APIs.
// The chart is a picture of the table that always accompanies it.
const SVG = "http://www.w3.org/2000/svg";
const SIZE = 360;
const CENTRE = SIZE / 2;
const RADIUS = 120;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

function point(index, count, value) {
  const angle = (Math.PI * 2 * index) / count - Math.PI / 2;
  const r = (RADIUS * Math.max(0, Math.min(100, value ?? 0))) / 100;
  return [CENTRE + r * Math.cos(angle), CENTRE + r * Math.sin(angle)];
}

// axes: [label]; series: [{label, values: [score or null]}]. Returns a <figure>.
export function radarChart(title, axes, series) {
  const figure = document.createElement("figure");
  figure.className = "mpl-radar";
  const chart = svg("svg", { viewBox: `0 0 ${SIZE} ${SIZE}`, role: "img", class: "mpl-radar__chart" });
  const name = svg("title");
  name.textContent = `${title}. The same figures are in the table that follows.`;
  chart.append(name);
  for (const level of [25, 50, 75, 100]) {
    const ring = axes.map((_, i) => point(i, axes.length, level).join(",")).join(" ");
    chart.append(svg("polygon", { points: ring, class: "mpl-radar__grid" }));
  }
  axes.forEach((label, i) => {
    const [x, y] = point(i, axes.length, 100);
    chart.append(svg("line", { x1: CENTRE, y1: CENTRE, x2: x, y2: y, class: "mpl-radar__axis" }));
    const [lx, ly] = point(i, axes.length, 128);
    const text = svg("text", { x: lx, y: ly, class: "mpl-radar__label",
      "text-anchor": Math.abs(lx - CENTRE) < 5 ? "middle" : lx > CENTRE ? "start" : "end",
      "dominant-baseline": ly > CENTRE + 5 ? "hanging" : "auto" });
    text.textContent = label;
    chart.append(text);
  });
  series.forEach((s, n) => {
    const points = s.values.map((v, i) => point(i, axes.length, v).join(",")).join(" ");
    chart.append(svg("polygon", { points, class: `mpl-radar__series mpl-series-${n % 6}` }));
  });
  const legend = document.createElement("ul");
  legend.className = "mpl-radar__legend";
  series.forEach((s, n) => {
    const item = document.createElement("li");
    const swatch = svg("svg", { width: 28, height: 12, "aria-hidden": "true", focusable: "false" });
    swatch.append(svg("line", { x1: 2, y1: 6, x2: 26, y2: 6, class: `mpl-radar__key mpl-series-${n % 6}` }));
    item.append(swatch, document.createTextNode(` ${s.label}`));
    legend.append(item);
  });
  const caption = document.createElement("figcaption");
  caption.textContent = `${title} (0 at the centre, 100 at the edge; a stage without a score is drawn at the centre).`;
  figure.append(chart, legend, caption);
  return figure;
}
