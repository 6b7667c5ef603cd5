# Gadeplan: two commands on a fresh Linux machine with Python 3.11:
#   make run    create .venv, install, start the demo
#   make test   install what tests need, then lint, type-check, layer contracts and the suite
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PIP_VERSION := 25.3
DEMO_DIR := .demo/profile

.PHONY: run test lint typecheck contracts pytest bench lock system-deps clean

$(STAMP): pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11 or python3)."; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[backend,sync,dev]'
	@touch $(STAMP)

# System libraries the tests need on a bare Debian/Ubuntu machine (installed only if missing).
system-deps:
	@bash build/system-deps.sh

run: $(STAMP)
	$(BIN)/gadeplan --data-dir $(DEMO_DIR) demo

test: $(STAMP) system-deps lint typecheck contracts pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/store.py

# Re-pin every dependency after changing pyproject.toml.
lock: $(STAMP)
	{ sed -n '1,2p' constraints.txt; $(BIN)/pip freeze --exclude-editable | grep -v '^gadeplan'; } > constraints.new
	mv constraints.new constraints.txt

clean:
	rm -rf $(VENV) .demo .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
