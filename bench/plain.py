"""The plain twin of a project: the same pages and files, written into docs/ as ordinary Markdown and
files, with a mkdocs.yml that has no hooks. Building it shows what MkDocs costs without our generator.

Run as a script (a fresh process, so that each project's hooks are imported from that project):
    python bench/plain.py <project with hooks> <folder for the plain twin>
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.utils.yaml import yaml_load


def make_plain(project: Path, dest: Path) -> int:
    """Write the plain twin of `project` into `dest`; returns the number of generated files written."""
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns("__pycache__"))
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    written = 0
    not_in_nav: dict[str, list[str]] = {}
    for file in files:
        if file.generated_by:
            target = dest / "docs" / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
            written += 1
        if file.src_uri.endswith(".md"):
            folder, _, name = file.src_uri.rpartition("/")
            not_in_nav.setdefault(folder, []).append(("-" if file.inclusion.is_not_in_nav() else "+") + name)
    _write_config(project, dest, config, not_in_nav)
    config.plugins.on_shutdown()
    return written


def _write_config(project: Path, dest: Path, config, pages_by_folder: dict[str, list[str]]) -> None:
    """mkdocs.yml as the hooks left it after on_config (expanded nav, added scripts), without the hooks."""
    with open(project / "mkdocs.yml", encoding="utf-8") as source:
        raw = yaml_load(source)
    for key in ("hooks", "watch"):
        raw.pop(key, None)
    raw["nav"] = config.nav
    raw["extra_css"] = list(config.extra_css)
    raw["extra_javascript"] = [{"path": s.path, "type": s.type} if s.type else s.path for s in config.extra_javascript]
    raw["not_in_nav"] = _not_in_nav_patterns(pages_by_folder)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _not_in_nav_patterns(pages_by_folder: dict[str, list[str]]) -> str:
    """Folder patterns (not one line per page): pages the hooks left out of the nav stay out of it."""
    lines = []
    for folder, names in sorted(pages_by_folder.items()):
        hidden = [n[1:] for n in names if n[0] == "-"]
        shown = [n[1:] for n in names if n[0] == "+"]
        if not hidden:
            continue
        prefix = f"/{folder}/" if folder else "/"
        if len(hidden) > len(shown):
            lines.append(f"{prefix}*.md")
            lines += [f"!{prefix}{name}" for name in shown]
        else:
            lines += [f"{prefix}{name}" for name in hidden]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    source, target = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    os.chdir(source)
    print(make_plain(source, target))
