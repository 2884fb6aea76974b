// The "combine perspectives" page: read several exported answers files (nothing is uploaded) and show
// disagreement first, then scores per perspective and combined, recommendations, and gaps per perspective.
import { MAX_PERSPECTIVE_BYTES, combine, readPerspectiveFiles } from "./compare.js";
import { radarChart } from "./radar.js";
import { el, focusHeading, formatScore, practiceLink, table } from "./render.js";

export function startCombine(root, { data, score, parseAnswers, linkBase }) {
  const part = (role) => root.querySelector(`[data-role="${role}"]`);
  const [refused, status, results, dropzone] = ["refused", "status", "results", "dropzone"].map(part);
  const input = root.querySelector("#combine-files");
  let files = [];          // [{name, size, text}] in the order chosen
  const renamed = new Map(); // index among accepted files -> perspective name typed on this page

  async function add(fileList) {
    const chosen = Array.from(fileList || []);
    const read = await Promise.all(chosen.map(async (f) => ({ name: f.name, size: f.size,
      text: f.size > MAX_PERSPECTIVE_BYTES ? null : await f.text().catch(() => null) })));
    files = files.concat(read);
    update(true);
  }

  function update(focus) {
    const read = readPerspectiveFiles(data, files, parseAnswers);
    read.accepted.forEach((p, i) => { if (renamed.has(i)) p.label = renamed.get(i); });
    refused.replaceChildren(...(read.refused.length ? [
      el("h2", { text: `${read.refused.length} file${read.refused.length === 1 ? " was" : "s were"} refused` }),
      el("ul", {}, read.refused.map((r) => el("li", {}, el("strong", { text: r.name }), `: ${r.errors.join(" ")}`))),
      el("p", { text: "The other files are combined without them." }),
    ] : []));
    const n = read.accepted.length;
    status.textContent = files.length ? `${n} file${n === 1 ? "" : "s"} combined${n < 2 ? ": choose at least two to compare perspectives" : ""}.` : "";
    if (!n) {
      results.replaceChildren();
      results.hidden = true;
      return;
    }
    results.replaceChildren(...renderResults(read.accepted));
    results.hidden = false;
    if (focus && !read.refused.length) results.querySelector(".mpl-cmp-results__heading").focus();
  }

  function renderResults(accepted) {
    const result = combine(data, accepted, score);
    const labels = result.perspectives;
    return [
      focusHeading(`Combined results of ${labels.length} perspective${labels.length === 1 ? "" : "s"}`),
      renderPerspectives(accepted, result),
      ...renderDisagreements(result),
      el("h3", { text: "Stage scores" }),
      radarChart("Stage scores per perspective and combined", result.stages.map((s) => s.title),
        [...labels.map((label, i) => ({ label, values: result.stages.map((s) => s.scores[i]) })),
          { label: "Combined (average of the perspectives)", values: result.stages.map((s) => s.combined) }]),
      table("Stage scores out of 100, per perspective and combined", ["Stage", ...labels, "Combined"],
        result.stages.map((s) => [s.title, ...s.scores.map(formatScore), formatScore(s.combined)])),
      ...renderRecommendations(result),
      el("h3", { text: "Not applicable and don't know, per perspective" }),
      table("Questions answered not applicable or don't know", ["Perspective", "Not applicable", "Don't know"],
        labels.map((label, i) => [label,
          listOrNone(result.notApplicable[i].items.map((x) => (x.reason ? `${x.questionText} (${x.reason})` : x.questionText))),
          listOrNone(result.dontKnow[i].items.map((x) => x.questionText))])),
    ];
  }

  function renderPerspectives(accepted, result) {
    const rows = accepted.map((p, i) => {
      const v = result.versions[i];
      const name = el("input", { type: "text", id: `perspective-${i}`, value: p.label, maxlength: 80,
        "aria-label": `Perspective name for ${p.name}`, "data-index": i, autocomplete: "off" });
      name.addEventListener("change", () => {
        renamed.set(i, name.value.trim() || p.label);
        update(false);
        const again = root.querySelector(`#perspective-${i}`);
        if (again) again.focus();
      });
      return [name, p.name, v.current ? `${v.version} (current)` : `${v.version || "unknown"} (this page uses ${data.version})`,
        String(v.used), v.leftOut.length ? `${v.leftOut.length}: ${v.leftOut.join(", ")}` : "none"];
    });
    return el("div", {}, el("h3", { text: "Perspectives" }),
      el("p", { text: "You can rename a perspective: type its name and press Enter. \"Left out\" lists answers to " +
        "questions that this version of the questionnaire does not have: they are not combined." }),
      table("Files combined", ["Perspective", "File", "Questionnaire version", "Answers used", "Left out"], rows,
        "mpl-cmp-perspectives"));
  }

  function renderDisagreements(result) {
    const differing = result.disagreements.filter((d) => d.spread > 0);
    const agreed = result.disagreements.filter((d) => d.spread === 0);
    return [
      el("h3", { text: "Where you disagree most" }),
      differing.length ? el("ol", { className: "mpl-cmp-disagreements" }, differing.map((d) => el("li", {},
        el("p", {}, el("strong", { text: d.questionText }), ` Gap between answers: ${Math.round(d.spread * 100)}% of the scale.`),
        table(`Each perspective's answer to: ${d.questionText}`, ["Perspective", "Answer"],
          d.answers.map((a) => [a.perspective, a.answer]), "mpl-cmp-answers mpl-cmp-caption-hidden"))))
        : el("p", { text: "No disagreement: everyone who answered a question on its scale gave the same answer." }),
      agreed.length ? el("details", {}, el("summary", { text: `Questions without disagreement (${agreed.length})` }),
        el("ul", {}, agreed.map((d) => el("li", { text: `${d.questionText} (${d.answers.map((a) => `${a.perspective}: ${a.answer}`).join("; ")})` }))))
        : null,
    ];
  }

  function renderRecommendations(result) {
    const total = result.perspectives.length;
    return [
      el("h3", { text: "Recommended practices, combined" }),
      result.recommendations.length ? el("ol", { className: "mpl-cmp-rec-list" }, result.recommendations.map((r) => el("li", {},
        practiceLink(r, linkBase),
        r.minority ? el("strong", { className: "mpl-cmp-minority", text: " Minority view:" }) : null,
        ` recommended by ${r.support} of ${total} perspective${total === 1 ? "" : "s"} (${r.supportedBy.join(", ")}).`,
        r.reasons.length ? el("ul", { className: "mpl-cmp-why" },
          r.reasons.map((why) => el("li", {}, el("span", { className: "mpl-cmp-why__who", text: `${why.perspective}: ` }),
            `${why.questionText} `, el("em", { text: why.answerLabel })))) : null)))
        : el("p", { text: "No practice is recommended by any perspective." }),
    ];
  }

  input.addEventListener("change", async () => {
    await add(input.files);
    input.value = "";
  });
  dropzone.addEventListener("dragover", (event) => { event.preventDefault(); dropzone.classList.add("mpl-cmp-dropzone--over"); });
  dropzone.addEventListener("dragleave", () => dropzone.classList.remove("mpl-cmp-dropzone--over"));
  dropzone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropzone.classList.remove("mpl-cmp-dropzone--over");
    add(event.dataTransfer.files);
  });
  part("clear").addEventListener("click", () => {
    files = [];
    renamed.clear();
    update(false);
    input.focus();
  });
}

function listOrNone(items) {
  return items.length ? el("ul", {}, items.map((text) => el("li", { text }))) : "none";
}
