# Two entry points: `make repro` builds everything and runs the pipeline on the
# default sample; `make test` builds everything and runs the tests.
VENV ?= .venv
PYTHON ?= python3
BIN := $(abspath $(VENV))/bin

# DVC stage commands call `python`, so the venv must come first on PATH.
export PATH := $(BIN):$(PATH)
export DVC_NO_ANALYTICS := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: setup repro test flow clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first and alone, pinned: an open range would take whichever build the index serves,
	# a multi-GB CUDA one on PyPI for Linux x86_64.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

setup: $(VENV)/.installed

repro: setup
	$(BIN)/dvc repro
	@$(BIN)/dvc metrics show reports/evaluate/metrics.json
	@echo
	@echo "Fine-tuned model: models/finetuned"
	@echo "Metrics:          reports/evaluate/metrics.json"
	@echo "Report:           reports/evaluate/report.md"

test: setup
	$(BIN)/python -m pytest

flow: setup
	$(BIN)/python -m flows.retrain

clean:
	rm -rf $(VENV)
