# The README's commands. Everything runs from the project's own venv; no docker needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test test-faults test-unit compile-clean bench bench-clean bench-entities bench-dedupe bench-flattened bench-heldout bench-e2e stop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,rocksdb]'
	touch $(STAMP)

install: $(STAMP)

## run: local broker, the worker, the seeds replayed, five enriched records shown
run: install
	bash scripts/run.sh

## test: a local broker on its own port, then every test (integration included)
test: install
	bash scripts/test.sh

## test-faults: the fault-injection suite on >= 500 records (SIGKILLs, a crash loop, broker restart,
## broker crash, broker paused, two workers, SIGTERM in an NER batch, an NER pool process killed,
## a worker frozen past its session, and the kinds users report upstream: tests/faults/test_reported_faults.py)
## on its own fresh local broker; FAULT_SEED=n re-runs a failing seed
test-faults: install
	NEWSFEED_FAULTS=full bash scripts/test.sh -q -s -p no:cacheprovider tests/faults

## test-unit: the pure stages only, no broker
test-unit: install
	$(BIN)/pytest -q tests/unit

## compile-clean: opt-in, not part of install: the clean stage compiled with mypyc into a copy of workers/
## under build/compiled (run a worker or a bench with PYTHONPATH=build/compiled; the working tree stays Python)
compile-clean: install
	$(BIN)/pip install -q -e '.[compile]'
	PYTHON=$(BIN)/python bash scripts/compile_clean.sh build/compiled

bench: bench-clean bench-entities bench-dedupe

bench-clean: install
	$(BIN)/python -m bench.clean

bench-entities: install
	$(BIN)/python -m bench.entities

bench-dedupe: install
	$(BIN)/python -m bench.dedupe

## bench-heldout: real pages never tuned on (Readability.js test pages from two ports, newspaper4k test pages, MediaCloud and htmldate dates), fetched from the Go module proxy and PyPI into .cache/heldout
bench-heldout: install
	$(BIN)/python -m bench.heldout --fetch

bench-flattened: install
	$(BIN)/python -m bench.flattened

## bench-e2e: its own broker and worker, synthesized mixes checked by verify (not part of `bench`: minutes long)
bench-e2e: install
	$(BIN)/python -m bench.e2e

## stop: the worker and broker `make run` left behind, if any
stop:
	-bash scripts/stop.sh

clean: stop
	rm -rf .newsfeed $(VENV) .pytest_cache .hypothesis
