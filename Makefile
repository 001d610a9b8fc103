# Two commands (see README): `make demo` sets everything up and runs Marsad on the bundled
# examples; `make test` runs the whole test suite (it sets up first if needed).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup lint clean

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/marsad process examples/ -o out/examples.jsonl
	$(BIN)/marsad ingest examples/ --db out/examples.db
	$(BIN)/marsad events --db out/examples.db --limit 25
	@echo "documents: out/examples.jsonl   database: out/examples.db   dashboard: $(BIN)/marsad serve --db out/examples.db"

test: $(STAMP)
	bash scripts/run-tests.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) out .pytest_cache
