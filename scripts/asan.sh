#!/usr/bin/env bash
# Builds and runs the XCTest suites with AddressSanitizer on all code and
# UndefinedBehaviorSanitizer on the C code (separate scratch path, the normal build is untouched).
# swiftc has no -sanitize=undefined on Linux; Swift code has its own always-on overflow and
# bounds traps (which the zero-traps rule and the bad-input/fuzz tests cover), so UBSan is
# applied where it means something: the C shims and C dependencies, through clang.
# Extra arguments go to swift test, e.g. scripts/asan.sh --filter FlexitiCTests.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-asan
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
flags=(--scratch-path "$scratch" --sanitize=address -Xcc -fsanitize=undefined -Xcc -fno-sanitize=vptr,function)
scripts/clean-own-modules.sh "$scratch"  # our modules compiled afresh, dependencies kept
swift build --build-tests "${flags[@]}"
swift test --skip-build "${flags[@]}" "$@" 2>&1 | tee "${TMPDIR:-/tmp}/flx-asan.$$.log"
! grep -qE "ERROR: AddressSanitizer|runtime error:" "${TMPDIR:-/tmp}/flx-asan.$$.log"
