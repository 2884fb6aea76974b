"""Helpers of the search tests: the results of the search page, once the live region has said how many."""
from __future__ import annotations

import re
import time

from model.site_config import load_site

RESULTS = "#mpl-search .mpl-search__results a"


def final_status(project) -> re.Pattern:
    """What the live region says once results are shown (practices/interface.yml, search.results.* and search.none)."""
    strings = load_site(project).strings
    texts = [strings[k] for k in ("search.results.one", "search.results.other", "search.none")]
    return re.compile("|".join(re.escape(t).replace(r"\{count\}", r"[\d,]+").replace(r"\{query\}", ".+") for t in texts))


def results(page, project, timeout: float = 30) -> list[str]:
    """The addresses of the results, once the live region says how many there are."""
    done, end = final_status(project), time.monotonic() + timeout
    while time.monotonic() < end:
        status = page.locator("#mpl-search .mpl-search__status")
        if status.count() and done.fullmatch(status.inner_text().strip()):
            return [re.sub(r"^https?://[^/]+", "", h) for h in page.eval_on_selector_all(RESULTS, "as => as.map(a => a.href)")]
        time.sleep(0.05)
    raise AssertionError(f"no results were announced: {page.url}")
