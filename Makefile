# The two commands a newcomer needs: `make demo` and `make test`. Both set up everything first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BW := $(VENV)/bin/blickwinkel
SHARED ?= ../shared

.PHONY: env demo test lint typecheck pytest bench serve golden clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

env: $(VENV)/.installed

demo: env
	@echo "== Story 1: the Lindenau bridge closure (German, four outlets)"
	$(BW) compare examples/brueckensperrung/
	@echo "== Story 2: the Harbour Point ferry grounding (English, three outlets)"
	$(BW) compare examples/ferry-grounding/ -o demo-report.html

lint: env
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

typecheck: env
	$(VENV)/bin/mypy

# pytest exits 5 when it collects no test; that is not a failure of the suite.
pytest: env
	$(PY) -m pytest -q -n 2 --dist loadfile tests; rc=$$?; if [ $$rc -eq 5 ]; then rc=0; fi; exit $$rc

test: lint typecheck pytest

golden: env
	$(PY) -m tests.golden.regenerate

bench: env
	$(PY) bench/startup.py --wikinews-event 47
	$(PY) bench/compare.py
	$(PY) bench/analyse.py
	$(PY) bench/perturb.py --pairs 200
	$(BW) eval compare examples/gold/*.json
	$(PY) bench/stories.py
	$(PY) bench/service.py
	$(PY) bench/outlets.py
	$(PY) bench/batch.py
	$(PY) bench/boilerplate.py --articles 500 --sample 30
	$(PY) bench/fuzz.py --count 10000
	$(PY) bench/slow_fetch.py --fetches 100
	$(PY) bench/pathological.py --mb 0.2

# The newsroom service on the bundled examples: http://127.0.0.1:8000/
serve: env
	rm -f demo.db
	$(BW) ingest examples/brueckensperrung examples/ferry-grounding examples/wahl-mischsprachig --db sqlite:///demo.db
	$(BW) serve --db sqlite:///demo.db

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist demo-report.html demo.db
