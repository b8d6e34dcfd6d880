#!/usr/bin/env bash
# The load-balancer soak: nginx (TLS with a throwaway CA, one HTTP/2 and one HTTP/1.1 server
# block, keepalive_timeout 2s, keepalive_requests 50) in front of flexiti-sandbox, and one
# session per run doing mixed calls with pauses around the idle timeout: HTTP/2 and HTTP/1.1,
# each with retries off and with the default policy (four runs at once, to keep it short).
# Run through scripts/with-sandbox.sh (needs FLEXITI_BASE_URL) after `make stage`.
# Prints "ok: ...", "FAIL: ..." or "SKIP: ..." lines (scripts/run-tests.sh counts them).
set -uo pipefail
cd "$(dirname "$0")/../.."
CALLS=${SOAK_CALLS:-600}
. scripts/nginx/common.sh
if why=$(nginx_unusable http2); then echo "SKIP: nginx soak ($why)"; exit 0; fi
: "${FLEXITI_BASE_URL:?run through scripts/with-sandbox.sh}"
upstream=${FLEXITI_BASE_URL%/flexiti/pos-api}
dir=$(mktemp -d "${TMPDIR:-/tmp}/flx-nginx.XXXXXX")
cleanup() {
    nginx_stop
    [ -n "${SOAK_KEEP:-}" ] && echo "kept $dir" >&2 || rm -rf "$dir"
}
trap cleanup EXIT

nginx_make_ca "$dir" || { echo "FAIL: nginx soak: making the test CA"; exit 1; }
read -r port_h2 port_h1 < <(nginx_free_ports 2)
{
    nginx_conf_head "$dir"
    cat <<CONF
    log_format soak '\$server_port \$server_protocol c=\$connection n=\$connection_requests \$request_method \$uri \$status ref=\$http_x_reference_id key=\$http_x_idempotency_key';
    access_log $dir/access.log soak;
    keepalive_timeout 2s;
    keepalive_requests 50;
    proxy_read_timeout 30s;
    server {
        listen 127.0.0.1:$port_h2 ssl http2;
        location / { proxy_pass $upstream; }
    }
    server {
        listen 127.0.0.1:$port_h1 ssl;
        location / { proxy_pass $upstream; }
    }
}
CONF
} >"$dir/nginx.conf"
nginx_start "$dir" "$port_h2" "$port_h1" || { echo "FAIL: nginx soak: nginx did not start"; exit 1; }
: >"$dir/access.log"   # only the soak's own requests from here on

if ! ${CC:-cc} -std=c99 -Wall -Wextra -Werror -O2 $(pkg-config --cflags flexiti) -o "$dir/soak" scripts/nginx/soak.c \
        -Wl,-rpath,"$(pkg-config --variable=libdir flexiti)" $(pkg-config --libs flexiti) 2>"$dir/cc.log"; then
    cat "$dir/cc.log"; echo "FAIL: nginx soak: the driver builds against the staged library"; exit 1
fi
echo "ok: nginx soak driver builds against the staged library"

start=$(date +%s)
pids=""
for run in h2-off:2:$port_h2:off h2-default:2:$port_h2:default h1-off:1.1:$port_h1:off h1-default:1.1:$port_h1:default; do
    IFS=: read -r name version port retries <<<"$run"
    "$dir/soak" "$name" "https://127.0.0.1:$port/flexiti/pos-api" "$dir/ca.pem" "$version" "$retries" "$CALLS" \
        "$dir/$name.calls" 2>"$dir/$name.err" &
    pids="$pids $!"
done
status=0
for p in $pids; do wait "$p" || status=1; done
echo "nginx soak: 4 runs of $CALLS calls in $(( $(date +%s) - start )) s" >&2
[ $status = 0 ] || { cat "$dir"/*.err; echo "FAIL: nginx soak: a driver could not set up"; exit 1; }
# A response lost behind the proxy: the sandbox commits the authorization, then closes without
# answering, and nginx answers 502. With retries off the caller must hear "outcome unknown".
drops=""
for run in h2-drop:2:$port_h2 h1-drop:1.1:$port_h1; do
    IFS=: read -r name version port <<<"$run"
    curl -s -o /dev/null -X POST -H 'content-type: application/json' \
        -d '{"fault":"drop_response","method":"POST","path_suffix":"/authorization","count":2}' "$upstream/_sandbox/faults"
    "$dir/soak" "$name" "https://127.0.0.1:$port/flexiti/pos-api" "$dir/ca.pem" "$version" off 10 "$dir/$name.calls" \
        2>"$dir/$name.err" || { cat "$dir/$name.err"; echo "FAIL: nginx soak: $name could not set up"; exit 1; }
    drops="$drops $name"
done
curl -s -X DELETE -o /dev/null "$upstream/_sandbox/faults"
curl -s "$upstream/_sandbox/state" >"$dir/state.json"
python3 scripts/nginx/check.py "$dir" h2-off h2-default h1-off h1-default $drops
