"""The self-assessment: load, validate and cross-reference everything under assessment/.

The questionnaire refers to the library (practices and priority actions it can recommend, the stages
its sections follow), so it is checked against a loaded `Library`. Pure: no MkDocs imports.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import schemas
from .library import Library
from .problems import Problems, did_you_mean
from .yaml_source import YamlDocument, read_yaml

ORGANISATION = "organisation"  # the section about the organisation as a whole (covers the priority actions)
PRIORITY_WEIGHTS = {"high": 3, "medium": 2, "low": 1}
RULE_KINDS = {"practice": "practice", "action": "priority-action"}  # key in `recommends` -> kind of entry


@dataclass
class Rule:
    """A question recommends `target` when it is answered with one of the values `when`."""
    target: str
    kind: str
    when: list[int]
    priority: str

    @property
    def weight(self) -> int:
        return PRIORITY_WEIGHTS[self.priority]


@dataclass
class Question:
    id: str
    section: str
    text: str
    scale: str
    help: str | None = None
    show_if: dict | None = None
    recommends: list[Rule] = field(default_factory=list)


@dataclass
class Section:
    id: str
    title: str
    summary: str
    path: str
    questions: list[Question] = field(default_factory=list)

    @property
    def is_stage(self) -> bool:
        return self.id != ORGANISATION


@dataclass
class Assessment:
    version: str = ""
    title: str = ""
    summary: str = ""
    scales: dict[str, dict] = field(default_factory=dict)
    profile: dict = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
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
    _load_head(result, root, base, schema_dir)
    docs = _load_sections(result, root, base, schema_dir, lib)
    _check_questions(result, docs, lib)
    _check_coverage(result, lib)
    return result


# --- Helpers: files ---

def _read(result: Assessment, root: Path, file: Path, schema_dir: Path, schema: str) -> YamlDocument | None:
    shown = file.relative_to(root).as_posix()
    if not file.is_file():
        result.problems.error(shown, 1, f"missing file: create {shown} (see schema/{schema}.schema.json).")
        return None
    doc = read_yaml(file, shown, result.problems)
    if doc is None or not schemas.check(doc, schema_dir, schema, result.problems):
        return None
    return doc


def _load_head(result: Assessment, root: Path, base: Path, schema_dir: Path) -> None:
    if doc := _read(result, root, base / "questionnaire.yml", schema_dir, "assessment-questionnaire"):
        result.version, result.title, result.summary = doc.data["version"], doc.data["title"], doc.data["summary"]
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


def _load_sections(result: Assessment, root: Path, base: Path, schema_dir: Path, lib: Library) -> dict[str, YamlDocument]:
    """One file per stage of practices/stages.yml plus organisation.yml, in that order."""
    folder = base / "sections"
    expected = lib.stage_ids + [ORGANISATION]
    for file in sorted(folder.glob("*")) if folder.is_dir() else []:
        if file.stem not in expected or file.suffix != ".yml":
            names = ", ".join(f"{s}.yml" for s in expected)
            result.problems.error(file.relative_to(root).as_posix(), 1, f"unexpected file: sections are named after a stage of practices/stages.yml or `organisation` ({names}).")
    docs: dict[str, YamlDocument] = {}
    stages = {s["id"]: s for s in lib.stages}
    for section_id in expected:
        doc = _read(result, root, folder / f"{section_id}.yml", schema_dir, "assessment-section")
        if doc is None:
            continue
        data = doc.data
        if data["section"] != section_id:
            result.problems.error(doc.path, doc.line_of("section"), f"`section` is `{data['section']}` but the file is named {section_id}.yml: they must match.")
            continue
        stage = stages.get(section_id, {})
        title, summary = data.get("title", stage.get("title")), data.get("summary", stage.get("summary"))
        if not title or not summary:
            result.problems.error(doc.path, 1, "missing `title` or `summary`: the organisation section needs both.")
            continue
        section = Section(section_id, title, summary, doc.path)
        for q in data["questions"]:
            rules = [Rule(r.get("practice") or r.get("action") or "", "priority-action" if "action" in r else "practice",
                          r["when"], r["priority"]) for r in q["recommends"]]
            section.questions.append(Question(q["id"], section_id, q["text"], q["scale"], q.get("help"), q.get("show_if"), rules))
        result.sections.append(section)
        docs[section_id] = doc
    return docs


# --- Helpers: cross-references ---

def _check_questions(result: Assessment, docs: dict[str, YamlDocument], lib: Library) -> None:
    """References resolve: scales, conditions (earlier questions, profile options, values), recommended entries."""
    seen: dict[str, tuple[str, int, Question]] = {}
    profile_ids = [o["id"] for o in result.profile.get("options", [])]
    for section in result.sections:
        doc = docs[section.id]
        for index, q in enumerate(section.questions):
            where = ("questions", index)
            if q.id in seen:
                first = seen[q.id]
                result.problems.error(doc.path, doc.line_of(*where, "id"), f"question id `{q.id}` is already used at {first[0]}:{first[1]}: choose another id (never reuse an old one).")
            if q.scale not in result.scales:
                result.problems.error(doc.path, doc.line_of(*where, "scale"), f"unknown scale `{q.scale}`.{did_you_mean(q.scale, result.scales)} Use a scale id from assessment/scales.yml.")
            _check_condition(result, doc, where, q, seen, profile_ids)
            _check_rules(result, doc, where, q, lib)
            seen.setdefault(q.id, (doc.path, doc.line_of(*where, "id"), q))


def _check_condition(result, doc, where, q: Question, earlier: dict, profile_ids: list[str]) -> None:
    cond = q.show_if or {}
    for index, option in enumerate(cond.get("profile", [])):
        if option not in profile_ids:
            result.problems.error(doc.path, doc.line_of(*where, "show_if", "profile", index), f"unknown profile option `{option}`.{did_you_mean(option, profile_ids)} Use an option id from assessment/profile.yml.")
    if ("question" in cond) != ("in" in cond):
        result.problems.error(doc.path, doc.line_of(*where, "show_if"), "`show_if` needs both `question` (an earlier question's id) and `in` (its values at which to ask this one).")
        return
    if "question" not in cond:
        return
    ref = cond["question"]
    line = doc.line_of(*where, "show_if", "question")
    if ref not in earlier:
        later = any(ref == other.id for other in result.questions)
        hint = "it comes later: a condition may only refer to an earlier question." if later else f"no such question.{did_you_mean(ref, earlier)}"
        result.problems.error(doc.path, line, f"`show_if` names question `{ref}`, but {hint}")
        return
    values = result.scale_values(earlier[ref][2].scale)
    for index, value in enumerate(cond["in"]):
        if values and value not in values:
            result.problems.error(doc.path, doc.line_of(*where, "show_if", "in", index), f"`in` lists {value}, which is not a value of the scale of `{ref}` ({values}).")


def _check_rules(result, doc, where, q: Question, lib: Library) -> None:
    raw = doc.data["questions"][where[1]]["recommends"]
    values = result.scale_values(q.scale)
    targets: set[str] = set()
    for index, (rule, data) in enumerate(zip(q.recommends, raw)):
        at = (*where, "recommends", index)
        keys = [k for k in RULE_KINDS if k in data]
        if len(keys) != 1:
            result.problems.error(doc.path, doc.line_of(*at), "each recommendation names exactly one `practice:` or one `action:` (a priority action).")
            continue
        key = keys[0]
        entry = lib.entries.get(rule.target)
        line = doc.line_of(*at, key)
        if entry is None:
            candidates = [e.id for e in lib.of_kind(rule.kind)]  # only when needed: it scans every entry
            result.problems.error(doc.path, line, f"`{key}` names `{rule.target}`, which is not a {rule.kind} id.{did_you_mean(rule.target, candidates)}")
        elif entry.kind != rule.kind:
            other = next(k for k, v in RULE_KINDS.items() if v == entry.kind) if entry.kind in RULE_KINDS.values() else None
            fix = f"write `{other}: {rule.target}`" if other else "only practices and priority actions can be recommended"
            result.problems.error(doc.path, line, f"`{key}` names `{rule.target}`, which is a {entry.kind}: {fix}.")
        elif entry.retired:
            result.problems.warning(doc.path, line, f"`{key}` names `{rule.target}`, which is retired: recommend its replacement instead.")
        if rule.target in targets:
            result.problems.error(doc.path, line, f"`{rule.target}` is recommended twice by this question: merge the two into one.")
        targets.add(rule.target)
        for v_index, value in enumerate(rule.when):
            if values and value not in values:
                result.problems.error(doc.path, doc.line_of(*at, "when", v_index), f"`when` lists {value}, which is not a value of the scale `{q.scale}` ({values}).")


def _check_coverage(result: Assessment, lib: Library) -> None:
    """Every current practice and priority action must be recommendable by at least one answer."""
    if result.problems.errors:
        return  # coverage is only meaningful once the references resolve
    reachable = {r.target for q in result.questions for r in q.recommends
                 if any(v in result.scale_values(q.scale) for v in r.when)}
    for kind, key in (("practice", "practice"), ("priority-action", "action")):
        for entry in lib.of_kind(kind):
            if entry.id not in reachable:
                result.problems.error(entry.path, 1, f"no answer in the self-assessment can recommend this {kind}: add `{key}: {entry.id}` to the `recommends` of a question in assessment/sections/.")
