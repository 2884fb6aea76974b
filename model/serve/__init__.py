"""`make serve` (`python -m model serve`): compile, build and serve the site on http://127.0.0.1:8000, and
again on every change to the YAML, the pages or the templates. While a source has an error, every page
shows the list of problems, and reloads by itself once they are fixed.

The built site goes to build/serve-site (git-ignored); the published build (`make build`) is separate.
"""
from __future__ import annotations

import http.server
import json
import threading
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jinja2

from ..engines import MkDocs
from .builder import Builder, State

HERE = Path(__file__).parent
SITE = "build/serve-site"
_PAGE = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE)), autoescape=True).get_template("problems.html")


class Handler(http.server.SimpleHTTPRequestHandler):
    """The built site, with the reload script in every page; the problems page while there are any."""

    def __init__(self, *args, state: State, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, *args):  # the terminal shows builds and problems, not every request
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/__dev__/reload.js":
            return self._send(200, "text/javascript; charset=utf-8", (HERE / "reload.js").read_bytes())
        if url.path == "/__dev__/state":
            since = int(parse_qs(url.query).get("since", ["-1"])[0] or -1)
            generation = self.state.wait(since)
            body = {"generation": generation, "problems": [str(p) for p in self.state.problems]}
            return self._send(200, "application/json", json.dumps(body).encode())
        is_page = url.path.endswith(("/", ".html")) or "." not in url.path.rsplit("/", 1)[-1]
        if is_page and self.state.problems:
            page = _PAGE.render(problems=self.state.problems, count=len(self.state.problems), generation=self.state.generation)
            return self._send(200, "text/html; charset=utf-8", page.encode("utf-8"))
        if is_page:
            file = Path(self.translate_path(url.path))
            file = file / "index.html" if file.is_dir() else file
            if file.is_file():
                html = file.read_text(encoding="utf-8")
                tag = f'<script src="/__dev__/reload.js" data-generation="{self.state.generation}"></script>'
                html = html.replace("</body>", tag + "</body>", 1) if "</body>" in html else html + tag
                return self._send(200, "text/html; charset=utf-8", html.encode("utf-8"))
        return super().do_GET()

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def start(root: Path, port: int, log=print):
    """Build once, then serve and rebuild in the background; returns (server, builder thread, stop event, url)."""
    root = Path(root).resolve()
    site = root / SITE
    site.mkdir(parents=True, exist_ok=True)
    state = State()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, state=state, directory=str(site)))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    builder = Builder(root, MkDocs(root, site, url), state, log)
    builder.step()
    stop = threading.Event()
    thread = threading.Thread(target=builder.run, args=(stop,), daemon=True)
    thread.start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, thread, stop, url


def serve(root: Path, port: int = 8000) -> int:
    try:
        server, thread, stop, url = start(root, port)
    except OSError as exc:
        print(f"cannot serve on port {port} ({exc.strerror}): stop the other server, or run `python -m model serve --port 8001`.")
        return 1
    print(f"Serving the site on {url} (press Ctrl+C to stop). Pages rebuild when you save a file.")
    try:
        thread.join()
    except KeyboardInterrupt:
        print("\nStopped.")
    finally:
        stop.set()
        server.shutdown()
    return 0
