# Roster: two commands matter. `make site` builds Content/ into Output/; `make test` runs the tests.
# Both install the system packages they need first (Debian's cmark-gfm) when pkg-config cannot find them.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev

.PHONY: site test deps build release check clean

site: release
	.build/release/roster build

test: deps
	$(SWIFT) test

check: release
	.build/release/roster check

release: deps
	$(SWIFT) build -c release --product roster

build: deps
	$(SWIFT) build

deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -e /usr/include/cmark-gfm-core-extensions.h ]; then \
		echo "Installing $(APT_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

clean:
	rm -rf .build
