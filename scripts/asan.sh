#!/usr/bin/env bash
# Builds and runs the XCTest suites with AddressSanitizer + UndefinedBehaviorSanitizer
# (separate scratch path, so the normal build is untouched). Extra arguments go to swift test,
# e.g. scripts/asan.sh --filter FlexitiCTests.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-asan
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
swift build --build-tests --scratch-path "$scratch" --sanitize=address --sanitize=undefined
swift test --skip-build --scratch-path "$scratch" --sanitize=address --sanitize=undefined "$@"
