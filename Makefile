# Relais — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
CHROMIUM := /usr/bin/chromium

.PHONY: run test test-busy fuzz lint format translations demo install install-dev upgrade browser check-deploy backup backups restore clean bench rush

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the requirements change. Every package is pinned with its hashes
# (requirements*.txt, made by `make upgrade` from requirements*.in): pip refuses anything else.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

PIP_COMPILE := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host

upgrade: install-dev ## Re-resolve requirements*.txt from requirements*.in: newest allowed releases, with hashes
	$(PIP_COMPILE) --upgrade --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --upgrade --output-file requirements-dev.txt requirements-dev.in
	@echo "Review 'git diff requirements*.txt', then 'make test'."

run: install ## Start the site with demo content on http://127.0.0.1:8000
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

demo: install ## Load (or complete) the demo content
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo

# Debian's Chromium for the browser tests, installed when missing and we may (root).
browser:
	@if [ ! -x $(CHROMIUM) ] && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests…"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "Could not install chromium: browser tests will be skipped."; \
	fi

bench: install-dev ## Seed a large data set once, then load each public page with wrk under gunicorn (.bench/results.csv)
	@if ! command -v wrk >/dev/null && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's wrk for the benchmark…"; \
		(apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk)) >/dev/null 2>&1 \
		|| echo "Could not install wrk."; \
	fi
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

rush: install-dev ## 3 minutes of locust traffic while 500 members register for a 50-seat session (PostgreSQL)
	$(BIN)/python scripts/rush/run.py $(RUSH_ARGS)

lint: install-dev ## Check style and the direction of imports (pyproject.toml); fixes nothing
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/djhtml --check $$(git ls-files '*.html' 2>/dev/null || find . -name '*.html' -not -path './.venv/*')

format: install-dev ## Fix style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

test: install-dev browser lint ## Lint, checks, migrations, the pytest suite and the browser tests
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

# The suite on a busy machine: Debian's `stress` keeps both cores busy beside `make test`
# (installed when missing and we may). No test may depend on wall-clock speed.
test-busy:
	@if ! command -v stress >/dev/null && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		(apt-get install -y -qq stress || (apt-get update -qq && apt-get install -y -qq stress)) >/dev/null 2>&1 \
		|| echo "Could not install stress."; \
	fi
	stress --cpu 2 --quiet & hog=$$!; start=$$(date +%s); $(MAKE) test; status=$$?; kill $$hog; \
		echo "make test beside stress --cpu 2: $$(( $$(date +%s) - start )) s, exit $$status"; exit $$status

fuzz: install-dev ## The property-based tests of public parameters and forms with a large budget
	DJANGO_ALLOW_ASYNC_UNSAFE=true FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-500} FUZZ_RANDOM=$${FUZZ_RANDOM:-1} \
		$(BIN)/pytest tests/trust/test_fuzz.py $(PYTEST_ARGS)

# One catalogue per folder: <folder>/locale/fr/LC_MESSAGES/django.po (community's sub-apps share
# community/locale; site/ holds the shared templates). makemessages run in a folder without
# locale/ would write into site/locale, hence the mkdir. File names without line numbers and
# no creation date keep the diffs to what changed; obsolete entries are dropped.
LOCALE_DIRS := core home community kits events search site
MAKEMESSAGES := makemessages --locale fr --extension html,txt,py --ignore '.venv/*' \
	--add-location=file --no-obsolete

translations: install ## Update the French catalogues from the code and compile them (needs GNU gettext)
	for dir in $(LOCALE_DIRS); do \
		mkdir -p $$dir/locale && (cd $$dir && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py $(MAKEMESSAGES)) || exit 1; \
		sed -i '/^"POT-Creation-Date: /d' $$dir/locale/fr/LC_MESSAGES/django.po; \
	done
	$(MANAGE) compilemessages --ignore '.venv/*'

check-deploy: install ## Django's deployment checklist on production settings
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$${SECRET_KEY:-check-only-$$(date +%s)-not-secret-xxxxxxxxxxxxxxxxxxxxxxxxxxxx} \
		ALLOWED_HOSTS=example.org $(MANAGE) check --deploy --fail-level WARNING

backup: install ## Back up the database and files (django-dbbackup) into backups/ (BACKUP_DIR, BACKUP_S3_BUCKET), encrypted for BACKUP_GPG_RECIPIENT
	BACKUP_DIR=$${BACKUP_DIR:-backups} $(MANAGE) backup

backups: install ## List the backups in the backup storage
	BACKUP_DIR=$${BACKUP_DIR:-backups} $(MANAGE) listbackups

restore: install ## Restore a backup: make restore BACKUP=relais-<date>-<time> (BACKUP_GPG_PASSPHRASE if the key has one)
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=relais-<date>-<time> (make backups lists them)" && exit 2)
	BACKUP_DIR=$${BACKUP_DIR:-backups} $(MANAGE) restore "$(BACKUP)" --yes

clean:
	rm -rf .test-media staticfiles
