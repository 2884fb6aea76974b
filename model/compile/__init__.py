"""The content compiler: practices/, assessment/ and docs/ into a complete docs tree (build/docs, the
`docs_dir` of mkdocs.yml) that any engine reading mkdocs.yml builds, with no plugin of ours.

    python -m model site        # or: make site

Its steps, one module each: load (read and check every source), shape (decide every page), render
(templates to safe Markdown), write (only what changed; remove what is gone). assessment_pages,
downloads, documents and navigation shape and render the pages that are not entries. Nothing is
written while any source has an error: the tree keeps its last good state.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import files
from ..printables import manifest as printables
from ..problems import Problems
from . import assessment_pages, documents, downloads, glossary, navigation, search_page
from .load import Sources, load
from .render import Renderer
from .shape import Paths, pages
from .write import Tree

BUILD = "build"
NAV = "build/nav.yml"
SCHEMAS = "build/schema"


@dataclass
class Result:
    problems: Problems = field(default_factory=Problems)
    written: list[str] = field(default_factory=list)  # tree paths whose content changed
    removed: list[str] = field(default_factory=list)
    nav_changed: bool = False  # every page shows the navigation: an engine must rebuild them all
    sources: Sources | None = None

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def compile_site(root: Path, cache: dict | None = None) -> Result:
    """Compile `root` into its docs tree; see Result. With `cache` (a dict kept between calls, as `make serve`
    does), unchanged entry files are not read again and entry pages whose sources did not change are not
    rendered again."""
    root = Path(root)
    sources = load(root, cache)
    result = Result(Problems(sources.problems), sources=sources)
    if not result.ok:
        return result
    paths = Paths(sources)
    problems = Problems()
    everywhere = files.stamp(*_shared_inputs(root))
    renderer = Renderer(root, sources, paths, problems, cache, everywhere)
    glossary.install(renderer, sources.glossary)
    tree = Tree(root / sources.site.docs_dir)
    shaped = pages(sources, paths)
    if sources.glossary:
        shaped.append(glossary.page(sources.glossary))
    rendered = cache.setdefault("pages", {}) if cache is not None else None
    for page in shaped:
        key = (everywhere, page.depends_on) if page.depends_on is not None else None
        if rendered is not None and key is not None and rendered.get(page.path, (None,))[0] == key:
            tree.put(page.path, rendered[page.path][1])
            continue
        text = renderer.render(page)
        if rendered is not None and key is not None:
            rendered[page.path] = (key, text)
        tree.put(page.path, text)
    tree.put(assessment_pages.THEME_SCRIPT, assessment_pages.theme_strings(sources.site))
    if sources.assessment:
        assessment_pages.build(sources, paths, renderer, tree)
    copies, printed = printables.published(root, sources)  # the PDFs, when made for these sources
    for path, file in copies:
        tree.copy(path, file)
    downloads.build(sources, renderer, tree, printables=printed)
    tree.put(search_page.SEARCH, renderer.render(search_page.page(sources, paths, renderer.t)))
    header_box = search_page.header_box(sources, renderer.t)
    documents.contributing(root, sources.site, tree, problems)
    generated = set(tree.kept)
    documents.copy_docs(root, tree, generated, problems)
    config, nav_problems = navigation.navigation(sources, paths, {p for p in tree.kept if p.endswith(".md")})
    for index, message in nav_problems:
        problems.error("practices/site.yml", sources.site.line_of("navigation", index), message)
    result.problems.extend(problems)
    if not result.ok:
        return result
    result.nav_changed = _put(root / NAV, navigation.to_yaml({**config, **header_box}))
    schemas = downloads.schema_files(sources)
    for kind in sources.library.schemas:  # for editors: the `$schema` line of every entry file names one
        _put(root / SCHEMAS / f"{kind}.schema.json", schemas[f"{kind}.schema.json"])
    tree.commit()
    result.written, result.removed = tree.written, tree.removed
    return result


def _shared_inputs(root: Path) -> list[Path]:
    """What every page may show: the vocabularies and wording, the templates, the site's configuration,
    the questionnaire (pages link into it)."""
    parts = [root / "mkdocs.yml", *sorted((root / "practices").glob("*.yml")), *sorted((root / "overrides").rglob("*")),
             *sorted((root / "assessment").rglob("*.yml"))]
    return [p for p in parts if p.is_file()]


def _put(file: Path, text: str) -> bool:
    """Write `file` if its text changed; True when it did."""
    try:
        if file.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return True
