"""Which files of practices/ and assessment/ are read: never a link that leads outside the repository."""
from __future__ import annotations

import os
from pathlib import Path

from .problems import Problems


def inside(file: Path, root: Path) -> bool:
    """True when `file`, with every link followed, is inside `root`."""
    try:
        return Path(os.path.realpath(file)).is_relative_to(os.path.realpath(root))
    except OSError:
        return False


def outside_message(file: Path) -> str:
    target = os.path.realpath(file)
    return f"this is a link to {target}, outside the repository: replace the link with the file itself."


def files_under(base: Path, root: Path, problems: Problems) -> list[Path]:
    """Every file under `base`, sorted, without following links out of the repository (each is reported)."""
    found: list[Path] = []
    seen: set[str] = set()  # real paths of folders walked: a link back to a parent is walked once
    for folder, dirs, names in os.walk(base, followlinks=True):
        here = Path(folder)
        seen.add(os.path.realpath(here))
        for name in list(dirs):
            if not inside(here / name, root):
                problems.error((here / name).relative_to(root).as_posix(), 1, outside_message(here / name))
                dirs.remove(name)
            elif os.path.realpath(here / name) in seen:
                dirs.remove(name)
        dirs.sort()
        for name in names:
            file = here / name
            if not inside(file, root):
                problems.error(file.relative_to(root).as_posix(), 1, outside_message(file))
            elif file.is_file():
                found.append(file)
    return sorted(found)


def stamp(*paths: Path) -> tuple:
    """What tells whether files changed without reading them: their sizes and modification times."""
    out = []
    for path in paths:
        try:
            st = os.stat(path)
            out.append((str(path), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(path), None))
    return tuple(out)
