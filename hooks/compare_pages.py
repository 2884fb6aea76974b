"""Hook: the pages that compare self-assessments, over time (snapshots) and across perspectives (combine).

Both pages are shells filled in the browser by docs/assets/javascripts/compare/; their text lives in
overrides/compare/*.md.j2. Nothing is written to docs/ and no answer ever leaves the browser.
"""
from __future__ import annotations

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

import site_data

PAGES = {"assessment/compare.md": "compare/compare.md.j2", "assessment/combine.md": "compare/combine.md.j2"}
SCRIPT = "assets/javascripts/compare/index.js"
STYLESHEET = "assets/stylesheets/compare.css"
DATA = "assessment/data.json"             # the self-assessment's scoring data, generated at build time
ASSESSMENT = "assessment/index.md"         # the self-assessment page
ASSESSMENT_HOOK = "assessment_page.py"     # the hook that builds it


# --- Hooks ---

def on_config(config):
    """Load our script (an ES module) and stylesheet on every page; the script acts only on our pages."""
    if SCRIPT not in [str(s) for s in config.extra_javascript]:
        script = ExtraScriptValue(SCRIPT)
        script.type = "module"
        config.extra_javascript.append(script)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    return config


def on_files(files: Files, config) -> Files:
    env = config.theme.get_env()
    for uri, template in PAGES.items():
        content = site_data.render(env, template, data_url=_url_between(uri, DATA, config),
                                   assessment=get_relative_url(ASSESSMENT, uri) if _has_assessment(config) else None,
                                   compare=get_relative_url("assessment/compare.md", uri),
                                   combine=get_relative_url("assessment/combine.md", uri))
        site_data.add_generated(files, config, uri, content, source=f"overrides/{template}")
    return files


# --- Helpers ---

def _has_assessment(config) -> bool:
    """Is the self-assessment page built? (Its hook may come before or after this one.)"""
    return any(str(name).endswith(ASSESSMENT_HOOK) for name in config.plugins)


def _url_between(page_uri: str, target: str, config) -> str:
    """The URL of `target` (a site file) relative to the page built from `page_uri`."""
    page_url = site_data.page_url(page_uri, config)
    return get_relative_url(target, page_url or ".")
