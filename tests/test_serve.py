"""`make serve` on a fork of the engine: a YAML edit shows up in the served page, a broken file shows its
problems in the browser (every page), and fixing it brings the site back, with no restart; search follows
in the background."""
from __future__ import annotations

import re
import time
import urllib.request

import pytest

from conftest import make_fork, search_index
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


def indexed_title(site, address: str):
    try:
        return search_index(site).get(address, {}).get("meta", {}).get("title")
    except Exception:  # noqa: BLE001 - Pagefind is writing the index: read it again
        return None


def wait_until(check, timeout: float = 120):
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"still not true after {timeout} s")


def test_search_is_indexed_in_the_background_after_the_page_is_served(served):
    project, url = served
    site, address = project / "build" / "serve-site", "/methods/report-back-within-a-month.html"
    wait_until(lambda: indexed_title(site, address) == "Report back within a month")
    entry = project / "practices" / "methods" / "report-back-within-a-month.yml"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(re.sub(r"^title: .*$", "title: Report back within three weeks", text, count=1, flags=re.M), encoding="utf-8")
    wait_for(url + address.lstrip("/"), "Report back within three weeks")
    assert indexed_title(site, address) == "Report back within a month", "the page waited for the index"
    wait_until(lambda: indexed_title(site, address) == "Report back within three weeks")
