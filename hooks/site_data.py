"""The loaded library for the current build, shared by the hooks (not a hook itself).

MkDocs keeps hook modules loaded across `mkdocs serve` rebuilds but creates a new config for each
build, so the library is reloaded whenever the config object changes: no stale state.
"""
from __future__ import annotations

from pathlib import Path

import jinja2

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from model import Library, load_library

log = get_plugin_logger("library")
_state: dict = {"config": None, "library": None}


def repo_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def library(config: MkDocsConfig) -> Library:
    """Load and check practices/ once per build; stop the build with every error at once."""
    if _state["config"] is not config:
        lib = load_library(repo_root(config))
        _state.update(config=config, library=lib)
        log_warnings(lib.problems)
    lib = _state["library"]
    stop_on_errors(lib.problems, "the YAML files")
    return lib


def log_warnings(problems) -> None:
    """Warnings go through MkDocs' logger, so that `mkdocs build --strict` counts them."""
    for warning in problems.warnings:
        log.warning(str(warning))


def stop_on_errors(problems, where: str) -> None:
    """End the build with every error at once, as `path:line: message` lines, and no traceback."""
    if errors := problems.errors:
        raise PluginError(f"{len(errors)} error{'s' * (len(errors) > 1)} in {where}:\n"
                          + "\n".join(str(p) for p in errors)
                          + "\nFix them (run `make validate` to check) and build again.")


def add_generated(files: Files, config: MkDocsConfig, uri: str, content: str | bytes, *, source: str | None = None,
                  inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> File:
    """Add a generated page or file (replacing any file at `uri`); its edit link opens `source` in the repository."""
    if existing := files.get_file_from_path(uri):
        files.remove(existing)
    file = File.generated(config, uri, content=content, inclusion=inclusion)
    if source:
        file.edit_uri = f"../{source}"  # relative to edit_uri's docs/ folder
    files.append(file)
    return file


def page_url(uri: str, config: MkDocsConfig) -> str:
    """The URL a docs file gets in the built site (depends on use_directory_urls)."""
    return File(uri, None, config.site_dir, config.use_directory_urls).url


def render(env, template: str, **context) -> str:
    """Render one of our templates; a template mistake stops the build with its file and line."""
    try:
        return env.get_template(template).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise PluginError(f"overrides/{template}:{exc.lineno}: template syntax error: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise PluginError(f"overrides/{template}: cannot render the template: {exc}") from None
