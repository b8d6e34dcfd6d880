#!/usr/bin/env bash
# Runs the thread-safety tests (and any other filter given) under ThreadSanitizer, in a separate
# scratch path. Fails on any TSan report (halt_on_error), so a pass means zero reports.
#   scripts/tsan.sh                      ThreadSafetyTests + the shared-session deadline test
#   scripts/tsan.sh --filter SomeTests   another selection
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-tsan
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/scripts/tsan.supp}
scripts/clean-own-modules.sh "$scratch"  # our modules compiled afresh, dependencies kept
swift build --build-tests --scratch-path "$scratch" --sanitize=thread
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--filter "ThreadSafetyTests|RetryTests.testWaitingForABusySharedSession")
swift test --skip-build --scratch-path "$scratch" --sanitize=thread "${args[@]}" 2>&1 | tee "${TMPDIR:-/tmp}/flx-tsan.$$.log"
reports=$(grep -c "WARNING: ThreadSanitizer" "${TMPDIR:-/tmp}/flx-tsan.$$.log" || true)
echo "ThreadSanitizer reports: $reports"
[ "$reports" -eq 0 ] && grep -qE "Executed [0-9]+ tests?, with 0 failures" "${TMPDIR:-/tmp}/flx-tsan.$$.log"
