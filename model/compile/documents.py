"""The hand-written pages: docs/ copied into the tree (each Markdown page told which file its edit link
opens), and CONTRIBUTING.md shown as the Contributing page, its links to repository files pointing at
the repository's website."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..files import files_under
from ..problems import Problems

CONTRIBUTING, CONTRIBUTING_PAGE = "CONTRIBUTING.md", "contributing.md"
_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_INLINE_LINK = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")        # [text](target "title")
_REFERENCE_LINK = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)  # [name]: target
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", re.IGNORECASE)        # scheme, anchor or absolute


def with_source(text: str, source: str) -> str:
    """A Markdown page with `source: <file>` in its front matter (kept if it has one)."""
    match = _FRONT.match(text)
    meta = (yaml.safe_load(match.group(1)) or {}) if match else {}
    if not isinstance(meta, dict) or "source" in meta:
        return text
    meta["source"] = source
    rest = text[match.end():] if match else text
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n" + rest


def copy_docs(root: Path, tree, generated: set[str], problems: Problems) -> None:
    """Every file of docs/ into the tree; a hand-written page may not take the path of a generated one."""
    docs = root / "docs"
    for file in files_under(docs, root, problems):
        rel = file.relative_to(docs).as_posix()
        if rel in generated:
            problems.error(f"docs/{rel}", 1, f"this page has the address of a page the site makes ({rel}): rename it or move it.")
        elif file.suffix == ".md":
            tree.put(rel, with_source(file.read_text(encoding="utf-8"), f"docs/{rel}"))
        else:
            tree.copy(rel, file)


def contributing(root: Path, site, tree, problems: Problems) -> None:
    file = root / CONTRIBUTING
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        problems.error(CONTRIBUTING, 1, f"cannot read it ({exc.strerror}): the Contributing page is made from this file.")
        return
    tree.put(CONTRIBUTING_PAGE, with_source(site_links(text, site.repo_url, site.edit_base, problems), CONTRIBUTING))


def site_links(text: str, repo_url: str, edit_base: str, problems: Problems) -> str:
    """Point every link to a repository file at that file on the repository's website."""
    branch = edit_base.rstrip("/").rsplit("/", 1)[-1] if edit_base else "main"

    def to_repo(target: str) -> str:
        if _EXTERNAL.match(target):
            return target
        if not repo_url:
            problems.error(CONTRIBUTING, 1, f"it links to `{target}` in the repository: set `repo_url` in mkdocs.yml so the page can link to it.")
            return target
        path = target[2:] if target.startswith("./") else target
        return f"{repo_url}/blob/{branch}/{path}"

    text = _INLINE_LINK.sub(lambda m: m.group(1) + to_repo(m.group(2)) + m.group(3), text)
    return _REFERENCE_LINK.sub(lambda m: m.group(1) + to_repo(m.group(2)), text)
