#!/usr/bin/env bash
# The money journal's cost per money call (docs/journal.md "Cost"): instructions (valgrind
# callgrind, user space, whole process: libflexiti, libcurl, SQLite, libc) and fsync/fdatasync calls (strace -c), N authorizations against
# bin/fixed_server with and without a journal; the difference divided by N. The journal lives
# in $JOURNAL_DIR (default: a temporary folder under /tmp; point it at the till's disk).
#   bench/journal.sh [N]      writes bench/results/journal.txt
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
N=${1:-500}
make -C "$HERE" --no-print-directory bin/fixed_server >/dev/null
[ -e "$ROOT/build/lib/libflexiti.so" ] || { echo "no build/lib/libflexiti.so: run make lib" >&2; exit 1; }
cc -O2 -std=c99 -Wall -Wextra -Werror -I"$ROOT/include" -o "$HERE/bin/journal_cost" "$HERE/journal_cost.c" \
    -L"$ROOT/build/lib" -Wl,-rpath,"$ROOT/build/lib" -lflexiti
dir=$(mktemp -d "${JOURNAL_DIR:-/tmp}/flx-journal-bench.XXXXXX")
"$HERE/bin/fixed_server" --lifetime 600 >"$dir/server" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 50); do grep -q listening "$dir/server" && break; sleep 0.1; done
url="http://127.0.0.1:$(awk '/listening/ {print $2}' "$dir/server")/flexiti/pos-api"
instructions() {  # args: journal path or nothing
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$HERE/bin/journal_cost" "$url" "$N" "$@" 2>&1 >/dev/null \
        | awk '/Collected :/ {print $NF}'
}
syncs() {
    strace -f -c -e trace=fsync,fdatasync "$HERE/bin/journal_cost" "$url" "$N" "$@" 2>&1 >/dev/null \
        | awk '$NF == "fsync" || $NF == "fdatasync" {s += $4} END {print s + 0}'
}
i0=$(instructions); i1=$(instructions "$dir/a.journal")
f0=$(syncs); f1=$(syncs "$dir/b.journal")
start=$(date +%s%N); "$HERE/bin/journal_cost" "$url" "$N"; t0=$(( $(date +%s%N) - start ))
start=$(date +%s%N); "$HERE/bin/journal_cost" "$url" "$N" "$dir/c.journal"; t1=$(( $(date +%s%N) - start ))
mkdir -p "$HERE/results"
{
    echo "money journal cost per call: $N authorizations (auto-capture) against bin/fixed_server"
    echo "journal folder filesystem: $(df -T "$dir" | awk 'NR==2 {print $2}')"
    echo "instructions (callgrind Ir, whole process): without $i0, with $i1, per call +$(( (i1 - i0) / N )) (without: $(( i0 / N )) per call)"
    echo "fsync+fdatasync calls: without $f0, with $f1, per call $(awk -v a="$f0" -v b="$f1" -v n="$N" 'BEGIN {printf "%.2f", (b - a) / n}')"
    echo "wall time per call (one run each, indicative only): without $(( t0 / N / 1000 )) us, with $(( t1 / N / 1000 )) us"
} | tee "$HERE/results/journal.txt"
