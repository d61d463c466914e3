# Two commands for a fresh machine: `make run` and `make test` (see README.md).
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
PYTHON ?= python3

.PHONY: run test test-postgres install install-dev ingest serve bench timex clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

# Test tools (pytest, Playwright, schemathesis) only for the test suite: `make run` stays light.
$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Set up, migrate, ingest seeds/ and serve on http://127.0.0.1:8000 (SQLite by default).
run: install
	$(BIN)/timeline db upgrade
	$(BIN)/timeline ingest seeds
	$(BIN)/timeline serve

# The whole test suite (the browser tests need chromium: .ci/run installs Debian's).
test: install-dev
	$(PY) -m pytest

# The same suite against PostgreSQL, on a throwaway cluster (needs Debian's postgresql package).
PG_DIR ?= /tmp/timeline-test-postgres
test-postgres: install-dev
	@url=$$(scripts/throwaway-postgres start $(PG_DIR)) && \
	  trap 'scripts/throwaway-postgres stop $(PG_DIR)' EXIT && \
	  echo "PostgreSQL: $$url" && DATABASE_URL=$$url $(PY) -m pytest

bench: install-dev
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/temporal.py

# Score the temporal tagger on the TimeBank+AQUAINT development set.
timex: install
	$(PY) ../shared/eval/score_timex.py ../shared/eval/timebank --extractor '$(PY) -m app.temporal --dct {dct} --json'

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache timeline.db timeline.db-wal timeline.db-shm
