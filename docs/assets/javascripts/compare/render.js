// Small DOM helpers for the comparison pages. Every text goes in through textContent (text nodes).

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

// A data table: the first cell of each row is its header. The table itself has no class, so that
// mkdocs-material styles it like the tables of the site.
export function table(caption, head, rows, className = "") {
  return el("div", { className: `mpl-cmp-table-wrap ${className}`.trim() },
    el("table", {},
      el("caption", { text: caption }),
      el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, rows.map((row) => el("tr", {},
        row.map((cell, i) => (i === 0 ? el("th", { scope: "row" }, cell) : el("td", {}, cell))))))));
}

export function formatScore(value, say) {
  return value === null || value === undefined ? say("compare.no_score") : String(Math.round(value));
}

export function formatChange(value) {
  if (value === null || value === undefined) return "–";
  const rounded = Math.round(value);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

// A heading that takes focus when results appear, so that keyboard and screen reader users land on them.
export function focusHeading(text, level = "h2") {
  return el(level, { tabindex: "-1", className: "mpl-cmp-results__heading", text });
}

// A link to a practice page: the scoring data gives URLs relative to itself (data.json).
export function practiceLink(rec, linkBase) {
  const href = rec.url ? new URL(rec.url, linkBase).href : null;
  return href ? el("a", { href, text: rec.title }) : el("span", { text: rec.title });
}

// A group of details shown only when it is opened: `fill()` builds its contents then, once (a long list costs
// nothing until someone asks for it).
export function lazyDetails(summary, fill, attrs = {}) {
  const details = el("details", attrs, el("summary", { text: summary }));
  details.addEventListener("toggle", () => {
    if (!details.open || details.dataset.filled) return;
    details.dataset.filled = "true";
    details.append(...[].concat(fill()).filter(Boolean));
  });
  return details;
}

export function downloadText(fileName, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = el("a", { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
