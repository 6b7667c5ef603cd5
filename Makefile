# Gadeplan: two commands on a fresh Linux machine with Python 3.11:
#   make run    create .venv, install, start the demo (window and a local demo server)
#   make test   install what tests need, then lint, type-check, layer contracts and the suite
#   make dist   the laptop program as a one-folder bundle (dist/), its tarball, SBOM and audit
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DIST_STAMP := $(VENV)/.dist-stamp
PIP_VERSION := 25.3
DEMO_DIR := .demo
UI_SOURCES := $(wildcard gadeplan/ui/*.py)
TS := resources/translations/gadeplan_da.ts
QM := resources/translations/gadeplan_da.qm

.PHONY: run test lint typecheck contracts pytest bench lock system-deps clean translations screenshots dist

$(STAMP): pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11 or python3)."; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[backend,dev]'
	@touch $(STAMP)

# The packaging tools (PyInstaller, cyclonedx-bom, pip-audit), only for `make dist` and `make lock`.
$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dist]'
	@touch $(DIST_STAMP)

# System libraries the tests need on a bare Debian/Ubuntu machine (installed only if missing).
system-deps:
	@bash build/system-deps.sh

# The window on the demo profile, signed in to a local demo server (SQLite in .demo/, on
# 127.0.0.1:8765 or a free port) that stops when the window closes. The profile is created,
# seeded and synced on first use; 'gadeplan --data-dir .demo/profile demo' makes it alone.
run: $(STAMP) $(QM)
	@$(BIN)/python -m compileall -q gadeplan  # starts from bytecode even under PYTHONDONTWRITEBYTECODE
	$(BIN)/python -m gadeplan.app.demo_run --folder $(DEMO_DIR)

# Refresh the Danish .ts from the sources (commit it; translate new entries in Qt Linguist or
# by hand), then build the .qm the program loads. The .qm is a build product, not committed.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -ts $(TS) -locations none -no-obsolete -target-language da_DK
	$(BIN)/pyside6-lrelease $(TS) -qm $(QM)

$(QM): $(TS) | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# A PNG of every main screen on demo data (offscreen), light, dark and at 200 % scaling.
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=2 $(BIN)/python -m tests.ui.screenshots docs/screenshots --only today,person,quick-log --suffix=-200pct

test: $(STAMP) system-deps lint typecheck contracts pytest

# The bundle (dist/gadeplan/), dist/gadeplan-<version>-linux-<machine>.tar.gz, dist/sbom.cdx.json
# and dist/audit.txt; PyInstaller works in .dist-work/, never in build/ (docs/it-guide.md).
# An audit that could not reach the vulnerability service fails the build unless
# AUDIT=offline-ok is given (CI without internet); a known vulnerability always fails it.
AUDIT ?= required
dist: $(DIST_STAMP) $(QM) system-deps
	$(BIN)/python build/dist.py --audit $(AUDIT)

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
	$(BIN)/python bench/dashboard.py
	$(BIN)/python bench/ui.py
	$(BIN)/python bench/sync.py
	$(BIN)/python bench/sync.py --postgres

# Re-pin every dependency (the packaging tools too) after changing pyproject.toml.
lock: $(DIST_STAMP)
	{ sed -n '1,2p' constraints.txt; $(BIN)/pip freeze --exclude-editable | grep -v '^gadeplan'; \
	  grep -v '^#' build/constraints-other-platforms.txt; } > constraints.new
	mv constraints.new constraints.txt

clean:
	rm -rf $(VENV) .demo .mypy_cache .ruff_cache .pytest_cache .import_linter_cache .dist-work dist
