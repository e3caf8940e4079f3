# Two commands on a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
# Development: DEBUG on (the settings default it off and then ask for SECRET_KEY). Production sets DEBUG=0
# and SECRET_KEY in its own environment (Dockerfile, docker-compose.yml).
export DEBUG ?= 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate samples worker bench loadtest clean

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

samples: migrate
	$(PY) manage.py load_samples

# Serve the archive. Uploads are processed by a background worker started alongside.
run: samples
	@echo "Serving the UN resolutions archive at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, create a user with: $(PY) manage.py createsuperuser)"
	$(PY) manage.py run_archive --host $(HOST) --port $(PORT)

worker: migrate
	$(PY) manage.py db_worker

test: install
	$(PY) -m pytest

# The benchmark builds its own database (never the development one) under var/bench-pgdata-SCALE.
# Runs at 1,000 documents or fewer are smoke runs: their table goes to bench/out/, not BENCHMARKS.md.
SCALE ?= 1000
bench: install
	ARCHIVE_PGDATA=var/bench-pgdata-$(SCALE) $(PY) manage.py bench --scale $(SCALE) $(BENCH_ARGS)

# The load test alone (bench/load.py) on the benchmark's database of SCALE documents (run `make bench` first):
# gunicorn on loopback, LOAD_USERS locust readers for LOAD_SECONDS, then both stop.
LOAD_SECONDS ?= 30
LOAD_USERS ?= 10
loadtest: install
	ARCHIVE_PGDATA=var/bench-pgdata-$(SCALE) $(PY) manage.py migrate --noinput --verbosity 0
	ARCHIVE_PGDATA=var/bench-pgdata-$(SCALE) $(PY) -m bench.load --seconds $(LOAD_SECONDS) --users $(LOAD_USERS)

clean:
	rm -rf $(VENV) var staticfiles
