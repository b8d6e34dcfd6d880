# libflexiti: build, install, demo and test. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := all

PREFIX ?= /usr/local
VERSION := $(shell sed -n 's/^\#define FLX_VERSION_STRING "\(.*\)"/\1/p' include/flexiti.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))
CC ?= cc
CXX ?= c++

BUILD := build
STAGE := $(abspath $(BUILD)/stage)
RELEASE_SCRATCH := .build-release
LIB_REAL := libflexiti.so.$(VERSION)
LIB_SONAME := libflexiti.so.$(SOMAJOR)
# lld, unlike gold, keeps the Swift type metadata out of .dynsym entirely, so nm -D shows only flx_*.
SWIFT_RELEASE_FLAGS := -c release --product flexiti --scratch-path $(RELEASE_SCRATCH) \
	-Xswiftc -static-stdlib -Xswiftc -use-ld=lld \
	-Xlinker --version-script=$(abspath scripts/flexiti.map) \
	-Xlinker -soname=$(LIB_SONAME) -Xlinker -s \
	-Xlinker --wrap=free -Xlinker --wrap=realloc
EXAMPLES := lookup

.PHONY: all deps lib sandbox stage install uninstall examples demo test test-swift test-c test-python \
	test-header check-exports clean help

help:
	@echo "make            build build/lib/$(LIB_REAL) (release, static Swift stdlib, flx_* only)"
	@echo "make demo       build everything, start flexiti-sandbox, run the C checkout example"
	@echo "make test       run every test suite; ends with 'N passed, N failed'"
	@echo "make install    install into PREFIX (default /usr/local); make uninstall removes it"
	@echo "make examples   build examples/ through pkg-config against the installed library"

all: lib

# libcurl and jansson development files, from Debian packages.
deps:
	@if pkg-config --exists libcurl jansson 2>/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing libcurl4-openssl-dev libjansson-dev pkg-config"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcurl4-openssl-dev libjansson-dev pkg-config >/dev/null; \
	else \
		echo "missing libcurl/jansson development files; run:"; \
		echo "  sudo apt-get install -y libcurl4-openssl-dev libjansson-dev pkg-config"; exit 1; \
	fi

lib: deps
	swift build $(SWIFT_RELEASE_FLAGS)
	@mkdir -p $(BUILD)/lib
	cp $(RELEASE_SCRATCH)/release/libflexiti.so $(BUILD)/lib/$(LIB_REAL)
	ln -sf $(LIB_REAL) $(BUILD)/lib/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(BUILD)/lib/libflexiti.so

sandbox: deps
	swift build --product flexiti-sandbox

# A private installation used by the demo and the tests, so they exercise what users install.
stage: lib
	@$(MAKE) --no-print-directory install PREFIX=$(STAGE) >/dev/null

install: lib
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 0755 $(BUILD)/lib/$(LIB_REAL) $(DESTDIR)$(PREFIX)/lib/$(LIB_REAL)
	ln -sf $(LIB_REAL) $(DESTDIR)$(PREFIX)/lib/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(DESTDIR)$(PREFIX)/lib/libflexiti.so
	install -m 0644 include/flexiti.h $(DESTDIR)$(PREFIX)/include/flexiti.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' pkgconfig/flexiti.pc.in \
		> $(DESTDIR)$(PREFIX)/lib/pkgconfig/flexiti.pc
	@echo "installed libflexiti $(VERSION) into $(DESTDIR)$(PREFIX)"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/$(LIB_REAL) $(DESTDIR)$(PREFIX)/lib/$(LIB_SONAME) \
		$(DESTDIR)$(PREFIX)/lib/libflexiti.so $(DESTDIR)$(PREFIX)/include/flexiti.h \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig/flexiti.pc

# Examples are built the way a user builds: pkg-config against an installed library
# (PKG_CONFIG_PATH picks which one; `make demo` and `make test` point it at build/stage).
examples:
	@$(MAKE) --no-print-directory -C examples

demo: stage sandbox
	@PKG_CONFIG_PATH=$(STAGE)/lib/pkgconfig $(MAKE) --no-print-directory -C examples
	@scripts/with-sandbox.sh examples/bin/checkout

test: stage sandbox
	@scripts/run-tests.sh

clean:
	rm -rf $(BUILD) examples/bin
	swift package clean
