# Two commands for a fresh machine: `make serve` (the site) and `make test` (the whole test suite).
# Each installs what it needs first. Everything else here is a building block of those two.
VENV    := .venv
PYTHON  := $(VENV)/bin/python
# The second engine of the compatibility check (tests/test_zensical.py), in its own environment: its
# dependencies are not MkDocs'. 0.0.73 installs from the package index here; 0.1.x needs a missing one.
ZENSICAL := .venv-zensical/bin/zensical
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := .

.PHONY: serve test build site printables validate new bench debian clean

serve: $(VENV)/.site  ## install, compile and serve the site on http://127.0.0.1:8000; again on every change
	$(PYTHON) -m model serve

test: $(VENV)/.test $(ZENSICAL) debian  ## install and run the whole test suite (model, build, browser, PDFs, second engine)
	$(PYTHON) -m pytest

build: printables site  ## make the PDFs, then build the site into site/ with --strict, and its search index (Pagefind, into site/pagefind/)
	$(PYTHON) -m mkdocs build --strict
	$(PYTHON) -m model index --site site

site: $(VENV)/.site  ## compile the docs tree (build/docs) from practices/, assessment/ and docs/
	$(PYTHON) -m model site --strict

# The card decks, the book and the worksheet (PDF) into build/printables; again only when a source changed.
# `make serve` never makes them (the Downloads page then says how to); `make build` does, first.
printables: $(VENV)/.site debian  ## make the PDFs to print (card decks, the book, the worksheet)
	$(PYTHON) -m model printables

validate: $(VENV)/.site  ## check every YAML file; prints path:line: message for each problem
	$(PYTHON) -m model validate

bench: $(VENV)/.test debian  ## build synthetic libraries of 100, 1,000 and 5,000 entries, and Lighthouse per page type; print the figures (minutes)
	$(PYTHON) bench/run.py
	$(PYTHON) bench/combine.py
	$(PYTHON) bench/lighthouse.py

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

# From Debian's packages, when missing: Chromium (the browser tests drive it; Playwright cannot download
# its own browser here), Node (the JavaScript unit tests), Pango and HarfBuzz (WeasyPrint lays out the PDFs
# with them), the fonts the PDFs embed, and poppler-utils (the PDF tests read pages with pdftotext & co.).
DEBIAN := chromium nodejs libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core poppler-utils
debian:
	@missing=$$(for p in $(DEBIAN); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	[ -z "$$missing" ] || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; }

clean:
	rm -rf site build .pytest_cache .venv-zensical
