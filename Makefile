# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install system-deps lint test test-fast demo bench accuracy accuracy-juki clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

system-deps:
	@scripts/system-deps.sh

lint: install
	$(BIN)/ruff check src tests benchmarks scripts

# pytest exits 5 when it collects nothing; that is a failure here, not a pass.
test: install system-deps lint
	$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "no test was collected: failing on purpose"; exit 1; fi; exit $$rc
	scripts/pg-test.sh

test-fast: install
	$(BIN)/python -m pytest -q -x -m "not slow and not browser"

demo: install system-deps
	scripts/demo.sh

bench: install
	for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

accuracy: install
	$(BIN)/python scripts/hindcast_accuracy.py

accuracy-juki: install
	$(BIN)/python scripts/juki_hindcast.py

clean:
	rm -rf $(VENV) var build dist src/*.egg-info

# The prediction intervals' error model (src/sousei/data/backtest_error_model.csv): rerun after
# any change to the projection method; a slow test fails while the shipped table is stale.
.PHONY: error-model
error-model: install
	$(BIN)/python scripts/error_model.py
