# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= demo.sitrep.db
EXAMPLE := examples/000_f33f436a49f2953e.txt

.PHONY: demo test eval lint bench bench-warc bench-scale fuzz faults schema clean

$(STAMP): pyproject.toml requirements-data.txt scripts/system-deps.sh
	scripts/system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-data.txt
	$(BIN)/sitrep setup
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sitrep analyze $(EXAMPLE) --captured-at 2023-05-25 --format text
	rm -f $(DB)
	$(BIN)/sitrep ingest examples --db $(DB) --captured-at 2023-05-25
	$(BIN)/sitrep list --db $(DB)
	$(BIN)/sitrep search "Bakhmut fighting" --db $(DB)
	$(BIN)/sitrep timeline Bakhmut --db $(DB)
	$(BIN)/sitrep claims Bakhmut --db $(DB)
	@echo "To browse it: $(BIN)/sitrep serve --db $(DB)   then open http://127.0.0.1:8000/"

test: $(STAMP)
	$(BIN)/ruff check src tests eval benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python -m eval

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

bench-warc: $(STAMP)
	$(BIN)/python benchmarks/warc.py

# Workers, Dask, the writer's ceiling, and the store at size (see README, "Scaling"); about an hour.
# A million documents need about 40 GB per backend: benchmarks/store_size.py --documents 1000000.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scaling.py
	$(BIN)/python benchmarks/store_size.py --documents 100000 --checkpoints 50000

# Slow suites; `make test` runs a fixed slice of each.
fuzz: $(STAMP)
	SITREP_FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest -s tests/test_fuzz.py
	SITREP_API_FUZZ_EXAMPLES=1000 $(BIN)/python -m pytest -s tests/test_web_fuzz.py

faults: $(STAMP)
	SITREP_KILL_ROUNDS=100 $(BIN)/python -m pytest -s tests/test_faults.py

schema: $(STAMP)
	$(BIN)/sitrep schema > schema/analyzed-article.schema.json
	$(BIN)/sitrep schema --openapi > schema/openapi.json

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
