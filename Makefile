# Quick start: `make demo`, then `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/qiao ingest examples/reports --store demo.db
	$(BIN)/qiao stats --store demo.db
	$(BIN)/qiao carry 大熊猫 --to 哈萨克斯坦 --store demo.db --limit 5
	$(BIN)/qiao angles --to Kazakhstan --store demo.db --limit 5

test: $(STAMP)
	$(BIN)/python tests/setup_browser.py
	$(BIN)/pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/query.py
	$(BIN)/python bench/export.py

clean:
	rm -rf $(VENV) *.egg-info demo.db*
