"""Shared fixtures: the sites built once per run (this library, and the example fixture library that stands
for a fork), served on localhost, a headless Chromium, and helpers to read built pages."""
from __future__ import annotations

import functools
import gzip
from html.parser import HTMLParser
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from github_annotations import pytest_terminal_summary  # noqa: F401 (a hook: failing tests annotated on GitHub)

ROOT = Path(__file__).resolve().parents[1]
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser/ is marked `browser`: `make test-fast` (pytest -m "not browser") leaves them out."""
    for item in items:
        if BROWSER_TESTS in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
EXAMPLE = ROOT / "tests" / "fixtures" / "example-library"
ENGINE = ("overrides", "schema", "docs/assets", "practices/interface.yml")  # what a fork keeps of this repository


_NOT_COPIED = shutil.ignore_patterns(".git", ".venv", ".venv-*", "site", "build", "node_modules", "__pycache__", ".pytest_cache",
                                     "bench", "tests", ".cache")


def copy_project(tmp_path: Path, source: Path = ROOT) -> Path:
    """A throwaway copy of a project (code, content and configuration; no build output), to change and build."""
    project = tmp_path / "project"
    shutil.copytree(source, project, ignore=_NOT_COPIED)
    return project


def make_fork(tmp_path: Path, fixture: Path = EXAMPLE) -> Path:
    """A fork of the engine: `fixture` (its own mkdocs.yml, YAML and pages) with this repository's templates,
    schemas, scripts and styles, and its interface strings unless the fixture has its own."""
    project = tmp_path / "fork"
    shutil.copytree(fixture, project, ignore=_NOT_COPIED)
    for part in ENGINE:
        source, target = ROOT / part, project / part
        if target.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target, ignore=_NOT_COPIED)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    return project


def build_site(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`python -m model site --strict` (the compiler), `mkdocs build --strict` of `project` into `site_dir`, then
    `python -m model index` (Pagefind's search index), as `make build` does; returns the finished process of the
    step that failed, or of the last one. `site_url` is the address it is built for (SITE_URL; see mkdocs.yml)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), **({"SITE_URL": site_url} if site_url else {}))
    steps = ([sys.executable, "-m", "model", "site", "--strict", "--root", str(project)],
             [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
             [sys.executable, "-m", "model", "index", "--site", str(site_dir)])
    for command in steps:
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=project, timeout=600)
        if done.returncode != 0:
            break
    return done


PORTS: dict[Path, int] = {}  # built site -> the port of its site_url: instant navigation takes over only links
# whose port is the sitemap's (it swaps in the page's protocol and host name, not its port)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _built(tmp_path_factory, name: str, make) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp(name)
    project = make(tmp)
    site = tmp / "site"
    PORTS[site] = _free_port()
    result = build_site(project, site, f"http://127.0.0.1:{PORTS[site]}/")
    assert result.returncode == 0, f"the build of {name} failed:\n{result.stdout}\n{result.stderr}"
    return site, project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> tuple[Path, Path]:
    """(built site, project) of this library: a copy of the repository, compiled and built with --strict once."""
    return _built(tmp_path_factory, "real", copy_project)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> tuple[Path, Path]:
    """(built site, project) of the example fixture library, built as a fork would build it."""
    return _built(tmp_path_factory, "example", make_fork)


@pytest.fixture(scope="session")
def built_site(real_site) -> Path:
    return real_site[0]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


SERVED: list[str] = []  # base URLs of the sites the tests serve: a page may request those, and nothing else


def _serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", PORTS.get(folder, 0)), handler)
    except OSError:  # taken meanwhile: any port (links then open as ordinary page loads)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    SERVED.append(url)
    return server, url


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL of this library's built site, served on a free localhost port."""
    server, url = _serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def example_url(example_site) -> str:
    """Base URL of the example library's built site."""
    server, url = _serve(example_site[0])
    yield url
    server.shutdown()


# --- Reading built pages ---

def page_file(site: Path, uri: str) -> Path:
    """The built HTML of a docs page, with or without directory URLs."""
    stem = uri.removesuffix(".md")
    for candidate in (site / f"{stem}.html", site / stem / "index.html"):
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no built page for {uri}")


def html_of(site: Path, uri: str) -> str:
    return page_file(site, uri).read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def search_index(site: Path) -> dict[str, dict]:
    """Pagefind's index of a built site, page by page: address (e.g. /practices/x.html) -> what it holds of
    that page (`content`, the indexed text; `meta.title`; `word_count`). Each page's part is a gzipped file
    of pagefind/fragment/: `pagefind_dcd` then JSON."""
    out = {}
    for file in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        out[fragment["url"]] = fragment
    return out


def targets_of(site: Path, uri: str) -> set[str]:
    """The pages that a page's body links to, as docs paths without extension (e.g. practices/x)."""
    import re
    page = page_file(site, uri)
    out = set()
    for href in re.findall(r'href="([^"#?]+)', article(page.read_text(encoding="utf-8"))):
        if not href.startswith(("http:", "https:", "mailto:")):
            target = (page.parent / href).resolve().relative_to(site.resolve()).as_posix()
            out.add(re.sub(r"(/index\.html|\.html|/)$", "", target))
    return out


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _page(browser, bypass_csp: bool):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True, bypass_csp=bypass_csp)
    pg = context.new_page()
    pg.requests_made = []
    pg.on("request", lambda request: pg.requests_made.append(request.url))
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors
    yield pg
    context.close()
    foreign = [u for u in pg.requests_made if not u.startswith((*SERVED, "data:", "blob:", "about:"))]
    assert not foreign, f"requests to other origins: {foreign}"


@pytest.fixture
def page(browser):
    """A fresh browser page; every request it makes is recorded in `page.requests_made`, and the test fails
    if any request leaves the site's origin. Playwright's waiting helpers evaluate text, which the pages'
    Content-Security-Policy forbids: these pages set it aside (tests/browser/test_csp.py does not)."""
    yield from _page(browser, bypass_csp=True)


@pytest.fixture
def strict_page(browser):
    """A page like `page`, under the site's Content-Security-Policy."""
    yield from _page(browser, bypass_csp=False)


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def assert_no_axe_violations(axe, page, label: str) -> None:
    """Run axe-core with the WCAG 2.2 A/AA rules; fail listing every violation. The theme's transitions (its drawer and
    colours after a change of the window's size) finish first: axe would read colours half-way through them."""
    page.evaluate("""async () => {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const finite = document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
        await Promise.all(finite.map((a) => a.finished.catch(() => null)));
    }""")
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    details = "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})" for v in violations)
    assert not violations, f"axe violations on {label}:\n{details}"


class ActiveContent(HTMLParser):
    """Collects what a browser would run: event-handler attributes, script URLs, and scripts that mention alert."""

    def __init__(self):
        super().__init__()
        self.found, self._in_script = [], False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "vbscript:")):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data.strip()[:60]}")

    def handle_endtag(self, tag):
        self._in_script = False


def page_types(project: Path) -> dict[str, str]:
    """Label -> built path (.html) of one page of each type of a project's site, from its own YAML."""
    from model import load_library
    from model.site_config import load_site

    lib, site = load_library(project), load_site(project)
    stages = site.wording["stages"]["folder"]
    pages = {"home": "index.html", "stages index": f"{stages}/index.html", "a stage": f"{stages}/{lib.stages[0]['id']}.html"}
    for kind in lib.kinds.values():
        pages[f"{kind.plural} index"] = f"{kind.folder}/index.html"
        first = lib.of_kind(kind.id)
        if first:
            pages[f"a {kind.title.lower()}"] = f"{kind.folder}/{first[0].id}.html"
    for item in site.wording["navigation"]:
        if isinstance(item, dict):
            (title, path), = item.items()
            pages[title] = path.removesuffix(".md") + ".html"
    if (project / "assessment").is_dir():
        pages.update({"self-assessment": "assessment/index.html", "compare over time": "assessment/compare.html",
                      "combine perspectives": "assessment/combine.html"})
    return pages


@pytest.fixture(params=["real", "example"])
def each_site(request):
    """(base URL, built site, project) of this library, then of the example library."""
    if request.param == "real":
        site, project = request.getfixturevalue("real_site")
        return request.getfixturevalue("site_url"), site, project
    site, project = request.getfixturevalue("example_site")
    return request.getfixturevalue("example_url"), site, project
