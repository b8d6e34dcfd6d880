#!/usr/bin/env bash
# valgrind memcheck on every C example against flexiti-sandbox (the installed library, as users
# link it): each run must have 0 errors and 0 bytes definitely lost (--error-exitcode).
# Needs `make stage sandbox` first (`make test` does both). Prints a summary per run.
set -uo pipefail
cd "$(dirname "$0")/.."
export PKG_CONFIG_PATH="$PWD/build/stage/lib/pkgconfig"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 2; }
make --no-print-directory -C examples >/dev/null || exit 2

run_all() {
    local fails=0 runs=0
    vg() {  # label, command...
        local label=$1; shift
        local log; log=$(mktemp)
        valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
            --track-origins=yes --log-file="$log" "$@" >/dev/null 2>&1
        local rc=$?
        runs=$((runs + 1))
        local errors definitely
        errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tail -1)
        definitely=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tail -1)
        if [ "$rc" = 99 ] || [ "${errors:-x}" != 0 ]; then
            fails=$((fails + 1)); echo "FAIL: $label: ${errors:-?} errors, ${definitely:-0} bytes definitely lost"; cat "$log"
        else
            echo "ok: $label: 0 errors, ${definitely:-0} bytes definitely lost (exit $rc)"
        fi
        rm -f "$log"
    }
    for bin in examples/bin/*; do
        name=$(basename "$bin")
        case "$name" in
            lookup)
                vg "lookup account" "$bin" account 116994755
                vg "lookup not found" "$bin" account 999999999
                vg "lookup refused locally" "$bin" account 12ab ;;
            lookup_cpp)
                vg "lookup_cpp found" "$bin" 116994755
                vg "lookup_cpp not found" "$bin" 999999999 ;;
            recover)
                jdir=$(mktemp -d)
                vg "recover (journal, SQLite)" "$bin" "$jdir/valgrind.journal"
                rm -rf "$jdir" ;;
            *) vg "$name" "$bin" ;;
        esac
    done
    FLEXITI_LOG=1 vg "checkout with the log callback" examples/bin/checkout
    # No server at all: the network-error path (with retries and their waits).
    FLEXITI_BASE_URL=http://127.0.0.1:9/flexiti/pos-api vg "lookup with no server" examples/bin/lookup account 116994755
    echo "valgrind: $runs runs, $fails failed"
    [ "$fails" -eq 0 ]
}
export -f run_all 2>/dev/null || true
scripts/with-sandbox.sh bash -c "$(declare -f run_all); run_all"
