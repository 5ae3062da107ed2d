# Two commands set everything up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(PY) -m rasa
# pyenv picks 3.10.13 from .python-version; PYTHON310 can point elsewhere.
PYTHON310 ?= $(shell command -v python3.10 2>/dev/null)

export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONPATH := $(CURDIR)
# endpoints.yml reads these; `rasa test` and `rasa data validate` load it too.
export TRACKER_DB ?= $(CURDIR)/var/tracker.db
export ACTION_ENDPOINT_URL ?= http://127.0.0.1:$(or $(ACTIONS_PORT),5055)/webhook
$(shell mkdir -p var)

.PHONY: run run-cluster test audit bench install train directory web-assets browser nginx lint validate unit core-test nlu-eval lock clean

$(VENV)/.installed: requirements.lock pyproject.toml
	@if [ -z "$(PYTHON310)" ] || ! $(PYTHON310) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then \
	  echo "error: Rasa 3.6 needs Python 3.10, and none was found." >&2; \
	  echo "       Install it (e.g. 'pyenv install 3.10.13'; .python-version selects it)" >&2; \
	  echo "       or run 'make PYTHON310=/path/to/python3.10'." >&2; exit 1; fi
	@test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install -q pip==24.0
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	$(PY) -m pip check
	@touch $@

install: $(VENV)/.installed

train: install
	$(PY) -m bot train

# Browser assets from npm (socket.io-client for the page, axe-core for its tests); the page
# serves them from our own origin, never from a CDN.
WEB_VENDOR := bot/web/static/vendor
$(WEB_VENDOR)/socket.io.min.js: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(WEB_VENDOR)
	cp node_modules/socket.io-client/dist/socket.io.min.js $(WEB_VENDOR)/

web-assets: $(WEB_VENDOR)/socket.io.min.js

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# Debian's nginx, for the scale-out profile and its failover test (no service is started).
nginx:
	@test -x /usr/sbin/nginx || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }

# Loads data/directory into DATABASE_URL (default var/directory.db) when it changed.
directory: install
	$(PY) -m bot directory load --if-stale

run: train directory web-assets
	$(PY) -m bot run

# Scale-out profile: 2 Rasa + 2 action servers behind nginx, PostgreSQL tracker store, Redis locks.
run-cluster: train web-assets nginx
	$(PY) -m bot cluster

lint: install
	$(PY) -m ruff check bot actions tests scripts

validate: install
	$(PY) scripts/validate_data.py

unit: train web-assets browser nginx
	$(PY) -m pytest -q

core-test: train
	$(RASA) test core --model models/wegwijzer.tar.gz --stories tests/stories --fail-on-prediction-errors --out reports/core

# Cross-validation on data the fold's model did not train on; the report stays in reports/.
# 5-fold cross-validation (scripts/nlu_cross_validation.py: Rasa's own evaluation, test folds
# only, folds in parallel, seeded split).
nlu-eval: install
	$(PY) scripts/nlu_cross_validation.py --folds 5 --out reports/nlu_cv
	$(PY) scripts/check_nlu_report.py reports/nlu_cv

test: lint validate unit core-test nlu-eval

# Load test: Wegwijzer (one process and the cluster) and a stock `rasa init` bot, 20/50/100 users;
# reports/bench.json and .png.
bench: train web-assets nginx
	$(PY) scripts/bench.py --cluster

# Known vulnerabilities in the locked dependencies (pip-audit in its own venv: its dependencies
# must not touch Rasa's pins). --strict fails when a package could not be checked at all; findings
# we accept are listed, with reasons, in security/accepted-vulnerabilities.txt.
AUDIT_VENV := .venv-audit
audit:
	@test -x $(AUDIT_VENV)/bin/pip-audit || { $(PYTHON310) -m venv $(AUDIT_VENV) && $(AUDIT_VENV)/bin/pip install -q pip-audit==2.10.1; }
	$(AUDIT_VENV)/bin/pip-audit -r requirements.lock --no-deps --disable-pip --strict --progress-spinner off \
	  $$(grep -v '^#' security/accepted-vulnerabilities.txt | awk 'NF {print "--ignore-vuln", $$1}')

# Refreeze the lock from the current venv (after changing requirements*.in on purpose).
lock: install
	$(PY) -m pip install -q -r requirements.in -r requirements-dev.in
	$(PY) -m pip check
	{ echo "# Frozen from a working venv (Python 3.10.13): \`make lock\` rewrites it. Install with pip install -r."; \
	  $(PY) -m pip freeze --exclude-editable | grep -v '^wegwijzer'; } > requirements.lock

clean:
	rm -rf models var results reports/core reports/nlu_cv
