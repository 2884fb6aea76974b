"""The site as a whole: what the compiler needs from mkdocs.yml, and the wording of practices/site.yml
(topic words, page intros, navigation) and practices/interface.yml (buttons, labels, messages).

mkdocs.yml is read with a loader that knows MkDocs' `!ENV` tag and nothing else that could run code.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import schemas
from .problems import Problems
from .yaml_source import check_schema_line, read_yaml


@dataclass
class SiteConfig:
    name: str = ""
    description: str = ""
    url: str = ""
    repo_url: str = ""
    edit_base: str = ""  # e.g. https://github.com/o/r/edit/main/ : a source path is appended
    language: str = "en"
    use_directory_urls: bool = True
    docs_dir: str = "build/docs"  # the compiled tree, as mkdocs.yml names it
    id: str = ""  # names this library's data in the browser
    wording: dict = field(default_factory=dict)  # practices/site.yml
    strings: dict = field(default_factory=dict)  # practices/interface.yml
    problems: Problems = field(default_factory=Problems)
    doc: object = None  # practices/site.yml as read, for line numbers

    def line_of(self, *path) -> int:
        return self.doc.line_of(*path) if self.doc is not None else 1

    def t(self, key: str, **values) -> str:
        """The interface string `key`, with `{name}` filled in; `count` picks `key.one` or `key.other`."""
        if "count" in values and key not in self.strings:
            key = f"{key}.{'one' if values['count'] == 1 else 'other'}"
        text = self.strings.get(key)
        if text is None:
            raise KeyError(key)
        return fill(text, values)


def fill(text: str, values: dict) -> str:
    """`text` with every `{name}` replaced by values[name] (unknown names are left as they are)."""
    if not values or "{" not in text:
        return text
    return re.sub(r"\{([a-z_]+)\}", lambda m: str(values.get(m.group(1), m.group(0))), text)


class _MkDocsLoader(yaml.SafeLoader):
    """Safe YAML plus MkDocs' `!ENV NAME` and `!ENV [NAME, fallback]`; other tags read as plain text."""


def _env(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *keys, fallback = names if len(names) > 1 else (names + [None])
    return next((os.environ[k] for k in keys if k in os.environ), fallback)


_MkDocsLoader.add_constructor("!ENV", _env)
_MkDocsLoader.add_multi_constructor("", lambda loader, suffix, node: f"{suffix}")


def read_mkdocs_config(root: Path) -> dict:
    """mkdocs.yml as data, without its INHERIT (the compiled navigation)."""
    with open(Path(root) / "mkdocs.yml", encoding="utf-8") as source:
        data = yaml.load(source, Loader=_MkDocsLoader) or {}  # noqa: S506 (a safe loader)
    data.pop("INHERIT", None)
    return data


def load_site(root: Path) -> SiteConfig:
    """Read mkdocs.yml, practices/site.yml and practices/interface.yml; problems are in `.problems`."""
    root = Path(root)
    site = SiteConfig()
    try:
        config = read_mkdocs_config(root)
    except (OSError, yaml.YAMLError) as exc:
        site.problems.error("mkdocs.yml", getattr(getattr(exc, "problem_mark", None), "line", 0) + 1,
                            f"cannot read the site's configuration ({getattr(exc, 'problem', None) or exc}): fix mkdocs.yml.")
        return site
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config.get("plugins", []) or []]
    site.name = str(config.get("site_name") or "")
    site.description = str(config.get("site_description") or "")
    site.url = str(config.get("site_url") or "")
    site.repo_url = str(config.get("repo_url") or "").rstrip("/")
    edit_uri = str(config.get("edit_uri") or "edit/main/").strip("/")
    site.edit_base = f"{site.repo_url}/{edit_uri}/" if site.repo_url else ""
    site.language = str((config.get("theme") or {}).get("language") or "en")
    site.use_directory_urls = bool(config.get("use_directory_urls", True)) and "offline" not in plugins
    site.docs_dir = str(config.get("docs_dir") or "docs")
    if not site.docs_dir.startswith("build/"):
        site.problems.error("mkdocs.yml", 1, f"`docs_dir` is `{site.docs_dir}`: set it to `build/docs`, the tree the compiler writes (hand-written pages stay in docs/).")
    for name, attr in (("site", "wording"), ("interface", "strings")):
        file = root / "practices" / f"{name}.yml"
        doc = read_yaml(file, f"practices/{name}.yml", site.problems, root=root) if file.is_file() else None
        if not file.is_file():
            site.problems.error(f"practices/{name}.yml", 1, f"missing file: create practices/{name}.yml (see CONTRIBUTING.md, \"Start your own library\").")
        elif doc is not None and schemas.check(doc, root / "schema", name, site.problems):
            check_schema_line(doc, f"schema/{name}.schema.json", site.problems)
            setattr(site, attr, doc.data if name == "site" else doc.data["strings"])
            if name == "site":
                site.doc = doc
    site.id = str(site.wording.get("id", ""))
    return site
