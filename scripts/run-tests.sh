#!/usr/bin/env bash
# Runs every test suite and ends with one line of its own: "N passed, N failed".
# Called by `make test` after the library is staged (build/stage) and the sandbox built.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0; failed=0; skipped=0
pass() { passed=$((passed+1)); echo "PASS: $*"; }
fail() { failed=$((failed+1)); echo "FAIL: $*"; }
export PKG_CONFIG_PATH="$PWD/build/stage/lib/pkgconfig"
# Logs of this run, apart from any other run on the machine.
logs=$(mktemp -d "${TMPDIR:-/tmp}/flx-test.XXXXXX")

# Runs a script that prints "ok: ..." / "FAIL: ..." lines and counts them.
counted() {
    while read -r line; do
        case "$line" in ok:*) pass "${line#ok: }";; FAIL:*) fail "${line#FAIL: }";; *) echo "$line";; esac
    done < <("$@" 2>&1)
}

echo "== header"
counted scripts/test-header.sh build/stage

echo "== error codes (one table: scripts/error-codes.tsv)"
if python3 scripts/gen-error-codes.py --check; then
    pass "header enum, ErrorCode.swift, Python constants and docs written from scripts/error-codes.tsv"
else fail "header enum, ErrorCode.swift, Python constants and docs written from scripts/error-codes.tsv (run scripts/gen-error-codes.py)"; fi

echo "== generated documentation"
for gen in gen-api-docs gen-error-docs gen-man-pages; do
    python3 scripts/$gen.py --check; rc=$?
    case $rc in
        0) pass "$gen: docs up to date with the header";;
        2) skipped=$((skipped+1)); echo "SKIP: $gen (reference tables not beside this checkout)";;
        *) fail "$gen: docs up to date with the header";;
    esac
done

unlinked=$(for f in docs/*.md; do b=$(basename "$f"); [ "$b" = README.md ] || grep -q "]($b)" docs/README.md || echo "$b"; done)
if [ -z "$unlinked" ]; then pass "docs/README.md links every page of docs/"
else fail "docs/README.md links every page of docs/ (missing: $(echo $unlinked))"; fi

echo "== shipped library"
while read -r line; do
    case "$line" in ok:*) pass "${line#ok: }";; FAIL:*) fail "${line#FAIL: }";; esac
done < <(scripts/check-exports.sh build/lib/libflexiti.so)
counted scripts/check-glibc-floor.sh build/lib/libflexiti.so $(ls build/bin/flexiti-sandbox 2>/dev/null)
# The unwinder linked into the library finds unwind tables through glibc-floor.c's
# _dl_find_object replacement: compared with glibc's own (2.35+), and used by a C++ exception.
if cc -O2 -DFLX_STATIC_LIBSTDCXX -c compat/glibc-floor.c -o $logs/glibc-floor.o 2>$logs/floor-build.log &&
   cc -O2 compat/test-find-object.c $logs/glibc-floor.o -lm -o $logs/test-find-object 2>>$logs/floor-build.log; then
    counted $logs/test-find-object
else
    skipped=$((skipped+1)); echo "SKIP: _dl_find_object comparison (needs glibc 2.35+ headers; see $logs/floor-build.log)"
fi
if c++ -O2 -static-libstdc++ -static-libgcc -Wl,--wrap=_dl_find_object compat/test-unwind.cpp $logs/glibc-floor.o -lm \
        -o $logs/test-unwind 2>$logs/unwind-build.log && [ "$($logs/test-unwind)" = "caught unwound" ]; then
    pass "a C++ exception unwinds through the linked-in unwinder and the _dl_find_object replacement"
else fail "a C++ exception unwinds through the linked-in unwinder and the _dl_find_object replacement"; cat $logs/unwind-build.log; fi
# The library's lazily bound libm functions (compat/libm-lazy.c), linked here without -lm.
if cc -O2 -fno-builtin -Wall -Wextra -Werror -Icompat compat/test-libm-lazy.c compat/libm-lazy.c -ldl -lpthread \
        -o $logs/test-libm-lazy 2>$logs/libm-lazy-build.log; then
    counted $logs/test-libm-lazy
else fail "the lazily bound libm functions build"; cat $logs/libm-lazy-build.log; fi
counted scripts/check-abi.sh

echo "== install"
if scripts/test-install.sh >$logs/install.log 2>&1; then pass "make install / pkg-config / make uninstall"
else fail "make install / pkg-config / make uninstall"; cat $logs/install.log; fi

echo "== packages (build/dist, made by make dist)"
if [ -z "$(ls build/dist/*.deb 2>/dev/null)" ]; then
    skipped=$((skipped+1)); echo "SKIP: package test (no build/dist/*.deb: run make dist first)"
elif [ "$(id -u)" != 0 ] || ! command -v dpkg >/dev/null; then
    skipped=$((skipped+1)); echo "SKIP: package test (needs root and dpkg to install the .debs)"
else
    counted scripts/test-packages.sh
fi

echo "== XCTest"
swift build --build-tests >$logs/build.log 2>&1 || { cat $logs/build.log; }
swift test --skip-build >$logs/xctest.log 2>&1
xctest_status=$?
grep -E "error|failed|Executed|passed \(" $logs/xctest.log | grep -v "^Test Case .* passed" | tail -40
summary=$(grep -E "Executed [0-9]+ tests?, with .*[0-9]+ failures? \(" $logs/xctest.log | tail -1)
if [ -n "$summary" ]; then
    total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
    nfail=$(echo "$summary" | sed -E 's/.* ([0-9]+) failures? \(.*/\1/')
    # corelibs XCTest: "Executed N tests, with K tests skipped and M failures (U unexpected) ..."
    nskip=$(echo "$summary" | sed -nE 's/.*with ([0-9]+) tests? skipped.*/\1/p')
    passed=$((passed + total - nfail - ${nskip:-0})); failed=$((failed + nfail)); skipped=$((skipped + ${nskip:-0}))
    echo "XCTest: $summary"
    # A crash ends the run early: the last summary printed is then only part of the tests.
    if [ "$xctest_status" -ne 0 ] && [ "$nfail" -eq 0 ]; then fail "swift test exited with status $xctest_status"; fi
else
    fail "XCTest did not run (see $logs/xctest.log)"; tail -30 $logs/xctest.log
fi

echo "== secrets in memory (Tests/c/secret_scan.c, a child process against the staged library)"
if cc -std=c99 -Wall -Wextra -o $logs/secret_scan Tests/c/secret_scan.c $(pkg-config --cflags --libs flexiti) \
        -Wl,-rpath,"$PWD/build/stage/lib" >$logs/secret-scan-build.log 2>&1; then
    while read -r line; do
        case "$line" in ok:*) pass "secret scan: ${line#ok: }";; FAIL:*) fail "secret scan: ${line#FAIL: }";; esac
    done < <($logs/secret_scan 2>&1 | tee $logs/secret-scan.log)
    grep -qE "^(ok|FAIL):" $logs/secret-scan.log || { fail "secret scan ran"; cat $logs/secret-scan.log; }
else
    fail "secret scan builds"; cat $logs/secret-scan-build.log
fi

echo "== the host's signal handling (Tests/c/host_signals.c)"
# A copy of the library with a swift-backtrace beside it, and SWIFT_BACKTRACE asking for it: the
# Swift runtime's crash backtracer must still not take the host's crash signals.
signals_dir=$(mktemp -d "$logs/signals.XXXXXX")
cp build/lib/libflexiti.so.0.1.0 "$signals_dir/" && printf '#!/bin/sh\nexit 0\n' >"$signals_dir/swift-backtrace" && chmod +x "$signals_dir/swift-backtrace"
if cc -std=c99 -Wall -Wextra -o $logs/host_signals Tests/c/host_signals.c -ldl >$logs/host-signals-build.log 2>&1; then
    # (The runtime says on stderr that it found no swift-backtrace: kept in the log.)
    counted sh -c 'SWIFT_BACKTRACE=enable=yes "$0" "$1" "$2" 2>"$3"' $logs/host_signals "$signals_dir/libflexiti.so.0.1.0" \
        http://127.0.0.1:9/flexiti/pos-api $logs/host-signals.err
else fail "Tests/c/host_signals.c builds"; cat $logs/host-signals-build.log; fi

echo "== C examples against flexiti-sandbox"
if make --no-print-directory -C examples >$logs/examples.log 2>&1; then pass "examples build through pkg-config"
else fail "examples build through pkg-config"; cat $logs/examples.log; fi
while read -r line; do
    case "$line" in ok:*) pass "${line#ok: }";; FAIL:*) fail "${line#FAIL: }";; esac
done < <(scripts/with-sandbox.sh scripts/test-examples.sh 2>&1 | tee $logs/examples-run.log | grep -E "^(ok|FAIL):")

echo "== journal kill test (SIGKILLed tills against flexiti-sandbox; scripts/journal-kill/run.py)"
while read -r line; do
    case "$line" in ok:*) pass "${line#ok: }";; FAIL:*) fail "${line#FAIL: }";; kill\ test:*) echo "$line";; esac
done < <(timeout 300 scripts/with-sandbox.sh python3 scripts/journal-kill/run.py 2>&1 | tee $logs/kill-test.log | grep -E "^(ok|FAIL|kill test):")
grep -qE "^(ok|FAIL):" $logs/kill-test.log || { fail "journal kill test did not run"; tail -20 $logs/kill-test.log; }

echo "== behind nginx: TLS, HTTP/2 and HTTP/1.1, 2 s keep-alive (scripts/nginx/soak.sh)"
soak_lines=0
while read -r line; do
    soak_lines=$((soak_lines+1))
    case "$line" in
        ok:*) pass "${line#ok: }";;
        FAIL:*) fail "${line#FAIL: }";;
        SKIP:*) skipped=$((skipped+1)); echo "$line";;
    esac
done < <(scripts/with-sandbox.sh scripts/nginx/soak.sh 2>&1 | tee $logs/nginx-soak.log | grep -E "^(ok|FAIL|SKIP):")
[ "$soak_lines" -gt 0 ] || { fail "nginx soak reported nothing"; tail -20 $logs/nginx-soak.log; }

if [ -d python/tests ]; then
    echo "== Python package: signatures from the header, mypy --strict"
    if python3 scripts/gen-python-signatures.py --check; then pass "python/flexiti/_signatures.py up to date with the header"
    else fail "python/flexiti/_signatures.py up to date with the header (run scripts/gen-python-signatures.py)"; fi
    if (cd python && python3 -m mypy --strict flexiti examples/*.py) >$logs/mypy.log 2>&1; then
        pass "mypy --strict on the package and python/examples"
    else fail "mypy --strict on the package and python/examples"; tail -30 $logs/mypy.log; fi
    echo "== Python"
    FLEXITI_LIBRARY="$PWD/build/lib/libflexiti.so" python3 -m pytest -q python/tests 2>&1 | tee $logs/pytest.log | tail -5
    line=$(grep -E "[0-9]+ (passed|failed|errors?)" $logs/pytest.log | tail -1)
    count() { echo "$line" | grep -oE "[0-9]+ $1" | grep -oE "[0-9]+" | head -1; }
    p=$(count passed); f=$(count failed); s=$(count skipped); e=$(count error)
    f=$(( ${f:-0} + ${e:-0} ))
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
    [ -z "$p" ] && [ "$f" = 0 ] && fail "pytest did not run"
fi

if [ -x bench/run.sh ]; then
    echo "== benchmark smoke run (bench/run.sh --smoke: every client and operation once; no timing asserted)"
    if bench/run.sh --smoke --no-build >$logs/bench-smoke.log 2>&1; then pass "benchmark smoke run"
    else fail "benchmark smoke run"; tail -20 $logs/bench-smoke.log; fi
fi

echo
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
