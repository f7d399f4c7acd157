# `make run` and `make test` do everything on a fresh machine: create .venv,
# install odaextract (with test extras for `make test`), then run.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test evaluate bench schema clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/odaextract run corpus --out outputs
	$(BIN)/odaextract report --pred outputs --out outputs/report

test: $(STAMP)
	$(BIN)/python -m pytest

evaluate: $(STAMP)
	$(BIN)/odaextract evaluate --gold tests/data/gold-seeds.jsonl --facts-gold ../shared/gold/seeds-facts.jsonl --tracks-gold ../shared/gold/seeds-tracks.jsonl --pred outputs

schema: $(STAMP)
	$(BIN)/odaextract schema --out outputs/schema

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) outputs/*.jsonl outputs/manifest.json outputs/schema outputs/report
