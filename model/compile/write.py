"""Write the compiled tree: a file only when its content changed (unchanged files keep their timestamps,
so an engine's --dirty rebuild skips them), and remove every file whose source is gone. Nothing is
written until the whole tree is known (`commit`), so a failed compile leaves the last good tree."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Tree:
    base: Path  # e.g. build/docs
    pending: dict[str, bytes | Path] = field(default_factory=dict)  # path -> content, or a file to copy
    written: list[str] = field(default_factory=list)  # paths whose content changed, after commit
    removed: list[str] = field(default_factory=list)

    @property
    def kept(self) -> set[str]:
        return set(self.pending)

    def put(self, path: str, content: str | bytes) -> None:
        self.pending[path] = content.encode("utf-8") if isinstance(content, str) else content

    def copy(self, path: str, source: Path) -> None:
        self.pending[path] = source

    def commit(self) -> None:
        """Write what changed, then remove what this tree no longer holds."""
        for path, content in self.pending.items():
            if self._write(self.base / path, content):
                self.written.append(path)
        self._prune()

    def _write(self, target: Path, content: bytes | Path) -> bool:
        fresh = False
        try:
            if isinstance(content, Path):
                src, dst = content.stat(), target.stat()
                if src.st_size == dst.st_size and src.st_mtime_ns <= dst.st_mtime_ns:
                    return False
                content = content.read_bytes()
            if target.stat().st_size == len(content) and target.read_bytes() == content:
                return False
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
            fresh = not target.exists()
        if isinstance(content, Path):
            content = content.read_bytes()
        if fresh:  # nobody can be reading a file that does not exist yet
            target.write_bytes(content)
            return True
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(content)
        os.replace(tmp, target)  # a reader never sees half a file
        return True

    def _prune(self) -> None:
        if not self.base.is_dir():
            return
        for folder, _, names in os.walk(self.base, topdown=False):
            here = Path(folder)
            for name in names:
                rel = (here / name).relative_to(self.base).as_posix()
                if rel not in self.pending:
                    (here / name).unlink()
                    self.removed.append(rel)
            if here != self.base and not any(here.iterdir()):
                here.rmdir()
