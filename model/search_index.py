"""The search index: Pagefind (PyPI `pagefind[bin]`, pinned in requirements.txt) reads the built site and
writes its index, its script and its WebAssembly into `<site>/pagefind/`, always in the version that built
the index. `make build` runs it after MkDocs (`python -m model index --site site`), and `make serve` after
each build, in the background (model/serve/builder.py).

What is indexed is marked in the pages (see model/compile/search_page.py): only what is inside
`data-pagefind-body`, without what is inside `data-pagefind-ignore`. The selectors below leave out, on
every page, what is not the page's own text: the theme's tag links and edit button, the permalink signs
of headings and our breadcrumb trail.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
NOT_TEXT = (".md-tags", ".md-content__button", ".headerlink", ".mpl-breadcrumb")


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why."""


def command(site: Path, quiet: bool = True) -> list[str]:
    """The Pagefind command line for `site`. `--keep-index-url` keeps result addresses the same as the site's
    own links (…/index.html, not …/), so they also open where a folder's index page is not served by itself."""
    args = [sys.executable, "-m", "pagefind", "--site", str(site), "--keep-index-url"]
    for selector in NOT_TEXT:
        args += ["--exclude-selectors", selector]
    return args + (["--quiet"] if quiet else [])


def index(site: Path, quiet: bool = True, nice: bool = False) -> subprocess.CompletedProcess:
    """Index the built site in `site`; raises SearchIndexError if Pagefind fails or writes no index."""
    site = Path(site)
    if not (site / "index.html").is_file():
        raise SearchIndexError(f"{site} holds no built site (no index.html): build it first (make build).")
    prefix = ["nice", "-n", "10"] if nice else []
    try:
        done = subprocess.run(prefix + command(site, quiet), capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind did not run ({exc}): install it with `pip install -r requirements.txt`.") from None
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{done.stdout}{done.stderr}".rstrip())
    if not (site / BUNDLE / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"Pagefind wrote no index into {site / BUNDLE}:\n{done.stdout}{done.stderr}".rstrip())
    return done
