# gongshi — the two commands: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 120
PORT ?= 8080

.PHONY: setup serve dist test lint test-native test-wasm test-e2e sample-data check-data fuzz clean

setup:
	@bash scripts/setup.sh

## Build the release app into dist/ and print its compressed sizes.
dist: setup
	trunk build --release
	@node scripts/bundles.mjs dist
	@node scripts/prerender.mjs dist
	@node scripts/headers.mjs dist
	@node scripts/compress.mjs dist
	@node scripts/sizes.mjs dist

## Benchmark (10k, 100k, 1M rows; BENCH_SIZES=10000,100000 to choose): the app against JSON.parse,
## Tabulator 6 and Lighthouse in headless Chromium; prints a table and writes bench/RESULTS.md.
.PHONY: bench
bench: dist
	@test -d bench/node_modules || npm ci --prefix bench --no-audit --no-fund
	cargo build --release -p gongshi-cli
	node bench/run.mjs

## Serve the app with its default data on http://127.0.0.1:$(PORT)/
serve: dist
	node scripts/serve.mjs --dir dist --port $(PORT)

## Every test: formatting and lints, native core, wasm components in headless Chromium,
## end-to-end on the built dist/.
test: setup lint test-native test-wasm dist test-e2e
	@echo "make test: all suites passed"

## rustfmt (rustfmt.toml), the app's one-way module layers (scripts/check-layers.mjs) and clippy
## (Cargo.toml [workspace.lints], clippy.toml), warnings as errors.
lint:
	cargo fmt --all --check
	node scripts/check-layers.mjs
	node scripts/check-org-neutral.mjs
	node scripts/check-invariants.mjs
	cargo clippy --workspace --all-targets -- -D warnings

## Check the shipped data like a publisher would (schema, sums, checksums, privacy).
check-data:
	cargo run -q -p gongshi-cli -- check public/data

test-native:
	cargo test -p gongshi-core
	cargo test -p gongshi-publish
	cargo test -p gongshi-cli
	python3 scripts/verify_seed_transcription.py

test-wasm:
	cargo test --target wasm32-unknown-unknown -p gongshi --test components

## Regenerate the sample ledger data in public/data (donations, disbursements, goods).
sample-data:
	cargo run -q -p gongshi-cli -- sample
	cargo run -q -p gongshi-cli -- build-summary public/data
	cargo run -q -p gongshi-cli -- manifest public/data
	cargo run -q -p gongshi-cli -- check public/data

test-e2e:
	node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/

## Fuzz every parser (nightly, cargo-fuzz) for FUZZ_SECONDS each (default 600).
fuzz:
	bash scripts/fuzz.sh

clean:
	rm -rf dist dist-headers target/wasm32-unknown-unknown
