"""Helpers of the printables tests: run the command, read the text of a PDF's pages."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ARTEFACTS = ROOT / "build" / "test-artefacts" / "printables"  # PNGs of first pages, for a person to look at


def make_printables(project: Path) -> subprocess.CompletedProcess:
    """`python -m model printables --root project`, as `make printables` runs it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "model", "printables", "--root", str(project)], capture_output=True,
                          text=True, env=env, cwd=project, timeout=900)


def pages_text(pdf: Path) -> list[str]:
    """The text of each page, squashed (see `squash`)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [squash(page) for page in out.split("\f")[:-1]]


def squash(text_: str) -> str:
    """Text without whitespace or hyphens: pdftotext joins a word broken at a line's end, dropping its hyphen."""
    return re.sub(r"[\s\-\u2010]+", "", str(text_))
