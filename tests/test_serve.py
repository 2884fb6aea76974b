"""`make serve` on a fork of the engine: a YAML edit shows up in the served page, a broken file shows its
problems in the browser (every page), and fixing it brings the site back, with no restart."""
from __future__ import annotations

import re
import time
import urllib.request

import pytest

from conftest import make_fork
from model.serve import start


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, words: str, timeout: float = 30) -> str:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        page = fetch(url)
        if words in page:
            return page
        time.sleep(0.05)
    raise AssertionError(f"{words!r} never appeared in {url}")


@pytest.fixture
def served(tmp_path):
    project = make_fork(tmp_path)
    server, _, stop, url = start(project, 0, log=lambda *a: None)
    yield project, url
    stop.set()
    server.shutdown()


def test_an_edit_shows_in_the_served_page_and_a_broken_file_shows_its_problems(served):
    project, url = served
    entry = project / "practices" / "methods" / "report-back-within-a-month.yml"
    page = url + "methods/report-back-within-a-month.html"
    first = fetch(page)
    assert "Report back within a month" in first and 'src="/__dev__/reload.js"' in first
    text = entry.read_text(encoding="utf-8")
    entry.write_text(re.sub(r"^title: .*$", "title: Report back within two weeks", text, count=1, flags=re.M), encoding="utf-8")
    wait_for(page, "Report back within two weeks")

    entry.write_text(text.replace("stages: [follow-up]", "stages: [folow-up]"), encoding="utf-8")
    problems = wait_for(url + "about.html", "problem to fix")  # on every page, not only the one edited
    assert ("practices/methods/report-back-within-a-month.yml:6: unknown stage `folow-up`. Did you mean `follow-up`?"
            in re.sub(r"<[^>]+>", "", problems))
    assert 'src="/__dev__/reload.js"' in problems, "the problems page reloads by itself once fixed"

    entry.write_text(text, encoding="utf-8")
    wait_for(page, "Report back within a month")
    assert "problem to fix" not in fetch(url + "about.html")


def test_the_reload_script_waits_for_a_change(served):
    _, url = served
    state = fetch(url + "__dev__/state?since=-1")
    assert '"generation": ' in state and '"problems": []' in state
