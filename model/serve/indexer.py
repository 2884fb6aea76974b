"""Search under `make serve`: Pagefind indexes the served site in the background, once the builds have been
quiet for a few seconds, at a low priority (nice 10). The page a writer edits is published first, with no wait
for the index; search catches up a few seconds later. While an index is being written, or after a build that
removed it (a full build empties the site folder), the search page says that search could not start.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from ..search_index import SearchIndexError, index

QUIET = 3.0  # seconds without a build before indexing: a run of saves is indexed once, after the last


class Indexer:
    def __init__(self, site: Path, log=print, quiet: float = QUIET):
        self.site, self.log, self.quiet = Path(site), log, quiet
        self.wanted = threading.Event()
        self.closed = threading.Event()
        self.last = 0.0
        self.thread: threading.Thread | None = None
        self.runs = 0  # finished runs (for tests)

    def request(self) -> None:
        """Index again once builds have been quiet for `quiet` seconds."""
        self.last = time.monotonic()
        self.wanted.set()
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, daemon=True)
            self.thread.start()

    def close(self) -> None:
        self.closed.set()
        self.wanted.set()

    def _run(self) -> None:
        while not self.closed.is_set():
            self.wanted.wait()
            while not self.closed.is_set() and time.monotonic() - self.last < self.quiet:
                time.sleep(0.1)
            if self.closed.is_set():
                return
            self.wanted.clear()
            try:
                index(self.site, nice=True)
            except SearchIndexError as exc:  # the next build asks again
                self.log(f"Search index not updated: {exc}")
            self.runs += 1
