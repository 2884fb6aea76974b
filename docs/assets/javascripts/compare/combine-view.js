// The "combine perspectives" page: read several exported answers files (nothing is uploaded) and show a summary
// first, then the files, where the perspectives disagree, the scores and the recommendations. Each file is read,
// checked and scored once, when it is chosen; long lists (every perspective's answers, reasons, gaps) are built only when
// their details are opened, so that fifty files combine as fast as three.
import { MAX_PERSPECTIVE_BYTES, combine, readPerspectiveFile, scorePerspective, sortPerspectiveFiles } from "./compare.js";
import { radarChart } from "./radar.js";
import { el, focusHeading, formatScore, lazyDetails, practiceLink, table } from "./render.js";
import { tr } from "../assessment/strings.js";

const SHOWN_DISAGREEMENTS = 5;  // questions shown with everyone's answers; the others are in a details
const GROUPED_FROM = 8;  // more answers than this: grouped by answer, so that fifty files stay short and quick
const AT_ONCE = 5;  // files started, or checked and scored, in one task
// Waits until the browser has drawn what was just added (a frame), or 50 ms where it draws nothing (a hidden tab).
const afterFrame = () => new Promise((go) => {
  const late = setTimeout(go, 50);
  requestAnimationFrame(() => { clearTimeout(late); setTimeout(go, 0); });
});
const nextTask = () => (globalThis.scheduler && scheduler.yield ? scheduler.yield() : new Promise((go) => setTimeout(go, 0)));

export function startCombine(root, { data, score, parseAnswers, linkBase }) {
  const say = tr(data);
  const part = (role) => root.querySelector(`[data-role="${role}"]`);
  const [refused, status, results, dropzone] = ["refused", "status", "results", "dropzone"].map(part);
  const input = root.querySelector("#combine-files");
  let read = [];             // each chosen file, checked once: {name, file, dropped} or {name, errors}
  const renamed = new Map(); // index among accepted files -> perspective name typed on this page
  let renders = 0;           // counts updates, so that a late part never lands on newer results

  // Even starting to read a file takes the page a moment, and checking and scoring one more: both are done a few
  // files at a time, each few in a task of its own, so that fifty files make no long task.
  async function add(fileList) {
    const chosen = Array.from(fileList || []);
    performance.mark("mpl-combine-start");
    const reading = [];
    for (let i = 0; i < chosen.length; i += AT_ONCE) {
      if (i) await nextTask();
      reading.push(...chosen.slice(i, i + AT_ONCE).map(async (f) => ({ name: f.name, size: f.size,
        text: f.size > MAX_PERSPECTIVE_BYTES ? null : await f.text().catch(() => null) })));
    }
    for (let i = 0; i < reading.length; i += AT_ONCE) {
      const texts = await Promise.all(reading.slice(i, i + AT_ONCE));
      read = read.concat(texts.map((f) => {  // each file is scored here, once
        const checked = readPerspectiveFile(data, f, parseAnswers, say);
        return checked.file ? { ...checked, scored: scorePerspective(data, checked.file, score) } : checked;
      }));
      await nextTask();
    }
    update(true);
    performance.measure("mpl-combine", "mpl-combine-start");
  }

  function update(focus) {
    const sorted = sortPerspectiveFiles(data, read);
    sorted.accepted.forEach((p, i) => { if (renamed.has(i)) p.label = renamed.get(i); });
    refused.replaceChildren(...(sorted.refused.length ? [
      el("h2", { text: say("combine.refused_title", { count: sorted.refused.length }) }),
      el("ul", {}, sorted.refused.map((r) => el("li", {}, el("strong", { text: r.name }), `: ${r.errors.join(" ")}`))),
      el("p", { text: say("combine.refused_rest") }),
    ] : []));
    const n = sorted.accepted.length;
    status.textContent = !read.length ? "" : n < 2 ? say("combine.status_too_few", { count: n }) : say("combine.status", { count: n });
    if (!n) {
      renders += 1;
      results.replaceChildren();
      results.hidden = true;
      return;
    }
    const result = combine(data, sorted.accepted, score);
    // The heading, the summary and the files at once; the rest is built and added after they are drawn.
    results.replaceChildren(focusHeading(say("combine.results_title", { count: n })), renderSummary(result),
      renderPerspectives(sorted.accepted, result));
    results.hidden = false;
    delete results.dataset.complete;
    const shown = ++renders;
    (async () => {  // the rest, one part at a time, each drawn before the next is added: no long task
      await afterFrame();
      // The focus moves once the first part is drawn: focusing lays the page out, here at no cost.
      if (shown === renders && focus && !sorted.refused.length) results.querySelector(".mpl-cmp-results__heading").focus();
      for (const [i, part] of renderDetails(result).entries()) {
        if (i) await afterFrame();
        if (shown !== renders) return;  // a newer update has replaced these results
        results.append(...part().filter(Boolean));
      }
      results.dataset.complete = "true";
    })();
  }

  // The results after the files, in parts (functions), each added to the page after the one before is drawn.
  function renderDetails(result) {
    const labels = result.perspectives;
    const score$ = (v) => formatScore(v, say);
    return [
      () => [
        ...renderDisagreements(result),
        el("h3", { text: say("combine.scores_title") }),
        radarChart(say, say("combine.radar_title"), result.stages.map((s) => s.title),
          [...labels.map((label, i) => ({ label, values: result.stages.map((s) => s.scores[i]) })),
            { label: say("combine.combined_series"), values: result.stages.map((s) => s.combined) }]),
        table(say("combine.scores_caption"), [say("results.col_section"), say("combine.col_combined"), say("combine.col_lowest"),
          say("combine.col_highest"), say("combine.col_missing")], result.stages.map((s) => {
          const given = s.scores.filter((v) => v !== null);
          return [s.title, score$(s.combined), score$(given.length ? Math.min(...given) : null), score$(given.length ? Math.max(...given) : null),
            s.missing.length ? s.missing.join(", ") : say("combine.none")];
        }), "mpl-cmp-combined-scores"),
        lazyDetails(say("combine.each_score_title"), () => table(say("combine.each_score_caption"), [say("combine.col_perspective"),
          ...result.stages.map((s) => s.title)], labels.map((label, i) => [label, ...result.stages.map((s) => score$(s.scores[i]))]))),
      ],
      () => [
        ...renderRecommendations(result),
        el("h3", { text: say("combine.gaps_title") }),
        lazyDetails(say("combine.gaps_summary", { na: count(result.notApplicable), dk: count(result.dontKnow) }), () =>
          table(say("combine.gaps_caption"), [say("combine.col_perspective"), say("answer.not_applicable"), say("answer.dont_know")],
            labels.map((label, i) => [label,
              listOrNone(result.notApplicable[i].items.map((x) => (x.reason ? `${x.questionText} (${x.reason})` : x.questionText))),
              listOrNone(result.dontKnow[i].items.map((x) => x.questionText))]))),
      ],
    ];
  }

  // What the combined results say, in a few lines, before any detail.
  function renderSummary(result) {
    const total = result.perspectives.length;
    const widest = result.disagreements.find((d) => d.spread > 0);
    const most = result.recommendations[0];
    const minority = result.recommendations.filter((r) => r.minority).length;
    const scored = result.stages.filter((s) => s.combined !== null).sort((a, b) => a.combined - b.combined);
    const lines = [
      widest ? say("combine.summary_widest", { question: widest.questionText, gap: Math.round(widest.spread * 100) }) : say("combine.summary_agree"),
      most ? say("combine.summary_most", { title: most.title, support: most.support, total }) : say("combine.summary_none"),
      say("combine.summary_minority", { count: minority }),
      scored.length ? say("combine.summary_lowest", { section: scored[0].title, score: Math.round(scored[0].combined) }) : null,
    ].filter(Boolean);
    return el("ul", { className: "mpl-cmp-summary" }, lines.map((text) => el("li", { text })));
  }

  function renderPerspectives(accepted, result) {
    const rows = accepted.map((p, i) => {
      const v = result.versions[i];
      const name = el("input", { type: "text", id: `perspective-${i}`, value: p.label, maxlength: 80,
        "aria-label": say("combine.rename_label", { name: p.name }), "data-index": i, autocomplete: "off" });
      name.addEventListener("change", () => {
        renamed.set(i, name.value.trim() || p.label);
        update(false);
        const again = root.querySelector(`#perspective-${i}`);
        if (again) again.focus();
      });
      return [name, p.name, v.current ? say("combine.version_current", { version: v.version })
        : say("combine.version_other", { version: v.version || say("combine.version_unknown"), ours: data.version }),
      String(v.used), v.leftOut.length ? say("combine.left_out", { count: v.leftOut.length, ids: v.leftOut.join(", ") }) : say("combine.none")];
    });
    return el("div", {}, el("h3", { text: say("combine.perspectives_title") }),
      el("p", { text: say("combine.perspectives_hint") }),
      table(say("combine.perspectives_caption"), [say("combine.col_perspective"), say("combine.col_file"), say("combine.col_version"),
        say("combine.col_used"), say("combine.col_left_out")], rows, "mpl-cmp-perspectives"));
  }

  function disagreementItem(d) {
    const answers = () => table(say("combine.answers_caption", { question: d.questionText }),
      [say("combine.col_perspective"), say("combine.col_answer")], d.answers.map((a) => [a.perspective, a.answer]),
      "mpl-cmp-answers mpl-cmp-caption-hidden");
    return el("li", {},
      el("p", {}, el("strong", { text: d.questionText }), ` ${say("combine.gap", { gap: Math.round(d.spread * 100) })}`),
      ...(d.answers.length <= GROUPED_FROM ? [answers()]
        : [answerGroups(d), lazyDetails(say("combine.each_answer", { count: d.answers.length }), answers)]));
  }

  // Many perspectives: who gave each answer, in one line per answer; everyone's row is in a details.
  function answerGroups(d) {
    const groups = new Map();
    for (const a of d.answers) groups.set(a.answer, [...(groups.get(a.answer) || []), a.perspective]);
    return el("ul", { className: "mpl-cmp-answer-groups" }, [...groups].map(([answer, names]) =>
      el("li", { text: say("combine.answer_group", { answer, count: names.length, names: names.join(", ") }) })));
  }

  function renderDisagreements(result) {
    const differing = result.disagreements.filter((d) => d.spread > 0);
    const agreed = result.disagreements.filter((d) => d.spread === 0);
    const rest = differing.slice(SHOWN_DISAGREEMENTS);
    return [
      el("h3", { text: say("combine.disagree_title") }),
      differing.length ? el("ol", { className: "mpl-cmp-disagreements" }, differing.slice(0, SHOWN_DISAGREEMENTS).map(disagreementItem))
        : el("p", { text: say("combine.no_disagreement") }),
      rest.length ? lazyDetails(say("combine.more_disagreements", { count: rest.length }),
        () => el("ol", { className: "mpl-cmp-disagreements", start: SHOWN_DISAGREEMENTS + 1 }, rest.map(disagreementItem))) : null,
      agreed.length ? lazyDetails(say("combine.agreed", { count: agreed.length }), () => el("ul", {}, agreed.map((d) =>
        el("li", { text: `${d.questionText} (${d.answers.map((a) => `${a.perspective}: ${a.answer}`).join("; ")})` })))) : null,
    ];
  }

  function renderRecommendations(result) {
    const total = result.perspectives.length;
    return [
      el("h3", { text: say("combine.recommendations_title") }),
      result.recommendations.length ? el("ol", { className: "mpl-cmp-rec-list" }, result.recommendations.map((r) => el("li", {},
        practiceLink(r, linkBase),
        r.minority ? el("strong", { className: "mpl-cmp-minority", text: ` ${say("combine.minority")}` }) : null,
        ` ${say("combine.support", { count: total, support: r.support, total, names: r.supportedBy.join(", ") })}`,
        r.reasons.length ? lazyDetails(say("combine.why", { count: r.reasons.length }), () => el("ul", { className: "mpl-cmp-why" },
          r.reasons.map((why) => el("li", {}, el("span", { className: "mpl-cmp-why__who", text: `${why.perspective}: ` }),
            `${why.questionText} `, el("em", { text: why.answerLabel }))))) : null)))
        : el("p", { text: say("combine.recommendations_none") }),
    ];
  }

  function listOrNone(items) {
    return items.length ? el("ul", {}, items.map((text) => el("li", { text }))) : say("combine.none");
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
    read = [];
    renamed.clear();
    update(false);
    input.focus();
  });
}

const count = (groups) => groups.reduce((n, g) => n + g.items.length, 0);
