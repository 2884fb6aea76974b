"""Synthetic libraries for the benchmark: N valid entries and matching assessment questions, in the real
YAML format (one file per entry, the real vocabularies, schemas and section files), in a copy of the project.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# Top-level items of the repository that a build does not need (the rest is copied).
NOT_COPIED = {".git", ".venv", "site", "build", "bench", "tests", "node_modules", ".pytest_cache", ".cache", ".github",
              ".vscode", "practices", "assessment"}
SHARE = {"challenge": 0.3, "practice": 0.6}  # the rest are priority actions
FOLDERS = {"challenge": "challenges", "practice": "practices", "priority-action": "priority-actions"}
WORDS = ("power privilege trust language recruitment facilitator commissioner participant community evidence "
         "framing question budget timetable oversight advisory group wellbeing support listening voice room "
         "invitation selection lottery balance representation inclusion accessible childcare travel interpreter "
         "session agenda stakeholder partner council parliament assembly jury panel report recommendation response "
         "feedback reflection briefing expert witness story experience confidence safety respect challenge").split()


def make_project(size: int, dest: Path, seed: int = 1, share: dict | None = None, questions: int | None = None) -> dict:
    """A copy of the project in `dest` whose practices/ and assessment/ hold `size` synthetic entries
    (by default 30% challenges, 60% practices, 10% priority actions) and `questions` questions (size / 25)."""
    _copy_project(dest)
    rng = random.Random(seed)
    stages = [s["id"] for s in _load(ROOT / "practices/stages.yml")["stages"]]
    vocab = {name: [item["id"] for item in _load(ROOT / f"practices/{name}.yml")[name]] for name in ("roles", "themes")}
    source = _load(ROOT / "practices/sources.yml")["sources"][0]["id"]
    entries = _entries(size, rng, stages, vocab, source, share or SHARE)
    for entry in entries:
        kind = entry["kind"]
        _write(dest / "practices" / FOLDERS[kind] / f"{entry['id']}.yml", entry, f"../../build/schema/{kind}.schema.json")
    questions = _questionnaire(dest, entries, stages, rng, questions or max(len(stages) + 1, size // 25))
    counts = {kind: sum(e["kind"] == kind for e in entries) for kind in FOLDERS}
    return {"entries": len(entries), "questions": questions, **counts}


# --- Entries ---

def _entries(size: int, rng: random.Random, stages: list[str], vocab: dict, source: str, share: dict) -> list[dict]:
    n_challenges = max(1, round(size * share["challenge"]))
    n_practices = max(1, round(size * share["practice"]))
    n_actions = max(1, size - n_challenges - n_practices)
    challenges = [_entry("challenge", i, rng, stages, vocab, source) for i in range(n_challenges)]
    practices = [_entry("practice", i, rng, stages, vocab, source) for i in range(n_practices)]
    actions = [_entry("priority-action", i, rng, stages, vocab, source) for i in range(n_actions)]
    by_stage = {s: [c["id"] for c in challenges if c["stages"][0] == s] or [challenges[0]["id"]] for s in stages}
    for practice in practices:
        pool = by_stage[practice["stages"][0]]
        practice["addresses"] = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
    practice_ids = [p["id"] for p in practices]
    for action in actions:
        action["carried_out_by"] = rng.sample(practice_ids, min(len(practice_ids), rng.randint(2, 5)))
    everything = challenges + practices + actions
    for entry in everything:
        others = [rng.choice(everything)["id"] for _ in range(rng.randint(0, 2))]
        related = sorted({i for i in others if i != entry["id"]})
        if related:
            entry["related"] = related
    return [_ordered(e) for e in everything]


def _entry(kind: str, index: int, rng: random.Random, stages: list[str], vocab: dict, source: str) -> dict:
    words = rng.sample(WORDS, 5)
    entry = {
        "id": f"synthetic-{FOLDERS[kind]}-{index:05d}-{words[0]}",
        "kind": kind,
        "title": f"{words[0].capitalize()} {words[1]} and {words[2]}: synthetic {kind.replace('-', ' ')} {index}",
        "summary": f"A synthetic {kind.replace('-', ' ')} about {words[3]} and {words[4]}, made for the benchmark.",
        "stages": rng.sample(stages, rng.randint(1, 2)),
        "roles": rng.sample(vocab["roles"], rng.randint(1, 3)),
        "themes": rng.sample(vocab["themes"], rng.randint(1, 3)),
        "body": _body(rng),
        "sources": [{"source": source, "section": "Synthetic section for the benchmark"}],
    }
    if kind != "challenge":
        entry["effort"] = rng.choice(["low", "medium", "high"])
        entry["first_step"] = f"Talk about {words[1]} with the team before the next {words[2]} session."
    return entry


def _body(rng: random.Random) -> str:
    """Three paragraphs of about 60 words each, like the real entries (about 1,000 characters)."""
    paragraphs = []
    for _ in range(3):
        words = [rng.choice(WORDS) for _ in range(60)]
        sentences = [" ".join(words[i:i + 12]).capitalize() + "." for i in range(0, 60, 12)]
        paragraphs.append("\n".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def _ordered(entry: dict) -> dict:
    """The field order of the real files."""
    order = ["id", "kind", "title", "summary", "stages", "roles", "themes", "addresses", "carried_out_by",
             "related", "effort", "first_step", "body", "sources"]
    return {key: entry[key] for key in order if key in entry}


# --- Assessment ---

def _questionnaire(dest: Path, entries: list[dict], stages: list[str], rng: random.Random, total: int) -> int:
    """One section per stage plus `organisation`; together the questions recommend every practice and action."""
    base = dest / "assessment"
    shutil.rmtree(base / "sections", ignore_errors=True)
    (base / "sections").mkdir(parents=True)
    scales = {s["id"]: [o["value"] for o in s["options"]] for s in _load(ROOT / "assessment/scales.yml")["scales"]}
    profile = [o["id"] for o in _load(ROOT / "assessment/profile.yml")["options"]]
    n_org = max(1, total // 5)
    per_stage = max(1, (total - n_org) // len(stages))
    practices = [e for e in entries if e["kind"] == "practice"]
    actions = [e for e in entries if e["kind"] == "priority-action"]
    count, ids = 0, []
    for section in stages + ["organisation"]:
        if section == "organisation":
            targets, key, n = actions, "action", n_org
        else:
            targets, key, n = [p for p in practices if p["stages"][0] == section], "practice", per_stage
        questions = [_question(section, i, rng, scales, profile) for i in range(n)]
        for i, target in enumerate(targets or practices[:1]):  # each target is recommended by one question at least
            rule = {key: target["id"], "when": [0, 1], **rng.choice([{}, {}, {"fit": "partial"}])}
            questions[i % n]["recommends"].append(rule)
        for i, question in enumerate(questions):
            if not question["recommends"]:
                question["recommends"].append({key: rng.choice(targets or practices)["id"], "when": [0], "fit": "partial"})
            if i % 7 == 6:  # some questions are asked only after an earlier answer
                question["show_if"] = {"question": questions[i - 1]["id"], "in": [0, 1]}
        _write(base / "sections" / f"{section}.yml", {"section": section, "questions": questions},
               "../../schema/assessment-section.schema.json")
        ids += [q["id"] for q in questions]
        count += n
    head = _load(ROOT / "assessment/questionnaire.yml")
    head["version"] = "1.0.0"
    head["sections"] = [{"id": s, "stage": s} for s in stages] + [
        {"id": "organisation", "title": "Your organisation as a whole", "summary": "Synthetic questions about the organisation as a whole."}]
    _write(base / "questionnaire.yml", head, "../schema/assessment-questionnaire.schema.json")
    _write(base / "versions.yml", {"versions": [{"version": "1.0.0", "added": ids}]}, "../schema/assessment-versions.schema.json")
    return count


def _question(section: str, index: int, rng: random.Random, scales: dict, profile: list[str]) -> dict:
    words = rng.sample(WORDS, 3)
    scale = rng.choice([s for s, values in scales.items() if {0, 1} <= set(values)])
    question = {"id": f"syn-{section}-{index:04d}", "text": f"Do you plan for {words[0]}, {words[1]} and {words[2]} at this stage?",
                "scale": scale, **rng.choice([{}, {"weight": "high"}, {"weight": "low"}]), "recommends": []}
    if index % 3 == 2:
        question["show_if"] = {"profile": rng.sample(profile, 2)}
    return question


# --- Files ---

def _copy_project(dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for item in ROOT.iterdir():
        if item.name in NOT_COPIED:
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(item, dest / item.name)
    for folder, pattern in (("practices", "*.yml"), ("assessment", "*.yml")):
        (dest / folder).mkdir(exist_ok=True)
        for file in (ROOT / folder).glob(pattern):  # vocabularies, scales, profile, questionnaire
            shutil.copy2(file, dest / folder / file.name)


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def _write(path: Path, data: dict, schema: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(f"# yaml-language-server: $schema={schema}\n{text}", encoding="utf-8")
