# Two commands: `make lab` (set up and open the course) and `make test` (the whole suite).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
LANG_EDITION ?= zh
START  := notebooks/$(LANG_EDITION)/00_start_here.ipynb
DATA   ?=
OUT    ?= build/report
ROOT_OK := $(if $(filter 0,$(shell id -u)),--allow-root,)   # containers often run as root

.PHONY: lab test student report bench clean

$(VENV)/.stamp-base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.stamp-test: $(VENV)/.stamp-base
	$(PY) -m pip install --quiet -e ".[test,scale]"
	touch $@

## lab: create .venv on first use, install the kit, open JupyterLab on the course start page
lab: $(VENV)/.stamp-base
	$(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/$(START) $(ROOT_OK) $(LAB_ARGS)

## test: install the test extras and run unit, property, notebook (nbval) and browser tests
test: $(VENV)/.stamp-test student
	$(PY) -m pytest -n 2 --dist loadfile tests notebooks/zh notebooks/en build/student --nbval-lax $(PYTEST_ARGS)

## student: write the student edition (no solution / trainer-only cells) to build/student
student: $(VENV)/.stamp-base
	$(PY) -m helpers student --out build/student

## report: analyse a transactions file (default: bundled Online Retail) into $(OUT)
report: $(VENV)/.stamp-base
	$(PY) -m helpers report $(if $(DATA),$(DATA),--demo online_retail) --out $(OUT)

## bench: speed and memory targets, run on demand: ratios to the peers in one interleaved run, the load shown
## (inputs go to the system's temporary directory; 100 M rows need ~5 GB there; BENCH_ARGS="--only rfm" for one)
BENCH_REPEAT ?= 3
bench: $(VENV)/.stamp-test
	$(PY) benchmarks/run.py --repeat $(BENCH_REPEAT) $(BENCH_ARGS)

clean:
	rm -rf build .pytest_cache
