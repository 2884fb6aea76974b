"""The self-assessment: load, validate and cross-reference everything under assessment/.

The questionnaire (assessment/questionnaire.yml) declares its sections, in order, each in its own file
assessment/sections/<id>.yml; a section may follow a stage of the library. Its questions recommend
entries of the kinds that practices/kinds.yml makes recommendable. Pure: no MkDocs imports.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import files, schemas, versions
from .library import Library
from .problems import Problems, did_you_mean, id_hint, slugify
from .yaml_source import YamlDocument, check_schema_line, read_yaml

# How the results rank what to do first (the page explains it in words; scoring.js applies it):
# a rule that fires counts gap x weight x fit, where gap is how far the answer is from the best one
# (1 for the lowest answer, 0 for the highest); a practice's need is its strongest rule plus OTHERS times
# the sum of its other rules, times TENTATIVE for an idea the source only floats; LABELS turn a need into
# a priority (at least `high` is high, at least `medium` is medium, the rest low).
FORMULA = {
    "weights": {"high": 1.0, "medium": 0.75, "low": 0.5},
    "fit": {"central": 1.0, "partial": 0.5},
    "others": 0.1,
    "tentative": 0.8,
    "labels": {"high": 0.75, "medium": 0.45},
    "plan": {"start": 3, "next": 5},
    "enough_answers": 0.5,  # a section's score needs at least this share of its asked questions answered on the scale
}


def formula_values(formula: dict = FORMULA) -> dict:
    """The numbers of the formula as the page's explanation (interface.yml, assessment.how) prints them."""
    number = lambda x: f"{x:g}"  # noqa: E731 - 1.0 -> "1", 0.75 -> "0.75"
    return {"weight_high": number(formula["weights"]["high"]), "weight_medium": number(formula["weights"]["medium"]),
            "weight_low": number(formula["weights"]["low"]), "fit_central": number(formula["fit"]["central"]),
            "fit_partial": number(formula["fit"]["partial"]), "others": number(formula["others"]),
            "tentative": number(formula["tentative"]), "label_high": number(formula["labels"]["high"]),
            "label_medium": number(formula["labels"]["medium"]), "start": formula["plan"]["start"],
            "next": formula["plan"]["next"], "enough": f"{round(100 * formula['enough_answers'])}%"}


@dataclass
class Rule:
    """A question recommends `target` (an entry of `kind`) when it is answered with one of the values `when`."""
    target: str
    kind: str
    when: list[int]
    fit: str = "central"


@dataclass
class Question:
    id: str
    section: str
    text: str
    scale: str
    help: str | None = None
    show_if: dict | None = None
    weight: str = "medium"
    recommends: list[Rule] = field(default_factory=list)


@dataclass
class Section:
    id: str
    title: str
    summary: str
    path: str
    stage: str | None = None  # the library stage this section follows: its score is that stage's
    questions: list[Question] = field(default_factory=list)


@dataclass
class Assessment:
    version: str = ""
    title: str = ""
    summary: str = ""
    seconds_per_question: int = 20
    scales: dict[str, dict] = field(default_factory=dict)
    profile: dict = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    retired_questions: list[str] = field(default_factory=list)  # ids of earlier versions, never to be reused
    problems: Problems = field(default_factory=Problems)

    @property
    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    def scale_values(self, scale_id: str) -> list[int]:
        return [o["value"] for o in self.scales.get(scale_id, {}).get("options", [])]


def load_assessment(root: Path, lib: Library, schema_dir: Path | None = None) -> Assessment:
    """Read `root/assessment/` and check it against `lib`; every problem found is in `.problems`."""
    root = Path(root)
    schema_dir = Path(schema_dir) if schema_dir else root / "schema"
    result = Assessment()
    base = root / "assessment"
    if not base.is_dir():
        result.problems.error("assessment", 1, "folder not found: run from the repository root, or create assessment/.")
        return result
    head = _load_head(result, root, base, schema_dir, lib)
    docs = _load_sections(result, root, base, schema_dir, lib, head)
    _check_questions(result, docs, lib)
    complete = head is not None and len(docs) == len(head.data.get("sections", []))  # every question could be read
    if complete:  # otherwise the questions of an unreadable section would look removed
        result.retired_questions = versions.check(root, base, schema_dir, result, head, result.problems)
    _check_coverage(result, lib, complete)
    return result


# --- Helpers: files ---

# Where the questionnaire names things by id: a value there that is not shaped like an id (a title, say) is
# reported by the checks below, which can name the id meant ("write the id, not the title").
_SECTION_REFERENCES = [("pattern", ("sections", int, "stage"))]
_QUESTION_REFERENCES = [("pattern", ("questions", int, "scale")),
                        ("pattern", ("questions", int, "show_if", "profile", int)),
                        ("pattern", ("questions", int, "show_if", "question")),
                        ("pattern", ("questions", int, "recommends", int, str)),
                        lambda error: _misspelt_recommend_key(error)]


def _misspelt_recommend_key(error) -> bool:
    """A key of a recommendation that is not a kind's `recommend_as` key (`Practice:`, `practise:`): the rule
    check names the keys there are."""
    path = tuple(error.absolute_path)
    return (error.validator == "additionalProperties" and len(path) == 4 and path[0] == "questions"
            and path[2] == "recommends" and isinstance(error.instance, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in error.instance.items() if k not in ("when", "fit")))


def _read(result: Assessment, root: Path, file: Path, schema_dir: Path, schema: str, later=None) -> YamlDocument | None:
    shown = file.relative_to(root).as_posix()
    if not file.is_file():
        result.problems.error(shown, 1, f"missing file: create {shown} (see schema/{schema}.schema.json).")
        return None
    doc = read_yaml(file, shown, result.problems, root=root)
    if doc is None or not schemas.check(doc, schema_dir, schema, result.problems, later):
        return None
    check_schema_line(doc, f"schema/{schema}.schema.json", result.problems)
    return doc


def _load_head(result: Assessment, root: Path, base: Path, schema_dir: Path, lib: Library) -> YamlDocument | None:
    head = _read(result, root, base / "questionnaire.yml", schema_dir, "assessment-questionnaire", _SECTION_REFERENCES)
    if head:
        data = head.data
        result.version, result.title, result.summary = data["version"], data["title"], data["summary"]
        result.seconds_per_question = data.get("seconds_per_question", 20)
    if doc := _read(result, root, base / "scales.yml", schema_dir, "assessment-scales"):
        for index, scale in enumerate(doc.data["scales"]):
            if scale["id"] in result.scales:
                result.problems.error(doc.path, doc.line_of("scales", index, "id"), f"scale id `{scale['id']}` is used twice: make it unique.")
                continue
            values = [o["value"] for o in scale["options"]]
            labels = [o["label"] for o in scale["options"]]
            if any(b <= a for a, b in zip(values, values[1:])):
                result.problems.error(doc.path, doc.line_of("scales", index, "options"), f"the values of scale `{scale['id']}` must rise from the first option to the last (they are {values}).")
            if len(set(labels)) != len(labels):
                result.problems.error(doc.path, doc.line_of("scales", index, "options"), f"scale `{scale['id']}` repeats a label: give every option its own label.")
            result.scales[scale["id"]] = scale
    if doc := _read(result, root, base / "profile.yml", schema_dir, "assessment-profile"):
        seen: set[str] = set()
        for index, option in enumerate(doc.data["options"]):
            if option["id"] in seen:
                result.problems.error(doc.path, doc.line_of("options", index, "id"), f"profile option `{option['id']}` is used twice: make it unique.")
            seen.add(option["id"])
        result.profile = doc.data
    return head


def _load_sections(result: Assessment, root: Path, base: Path, schema_dir: Path, lib: Library,
                   head: YamlDocument | None) -> dict[str, YamlDocument]:
    """The sections declared in questionnaire.yml, in that order, each from sections/<id>.yml."""
    if head is None:
        return {}
    declared = head.data["sections"]
    folder = base / "sections"
    ids = [s["id"] for s in declared]
    for file in files.files_under(folder, root, result.problems) if folder.is_dir() else []:
        if file.stem not in ids or file.suffix != ".yml" or file.parent != folder:
            result.problems.error(file.relative_to(root).as_posix(), 1, f"unexpected file: every file in assessment/sections/ is a section declared under `sections` in assessment/questionnaire.yml ({', '.join(f'{i}.yml' for i in ids)}).")
    stages = {s["id"]: s for s in lib.stages}
    docs: dict[str, YamlDocument] = {}
    seen: set[str] = set()
    for index, item in enumerate(declared):
        at = ("sections", index)
        if item["id"] in seen:
            result.problems.error(head.path, head.line_of(*at, "id"), f"section `{item['id']}` is declared twice: keep one.")
            continue
        seen.add(item["id"])
        stage = item.get("stage")
        unknown = bool(stage) and stage not in stages
        if unknown and "stages" not in lib.broken:
            result.problems.error(head.path, head.value_line(*at, "stage"), f"unknown stage `{stage}`.{id_hint(stage, stages)} Use an id from practices/stages.yml.")
        stage = None if unknown else stage
        title = item.get("title") or stages.get(stage, {}).get("title")
        summary = item.get("summary") or stages.get(stage, {}).get("summary")
        if unknown:  # reported above: the missing title and summary follow from it
            title, summary = title or item["id"], summary or ""
        elif not title or not summary:
            result.problems.error(head.path, head.line_of(*at), f"section `{item['id']}` needs a `title` and a `summary` (a section with a `stage` takes the stage's).")
            title, summary = title or item["id"], summary or ""
        doc = _read(result, root, folder / f"{item['id']}.yml", schema_dir, "assessment-section", _QUESTION_REFERENCES)
        if doc is None:
            continue
        if doc.data["section"] != item["id"]:
            result.problems.error(doc.path, doc.line_of("section"), f"`section` is `{doc.data['section']}` but the file is named {item['id']}.yml: they must match.")
            continue
        section = Section(item["id"], title, summary, doc.path, stage)
        keys = lib.recommendable_kinds()
        for q in doc.data["questions"]:
            rules = []
            for r in q["recommends"]:
                key = next((k for k in r if k not in ("when", "fit")), "")
                target = r.get(key) if isinstance(r.get(key), str) else ""
                rules.append(Rule(target, keys[key].id if key in keys else "", r["when"], r.get("fit", "central")))
            section.questions.append(Question(q["id"], item["id"], q["text"], q["scale"], q.get("help"), q.get("show_if"),
                                              q.get("weight", "medium"), rules))
        result.sections.append(section)
        docs[item["id"]] = doc
    return docs


# --- Helpers: cross-references ---

def _check_questions(result: Assessment, docs: dict[str, YamlDocument], lib: Library) -> None:
    """References resolve: scales, conditions (earlier questions, profile options, values), recommended entries."""
    seen: dict[str, tuple[str, int, Question]] = {}
    profile_ids = {o["id"]: {"title": o["label"]} for o in result.profile.get("options", [])}
    for section in result.sections:
        doc = docs[section.id]
        for index, q in enumerate(section.questions):
            where = ("questions", index)
            if q.id in seen:
                first = seen[q.id]
                result.problems.error(doc.path, doc.line_of(*where, "id"), f"question id `{q.id}` is already used at {first[0]}:{first[1]}: choose another id (never reuse an old one).")
            if q.scale not in result.scales and result.scales:
                result.problems.error(doc.path, doc.value_line(*where, "scale"), f"unknown scale `{q.scale}`.{id_hint(q.scale, result.scales)} Use a scale id from assessment/scales.yml.")
            _check_condition(result, doc, where, q, seen, profile_ids)
            _check_rules(result, doc, where, q, lib)
            seen.setdefault(q.id, (doc.path, doc.line_of(*where, "id"), q))


def _check_condition(result, doc, where, q: Question, earlier: dict, profile_ids: list[str]) -> None:
    cond = q.show_if or {}
    for index, option in enumerate(cond.get("profile", [])):
        if option not in profile_ids and result.profile:
            result.problems.error(doc.path, doc.value_line(*where, "show_if", "profile", index), f"unknown profile option `{option}`.{id_hint(option, profile_ids)} Use an option id from assessment/profile.yml.")
    if ("question" in cond) != ("in" in cond):
        result.problems.error(doc.path, doc.line_of(*where, "show_if"), "`show_if` needs both `question` (an earlier question's id) and `in` (its values at which to ask this one).")
        return
    if "question" not in cond:
        return
    ref = cond["question"]
    line = doc.value_line(*where, "show_if", "question")
    if ref not in earlier:
        meant = ref if ref in {other.id for other in result.questions} else slugify(ref)
        if meant in earlier:
            hint = f"no such question. Write the id, not the words: `{meant}`."
        elif any(meant == other.id for other in result.questions):
            hint = "it comes later: a condition may only refer to an earlier question."
        else:
            hint = f"no such question.{id_hint(ref, {k: {} for k in earlier})}"
        result.problems.error(doc.path, line, f"`show_if` names question `{ref}`, but {hint}")
        return
    values = result.scale_values(earlier[ref][2].scale)
    for index, value in enumerate(cond["in"]):
        if values and value not in values:
            result.problems.error(doc.path, doc.line_of(*where, "show_if", "in", index), f"`in` lists {value}, which is not a value of the scale of `{ref}` ({values}).")


def _check_rules(result, doc, where, q: Question, lib: Library) -> None:
    raw = doc.data["questions"][where[1]]["recommends"]
    values = result.scale_values(q.scale)
    keys = lib.recommendable_kinds()
    targets: set[str] = set()
    for index, (rule, data) in enumerate(zip(q.recommends, raw)):
        at = (*where, "recommends", index)
        named = [k for k in data if k not in ("when", "fit")]
        if len(named) != 1 or named[0] not in keys:
            if "kinds" not in lib.broken:
                wrong = [k for k in named if k not in keys]
                hint = f" `{wrong[0]}` is not one.{did_you_mean(wrong[0], keys)}" if wrong else ""
                result.problems.error(doc.path, doc.line_of(*at), f"each recommendation names exactly one entry, with one of the keys {', '.join(f'`{k}:`' for k in keys)}.{hint}")
            continue
        key = named[0]
        entry = lib.entries.get(rule.target)
        line = doc.value_line(*at, key)
        if entry is None:
            if rule.target not in lib.unreadable:  # a file that exists: its own errors are reported there
                candidates = {e.id: {"title": e.title} for e in lib.of_kind(rule.kind)}  # only on error
                result.problems.error(doc.path, line, f"`{key}` names `{rule.target}`, which is not a {rule.kind} id.{id_hint(rule.target, candidates)}")
        elif entry.kind != rule.kind:
            other = next((k for k, kind in keys.items() if kind.id == entry.kind), None)
            fix = f"write `{other}: {rule.target}`" if other else f"a {entry.kind} cannot be recommended"
            result.problems.error(doc.path, line, f"`{key}` names `{rule.target}`, which is a {entry.kind}: {fix}.")
        elif entry.retired:
            result.problems.warning(doc.path, line, f"`{key}` names `{rule.target}`, which is retired: recommend its replacement instead.")
        if rule.target in targets:
            result.problems.error(doc.path, line, f"`{rule.target}` is recommended twice by this question: merge the two into one.")
        targets.add(rule.target)
        for v_index, value in enumerate(rule.when):
            if values and value not in values:
                result.problems.error(doc.path, doc.line_of(*at, "when", v_index), f"`when` lists {value}, which is not a value of the scale `{q.scale}` ({values}).")


def _check_coverage(result: Assessment, lib: Library, complete: bool) -> None:
    """Every current entry of a recommendable kind must be recommendable by at least one answer.
    Reported on the entry's own file, in the same run as every other problem, once all questions could be read."""
    if not complete or result.scales == {}:
        return
    titles = {slugify(e.title): e.id for e in lib.entries.values()}
    reachable = {titles.get(slugify(r.target), slugify(r.target)) if r.target not in lib.entries else r.target
                 for q in result.questions for r in q.recommends  # an id written as a title is reported as such
                 if q.scale not in result.scales or any(v in result.scale_values(q.scale) for v in r.when)}
    for key, kind in lib.recommendable_kinds().items():
        for entry in lib.of_kind(kind.id):
            if entry.id not in reachable:
                result.problems.error(entry.path, 1, f"no answer in the self-assessment can recommend this {kind.title.lower()} yet: add `{key}: {entry.id}` under `recommends` of the question it answers in assessment/sections/ (or write a new question: CONTRIBUTING.md, \"Add a question to the self-assessment\").")
