// Radar chart of the stage scores, drawn as SVG with DOM APIs (no innerHTML). The geometry is pure.

const SVG = "http://www.w3.org/2000/svg";

/** Axis ends, label positions and the score polygon for `stages` ({title, score 0..100 or null}). */
export function radarGeometry(stages, size = 360, margin = 90) {
  const centre = size / 2;
  const radius = centre - margin / 2;
  const count = stages.length;
  const at = (i, fraction) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return [centre + radius * fraction * Math.cos(angle), centre + radius * fraction * Math.sin(angle)];
  };
  const round = (n) => Math.round(n * 10) / 10;
  const axes = stages.map((stage, i) => {
    const [x, y] = at(i, 1);
    const [lx, ly] = at(i, 1.12);
    const anchor = Math.abs(lx - centre) < 1 ? "middle" : lx > centre ? "start" : "end";
    return { x: round(x), y: round(y), labelX: round(lx), labelY: round(ly), anchor, title: stage.title,
      label: `${stage.title}: ${stage.score === null ? "no score" : stage.score}` };
  });
  const rings = [0.25, 0.5, 0.75, 1].map((f) => stages.map((_, i) => at(i, f).map(round).join(",")).join(" "));
  const points = stages.map((s, i) => at(i, (s.score || 0) / 100).map(round).join(",")).join(" ");
  return { size, centre, axes, rings, points };
}

function el(doc, name, attributes, text) {
  const node = doc.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Replace the contents of `container` with the chart; the table next to it carries the same figures. */
export function drawRadar(doc, container, stages) {
  const g = radarGeometry(stages);
  const svg = el(doc, "svg", { viewBox: `-190 -10 ${g.size + 380} ${g.size + 20}`, role: "img", "aria-labelledby": "mpl-radar-title mpl-radar-desc", class: "mpl-radar" });
  svg.append(el(doc, "title", { id: "mpl-radar-title" }, "Radar chart of your scores by stage"));
  svg.append(el(doc, "desc", { id: "mpl-radar-desc" }, g.axes.map((a) => a.label).join("; ") + ". The table below gives the same figures."));
  for (const ring of g.rings) svg.append(el(doc, "polygon", { points: ring, class: "mpl-radar__ring" }));
  for (const axis of g.axes) {
    svg.append(el(doc, "line", { x1: g.centre, y1: g.centre, x2: axis.x, y2: axis.y, class: "mpl-radar__axis" }));
    const label = el(doc, "text", { x: axis.labelX, y: axis.labelY, "text-anchor": axis.anchor, class: "mpl-radar__label", "dominant-baseline": "middle" });
    label.textContent = axis.label;
    svg.append(label);
  }
  svg.append(el(doc, "polygon", { points: g.points, class: "mpl-radar__area" }));
  container.replaceChildren(svg);
  return svg;
}
