# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make demo   build .venv, ingest the bundled sample corpus, print the table, write report.html
#   make test   build .venv with the test extras and the system packages the tests need, then
#               run ruff, mypy and pytest (PostgreSQL and Chromium for real, no silent skips)
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= fighterflows.db

.PHONY: demo test lint typecheck pytest system-packages bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found; run 'make PYTHON=python3 ...'"; exit 2; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(STAMP)
	$(BIN)/fighterflows demo --db $(DB) --report report.html

system-packages:
	./scripts/system-packages.sh

test: $(STAMP) system-packages lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check fighterflows tests benchmarks scripts
	$(BIN)/ruff format --check fighterflows tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	FIGHTERFLOWS_REQUIRE_SERVICES=1 $(BIN)/pytest -q -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/number_grammar.py
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/api.py

clean:
	rm -rf $(VENV) *.egg-info .mypy_cache .ruff_cache .pytest_cache report.html $(DB)
