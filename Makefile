# Two commands: `make lab` (set up and open the course) and `make test` (the whole suite).
# For a room: `make classroom` (a JupyterHub for the class), `make slides` (offline slides).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
LANG_EDITION ?= zh
DATA   ?=
OUT    ?= build/report
SUDO    := $(if $(filter 0,$(shell id -u)),,sudo)            # the class server runs as root
NODE    := .node
# configurable-http-proxy: JupyterHub's proxy; the rest: what offline slides load (make slides)
NPM_PACKAGES := configurable-http-proxy@5 reveal.js@4.6.1 requirejs@2.3.7 jquery@3.7.1 mathjax@2.7.9 \
                @jupyter-widgets/html-manager@1
CLASSROOM_DIR  ?= /srv/crm-classroom
CHROMIUM       ?= /usr/bin/chromium
CLASSROOM_ARGS ?=

.PHONY: lab test test-scale sysdeps node-if-possible student report bench clean classroom classroom-stop slides

$(VENV)/.stamp-base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.stamp-test: $(VENV)/.stamp-base
	$(PY) -m pip install --quiet -e ".[test,classroom]"
	touch $@

$(VENV)/.stamp-scale: $(VENV)/.stamp-test
	$(PY) -m pip install --quiet -e ".[scale]"
	touch $@

$(VENV)/.stamp-classroom: $(VENV)/.stamp-base
	$(PY) -m pip install --quiet -e ".[classroom]"
	touch $@

$(NODE)/.stamp:   # once (rm -rf .node to refresh): make classroom must also start offline
	npm install --prefix $(NODE) --no-audit --no-fund --loglevel=error $(NPM_PACKAGES)
	touch $@

# make test uses the npm packages when npm is there (the class server and slides tests skip without them)
node-if-possible:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE)/.stamp; fi

## lab: create .venv on first use, install the kit, open JupyterLab on working copies (work/<lang>/, git-ignored)
##      of the course in the edition's language; the committed notebooks stay untouched
lab: $(VENV)/.stamp-base
	$(PY) -m helpers lab --lang $(LANG_EDITION) -- $(LAB_ARGS)

## test: install the test extras and run unit, property, notebook (nbval), browser and class-server tests;
##       nbval runs on copies in build/nbval/ (chapters 11 and 14 export files next to their notebook)
test: $(VENV)/.stamp-test node-if-possible student sysdeps
	rm -rf build/nbval && mkdir -p build/nbval/zh build/nbval/en
	cp notebooks/zh/*.ipynb build/nbval/zh/ && cp notebooks/en/*.ipynb build/nbval/en/
	CRMKIT_PROGRESS=off $(PY) -m pytest -n 2 --dist loadfile -m "not spark" tests build/nbval/zh build/nbval/en \
	    build/student --nbval-lax $(PYTEST_ARGS)

## test-scale: the scale tests (PySpark in local mode, Java 17); installs pyspark for them
test-scale: $(VENV)/.stamp-scale
	$(PY) -m pytest -m spark tests $(PYTEST_ARGS)

## sysdeps: say which system packages a full test run needs and which are missing
sysdeps:
	@missing=""; \
	test -x $(CHROMIUM) || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v initdb >/dev/null 2>&1 || test -x "$$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -1)" \
	    || missing="$$missing postgresql"; \
	python3 -c "import ensurepip" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "make test: a full run needs these system packages, missing here:$$missing"; \
	  echo "  (Debian/Ubuntu: sudo apt-get install$$missing) — the tests that need them are skipped."; \
	  echo "  chromium: browser tests · fonts-noto-cjk: Chinese in screenshots · default-jre-headless: make test-scale"; \
	  echo "  npm: the class server's proxy and offline slides · postgresql: the PostgreSQL progress store"; \
	  echo "  python3-venv: the students' Python in the class server test"; \
	fi

## classroom: a JupyterHub for the room on this machine (Linux; as root): sets up once, prints the URL,
##            the class code and the trainer's password; Ctrl+C stops the hub, `make classroom-stop` ends the class
classroom: $(VENV)/.stamp-classroom $(NODE)/.stamp
	$(SUDO) $(PY) -m helpers classroom start --dir $(CLASSROOM_DIR) --lang $(LANG_EDITION) $(CLASSROOM_ARGS)

classroom-stop:
	$(SUDO) $(PY) -m helpers classroom stop --dir $(CLASSROOM_DIR)

## slides: every chapter as offline reveal.js slides in build/slides/<lang>/ (S opens the speaker notes)
slides: $(VENV)/.stamp-base $(NODE)/.stamp
	$(PY) -m helpers slides $(CHAPTERS) --out build/slides

## student: write the student edition (no solution / trainer-only cells) to build/student
student: $(VENV)/.stamp-base
	$(PY) -m helpers student --out build/student

## report: analyse a transactions file (default: bundled Online Retail) into $(OUT)
report: $(VENV)/.stamp-base
	$(PY) -m helpers report $(if $(DATA),$(DATA),--demo online_retail) --out $(OUT)

## bench: speed and memory targets, run on demand: ratios to the peers in one interleaved run, the load shown
## (inputs go to the system's temporary directory; 100 M rows need ~5 GB there; BENCH_ARGS="--only rfm" for one)
BENCH_REPEAT ?= 3
bench: $(VENV)/.stamp-scale
	$(PY) benchmarks/run.py --repeat $(BENCH_REPEAT) $(BENCH_ARGS)

clean:
	rm -rf build .pytest_cache
