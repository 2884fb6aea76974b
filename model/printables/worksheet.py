"""Shape the blank self-assessment worksheet: the questionnaire's version, the profile to tick, and each
section's questions (numbered as on the site) with the options of their scale as boxes to tick, plus
"Don't know" and "Not applicable", the conditions under which a question is asked, and room for notes."""
from __future__ import annotations


def shape(sources) -> dict:
    assessment, site = sources.assessment, sources.site
    numbers = {q.id: n for n, q in enumerate(assessment.questions, start=1)}
    profile = {o["id"]: o["label"] for o in assessment.profile.get("options", [])}
    extra = [site.t("answer.dont_know"), site.t("answer.not_applicable")]
    sections = []
    for section in assessment.sections:
        questions = []
        for q in section.questions:
            scale = assessment.scales.get(q.scale, {})
            questions.append({"question": q, "number": numbers[q.id], "scale": scale.get("title", ""),
                              "options": [o["label"] for o in scale.get("options", [])] + extra,
                              "conditions": _conditions(sources, q, numbers, profile)})
        sections.append({"section": section, "questions": questions})
    return {"assessment": assessment, "profile": assessment.profile, "sections": sections}


def _conditions(sources, q, numbers: dict, profile: dict) -> list[str]:
    """When the question is asked, in words (as the self-assessment page says it)."""
    site, cond, out = sources.site, q.show_if or {}, []
    if cond.get("profile"):
        out.append(site.t("print.worksheet.only_for", options=_or(site, [profile.get(p, p) for p in cond["profile"]])))
    if "question" in cond and cond["question"] in numbers:
        earlier = next(x for x in sources.assessment.questions if x.id == cond["question"])
        options = sources.assessment.scales.get(earlier.scale, {}).get("options", [])
        labels = [o["label"] for o in options if o["value"] in cond.get("in", [])]
        out.append(site.t("assessment.asked_when", number=numbers[earlier.id], answers=_or(site, labels)))
    return out


def _or(site, labels: list[str]) -> str:
    return f" {site.t('assessment.or')} ".join(f"“{label}”" for label in labels)
