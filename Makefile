# Tiermap: `make run` opens the app on the sample map; `make test` runs every test.
# Everything else these two need is installed by the targets below.

SHELL := /bin/bash
CARGO ?= cargo
# Where `make run` keeps the sample document (created on first run).
SAMPLE ?= $(HOME)/Tiermap/sample.tiermap
# Tools installed for the tests (tauri-driver), kept out of the system.
TOOLS := $(CURDIR)/target/tools
TAURI_DRIVER := $(TOOLS)/bin/tauri-driver
APP := target/debug/tiermap-desktop
CLI := target/debug/tiermap
# One feature set for every build, so cargo never rebuilds Tauri twice.
FEATURES := --features tiermap-desktop/custom-protocol
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: run test setup setup-test ui app unit-tests ui-tests e2e soak bindings dev clean screenshot bench bench-canvas bench-capture bench-export bench-import bench-layout fuzz

run: setup ui app
	@mkdir -p "$(dir $(SAMPLE))"
	@if [ ! -f "$(SAMPLE)" ]; then $(CLI) sample "$(SAMPLE)"; fi
	@echo "Opening $(SAMPLE)"
	$(APP) "$(SAMPLE)"

# unit-tests also builds target/debug/tiermap-desktop (the desktop package has
# an integration test), which e2e drives: one cargo build of Tauri, not two.
test: setup-test ui unit-tests ui-tests e2e

setup:
	@scripts/install-system-deps.sh
	@scripts/npm-deps.sh

setup-test:
	@scripts/install-system-deps.sh --test
	@scripts/npm-deps.sh --test
	@[ -x "$(TAURI_DRIVER)" ] || $(CARGO) install tauri-driver --version 2.1.0 --locked --root "$(TOOLS)"

ui:
	cd ui && npm run build

app:
	$(CARGO) build -p tiermap-desktop -p tiermap-cli $(FEATURES)

unit-tests:
	$(CARGO) test --workspace --exclude tiermap-e2e $(FEATURES)

ui-tests:
	cd ui && npm test

# The real app in a real window under Xvfb, driven by tauri-driver + WebKitWebDriver,
# with a D-Bus session of its own (a second launch finds the first over it).
e2e:
	TIERMAP_APP="$(CURDIR)/$(APP)" TAURI_DRIVER="$(TAURI_DRIVER)" \
	  dbus-run-session -- $(XVFB) $(CARGO) test -p tiermap-e2e --no-fail-fast -- --test-threads=1

# The soak test at length: TIERMAP_SOAK_RUNS random walks of TIERMAP_SOAK_STEPS
# user actions each in the real app, seeds counting up from TIERMAP_SOAK_SEED
# (default: the time). Each failure (seed, step, the actions to replay it) is
# appended to target/soak/failures.md. `make test` runs the test's one fixed seed
# of 300 steps.
TIERMAP_SOAK_RUNS ?= 10
TIERMAP_SOAK_STEPS ?= 1000
TIERMAP_SOAK_SEED ?= $(shell date +%s)
soak: setup-test ui app
	@mkdir -p target/soak
	@failed=0; for run in $$(seq 0 $$(( $(TIERMAP_SOAK_RUNS) - 1 ))); do \
	  seed=$$(( $(TIERMAP_SOAK_SEED) + run )); echo "soak: seed $$seed, $(TIERMAP_SOAK_STEPS) steps"; \
	  TIERMAP_SOAK_SEED=$$seed TIERMAP_SOAK_STEPS=$(TIERMAP_SOAK_STEPS) TIERMAP_SOAK_REPORT="$(CURDIR)/target/soak/failures.md" \
	  TIERMAP_APP="$(CURDIR)/$(APP)" TAURI_DRIVER="$(TAURI_DRIVER)" \
	    dbus-run-session -- $(XVFB) $(CARGO) test -p tiermap-e2e --test soak -- --test-threads=1 \
	    || failed=$$(( failed + 1 )); \
	done; \
	echo "soak: $$failed of $(TIERMAP_SOAK_RUNS) runs failed (reports in target/soak/failures.md)"; [ $$failed -eq 0 ]

# Benchmarks of the document core (release build); figures go in BENCHMARKS.md.
bench:
	$(CARGO) run --release -p tiermap-cli -- bench --dir "$$(mktemp -d)"

# Frame times of the canvas (release build) while dragging and panning
# generated maps of 1,000 and 5,000 elements; figures go in BENCHMARKS.md.
# Run twice: with WebKit's GL compositing (software GL here, no GPU) and
# with compositing off (plain software painting).
# Keyboard capture (release build): a 20-element pyramid with owners typed in
# the real app; keys per element and key-to-screen latency go in BENCHMARKS.md.
bench-capture: setup-test ui
	$(CARGO) build --release -p tiermap-desktop $(FEATURES)
	TIERMAP_APP="$(CURDIR)/target/release/tiermap-desktop" TAURI_DRIVER="$(TAURI_DRIVER)" \
	  dbus-run-session -- $(XVFB) $(CARGO) test -p tiermap-e2e --test capture_bench -- --ignored --nocapture

bench-canvas: setup-test ui
	$(CARGO) build --release -p tiermap-desktop $(FEATURES)
	TIERMAP_APP="$(CURDIR)/target/release/tiermap-desktop" TAURI_DRIVER="$(TAURI_DRIVER)" \
	  $(XVFB) $(CARGO) test -p tiermap-e2e --test frame_times -- --ignored --nocapture
	WEBKIT_DISABLE_COMPOSITING_MODE=1 TIERMAP_APP="$(CURDIR)/target/release/tiermap-desktop" TAURI_DRIVER="$(TAURI_DRIVER)" \
	  $(XVFB) $(CARGO) test -p tiermap-e2e --test frame_times -- --ignored --nocapture

# Export formats on a 1,000-element map beside Graphviz (installs graphviz if missing).
bench-export:
	scripts/bench-export.sh

# Layout quality: lines through boxes, crossings, aspect ratio, area and time
# of the sample's maps and generated pyramids beside Graphviz's dot.
bench-layout:
	scripts/bench-export.sh --layout

# Importing a 10,000-row spreadsheet, CSV and XLSX, and sheets of 10,000 to
# 100,000 rows: time and peak memory (release build; takes a few minutes).
bench-import:
	$(CARGO) run --release -p tiermap-cli -- bench --import --dir "$$(mktemp -d)"

# Regenerate ui/src/ipc/bindings.ts from the Rust wire types.
bindings:
	TIERMAP_UPDATE_BINDINGS=1 $(CARGO) test -p tiermap-app bindings

# Hot-reloading development window (Vite dev server + tauri dev). The Tauri
# CLI is fetched on demand: make run and make test do not need it.
TAURI_CLI := npm exec --yes --package=@tauri-apps/cli@2.12.5 -- tauri
dev: setup
	$(TAURI_CLI) dev

# A screenshot of the real app on the sample map, for the README.
screenshot: setup ui app
	scripts/screenshot.sh "$(APP)" "$(CLI)" docs/screenshot.png

# Fuzz the import readers (CSV, XLSX, ArchiMate XML, JSON) for FUZZ_SECONDS
# each; not part of `make test` or CI. Inputs that fail land in
# crates/tiermap-import/fuzz/artifacts/. cargo-fuzz needs a nightly compiler:
# the nightly toolchain if rustup has one, else stable with RUSTC_BOOTSTRAP=1.
FUZZ_SECONDS ?= 30
FUZZ_DIR := crates/tiermap-import/fuzz
fuzz:
	@[ -x "$(TOOLS)/bin/cargo-fuzz" ] || $(CARGO) install cargo-fuzz --locked --root "$(TOOLS)"
	@if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then toolchain=+nightly; bootstrap=; \
	 else toolchain=; bootstrap=RUSTC_BOOTSTRAP=1; fi; \
	 cd $(FUZZ_DIR) && for target in csv xlsx xml json; do \
	   mkdir -p corpus/$$target && \
	   env PATH="$(TOOLS)/bin:$$PATH" $$bootstrap cargo $$toolchain fuzz run $$target corpus/$$target seeds/$$target \
	     -- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	 done

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/node_modules
