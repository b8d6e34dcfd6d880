#!/usr/bin/env bash
# The libflexiti benchmark: one command, see docs/performance.md.
#
#   bench/run.sh             full run (about 15-25 minutes; most of it Python under callgrind),
#                            writes bench/results/*.txt and bench/results/chart.png
#   bench/run.sh --smoke     quick run for CI (under a minute): every client and operation once
#                            with small counts, writes bench/results-smoke/; asserts no timing
#   bench/run.sh --profile   full run plus callgrind_annotate profiles of libflexiti (builds an
#                            unstripped copy of the library in .build-profile)
#   --no-build               use build/lib as it is (default: `make lib` first; --smoke builds
#                            only when build/lib/libflexiti.so is missing)
#
# Clients: bin/flx_bench (libflexiti from C), bin/baseline (libcurl + jansson by hand),
# baseline_requests.py (Python requests). Server: bin/fixed_server on 127.0.0.1, started and
# stopped here; when nginx and openssl are installed, also nginx as TLS terminator in front of
# it (scripts/nginx/common.sh, a throwaway CA) for the HTTPS rows of the two C clients.
# Needs: cc, pkg-config, libcurl and jansson headers, valgrind, python3 (nginx optional).
set -euo pipefail
shopt -s extglob  # ${CLIENTS//@(a|b)/} below
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
MODE=full PROFILE=0 BUILD=1
for arg in "$@"; do
    case $arg in
        --smoke) MODE=smoke ;;
        --profile) PROFILE=1 ;;
        --no-build) BUILD=0 ;;
        *) echo "usage: $0 [--smoke] [--profile] [--no-build]" >&2; exit 2 ;;
    esac
done

if [ $MODE = full ]; then
    OUT=$HERE/results N_CG=200 N_CG_PY=100 N_WALL=2000 REPS=15 N_CONN=1000 N_RSS=100000 RSS_EVERY=10000 LOAD_RUNS=21 PY_CG=1
else
    OUT=$HERE/results-smoke N_CG=10 N_CG_PY=0 N_WALL=200 REPS=1 N_CONN=1000 N_RSS=2000 RSS_EVERY=1000 LOAD_RUNS=3 PY_CG=0
fi
mkdir -p "$OUT"
rm -f "$OUT"/*.txt
log() { echo "[bench] $*" >&2; }

# --- build -------------------------------------------------------------------------------------
if [ $BUILD = 1 ] && { [ $MODE = full ] || [ ! -e "$ROOT/build/lib/libflexiti.so" ]; }; then
    log "building the release library (make lib)"
    make -C "$ROOT" --no-print-directory lib >"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
fi
make -C "$HERE" --no-print-directory programs >/dev/null
[ -e "$ROOT/build/lib/libflexiti.so" ] || { echo "no build/lib/libflexiti.so: run make lib" >&2; exit 1; }
PY=$(python3 -c 'import sys; print(sys.executable)')  # the real binary (valgrind does not follow shims)
CLIENTS="libflexiti baseline-c python-requests"
if ! "$PY" -c 'import requests' 2>/dev/null && ! "$PY" -m pip install -q requests >/dev/null 2>&1; then
    log "Python requests is not installed and pip could not install it: Python client skipped"
    CLIENTS="libflexiti baseline-c"
fi
HAVE_VALGRIND=1
command -v valgrind >/dev/null || { HAVE_VALGRIND=0; log "valgrind not found: instruction counts skipped"; }

# --- server ------------------------------------------------------------------------------------
"$HERE/bin/fixed_server" --lifetime 7200 >"$OUT/.server" &
SERVER_PID=$!
. "$ROOT/scripts/nginx/common.sh"
TLS_DIR=""
trap 'nginx_stop; kill $SERVER_PID 2>/dev/null || true; rm -f "$OUT/.server"; [ -z "$TLS_DIR" ] || rm -rf "$TLS_DIR"' EXIT
for _ in $(seq 100); do grep -q listening "$OUT/.server" 2>/dev/null && break; sleep 0.05; done
PORT=$(awk '/listening/ {print $2}' "$OUT/.server")
URL=http://127.0.0.1:$PORT/flexiti/pos-api
log "fixed_server on port $PORT"

# The same server over HTTPS, as production is: nginx terminates TLS (HTTP/1.1, so both clients
# speak the same protocol; connections kept alive on both sides) with a throwaway CA that the
# clients are given with --cacert.
TLS_URL=""
if why=$(nginx_unusable); then
    log "HTTPS rows skipped: $why"
else
    TLS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/flx-bench-tls.XXXXXX")
    read -r TLS_PORT < <(nginx_free_ports 1)
    if nginx_make_ca "$TLS_DIR"; then
        {
            nginx_conf_head "$TLS_DIR"
            cat <<CONF
    access_log off;
    keepalive_timeout 600s;
    keepalive_requests 10000000;
    upstream fixed { server 127.0.0.1:$PORT; keepalive 8; }
    server {
        listen 127.0.0.1:$TLS_PORT ssl;
        location / { proxy_pass http://fixed; proxy_http_version 1.1; proxy_set_header Connection ""; }
    }
}
CONF
        } >"$TLS_DIR/nginx.conf"
        if nginx_start "$TLS_DIR" "$TLS_PORT"; then
            TLS_URL=https://127.0.0.1:$TLS_PORT/flexiti/pos-api
            log "nginx (TLS) on port $TLS_PORT in front of fixed_server"
        else
            log "HTTPS rows skipped: nginx did not start"
        fi
    else
        log "HTTPS rows skipped: could not make the test CA"
    fi
fi

# The wall-clock runs keep the server side (fixed_server, nginx) on one CPU and the client on
# another, when there are two or more: neither then waits for the other's CPU, and where the
# scheduler happened to place them, which moved the medians by a tenth from run to run, no
# longer enters the figures. Both clients run under the same pinning.
PIN=""
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
    for p in $SERVER_PID ${nginx_pid:-} $( [ -n "${nginx_pid:-}" ] && pgrep -P "$nginx_pid" ); do
        taskset -a -p -c 0 "$p" >/dev/null
    done
    PIN="taskset -c 1"
    log "wall clock: server side on CPU 0, clients on CPU 1"
fi

# The clients in turn, starting one further along each round ("rotated 2 a b c" is "c a b"): a
# client that always ran right after another would always find the caches as that one left
# them (after Python's 80 ms import, cold; after a client that loaded the same libcurl, warm).
rotated() {
    local shift=$1; shift
    local list=("$@") n=$#
    for ((i = 0; i < n; i++)); do echo "${list[$(( (i + shift) % n ))]}"; done
}

# One admin request to the server (bash's /dev/tcp: no curl binary needed); prints the body's last line.
admin() {
    exec 3<>"/dev/tcp/127.0.0.1/$PORT"
    printf '%s %s HTTP/1.1\r\nHost: bench\r\nConnection: close\r\nContent-Length: 0\r\n\r\n' "$1" "$2" >&3
    tail -n 1 <&3
    exec 3>&-
}

cmd() {
    case $1 in
        libflexiti) echo "$HERE/bin/flx_bench" ;;
        baseline-c) echo "$HERE/bin/baseline" ;;
        python-requests) echo "$PY $HERE/baseline_requests.py" ;;
    esac
}
# Operations a client supports (flx_bench exits 3 for one not built in yet).
ops_of() {
    local op
    for op in token lookup authorize captures; do
        rc=0; $(cmd "$1") "$URL" "$op" 0 --no-warmup >/dev/null 2>&1 || rc=$?
        [ $rc = 3 ] || echo "$op"
    done
}
declare -A OPS
for c in $CLIENTS; do OPS[$c]=$(ops_of "$c" | xargs); done
log "operations: libflexiti: ${OPS[libflexiti]}; baseline-c: ${OPS[baseline-c]}; python: ${OPS[python-requests]:-}"
vals() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }   # every KEY=value of the input
field() { vals "$1" | tail -n 1; }                 # the last one

# --- 1. instructions per call (callgrind) ------------------------------------------------------
# Ir(N) - Ir(0) over N: start-up, library loading, warm-up and exit cancel out.
# callgrind_ir CLIENT OP N [URL [CLIENT OPTIONS...]]
callgrind_ir() {
    local f c=$1 op=$2 n=$3 url=${4:-$URL}; f=$(mktemp)
    shift $(( $# < 4 ? $# : 4 ))
    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file="$f" $(cmd "$c") "$url" "$op" "$n" "$@" 2>&1 \
        | sed -n 's/.*Collected : //p'
    rm -f "$f"
}
{
    echo "# client op N Ir(N) Ir(0) instructions_per_call   (valgrind --tool=callgrind, client process only)"
    for c in $CLIENTS; do
        n=$N_CG; [ $c = python-requests ] && n=$N_CG_PY
        [ "$n" = 0 ] || [ $HAVE_VALGRIND = 0 ] && continue
        ops=${OPS[$c]}; [ $MODE = smoke ] && ops=lookup
        log "callgrind: $c (N=$n)"
        ir0=$(callgrind_ir "$c" lookup 0)
        for op in $ops; do
            irn=$(callgrind_ir "$c" "$op" "$n")
            echo "$c $op $n $irn $ir0 $(( (irn - ir0) / n ))"
        done
    done
} >"$OUT/callgrind.txt"

# --- 2. operations per second (wall clock, best of REPS) ---------------------------------------
# Interleaved: each repetition runs every client once per operation, the clients of one
# operation back to back, so a slow moment of the machine falls on all of them alike instead of
# on whichever client happened to run then, and pinned ($PIN above). The report gives the best
# run of each client and the median over repetitions of the ratio of the two C clients' runs
# made side by side.
declare -A WALL
for rep in $(seq $REPS); do
    for op in token lookup authorize captures; do
        # The two C clients side by side, taking turns to go first; Python after them.
        for c in $(rotated $rep libflexiti baseline-c) ${CLIENTS//@(libflexiti|baseline-c)/}; do
            case " ${OPS[$c]} " in *" $op "*) ;; *) continue ;; esac
            WALL[$c.$op]="${WALL[$c.$op]:-} $($PIN $(cmd "$c") "$URL" "$op" $N_WALL | field ops_per_sec)"
        done
    done
done
log "wall clock: $REPS interleaved repetitions done"
{
    echo "# client op calls_per_run runs best_ops_per_sec all_runs   (wall clock, one session, warmed up, clients interleaved)"
    for c in $CLIENTS; do
        for op in ${OPS[$c]}; do
            all=${WALL[$c.$op]}
            best=$(echo $all | tr ' ' '\n' | sort -g | tail -n 1)
            echo "$c $op $N_WALL $REPS $best$(echo $all | tr ' ' ',' | sed 's/^/ /')"
        done
    done
} >"$OUT/wall.txt"

# --- 2b. over HTTPS (nginx in front of the same server): the two C clients ---------------------
# Instructions per call as in 1 (the handshake is in Ir(0) and cancels out) and calls per second
# as in 2 (interleaved the same way). The smoke run checks only that both clients work over TLS
# (lookup, wall clock).
{
    echo "# client op N instructions_per_call best_ops_per_sec all_runs   (HTTPS through nginx, HTTP/1.1; '-' = not measured)"
    if [ -n "$TLS_URL" ]; then
        TLS_CLIENTS="libflexiti baseline-c"
        declare -A TLS_IR TLS_WALL TLS_OPS
        for c in $TLS_CLIENTS; do
            TLS_OPS[$c]=${OPS[$c]}; [ $MODE = smoke ] && TLS_OPS[$c]=lookup
            [ $MODE = full ] && [ $HAVE_VALGRIND = 1 ] || continue
            log "HTTPS callgrind: $c"
            ir0=$(callgrind_ir "$c" lookup 0 "$TLS_URL" --cacert "$TLS_DIR/ca.pem")
            for op in ${TLS_OPS[$c]}; do
                irn=$(callgrind_ir "$c" "$op" "$N_CG" "$TLS_URL" --cacert "$TLS_DIR/ca.pem")
                TLS_IR[$c.$op]=$(( (irn - ir0) / N_CG ))
            done
        done
        log "HTTPS wall clock"
        for rep in $(seq $REPS); do
            for op in token lookup authorize captures; do
                for c in $(rotated $rep $TLS_CLIENTS); do  # the two C clients, taking turns
                    case " ${TLS_OPS[$c]} " in *" $op "*) ;; *) continue ;; esac
                    TLS_WALL[$c.$op]="${TLS_WALL[$c.$op]:-} $($PIN $(cmd "$c") "$TLS_URL" "$op" $N_WALL --cacert "$TLS_DIR/ca.pem" | field ops_per_sec)"
                done
            done
        done
        for c in $TLS_CLIENTS; do
            for op in ${TLS_OPS[$c]}; do
                all=${TLS_WALL[$c.$op]}
                best=$(echo $all | tr ' ' '\n' | sort -g | tail -n 1)
                echo "$c $op $N_WALL ${TLS_IR[$c.$op]:--} $best$(echo $all | tr ' ' ',' | sed 's/^/ /')"
            done
        done
    fi
} >"$OUT/tls.txt"

# --- 3. connections and token requests for N_CONN calls on one new session ---------------------
{
    echo "# client op calls server_connections server_token_requests client_connections client_token_requests"
    echo "# (no warm-up: the session is new, so its first call opens the connection and gets the token)"
    for c in $CLIENTS; do
        log "connections: $c"
        for op in ${OPS[$c]}; do
            admin POST /__reset >/dev/null
            line=$($(cmd "$c") "$URL" "$op" $N_CONN --no-warmup | tail -n 1)
            stats=$(admin GET /__stats)
            echo "$c $op $N_CONN $(echo "$stats" | field accepts) $(echo "$stats" | field token)" \
                 "$(echo "$line" | field connections) $(echo "$line" | field token_requests)"
        done
    done
} >"$OUT/connections.txt"

# --- 4. RSS over many calls --------------------------------------------------------------------
{
    echo "# client op rss_kb_after_warmup rss_kb_at_calls...   (every $RSS_EVERY calls up to $N_RSS)"
    for c in libflexiti baseline-c; do
        log "rss: $c ($N_RSS calls per operation)"
        for op in ${OPS[$c]}; do
            out=$($(cmd "$c") "$URL" "$op" $N_RSS --rss-every $RSS_EVERY)
            first=$(echo "$out" | tail -n 1 | field rss_kb_before)
            echo "$c $op $first $(echo "$out" | sed -n 's/^rss calls=\([0-9]*\) kb=\([0-9]*\)/\1:\2/p' | xargs)"
        done
    done
} >"$OUT/rss.txt"

# --- 5. library size and start-up --------------------------------------------------------------
LIB=$(readlink -f "$ROOT/build/lib/libflexiti.so")
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
{
    echo "# libflexiti: $(basename "$LIB") $(stat -c %s "$LIB") bytes (release, static Swift runtime, stripped)"
    echo "# start-up, median of $LOAD_RUNS fresh processes: load = dlopen/import, session = ready to send"
    echo "# client load_ms session_ms total_ms instructions   (instructions: the whole process, load + session, callgrind, one run)"
    log "start-up times"
    # The two C clients alternate, each round starting with the other one (rotated); Python's
    # import, 60 to 80 ms that leave the caches cold, is timed in rounds of its own after them
    # rather than between two C runs it would disturb.
    declare -A ROWS
    start_up() {
        case $1 in
            libflexiti) $PIN "$HERE/bin/load_time" flexiti "$LIB" "$URL" ;;
            baseline-c) $PIN "$HERE/bin/load_time" baseline ;;
            python-requests) $PIN "$PY" -c 'import time; t0=time.monotonic(); import requests; t1=time.monotonic(); s=requests.Session(); t2=time.monotonic(); print("load_ms=%.3f session_ms=%.3f total_ms=%.3f" % ((t1-t0)*1e3, (t2-t1)*1e3, (t2-t0)*1e3))' ;;
        esac
    }
    for round in $(seq $LOAD_RUNS); do
        for c in $(rotated $round libflexiti baseline-c); do ROWS[$c]="${ROWS[$c]:-}$(start_up $c)"$'\n'; done
    done
    case " $CLIENTS " in *" python-requests "*)
        for _ in $(seq $LOAD_RUNS); do ROWS[python-requests]="${ROWS[python-requests]:-}$(start_up python-requests)"$'\n'; done ;;
    esac
    for c in $CLIENTS; do
        rows=${ROWS[$c]}
        # Instructions repeat within a fraction of a percent where milliseconds do not (a shared
        # machine): the same process as above, exec to exit, under callgrind.
        ir=-
        if [ $HAVE_VALGRIND = 1 ] && [ $MODE = full ]; then
            case $c in
                libflexiti) ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$HERE/bin/load_time" flexiti "$LIB" "$URL" 2>&1 | sed -n 's/.*Collected : //p') ;;
                baseline-c) ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$HERE/bin/load_time" baseline 2>&1 | sed -n 's/.*Collected : //p') ;;
            esac
        fi
        echo "$c $(echo -n "$rows" | vals load_ms | median) $(echo -n "$rows" | vals session_ms | median)" \
             "$(echo -n "$rows" | vals total_ms | median) ${ir:--}"
    done
} >"$OUT/startup.txt"

# --- 6. environment ----------------------------------------------------------------------------
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "mode: $MODE"
    echo "machine: $(uname -srm), $(nproc) CPUs, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "libflexiti: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
    echo "libcurl $(pkg-config --modversion libcurl), jansson $(pkg-config --modversion jansson), $(valgrind --version)"
    echo "python $("$PY" -c 'import sys, requests; print(sys.version.split()[0], "requests", requests.__version__)')"
} >"$OUT/environment.txt"

# --- 7. profiles (optional) --------------------------------------------------------------------
if [ $PROFILE = 1 ] && [ $HAVE_VALGRIND = 1 ]; then
    log "profiling: building an unstripped library in .build-profile"
    (cd "$ROOT" && swift build -c release --product flexiti --scratch-path .build-profile \
        -Xswiftc -static-stdlib -Xswiftc -use-ld=lld -Xlinker --version-script="$ROOT/scripts/flexiti.map" \
        -Xlinker -soname=libflexiti.so.0) >"$OUT/build-profile.log" 2>&1
    PLIB=$(mktemp -d)
    cp "$ROOT/.build-profile/release/libflexiti.so" "$PLIB/libflexiti.so.0"
    demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }
    for op in ${OPS[libflexiti]}; do
        f=$(mktemp)
        LD_LIBRARY_PATH=$PLIB valgrind --tool=callgrind --toggle-collect='bench_loop*' --callgrind-out-file="$f" \
            "$HERE/bin/flx_bench" "$URL" "$op" 200 >/dev/null 2>&1
        {
            echo "# libflexiti $op: 200 calls, inclusive instructions (callgrind_annotate --inclusive=yes)"
            callgrind_annotate --inclusive=yes "$f" 2>/dev/null | sed -n '/^Ir/,$p' | sed -n '1,80p' | demangle \
                | sed 's| \[/[^]]*\]||; s|/[^ ]*/Sources/|Sources/|' | cut -c1-180
        } >"$OUT/profile-$op.txt"
        rm -f "$f"
    done
    rm -rf "$PLIB"
fi

# --- 8. summary and chart ----------------------------------------------------------------------
CHART=1; [ $MODE = smoke ] && CHART=0
if [ $CHART = 1 ] && ! "$PY" -c 'import matplotlib' 2>/dev/null; then "$PY" -m pip install -q matplotlib || CHART=0; fi
"$PY" "$HERE/report.py" "$OUT" $([ $CHART = 1 ] && echo --chart)
log "done: $OUT"
