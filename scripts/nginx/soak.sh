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
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx_bin" ]; then echo "SKIP: nginx soak (nginx is not installed; .ci/run installs nginx-light)"; exit 0; fi
if ! command -v openssl >/dev/null; then echo "SKIP: nginx soak (openssl is not installed)"; exit 0; fi
if ! "$nginx_bin" -V 2>&1 | grep -q http_v2_module; then echo "SKIP: nginx soak (this nginx has no HTTP/2 module)"; exit 0; fi
: "${FLEXITI_BASE_URL:?run through scripts/with-sandbox.sh}"
upstream=${FLEXITI_BASE_URL%/flexiti/pos-api}
dir=$(mktemp -d "${TMPDIR:-/tmp}/flx-nginx.XXXXXX")
nginx_pid=""
cleanup() {
    if [ -n "$nginx_pid" ]; then kill -QUIT "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; fi
    [ -n "${SOAK_KEEP:-}" ] && echo "kept $dir" >&2 || rm -rf "$dir"
}
trap cleanup EXIT

# A throwaway CA and a certificate for 127.0.0.1 signed by it.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=libflexiti test CA" \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" >/dev/null 2>&1 &&
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" >/dev/null 2>&1 &&
printf 'subjectAltName=IP:127.0.0.1\n' >"$dir/san.ext" &&
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
    -extfile "$dir/san.ext" -out "$dir/server.pem" >/dev/null 2>&1 || { echo "FAIL: nginx soak: making the test CA"; exit 1; }

# Two free loopback ports (the kernel picks them).
read -r port_h2 port_h1 < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

mkdir -p "$dir/tmp"
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"   # workers as the current user (CI runs as root)
cat >"$dir/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log info;
events { worker_connections 256; }
http {
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    log_format soak '\$server_port \$server_protocol c=\$connection n=\$connection_requests \$request_method \$uri \$status ref=\$http_x_reference_id key=\$http_x_idempotency_key';
    access_log $dir/access.log soak;
    keepalive_timeout 2s;
    keepalive_requests 50;
    ssl_certificate $dir/server.pem;
    ssl_certificate_key $dir/server.key;
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
"$nginx_bin" -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" -g "daemon off;" >"$dir/nginx.out" 2>&1 &
nginx_pid=$!
for _ in $(seq 1 100); do
    curl -s --cacert "$dir/ca.pem" -o /dev/null "https://127.0.0.1:$port_h1/" && \
    curl -s --cacert "$dir/ca.pem" -o /dev/null "https://127.0.0.1:$port_h2/" && break
    kill -0 $nginx_pid 2>/dev/null || break
    sleep 0.1
done
if ! kill -0 $nginx_pid 2>/dev/null; then
    cat "$dir/nginx.out" "$dir/error.log" 2>/dev/null | tail -20
    echo "FAIL: nginx soak: nginx did not start"; exit 1
fi
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
