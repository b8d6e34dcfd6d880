# libflexiti: build, install, demo and test. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := all

# Install locations (GNU names). Debian multiarch: make install PREFIX=/usr LIBDIR=/usr/lib/x86_64-linux-gnu
PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
CMAKEDIR ?= $(LIBDIR)/cmake/flexiti
VERSION := $(shell sed -n 's/^\#define FLX_VERSION_STRING "\(.*\)"/\1/p' include/flexiti.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))
CC ?= cc
CXX ?= c++

BUILD := build
STAGE := $(abspath $(BUILD)/stage)
RELEASE_SCRATCH := .build-release
SANDBOX_SCRATCH := .build-release-sandbox
LIB_REAL := libflexiti.so.$(VERSION)
LIB_SONAME := libflexiti.so.$(SOMAJOR)
# The glibc floor (glibc 2.28; GLIBCXX_3.4.25 for the sandbox): every reference to the functions
# compat/glibc-floor.c wraps (its FLX_PIN lines and __wrap_ functions), inside the static Swift
# runtime too, goes to their oldest version. The sandbox executable also wraps its start-up
# (glibc-floor-exe.c).
GLIBC_WRAP := $(shell compat/wrapped-symbols.sh)
GLIBC_FLOOR_OBJ := $(BUILD)/obj/glibc-floor.o
GLIBC_FLOOR_EXE_OBJ := $(BUILD)/obj/glibc-floor-exe.o
# On glibc < 2.34 the dl*, sem_* and pthread_* functions live in these two; name them so they are loaded.
OLD_GLIBC_LIBS := $(shell $(CC) -print-file-name=libdl.so.2) $(shell $(CC) -print-file-name=libpthread.so.0)
GLIBC_FLOOR_FLAGS := $(foreach s,$(GLIBC_WRAP),-Xlinker --wrap=$(s)) -Xlinker $(abspath $(GLIBC_FLOOR_OBJ)) \
	$(foreach l,$(OLD_GLIBC_LIBS),-Xlinker $(l))
# The library links libstdc++ in (the Swift runtime uses 22 of its symbols): one library fewer to
# load and search at start-up, and no GLIBCXX requirement. swiftc ignores -static-libstdc++ and
# the runtime asks for -lstdc++, so a directory searched first offers the linker only libstdc++.a.
# The unwinder is linked in too (-static-libgcc: libgcc_eh.a instead of libgcc_s.so.1, one
# library fewer to load and no CPU feature probe at each load); its _dl_find_object (glibc 2.35)
# is wrapped with a dl_iterate_phdr equivalent. The floor object is glibc-floor.c built with
# FLX_STATIC_LIBSTDCXX (no libstdc++ pins: nothing to pin; those two replacements instead).
LIBSTDCXX_A := $(shell $(CC) -print-file-name=libstdc++.a)
STATIC_CXX_DIR := $(abspath $(BUILD)/static-cxx)
LIB_FLOOR_OBJ := $(BUILD)/obj/glibc-floor-static-cxx.o
# Nor is libm.so.6 needed: compat/libm-lazy.c defines the libm functions the Swift runtime
# references (the library calls none itself), each bound at its first call, and the entry the
# toolchain's -lm adds is removed after the link (scripts/drop-needed.py), so loading the library
# does not load libm. Those functions are not wrapped.
LIBM_LAZY_OBJ := $(BUILD)/obj/libm-lazy.o
LIB_WRAP := $(filter-out _Z% $(shell compat/wrapped-symbols.sh --libm),$(GLIBC_WRAP))
LIB_FLOOR_FLAGS := $(foreach s,$(LIB_WRAP),-Xlinker --wrap=$(s)) -Xlinker $(abspath $(LIB_FLOOR_OBJ)) \
	-Xlinker $(abspath $(LIBM_LAZY_OBJ)) \
	$(foreach l,$(OLD_GLIBC_LIBS),-Xlinker $(l)) -Xswiftc -L -Xswiftc $(STATIC_CXX_DIR)
# lld, unlike gold, keeps the Swift type metadata out of .dynsym entirely, so nm -D shows only flx_*.
# Unstripped and in the compiler's own layout (make symbol-order); the shipped library adds -s
# and the layout of scripts/symbol-order.txt.
SWIFT_RELEASE_LINK_FLAGS := -c release --product flexiti --scratch-path $(RELEASE_SCRATCH) --disable-local-rpath \
	-Xswiftc -static-stdlib -Xswiftc -use-ld=lld -Xswiftc -Xclang-linker -Xswiftc -static-libgcc \
	-Xlinker --version-script=$(abspath scripts/flexiti.map) \
	-Xlinker -soname=$(LIB_SONAME) $(LIB_FLOOR_FLAGS) \
	-Xlinker --wrap=free -Xlinker --wrap=realloc -Xlinker --wrap=swift_copyAuxiliaryExecutablePath
# The functions that load the library and make a session, laid out together (scripts/gen-symbol-order.sh).
SYMBOL_ORDER_FLAGS := $(if $(wildcard scripts/symbol-order.txt),-Xlinker --symbol-ordering-file=$(abspath scripts/symbol-order.txt) \
	-Xlinker --no-warn-symbol-ordering)
SWIFT_RELEASE_FLAGS := $(SWIFT_RELEASE_LINK_FLAGS) -Xlinker -s $(SYMBOL_ORDER_FLAGS)
# The sandbox as shipped: release, Swift runtime and Foundation linked statically, same floor.
SWIFT_SANDBOX_FLAGS := -c release --product flexiti-sandbox --scratch-path $(SANDBOX_SCRATCH) \
	-Xswiftc -static-stdlib -Xswiftc -use-ld=lld -Xlinker -s $(GLIBC_FLOOR_FLAGS) \
	-Xlinker --wrap=__libc_start_main -Xlinker $(abspath $(GLIBC_FLOOR_EXE_OBJ))
EXAMPLES := lookup
# flexiti.pc: absolute paths, or (RELOCATABLE=1, for the tarball) relative to the .pc file.
ifdef RELOCATABLE
PC_PREFIX := $${pcfiledir}/$(shell realpath -m --relative-to=$(PKGCONFIGDIR) $(PREFIX))
else
PC_PREFIX := $(PREFIX)
endif
PC_LIBDIR := $(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))
PC_INCLUDEDIR := $(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))

.PHONY: all deps lib symbol-order sandbox sandbox-release stage install uninstall examples demo demo-deps test test-deps dist \
	check-floor clean help wheel

help:
	@echo "make            build build/lib/$(LIB_REAL) (release, static Swift stdlib, flx_* only)"
	@echo "make demo       build everything, start flexiti-sandbox, run the C checkout example (as root: installs missing -dev packages)"
	@echo "make test       run every test suite; ends with 'N passed, N failed' (as root: installs the tools it uses)"
	@echo "make sandbox-release  build/bin/flexiti-sandbox (release, static Swift runtime)"
	@echo "make install    install what was built into PREFIX (default /usr/local; LIBDIR, DESTDIR honoured)"
	@echo "make uninstall  remove what make install installed"
	@echo "make dist       build/dist/: tarball and .deb packages (libflexiti0, libflexiti-dev, flexiti-sandbox)"
	@echo "make examples   build examples/ through pkg-config against the installed library"
	@echo "make wheel      build/dist/flexiti-$(VERSION)-py3-none-manylinux_*.whl (Python package with the library)"

all: lib

# libcurl, jansson and sqlite3 development files: checked, never installed by a build (`make demo`
# and `make test` install them when run as root, through scripts/install-test-deps.sh, as CI does).
BUILD_PACKAGES := libcurl4-openssl-dev libjansson-dev libsqlite3-dev pkg-config
deps:
	@pkg-config --exists libcurl jansson sqlite3 2>/dev/null || { \
		echo "missing libcurl/jansson/sqlite3 development files (pkg-config finds none); install them with:"; \
		echo "  sudo apt-get install -y $(BUILD_PACKAGES)"; exit 1; }

$(BUILD)/obj/%.o: compat/%.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -fPIC -Wall -Wextra -Werror -c $< -o $@

$(LIB_FLOOR_OBJ): compat/glibc-floor.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -fPIC -Wall -Wextra -Werror -DFLX_STATIC_LIBSTDCXX -DFLX_LAZY_LIBM -c $< -o $@

$(LIBM_LAZY_OBJ): compat/libm-lazy.c compat/libm-functions.h

$(STATIC_CXX_DIR)/libstdc++.a:
	@[ -f "$(LIBSTDCXX_A)" ] || { echo "libstdc++.a not found ($(CC) -print-file-name=libstdc++.a): install libstdc++-12-dev (a requirement of the Swift toolchain too)"; exit 1; }
	@mkdir -p $(dir $@)
	ln -sf $(LIBSTDCXX_A) $@

lib: deps $(LIB_FLOOR_OBJ) $(STATIC_CXX_DIR)/libstdc++.a $(LIBM_LAZY_OBJ)
	@# SwiftPM does not see these link inputs: relink when one is newer than the library.
	@for f in $(LIB_FLOOR_OBJ) $(LIBM_LAZY_OBJ) $(wildcard scripts/symbol-order.txt); do [ ! $$f -nt $(RELEASE_SCRATCH)/release/libflexiti.so ] || rm -f $(RELEASE_SCRATCH)/release/libflexiti.so; done
	swift build $(SWIFT_RELEASE_FLAGS)
	@mkdir -p $(BUILD)/lib
	cp $(RELEASE_SCRATCH)/release/libflexiti.so $(BUILD)/lib/$(LIB_REAL)
	python3 scripts/drop-needed.py $(BUILD)/lib/$(LIB_REAL) libm.so.6
	ln -sf $(LIB_REAL) $(BUILD)/lib/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(BUILD)/lib/libflexiti.so
	@scripts/check-glibc-floor.sh $(BUILD)/lib/$(LIB_REAL)

# Regenerates scripts/symbol-order.txt from an unstripped link of the release library (then
# removed, so the next `make lib` links the shipped one). Needs valgrind.
symbol-order: deps $(LIB_FLOOR_OBJ) $(STATIC_CXX_DIR)/libstdc++.a $(LIBM_LAZY_OBJ)
	rm -f $(RELEASE_SCRATCH)/release/libflexiti.so
	swift build $(SWIFT_RELEASE_LINK_FLAGS)
	cp $(RELEASE_SCRATCH)/release/libflexiti.so $(BUILD)/libflexiti-unstripped.so
	rm -f $(RELEASE_SCRATCH)/release/libflexiti.so
	scripts/gen-symbol-order.sh $(BUILD)/libflexiti-unstripped.so
	rm -f $(BUILD)/libflexiti-unstripped.so

# The debug sandbox the tests start (scripts/with-sandbox.sh).
sandbox: deps
	swift build --product flexiti-sandbox

sandbox-release: deps $(GLIBC_FLOOR_OBJ) $(GLIBC_FLOOR_EXE_OBJ)
	swift build $(SWIFT_SANDBOX_FLAGS)
	@mkdir -p $(BUILD)/bin
	cp $(SANDBOX_SCRATCH)/release/flexiti-sandbox $(BUILD)/bin/flexiti-sandbox
	@scripts/check-glibc-floor.sh $(BUILD)/bin/flexiti-sandbox

check-floor:
	@scripts/check-glibc-floor.sh $(wildcard $(BUILD)/lib/$(LIB_REAL) $(BUILD)/bin/flexiti-sandbox)

# A private installation used by the demo and the tests, so they exercise what users install.
stage: lib
	@$(MAKE) --no-print-directory install PREFIX=$(STAGE) >/dev/null

# Copies what was built; never builds (so `sudo make install` leaves no root-owned build files).
install:
	@if [ ! -f $(BUILD)/lib/$(LIB_REAL) ]; then \
		echo "make install: $(BUILD)/lib/$(LIB_REAL) is not built; run 'make' first (and 'make sandbox-release' to install flexiti-sandbox too)" >&2; \
		exit 1; fi
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(CMAKEDIR) \
		$(DESTDIR)$(MANDIR)/man3
	install -m 0644 $(BUILD)/lib/$(LIB_REAL) $(DESTDIR)$(LIBDIR)/$(LIB_REAL)
	ln -sf $(LIB_REAL) $(DESTDIR)$(LIBDIR)/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(DESTDIR)$(LIBDIR)/libflexiti.so
	install -m 0644 include/flexiti.h $(DESTDIR)$(INCLUDEDIR)/flexiti.h
	sed -e 's|@PREFIX@|$(PC_PREFIX)|' -e 's|@LIBDIR@|$(PC_LIBDIR)|' -e 's|@INCLUDEDIR@|$(PC_INCLUDEDIR)|' \
		-e 's|@VERSION@|$(VERSION)|' pkgconfig/flexiti.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/flexiti.pc
	scripts/gen-cmake-config.sh $(DESTDIR)$(CMAKEDIR) $(CMAKEDIR) $(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(VERSION) $(LIB_SONAME)
	install -m 0644 man/man3/*.3 $(DESTDIR)$(MANDIR)/man3/
	grep -v '^#' man/man3/aliases | while read -r alias page; do ln -sf $$page $(DESTDIR)$(MANDIR)/man3/$$alias; done
	@if [ -f $(BUILD)/bin/flexiti-sandbox ]; then \
		install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 && \
		install -m 0755 $(BUILD)/bin/flexiti-sandbox $(DESTDIR)$(BINDIR)/flexiti-sandbox && \
		install -m 0644 man/man1/flexiti-sandbox.1 $(DESTDIR)$(MANDIR)/man1/ && \
		echo "installed flexiti-sandbox into $(DESTDIR)$(BINDIR)"; \
	else echo "(flexiti-sandbox not built: 'make sandbox-release' first to install it too)"; fi
	@echo "installed libflexiti $(VERSION) into $(DESTDIR)$(PREFIX) (library in $(DESTDIR)$(LIBDIR))"
	@case "$(LIBDIR)" in /usr/lib|/usr/lib/*-linux-gnu|/lib/*-linux-gnu) ;; \
		*) [ -n "$(DESTDIR)" ] || echo "note: $(LIBDIR) may not be on the loader's path: run 'sudo ldconfig $(LIBDIR)', add it to /etc/ld.so.conf.d/, or link programs with -Wl,-rpath,$(LIBDIR) (see README)";; esac

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/$(LIB_REAL) $(DESTDIR)$(LIBDIR)/$(LIB_SONAME) \
		$(DESTDIR)$(LIBDIR)/libflexiti.so $(DESTDIR)$(INCLUDEDIR)/flexiti.h \
		$(DESTDIR)$(PKGCONFIGDIR)/flexiti.pc $(DESTDIR)$(CMAKEDIR)/flexitiConfig.cmake \
		$(DESTDIR)$(CMAKEDIR)/flexitiConfigVersion.cmake $(DESTDIR)$(BINDIR)/flexiti-sandbox \
		$(DESTDIR)$(MANDIR)/man1/flexiti-sandbox.1 $(addprefix $(DESTDIR)$(MANDIR)/man3/,$(notdir $(wildcard man/man3/*.3)))
	grep -v '^#' man/man3/aliases | while read -r alias page; do rm -f $(DESTDIR)$(MANDIR)/man3/$$alias; done
	-rmdir $(DESTDIR)$(CMAKEDIR) 2>/dev/null

# Tarball and Debian packages under build/dist/ (scripts/make-dist.sh).
dist: lib sandbox-release
	scripts/make-dist.sh

# Examples are built the way a user builds: pkg-config against an installed library
# (PKG_CONFIG_PATH picks which one; `make demo` and `make test` point it at build/stage).
examples:
	@$(MAKE) --no-print-directory -C examples

# The Python wheel carrying the library (and, via auditwheel, the libraries it needs).
wheel: lib
	python3 scripts/build-wheel.py --lib $(BUILD)/lib/libflexiti.so --out $(BUILD)/dist

# The README's first command: on a fresh machine (as root) it installs the build's packages first.
demo-deps:
	@scripts/install-test-deps.sh --build

demo: demo-deps stage sandbox
	@PKG_CONFIG_PATH=$(STAGE)/lib/pkgconfig $(MAKE) --no-print-directory -C examples
	@scripts/with-sandbox.sh examples/bin/checkout

# The tools the checks use (nginx, lintian, abidiff, mypy, ...): installed when root, else listed.
test-deps:
	@scripts/install-test-deps.sh

test: test-deps stage sandbox
	@scripts/run-tests.sh

clean:
	rm -rf $(BUILD) examples/bin
	swift package clean
