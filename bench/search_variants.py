"""Search variants of a plain twin (bench/plain.py), for bench/search.py to compare. Writes a copy:

    python bench/search_variants.py exclusions <plain twin> <dest>   # built-in search, listing pages left out
    python bench/search_variants.py pagefind   <plain twin> <dest>   # the same exclusions, Pagefind instead

exclusions: `search: exclude: true` in the front matter of every page that lists many entries (the kinds'
index pages and tags.md); on the stage pages only the lists are left out (their intro stays indexed): each
list section's heading gets `{ data-search-exclude }` (mkdocs-material leaves out the whole section) and
the lists are wrapped in `<div markdown data-pagefind-ignore="all">` (Pagefind leaves out the element).

pagefind: no `search` plugin (so mkdocs-material neither draws its search nor fetches its index) and no
`offline` plugin (Pagefind does not run from file://); the files of bench/pagefind/ are added: a search page,
a script that loads Pagefind's UI only on that page (and again after each instant navigation), a header
search box that opens the page, `data-pagefind-body` on the article of every page not excluded, and a
polyfill that holds back instant navigation's sitemap.xml until the visitor first interacts with the page.
Build it, then run `python -m pagefind --site <site>`.
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LISTINGS = ("challenges/index.md", "practices/index.md", "priority-actions/index.md", "tags.md")
STAGES = "stages"  # every page in it but index.md: an intro, then lists of entries under h2 headings


def exclusions(docs: Path) -> list[str]:
    """Leave the listing pages and the stage pages' lists out of search; returns the pages changed."""
    changed = []
    for name in LISTINGS:
        _set_front_matter(docs / name, {"search": {"exclude": True}})
        changed.append(name)
    for page in sorted((docs / STAGES).glob("*.md")):
        if page.name != "index.md" and _exclude_lists(page):
            changed.append(page.relative_to(docs).as_posix())
    return changed


def _set_front_matter(path: Path, values: dict) -> None:
    text = path.read_text(encoding="utf-8")
    meta, body = {}, text
    match = re.match(r"---\n(.*?\n)---\n", text, re.S)
    if match:
        meta, body = yaml.safe_load(match.group(1)) or {}, text[match.end():]
    meta.update(values)
    path.write_text(f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n{body}", encoding="utf-8")


def _exclude_lists(path: Path) -> bool:
    """From the first h2 on, the page only lists entries: mark each h2 and wrap them all."""
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next((i for i, line in enumerate(lines) if line.startswith("## ")), None)
    if first is None:
        return False
    rest = [line + " { data-search-exclude }" if line.startswith("## ") else line for line in lines[first:]]
    out = lines[:first] + ['<div markdown data-pagefind-ignore="all">', ""] + rest + ["", "</div>", ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return True


def pagefind(project: Path) -> None:
    """Swap the built-in search for Pagefind in a copy of the project (config, templates, files)."""
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if (p if isinstance(p, str) else next(iter(p))) not in ("search", "offline")]
    config["use_directory_urls"] = False  # the same addresses as with the offline plugin
    config["theme"]["features"] = [f for f in config["theme"]["features"] if not f.startswith("search.")]
    # The iframe-worker shim served the offline search only; ours holds back the sitemap until it is needed.
    config.setdefault("extra", {})["polyfills"] = ["assets/javascripts/defer-sitemap.js"]
    config["extra_javascript"].append("assets/javascripts/search-page.js")
    config["extra_css"].append("assets/stylesheets/search-page.css")
    config["not_in_nav"] = config.get("not_in_nav", "") + "/search.md\n"
    config_path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    docs = project / "docs"
    shutil.copy2(HERE / "pagefind" / "search.md", docs / "search.md")
    for script in ("search-page.js", "defer-sitemap.js"):
        shutil.copy2(HERE / "pagefind" / script, docs / "assets/javascripts" / script)
    shutil.copy2(HERE / "pagefind" / "search-page.css", docs / "assets/stylesheets/search-page.css")
    overrides = project / "overrides"
    main = (overrides / "main.html").read_text(encoding="utf-8")
    (overrides / "main.html").write_text(main + (HERE / "pagefind" / "main-blocks.html").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    (overrides / "partials").mkdir(exist_ok=True)
    (overrides / "partials" / "header.html").write_text(_header(), encoding="utf-8")


def _header() -> str:
    """mkdocs-material's header with its search (drawn only with the search plugin) replaced by ours."""
    from material import templates
    header = (Path(templates.__file__).parent / "partials" / "header.html").read_text(encoding="utf-8")
    start = header.index('{% if "material/search" in config.plugins %}')
    end = header.index("{% if config.repo_url %}")
    ours = (HERE / "pagefind" / "header-search.html").read_text(encoding="utf-8")
    return header[:start] + ours + "    " + header[end:]


if __name__ == "__main__":
    variant, source, dest = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if variant not in ("exclusions", "pagefind"):
        sys.exit(__doc__)
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("site", "__pycache__"))
    print("excluded:", ", ".join(exclusions(dest / "docs")))
    if variant == "pagefind":
        pagefind(dest)
