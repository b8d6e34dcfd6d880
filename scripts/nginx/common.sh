# nginx as a local TLS terminator with a throwaway CA: what scripts/nginx/soak.sh and
# bench/run.sh share. Source it, then:
#   nginx_unusable [http2]     prints why nginx cannot be used here (and returns 0), or returns 1
#   nginx_make_ca DIR          DIR/ca.pem, and DIR/server.pem + DIR/server.key for 127.0.0.1 signed by it
#   nginx_free_ports N         N free loopback ports (the kernel picks them), on one line
#   nginx_conf_head DIR        the start of a configuration: process, logs, temp paths under DIR,
#                              the certificate, and an open `http {` block; add server blocks and `}`
#   nginx_start DIR PORT...    runs nginx -c DIR/nginx.conf in the foreground of a background job,
#                              waits until every PORT listens; sets nginx_pid; returns 1 when it died
#   nginx_stop                 stops what nginx_start started
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
nginx_pid=""

nginx_unusable() {
    if [ ! -x "$nginx_bin" ]; then echo "nginx is not installed; .ci/run installs nginx-light"; return 0; fi
    if ! command -v openssl >/dev/null; then echo "openssl is not installed"; return 0; fi
    if [ "${1:-}" = http2 ] && ! "$nginx_bin" -V 2>&1 | grep -q http_v2_module; then
        echo "this nginx has no HTTP/2 module"; return 0
    fi
    return 1
}

nginx_make_ca() {
    local dir=$1
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=libflexiti test CA" \
        -keyout "$dir/ca.key" -out "$dir/ca.pem" >/dev/null 2>&1 &&
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" >/dev/null 2>&1 &&
    printf 'subjectAltName=IP:127.0.0.1\n' >"$dir/san.ext" &&
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
        -extfile "$dir/san.ext" -out "$dir/server.pem" >/dev/null 2>&1
}

nginx_free_ports() {
    python3 -c '
import socket, sys
s = [socket.socket() for _ in range(int(sys.argv[1]))]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])' "$1"
}

nginx_conf_head() {
    local dir=$1
    mkdir -p "$dir/tmp"
    [ "$(id -u)" = 0 ] && echo "user root;"   # workers as the current user (CI runs as root)
    cat <<CONF
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
    ssl_certificate $dir/server.pem;
    ssl_certificate_key $dir/server.key;
CONF
}

nginx_start() {
    local dir=$1 port ready
    shift
    "$nginx_bin" -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" -g "daemon off;" >"$dir/nginx.out" 2>&1 &
    nginx_pid=$!
    for _ in $(seq 1 100); do
        ready=1
        for port in "$@"; do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { ready=0; break; }
        done
        [ $ready = 1 ] && return 0
        kill -0 "$nginx_pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$dir/nginx.out" "$dir/error.log" 2>/dev/null | tail -20 >&2
    nginx_stop
    return 1
}

nginx_stop() {
    if [ -n "$nginx_pid" ]; then kill -QUIT "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null || true; fi
    nginx_pid=""
}
