"""Load: read and check every source the site is made from (the checks live with the model:
library.py, assessment.py, versions.py, site_config.py), and gather all their problems in one list."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import schemas
from . import glossary as glossary_file
from ..assessment import Assessment, load_assessment
from ..library import Library, load_library
from ..problems import Problems
from ..site_config import SiteConfig, load_site
from ..yaml_source import check_schema_line, read_yaml


@dataclass
class Sources:
    root: Path
    site: SiteConfig
    library: Library
    assessment: Assessment | None  # None when the library has no assessment/ folder
    pages: dict = field(default_factory=dict)  # assessment/pages.yml
    glossary: glossary_file.Glossary | None = None  # practices/glossary.yml, when the library has one
    problems: Problems = field(default_factory=Problems)


def load(root: Path, cache: dict | None = None) -> Sources:
    """Every source under `root`, checked; `problems` holds every error and warning, in file order.
    `cache` keeps what entry files gave between calls (see load_library)."""
    root = Path(root)
    site = load_site(root)
    lib = load_library(root, cache.setdefault("library", {}) if cache is not None else None)
    assessment = load_assessment(root, lib) if (root / "assessment").is_dir() else None
    sources = Sources(root, site, lib, assessment)
    sources.problems.extend(site.problems + lib.problems + (assessment.problems if assessment else []))
    if assessment is not None:
        file = root / "assessment" / "pages.yml"
        doc = read_yaml(file, "assessment/pages.yml", sources.problems, root=root) if file.is_file() else None
        if not file.is_file():
            sources.problems.error("assessment/pages.yml", 1, "missing file: create assessment/pages.yml, the wording of the self-assessment's pages.")
        elif doc is not None and schemas.check(doc, root / "schema", "assessment-pages", sources.problems):
            check_schema_line(doc, "schema/assessment-pages.schema.json", sources.problems)
            sources.pages = doc.data
    sources.glossary = glossary_file.load(root, sources.problems)
    _check_site_against_library(sources)
    sources.problems.sort()
    return sources


def _check_site_against_library(sources: Sources) -> None:
    """What site.yml names must exist: the kind its role links open, and no folder used twice."""
    w, lib = sources.site.wording, sources.library
    if not w or "kinds" in lib.broken:
        return
    kind = w.get("home", {}).get("by_role", {}).get("kind")
    if kind and kind not in lib.kinds:
        sources.problems.error("practices/site.yml", 1, f"`home.by_role.kind` is `{kind}`, which is not a kind of practices/kinds.yml.")
    folder = w.get("stages", {}).get("folder")
    clash = next((k for k in lib.kinds.values() if k.folder == folder), None)
    if clash:
        sources.problems.error("practices/site.yml", 1, f"`stages.folder` is `{folder}`, which is already the folder of kind `{clash.id}`: choose another.")
