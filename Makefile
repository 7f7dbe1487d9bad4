# The two commands in the README: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean catalogs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@# as pip does for a wheel: every command would otherwise compile ncr's modules first
	@# where PYTHONDONTWRITEBYTECODE is set (about 70 ms of each start)
	$(BIN)/python -m compileall -q src
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

# The interface catalogs (DESIGN §12): extract the messages, merge them into each language's .po
# (new ones empty, changed ones fuzzy: tests fail until they are translated), compile the .mo files.
LOCALE := src/ncr/locale
catalogs: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --omit-header \
		-k N_ -k NP_:1,2 -c "Translators:" -o $(LOCALE)/ncr.pot .
	for lang in fr es ar; do \
		if [ -f $(LOCALE)/$$lang/LC_MESSAGES/ncr.po ]; then \
			$(BIN)/pybabel update -D ncr -i $(LOCALE)/ncr.pot -d $(LOCALE) -l $$lang --no-wrap --ignore-obsolete; \
		else \
			$(BIN)/pybabel init -D ncr -i $(LOCALE)/ncr.pot -d $(LOCALE) -l $$lang --no-wrap; \
		fi; \
	done
	$(BIN)/pybabel compile -D ncr -d $(LOCALE) --statistics

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) out build dist
