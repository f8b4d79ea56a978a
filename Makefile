# hikari-e2e: every job bootstraps what it needs (.venv, packages, a browser, ffmpeg).
# `make help` lists the targets.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
N      ?= auto
RESULTS ?= test-results
PYTEST_ARGS ?=
WALKTHROUGHS ?= walkthroughs
RUNS ?= 9
VNU_JAR := $(VENV)/npm/node_modules/vnu-jar/build/dist/vnu.jar
# A shell that sets PYTHONDONTWRITEBYTECODE (this machine's does) makes every run compile every
# module again, and pytest rewrite every test module and plugin: 0.7 s before the first test
# of make e2e (bench/bench_foundation.py). The jobs here keep their bytecode (.gitignored).
unexport PYTHONDONTWRITEBYTECODE
# The unit tests' Hypothesis and Schemathesis plugins cost the browser suite 3 s per process.
E2E_PLUGINS := -p no:hypothesispytest -p no:schemathesis
EVIDENCE ?= rerun
# make e2e records no trace or video while the suite runs: recording them for every test, to keep
# the failures', costs more CPU than the tests (1.8x the time at -n 2 here). A failure keeps its
# screenshot and mails; then the failed tests run once more, alone, recording trace and video
# into $(RESULTS)/evidence. The exit status and reports are the first run's. EVIDENCE=always
# records every test in the first run instead (a failure that never comes back keeps its trace).
ifeq ($(EVIDENCE),always)
E2E_ARTIFACTS := --output=$(RESULTS)/artifacts --screenshot=only-on-failure \
	--tracing=retain-on-failure --video=retain-on-failure
else
E2E_ARTIFACTS := --output=$(RESULTS)/artifacts --screenshot=only-on-failure
endif
E2E_RERUN = { echo "make e2e: the failed tests once more, recorded in $(RESULTS)/evidence/"; \
	$(BIN)/pytest e2e --last-failed --last-failed-no-failures=none -n $(N) $(E2E_PLUGINS) \
	--output=$(RESULTS)/evidence --screenshot=on --tracing=on --video=on \
	--junitxml=$(RESULTS)/evidence-junit.xml $(PYTEST_ARGS) || true; }

.DEFAULT_GOAL := help
.PHONY: help setup lock browser e2e test sweep shared image image-test lint unit fuzz serve docs walkthrough evidence evidence-report bench bench-suite flake clean

help: ## list the targets
	@awk -F ':.*## ' '/^[a-z0-9-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# The packages are exactly requirements.lock's (hashes checked), installed by uv.
$(STAMP): pyproject.toml requirements.lock requirements-uv.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "hikari-e2e needs Python 3.11 or newer as $(PYTHON); run: make PYTHON=python3.11 ..."; \
		exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || scripts/apt-install python3-venv
	scripts/bootstrap-venv $(PYTHON) $(VENV)
	@touch $@

lock: $(STAMP) ## refresh requirements.lock on purpose: the newest versions pyproject.toml allows
	$(VENV)/.uv/bin/uv pip compile pyproject.toml --extra dev --upgrade --generate-hashes \
		--python-version 3.11 --quiet --custom-compile-command "make lock" -o requirements.lock
	echo uv | $(VENV)/.uv/bin/uv pip compile - --upgrade --generate-hashes --no-annotate \
		--python-version 3.11 --quiet --custom-compile-command "make lock" -o requirements-uv.lock
	{ echo "# The pins of requirements.lock without their hashes, for another project's install:"; \
	  echo "#   pip install -c constraints.txt 'hikari-e2e[test] @ …'   (or uv pip install -c)"; \
	  echo "# pip refuses a hash-checked constraint file for a path or a wheel it cannot hash. make lock writes it."; \
	  sed -n 's/^\([A-Za-z0-9][^ ]*==[^ ]*\).*/\1/p' requirements.lock; } > constraints.txt
	@echo "requirements.lock refreshed: run make test, and commit it if green"

setup: $(STAMP) browser ## create .venv, install the packages, provision Chromium and ffmpeg

browser: $(STAMP)
	@$(BIN)/python -m hikari_e2e.provision
	@command -v chromedriver >/dev/null || scripts/apt-install chromium chromium-driver

e2e: setup ## the whole browser suite against the embedded mock, in parallel, with reports
	@mkdir -p $(RESULTS)
	$(BIN)/pytest e2e -n $(N) $(E2E_PLUGINS) $(E2E_ARTIFACTS) \
		--junitxml=$(RESULTS)/e2e-junit.xml \
		--html=$(RESULTS)/e2e-report.html --self-contained-html $(PYTEST_ARGS) \
	|| { status=$$?; [ $$status -ne 1 ] || [ "$(EVIDENCE)" != rerun ] || $(E2E_RERUN); exit $$status; }

lint: $(STAMP) ## ruff, formatting, the import contracts (pyproject.toml), no fixed waits in the suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	@! grep -rnE 'time\.sleep\(|wait_for_timeout\(' e2e hikari_e2e fixtures conftest.py \
		|| { echo "fixed waits in the suite: move the mock's clock or use expect"; exit 1; }

unit: $(STAMP) $(VNU_JAR) ## the mock's own tests (no browser), generated input, the HTML checker
	@mkdir -p $(RESULTS)
	$(BIN)/pytest tests -p no:playwright -n $(N) --junitxml=$(RESULTS)/unit-junit.xml $(PYTEST_ARGS)

FUZZ_EXAMPLES ?= 400
fuzz: $(STAMP) ## the stateful property test at length: random API calls, site requests, calls (a few minutes)
	HIKARI_STATEFUL_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/test_stateful.py -p no:playwright -s \
		--hypothesis-show-statistics -q

# The Nu HTML Checker (npm vnu-jar) and a Java runtime for it.
$(VNU_JAR):
	@command -v java >/dev/null || scripts/apt-install default-jre-headless
	@command -v npm >/dev/null || scripts/apt-install npm
	npm install --silent --no-audit --no-fund --prefix $(VENV)/npm vnu-jar@26

test: lint unit e2e sweep ## everything the project checks: lint, unit tests, the browser suite, the settings sweep

# The settings own every number: the same tests pass with the guide's numbers changed (digits,
# lengths, deadlines, counts), the plugin's fixtures making data for the rules in force.
SWEEP_SET := --hikari-set temp_password_digits=6 --hikari-set password_min_length=10 \
	--hikari-set password_max_length=16 --hikari-set otp_valid_minutes=20 \
	--hikari-set registration_url_valid_hours=12 --hikari-set temp_password_valid_hours=12 \
	--hikari-set password_valid_days=90 --hikari-set password_notice_days=10 \
	--hikari-set password_max_failures=5 --hikari-set temp_password_max_failures=2 \
	--hikari-set otp_digits=8
SWEEP_TESTS := e2e/test_otp.py e2e/test_password_lifecycle.py e2e/test_password_change.py \
	e2e/test_login.py e2e/test_phone.py e2e/test_features.py
sweep: setup ## a sample of the suite (the plugin's fixtures, every deadline, length and count of the login rules) with those numbers changed by --hikari-set
	@mkdir -p $(RESULTS)
	$(BIN)/pytest $(SWEEP_TESTS) -n $(N) $(E2E_PLUGINS) $(SWEEP_SET) --output=$(RESULTS)/sweep \
		--junitxml=$(RESULTS)/sweep-junit.xml $(PYTEST_ARGS)

image: setup ## build the replica's container image, localhost/hikari-e2e:latest, from Debian's packages alone (podman; about 80 s the first time)
	scripts/build-image $(VENV)

image-test: image ## start the image, drive the control API, a journey with a mailed code and the IVR against it from outside, stop it (.ci/run runs it)
	$(BIN)/python scripts/image_test.py

JOBS ?= 2
shared: setup ## JOBS pytest jobs (-n 2 each) at once against one served replica, each test in a space of its own (a few minutes; .ci/run runs it)
	$(BIN)/python scripts/shared_replica.py --jobs $(JOBS) --results $(RESULTS)/shared

docs: $(STAMP) ## write the generated tables: settings (docs/settings.md), production's selectors (docs/production-markup.md)
	$(BIN)/python scripts/write_docs.py

serve: $(STAMP) ## run the whole mock environment on 127.0.0.1 until Ctrl-C
	$(BIN)/hikari-mock serve

walkthrough: setup ## film every QA scenario in both regions, with an illustrated guide each
	$(BIN)/hikari-e2e walkthrough --out $(WALKTHROUGHS)

EVIDENCE_DIR ?= $(RESULTS)/qa-evidence
ALLURE := $(VENV)/npm-allure/node_modules/.bin/allure
evidence: setup ## the feature scenarios in both regions, keeping evidence: Allure results (with each test's video), the workbook evidence.xlsx and its PDF, in $(EVIDENCE_DIR)
	$(BIN)/pytest e2e/test_features.py -n $(N) $(E2E_PLUGINS) --video=on --tracing=retain-on-failure \
		--output=$(EVIDENCE_DIR)/artifacts --hikari-evidence=$(EVIDENCE_DIR) $(PYTEST_ARGS)

# Allure 3 is an npm package (no Java); it reads the results offline.
$(ALLURE):
	@command -v npm >/dev/null || scripts/apt-install npm
	npm install --silent --no-audit --no-fund --prefix $(VENV)/npm-allure allure@3

evidence-report: $(ALLURE) ## the Allure 3 report of the last make evidence, in Japanese, one HTML file that opens offline: $(EVIDENCE_DIR)/allure-report/index.html
	$(ALLURE) generate $(EVIDENCE_DIR)/allure-results --config scripts/allurerc.mjs \
		--output $(EVIDENCE_DIR)/allure-report
	@echo "open $(EVIDENCE_DIR)/allure-report/index.html"

bench: setup ## the benchmarks, printing their figures and ratios
	@command -v npm >/dev/null && [ ! -x bench/.maildev/node_modules/.bin/maildev ] \
		&& npm install --silent --prefix bench/.maildev maildev@2 || true
	$(BIN)/python bench/bench_foundation.py
	$(BIN)/python bench/bench_mail.py
	$(BIN)/python bench/bench_walkthrough.py
	$(BIN)/python bench/bench_evidence.py
	$(BIN)/python bench/bench_speech.py
	$(BIN)/python bench/bench_journey.py
	$(BIN)/python bench/bench_load.py
	$(BIN)/python bench/bench_shared.py

bench-suite: setup ## time `make e2e` at -n 1 and -n 2: the speed-up, and the bound this machine sets on it (about 12 minutes here)
	$(BIN)/python bench/bench_suite.py

flake: setup ## run the browser suite RUNS times (+1 with the CPU loaded) and report any failure
	$(BIN)/python scripts/flake.py --runs $(RUNS) --results $(RESULTS)/flake

clean: ## remove .venv, test results and walkthroughs
	rm -rf $(VENV) $(RESULTS) $(WALKTHROUGHS) *.egg-info
