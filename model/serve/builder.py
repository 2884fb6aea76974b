"""The development server's builder: watch the sources, compile what changed, and have the engine rebuild
only the pages whose compiled file changed. Problems are kept for the server to show in the browser.
After each build, the search index is brought up to date in the background (indexer.py): the edited page
is served first, and search follows a few seconds later."""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..compile import compile_site
from ..engines import EngineError
from ..problems import Problem
from .indexer import Indexer

WATCHED = ("practices", "assessment", "docs", "overrides", "schema", "CONTRIBUTING.md", "mkdocs.yml")
EVERY_PAGE = ("overrides", "mkdocs.yml", "practices/site.yml", "practices/interface.yml", "practices/kinds.yml",
              "practices/stages.yml")  # a change here shows on every page: rebuild them all


@dataclass
class State:
    generation: int = 0  # goes up each time the browser should show something new
    problems: list[Problem] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, problems: list[Problem]) -> None:
        with self.changed:
            self.problems = problems
            self.generation += 1
            self.changed.notify_all()

    def wait(self, since: int, timeout: float = 25.0) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.generation != since, timeout=timeout)
            return self.generation


def snapshot(root: Path) -> dict[str, tuple]:
    """Every watched file with its size and modification time (cheap: no file is read)."""
    out = {}
    for name in WATCHED:
        path = root / name
        if path.is_file():
            st = path.stat()
            out[name] = (st.st_size, st.st_mtime_ns)
        for folder, _, files in os.walk(path):
            for file in files:
                full = os.path.join(folder, file)
                try:
                    st = os.stat(full)
                except OSError:
                    continue
                out[os.path.relpath(full, root)] = (st.st_size, st.st_mtime_ns)
    return out


class Builder:
    def __init__(self, root: Path, engine, state: State, log=print):
        self.root, self.engine, self.state, self.log = Path(root), engine, state, log
        self.cache: dict = {}
        self.seen: dict[str, tuple] = {}
        self.built_once = False
        self.indexer = Indexer(engine.site_dir, log)

    def step(self) -> bool:
        """Compile and build if anything changed since the last step; True if it did."""
        now = snapshot(self.root)
        changed = {p for p in now.keys() | self.seen.keys() if now.get(p) != self.seen.get(p)}
        if not changed:
            return False
        self.seen = now
        started = time.perf_counter()
        result = compile_site(self.root, self.cache)
        if not result.ok:
            errors = result.problems.errors
            self.log(f"{len(errors)} problem{'s' * (len(errors) != 1)} to fix (shown in the browser too):")
            for problem in errors:
                self.log(f"  {problem}")
            self.state.publish(errors)
            return True
        full = not self.built_once or result.nav_changed or any(p.startswith(EVERY_PAGE) for p in changed)
        try:
            self.engine.build(dirty=not full)
        except EngineError as exc:
            self.log(str(exc))
            self.state.publish([Problem("mkdocs.yml", 1, str(exc))])
            return True
        self.built_once = True
        self.log(f"Built in {time.perf_counter() - started:.2f} s ({'all pages' if full else f'{len(result.written)} changed files'}).")
        self.state.publish([])
        self.indexer.request()
        return True

    def run(self, stop: threading.Event, interval: float = 0.1) -> None:
        while not stop.is_set():
            try:
                self.step()
            except Exception as exc:  # noqa: BLE001 - the server must outlive a mistake; say it and go on
                self.log(f"The build stopped on an unexpected error: {exc!r}")
                self.state.publish([Problem("(build)", 1, f"unexpected error: {exc!r}; fix the last change, or stop and restart make serve.")])
                self.seen = snapshot(self.root)
            stop.wait(interval)
        self.indexer.close()
