# Two commands do everything: `make run` (serve the site locally) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup install classroom browser tei-validator lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt requirements.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

# Database, content and a local admin account; safe to run again.
setup: $(VENV)/.runtime
	$(MANAGE) compile_catalogues
	$(MANAGE) migrate --noinput
	$(MANAGE) load_site
	$(MANAGE) ensure_local_admin

run: setup
	$(MANAGE) runserver $(HOST):$(PORT)

# The virtualenv with the site's packages, for production (deploy/manage, deploy/serve).
install: $(VENV)/.runtime

# A production-like server for a classroom network (see the README): HOST=0.0.0.0 by default.
classroom: $(VENV)/.runtime
	HOST=$(if $(filter command line environment,$(origin HOST)),$(HOST),0.0.0.0) PORT=$(PORT) deploy/classroom

# Debian's Chromium for the browser tests (Playwright's own browser download cannot be used).
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian chromium and fonts-wqy-microhei for the browser tests"; \
		(apt-get install -y -q chromium fonts-wqy-microhei >/dev/null 2>&1 || \
		 (apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-wqy-microhei >/dev/null)); \
	else \
		echo "*** chromium is missing and cannot be installed here: browser tests will be SKIPPED ***"; \
	fi

# Debian's jing, which checks the editions' TEI against the TEI schema (libxml2 cannot load it).
tei-validator:
	@if command -v jing >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian jing for the TEI tests"; \
		(apt-get install -y -q jing >/dev/null 2>&1 || \
		 (apt-get update -q >/dev/null && apt-get install -y -q jing >/dev/null)); \
	else \
		echo "*** jing is missing and cannot be installed here: TEI validation will be SKIPPED ***"; \
	fi

test: $(VENV)/.test browser tei-validator
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) compile_catalogues
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles var
