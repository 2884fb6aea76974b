"""The benchmark's web server and CPU counter (bench/search.py): serves a built site and gzips text as a web
server would, logging (time, path, bytes sent) for each request; counts the CPU time of Chromium's processes."""
from __future__ import annotations

import gzip
import http.server
import mimetypes
import os
import re
import socket
import threading
import time
from pathlib import Path

TEXT = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest"}


class Server(http.server.ThreadingHTTPServer):
    """Serves a folder, gzipping text as a web server would, and logs (time, path, bytes sent) per request."""
    daemon_threads = True

    def __init__(self, root: Path, port: int = 0):
        """On `port` (the port of the site's site_url: instant navigation takes over only links whose port is
        the sitemap's), or on any free one if it is 0 or taken (links then open as ordinary page loads)."""
        self.root, self.log, self.cache, self.lock = root, [], {}, threading.Lock()
        try:
            super().__init__(("127.0.0.1", port), _Handler)
        except OSError:
            super().__init__(("127.0.0.1", 0), _Handler)
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_port(site: Path) -> int:
    """The port of the site's address in its sitemap.xml (0 if it names none)."""
    sitemap = site / "sitemap.xml"
    match = re.search(r"<loc>https?://[^/:<]+:(\d+)/", sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else None
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
