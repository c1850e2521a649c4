# Koble: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := wsgi.py
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
DEMO_PITCHES ?= 200
DEMO_INVESTORS ?= 60
# `make run PORT=5001` when 5000 is taken; `:=` so a PORT in the environment (set by hosting
# tools) does not move the documented address.
PORT := 5000

.PHONY: run test install install-dev translations messages migrate seed serve-prod lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP) $@

install: $(STAMP) translations
install-dev: $(DEV_STAMP) translations

translations: | $(BIN)/python
	$(BIN)/pybabel -q compile -d translations -f

# Refresh the catalogues after adding or changing user-visible strings.
messages: | $(BIN)/python
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 --no-location -o translations/messages.pot .
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

migrate: install
	$(BIN)/flask db upgrade -x quiet
	$(BIN)/flask seed-reference

seed: migrate
	$(BIN)/flask demo seed --if-empty --pitches $(DEMO_PITCHES) --investors $(DEMO_INVESTORS)

run: seed
	$(BIN)/flask matching rebuild --if-stale
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

# Two workers by default (CI has two cores); each gets its own PostgreSQL database. Whole
# files per worker: the arena journey's steps hand state to each other in one process
# (`--dist loadgroup` would be finer, but pytest 9.2 ignores its groups: pytest-xdist #1386).
# Compiled modules are kept (__pycache__/, ignored by git) even where the environment sets
# PYTHONDONTWRITEBYTECODE: without them every worker compiled the app and pytest rewrote the
# asserts of all 520 test files again, about 30 s of CPU a worker and run (13 s with them).
PYTEST_WORKERS ?= 2
test: install-dev
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -p no:cacheprovider -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .

format: install-dev
	$(BIN)/ruff format .

# gunicorn + PostgreSQL: set DATABASE_URL and SECRET_KEY first (see README).
# The index is rebuilt when stale (an upgrade that changed the engine, data changed since the
# last one; on an empty database it stores an empty index in a second) beside gunicorn, not
# before it: pages serve the last index's scores until workers load the new one, rather than
# the site staying down for a large rebuild (half a minute at 8,000 pitches).
serve-prod: install
	KOBLE_ENV=production $(BIN)/flask db upgrade
	KOBLE_ENV=production $(BIN)/flask seed-reference
	KOBLE_ENV=production $(BIN)/flask matching rebuild --if-stale & \
	KOBLE_ENV=production $(BIN)/gunicorn --config gunicorn.conf.py --workers $${WORKERS:-4} --bind $${BIND:-127.0.0.1:8000} wsgi:app

clean:
	rm -rf $(VENV) instance .pytest_cache
