# Two commands for a fresh machine: `make serve` (the site) and `make test` (the whole test suite).
# Each installs what it needs first. Everything else here is a building block of those two.
VENV    := .venv
PYTHON  := $(VENV)/bin/python
# The second engine of the compatibility check (tests/test_zensical.py), in its own environment: its
# dependencies are not MkDocs'. 0.0.73 installs from the package index here; 0.1.x needs a missing one.
ZENSICAL := .venv-zensical/bin/zensical
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := .

.PHONY: serve test build site validate new bench chromium clean

serve: $(VENV)/.site  ## install, compile and serve the site on http://127.0.0.1:8000; again on every change
	$(PYTHON) -m model serve

test: $(VENV)/.test $(ZENSICAL) chromium  ## install and run the whole test suite (model, build, browser, second engine)
	$(PYTHON) -m pytest

build: site  ## build the site into site/ with --strict, and its search index (Pagefind, into site/pagefind/)
	$(PYTHON) -m mkdocs build --strict
	$(PYTHON) -m model index --site site

site: $(VENV)/.site  ## compile the docs tree (build/docs) from practices/, assessment/ and docs/
	$(PYTHON) -m model site --strict

validate: $(VENV)/.site  ## check every YAML file; prints path:line: message for each problem
	$(PYTHON) -m model validate

bench: $(VENV)/.test chromium  ## build synthetic libraries of 100, 1,000 and 5,000 entries; print the figures (minutes)
	$(PYTHON) bench/run.py

# Start a new entry: make new KIND=practice STAGE=recruitment TITLE="Invite by letter and by phone"
# (add QUESTION=<question id> to have that self-assessment question recommend it)
KIND ?= practice
new: $(VENV)/.site  ## create practices/<folder>/<id>.yml with a hint in every field to fill in
	$(PYTHON) -m model new "$(KIND)" --title "$(TITLE)" $(if $(STAGE),--stage "$(STAGE)") $(if $(QUESTION),--question "$(QUESTION)")

$(VENV)/.site: requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(ZENSICAL):
	python3 -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check zensical==0.0.73

$(VENV)/.test: requirements-test.txt $(VENV)/.site
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here);
# the JavaScript unit tests run on Node. Both come from Debian's packages when missing.
chromium:
	@command -v chromium >/dev/null && command -v node >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium nodejs; }

clean:
	rm -rf site build .pytest_cache .venv-zensical
