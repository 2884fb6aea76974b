"""Search in a built site, measured in headless Chromium over HTTP with gzip: prints figures (not a test).

    .venv/bin/python bench/search.py SITE [--engine auto|material|pagefind] [--query "interpreter childcare"]
        [--rank "Recruitment=stages/recruitment.html" ...] [--json out.json]

Engines: mkdocs-material's built-in search (typed in the header, results in its dialog); Pagefind as
bench/search_variants.py integrates it (`pagefind`: the header box, then Enter, opens search.html?q=...;
`pagefind-page` with --page search.html: typed on that page). The server gzips text and binds to the port of
site_url (instant navigation needs it). Measures: KB on the wire and requests of the first load before any
interaction (network and CPU quiet); KB of the first query; ms from the last keystroke to the first result
in the DOM and to the final results (typed once the page is quiet, and from the first keystroke when typed
right at the load event); main-thread long tasks; CPU of all Chromium processes; the index on disk; the rank
of pages for their own title; search from file://; axe-core, the keyboard and live regions with results shown.
See bench/SEARCH-FINDINGS.md.
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import json
import mimetypes
import os
import re
import threading
import time
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
TEXT = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest"}
ENGINES = {  # where to type (first, and again for later queries), what a result is (its link), Enter or not
    "material": {"input": "input.md-search__input", "result": "li.md-search-result__item > a.md-search-result__link",
                 "submit": False},
    "pagefind": {"input": "#mpl-header-q", "result": "li.pf-result:not([aria-hidden]) a.pf-result-link",
                 "again": "pagefind-input input", "submit": True},
    "pagefind-page": {"input": "pagefind-input input", "result": "li.pf-result:not([aria-hidden]) a.pf-result-link",
                      "submit": False},  # typed on the search page itself (--page search.html)
}
OBSERVE = """(() => {  // long tasks, and when a first result is in the DOM, at wall-clock ms (as Date.now)
  window.__lt = []; window.__first = 0; window.__said = [];
  const result = %s;
  new MutationObserver((_, o) => { if (document.querySelector(result)) { __first = Date.now(); o.disconnect(); } })
    .observe(document, {childList: true, subtree: true});
  new MutationObserver(records => { for (const r of records) {  // what live regions say, as a screen reader hears
    const region = (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest("[aria-live],[role=status],[role=alert]");
    const text = region && region.textContent.trim();
    if (text && __said[__said.length - 1] !== text) __said.push(text);
  } }).observe(document, {childList: true, subtree: true, characterData: true});
  try { new PerformanceObserver(l => { for (const e of l.getEntries())
    __lt.push({at: performance.timeOrigin + e.startTime, ms: e.duration}); }).observe({type: "longtask", buffered: true});
  } catch (e) {}
})();"""


class Server(http.server.ThreadingHTTPServer):
    """Serves a folder, gzipping text as a web server would, and logs (time, path, bytes sent) per request."""
    daemon_threads = True

    def __init__(self, root: Path):
        self.root, self.log, self.cache, self.lock = root, [], {}, threading.Lock()
        super().__init__(("127.0.0.1", _site_port(root)), _Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def since(self, start: float) -> list[tuple[float, str, int]]:
        with self.lock:
            return [entry for entry in self.log if entry[0] >= start]

    def quiet(self, seconds: float = 1.5, limit: float = 120) -> None:
        """Wait until no request has come for `seconds`."""
        end = time.time() + limit
        while time.time() < end and time.time() - max([e[0] for e in self.log] or [0]) < seconds:
            time.sleep(0.1)


def _site_port(root: Path) -> int:
    """The port of site_url (in sitemap.xml): instant navigation takes over only links whose port is the
    sitemap's (it swaps in the page's protocol and host name, not its port)."""
    sitemap = root / "sitemap.xml"
    match = re.search(r"<loc>https?://[^/:<]+:(\d+)/", sitemap.read_text(encoding="utf-8")) if sitemap.exists() else None
    return int(match.group(1)) if match else 0


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = self.path.split("?")[0].split("#")[0]
        file = (self.server.root / path.lstrip("/")).resolve()
        if file.is_dir():
            file = file / "index.html"
        if self.server.root not in file.parents or not file.is_file():
            body, status, kind, zipped = b"not found", 404, "text/plain", False
        else:
            status, kind = 200, mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            zipped = file.suffix in TEXT and "gzip" in self.headers.get("Accept-Encoding", "")
            body = self.server.cache.get(file) if zipped else None
            if body is None:
                body = gzip.compress(file.read_bytes(), 6) if zipped else file.read_bytes()
                if zipped:
                    self.server.cache[file] = body
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        sent = len(body) + sum(len(h) for h in self._headers_buffer) + 2
        self.end_headers()
        self.wfile.write(body)
        with self.server.lock:
            self.server.log.append((time.time(), path, sent))

    def log_message(self, *args):
        pass


def cpu_seconds() -> float:
    """CPU time (user + system) of every Chromium process that is a descendant of this one."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(stat[1]), []).append(int(entry))
    total, todo = 0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            if "chromium" in Path(f"/proc/{pid}/cmdline").read_text():
                fields = stat.rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def wait_cpu_idle(limit: float = 120) -> None:
    """Until Chromium uses under 5% of a CPU for a second (the index built, the page idle)."""
    end, last = time.time() + limit, cpu_seconds()
    while time.time() < end:
        time.sleep(1)
        now = cpu_seconds()
        if now - last < 0.05:
            return
        last = now


def _kb(entries) -> float:
    return sum(entry[2] for entry in entries) / 1024


def _type(page, engine: dict, text: str, again: bool = False, paste: bool = False) -> tuple[float, float]:
    """Types `text` at 20 keys a second (or pastes all but its last key, then types that one: one search only);
    returns the wall-clock ms of the first and of the last keystroke."""
    selector = engine["again"] if again and "again" in engine else engine["input"]
    page.fill(selector, text[:-1] if paste else "")
    page.focus(selector)
    first = time.time() * 1000
    page.keyboard.type(text[-1] if paste else text, delay=50)
    if engine["submit"] and not again:
        with page.expect_navigation(wait_until="commit"):
            page.keyboard.press("Enter")
    return first, time.time() * 1000


def _settled(page, selector: str, before=None, quiet: float = 2.5, limit: float = 90) -> tuple[list[str], float]:
    """The result links, in order, once they differ from `before` and have not changed for `quiet` seconds;
    and the wall-clock ms of their last change."""
    end, last, since = time.time() + limit, None, time.time()
    while time.time() < end:
        try:
            links = page.eval_on_selector_all(selector, "els => els.map(a => a.getAttribute('href'))")
        except Exception:  # a navigation is under way
            links = None
        if links != last:
            last, since = links, time.time()
        elif links and links != before and time.time() - since >= quiet:
            break
        time.sleep(0.05)
    return last or [], since * 1000


def _rank(links: list[str], page_url: str, expected: str) -> int | None:
    from urllib.parse import urljoin, urlparse
    want = urlparse(urljoin(page_url, expected)).path
    paths = [urlparse(urljoin(page_url, link)).path for link in links]
    return paths.index(want) + 1 if want in paths else None


def _page(browser, engine: dict):
    context = browser.new_context()
    context.add_init_script(OBSERVE % json.dumps(engine["result"]))
    return context, context.new_page()


def measure(site: Path, engine_name: str, start: str, query: str, ranks: list[tuple[str, str]], axe: bool) -> dict:
    from playwright.sync_api import sync_playwright

    engine, server, out = ENGINES[engine_name], Server(site.resolve()), {"engine": engine_name}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        # 1. First load, then nothing until the network and the CPU are quiet.
        context, page = _page(browser, engine)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        t0, cpu0 = time.time(), cpu_seconds()
        page.goto(server.url + start, wait_until="load")
        load = server.since(t0)
        server.quiet()
        wait_cpu_idle()
        first = server.since(t0)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        long_load = page.evaluate("__lt")
        out.update(load_kb=_kb(load), first_kb=_kb(first), first_requests=[e[1] for e in first],
                   load_cpu_s=cpu_seconds() - cpu0, load_main_thread_s=metrics.get("TaskDuration", 0.0),
                   load_longtasks=len(long_load), load_longest_ms=max([t["ms"] for t in long_load] or [0]))
        # 2. The first query, typed once the page is quiet.
        t1, cpu1 = time.time(), cpu_seconds()
        key, last_key = _type(page, engine, query)
        first_result = page.wait_for_function("window.__first", timeout=180_000).json_value()
        links, changed = _settled(page, engine["result"])
        server.quiet(1.0)
        long_query = [t for t in page.evaluate("__lt") if t["at"] >= t1 * 1000]
        out.update(query_ms=first_result - key, after_last_key_ms=first_result - last_key, settled_ms=changed - last_key,
                   query_kb=_kb(server.since(t1)), query_requests=len(server.since(t1)), query_cpu_s=cpu_seconds() - cpu1,
                   query_longtasks=len(long_query), query_longest_ms=max([t["ms"] for t in long_query] or [0]),
                   query_results=len(links), query_timeline=[(round(e[0] * 1000 - last_key), e[1], e[2])
                                                             for e in server.since(t1)])
        # 3. With the results shown: axe-core, the keyboard, what is announced.
        if axe:
            out.update(_accessibility(page, engine))
        # 4. Each page's rank for its own title (a second query: the engine is warm).
        out["ranks"] = {}
        for title, expected in ranks:
            t2 = time.time()
            _, key = _type(page, engine, title, again=True, paste=True)
            links, changed = _settled(page, engine["result"], before=links)
            out["ranks"][title] = {"rank": _rank(links, page.url, expected), "shown": len(links),
                                   "ms": round(changed - key), "kb": round(_kb(server.since(t2)), 1), "top": links[:2]}
        context.close()
        # 5. Typing right at the load event: when does the first result come?
        context, page = _page(browser, engine)
        page.goto(server.url + start, wait_until="load")
        key, _ = _type(page, engine, query)
        first_result = page.wait_for_function("window.__first", timeout=180_000).json_value()
        out["eager_query_ms"] = first_result - key
        context.close()
        # 6. From file://, without a server.
        out["file"] = _from_file(browser, site.resolve(), start, engine, query)
        browser.close()
    server.shutdown()
    return out


def _accessibility(page, engine: dict) -> dict:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]})
    violations = {v["id"]: len(v["nodes"]) for v in results.response["violations"]}
    input_selector = engine.get("again") if engine["submit"] else engine["input"]
    reached = {}
    on_result = "sel => !!document.activeElement && document.activeElement.matches(sel)"
    for key, times in (("ArrowDown", 1), ("Tab", 15)):
        page.focus(input_selector)
        reached[key] = None
        for i in range(1, times + 1):
            page.keyboard.press(key)
            if page.evaluate(on_result, engine["result"]):
                reached[key] = i
                break
    return {"axe": violations, "keys_to_first_result": reached, "announced": page.evaluate("__said")[-3:]}


def _from_file(browser, site: Path, start: str, engine: dict, query: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda r: outside.append(r.url) if r.url.startswith("http") else None)
    page.on("console", lambda m: errors.append(m.text[:160]) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)[:160]))
    page.goto((site / start).as_uri(), wait_until="load")
    try:
        _type(page, engine, query)
        page.wait_for_selector(engine["result"], timeout=20_000)
        ok = True
    except Exception:
        ok = False
    context.close()
    return {"works": ok, "outside_requests": len(outside), "errors": errors[:3]}


def index_on_disk(site: Path, engine: str) -> dict:
    """The index files on disk (mkdocs-material: the JSON fetched over HTTP and the script used from file://)."""
    folder = site / ("search" if engine == "material" else "pagefind")
    files = [f for f in folder.rglob("*") if f.is_file()]
    return {"index_files": len(files), "index_mb": sum(f.stat().st_size for f in files) / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--engine", choices=["auto", *ENGINES], default="auto")
    parser.add_argument("--page", default="index.html", help="the page loaded first (default index.html)")
    parser.add_argument("--query", default="interpreter childcare")
    parser.add_argument("--rank", action="append", default=[], metavar="TITLE=PAGE",
                        help="a page whose rank for TITLE is reported (repeatable)")
    parser.add_argument("--no-axe", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    engine = args.engine if args.engine != "auto" else ("pagefind" if (args.site / "pagefind").is_dir() else "material")
    ranks = [tuple(r.split("=", 1)) for r in args.rank]
    figures = {"site": str(args.site), **index_on_disk(args.site, engine),
               **measure(args.site, engine, args.page, args.query, ranks, not args.no_axe)}
    for key, value in figures.items():
        if key not in ("first_requests", "query_timeline"):  # long: in the JSON only
            print(f"{key:22} {value:.1f}" if isinstance(value, float) else f"{key:22} {value}")
    print(f"{'first_requests':22} {', '.join(figures['first_requests'])}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
