# The two commands in the README: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/ncr validate examples/xb-2026.yaml
	$(BIN)/ncr assess examples/xb-2026.yaml
	$(BIN)/ncr assess examples/xb-2026.yaml -o out/xb-2026.pdf --force
	$(BIN)/ncr diff examples/xb-2023.yaml examples/xb-2026.yaml -o out/xb-diff.pdf --force
	@echo "Reports written: out/xb-2026.pdf out/xb-diff.pdf"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) out build dist
