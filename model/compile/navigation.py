"""The site's navigation, from practices/site.yml, written to build/nav.yml, which mkdocs.yml inherits
(`INHERIT: build/nav.yml`): any engine that reads mkdocs.yml gets it. Entry pages stay out of the sidebar
(`not_in_nav`): a sidebar listing every entry makes every page, and the build, grow with the library."""
from __future__ import annotations

import yaml

from .search_page import SEARCH
from .shape import ASSESSMENT, COMBINE, COMPARE, Paths


def navigation(sources, paths: Paths, pages: set[str]) -> tuple[dict, list[tuple[int, str]]]:
    """The config that mkdocs.yml inherits, and (line, message) problems in practices/site.yml."""
    site, lib = sources.site, sources.library
    w = site.wording
    nav, problems = [], []
    for index, item in enumerate(w.get("navigation", [])):
        if item == "home":
            nav.append({site.t("nav.home"): "index.md"})
        elif item == "stages":
            nav.append({w["stages"]["nav_title"]: [paths.stages_index] + [{s["title"]: paths.of(s)} for s in lib.stages]})
        elif item == "kinds":
            nav.extend({k.plural: paths.of(k)} for k in lib.kinds.values())
        elif item == "assessment":
            if sources.assessment:
                nav.extend([{sources.assessment.title: ASSESSMENT}, {site.t("compare.title"): COMPARE},
                            {site.t("combine.title"): COMBINE}])
        elif isinstance(item, dict):
            (title, path), = item.items()
            if path not in pages:
                problems.append((index, f"`navigation` lists `{path}`, which is not a page of docs/ nor one the site makes: check the name."))
            nav.append({title: path})
    hidden = [f"/{SEARCH}"]  # reached from the header's search box
    for kind in lib.kinds.values():
        hidden += [f"/{kind.folder}/*.md", f"!/{kind.folder}/index.md"]
    return {"nav": nav, "not_in_nav": "\n".join(hidden) + "\n"}, problems


def to_yaml(config: dict) -> str:
    return ("# Made by `python -m model site` from practices/site.yml, practices/kinds.yml and practices/interface.yml"
            " (the header's search box): do not edit.\n"
            + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=1000))
