"""Hook: show CONTRIBUTING.md (at the repository root) as the site page contributing.md.

The file is the one source: nothing is copied into docs/. Links that point to files in the
repository (e.g. `schema/practice.schema.json`) work on GitHub as written; on the site they are
rewritten to the repository's web address from `repo_url`, on the branch named in `edit_uri`.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

import site_data

SOURCE = "CONTRIBUTING.md"
PAGE = "contributing.md"
_INLINE_LINK = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")        # [text](target "title")
_REFERENCE_LINK = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)  # [name]: target
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", re.IGNORECASE)        # scheme, anchor or absolute


# --- Hooks ---

def on_files(files: Files, config) -> Files:
    source = Path(config.config_file_path).resolve().parent / SOURCE
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise PluginError(f"{SOURCE}: cannot read it ({exc.strerror}): the contributing page is made from this file.") from None
    # The root file is the only source of this page; its edit link opens CONTRIBUTING.md.
    site_data.add_generated(files, config, PAGE, site_links(text, config.repo_url, _branch(config.edit_uri)), source=SOURCE)
    return files


# --- Helpers ---

def site_links(text: str, repo_url: str | None, branch: str = "main") -> str:
    """Point every link to a repository file at that file on the repository's website."""
    def to_repo(target: str) -> str:
        if _EXTERNAL.match(target):
            return target
        if not repo_url:
            raise PluginError(f"{SOURCE} links to `{target}` in the repository: set `repo_url` in mkdocs.yml so the page can link to it.")
        path = target[2:] if target.startswith("./") else target
        return f"{repo_url.rstrip('/')}/blob/{branch}/{path}"

    text = _INLINE_LINK.sub(lambda m: m.group(1) + to_repo(m.group(2)) + m.group(3), text)
    return _REFERENCE_LINK.sub(lambda m: m.group(1) + to_repo(m.group(2)), text)


def _branch(edit_uri: str | None) -> str:
    """'edit/main/docs/' -> 'main'."""
    parts = (edit_uri or "").strip("/").split("/")
    return parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob", "tree") else "main"
