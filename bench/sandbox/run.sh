#!/bin/sh
# Throughput of flexiti-sandbox on simple keep-alive requests (target: >= 5,000 req/s on 2 cores).
#   bench/sandbox/run.sh [SECONDS] [CONNECTIONS]
# Builds the sandbox in release mode (own scratch path) and a tiny C load generator, starts the
# sandbox on a free port with --quiet, gets a token, then hammers GET customers/lookup.
set -eu
cd "$(dirname "$0")/../.."
SECS=${1:-10}
CONNS=${2:-8}
SCRATCH=.build-sandbox-release
swift build -c release --scratch-path "$SCRATCH" --product flexiti-sandbox >/dev/null
BIN="$SCRATCH/release/flexiti-sandbox"
OUT=$(mktemp -d)
cc -O2 -pthread -o "$OUT/loadgen" bench/sandbox/loadgen.c
"$BIN" --port 0 --quiet > "$OUT/sandbox.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$OUT"' EXIT
for _ in $(seq 1 100); do grep -q listening "$OUT/sandbox.log" && break; sleep 0.1; done
PORT=$(sed -n 's#.*127\.0\.0\.1:\([0-9]*\)/flexiti.*#\1#p' "$OUT/sandbox.log" | head -1)
TOKEN=$(curl -s -H 'x-reference-id: bench' -d 'client_id=flexitidemo&client_secret=flexitidemo-secret' \
  "http://127.0.0.1:$PORT/flexiti/pos-api/v2.5/oauth/token" | sed 's/.*"access_token":"\([0-9a-f]*\)".*/\1/')
API=/flexiti/pos-api/v2.5/client-id/flexitidemo
echo "GET customers/lookup (bearer check + ~1 KB JSON), $CONNS keep-alive connections, ${SECS}s:"
"$OUT/loadgen" "$PORT" "$SECS" "$CONNS" "$API/customers/lookup?account_number=116994755" "$TOKEN"
echo "GET terms-and-conditions (bearer check + small JSON), $CONNS keep-alive connections, ${SECS}s:"
"$OUT/loadgen" "$PORT" "$SECS" "$CONNS" "$API/terms-and-conditions" "$TOKEN"
