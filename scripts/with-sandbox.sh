#!/usr/bin/env bash
# Starts flexiti-sandbox on a free loopback port, runs the given command with FLEXITI_BASE_URL
# pointing at it, then stops the sandbox. Exit status: the command's.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build --product flexiti-sandbox --show-bin-path)/flexiti-sandbox
log=$(mktemp)
"$bin" --port 0 --quiet >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 300); do   # up to 30 s for the sandbox to listen
    url=$(sed -n 's/^flexiti-sandbox listening on \(http[^ ]*\).*/\1/p' "$log" | head -1)
    [ -n "$url" ] && break
    kill -0 $pid 2>/dev/null || { cat "$log" >&2; echo "flexiti-sandbox exited" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; echo "flexiti-sandbox did not start" >&2; exit 1; }
export FLEXITI_BASE_URL="$url"
"$@"
