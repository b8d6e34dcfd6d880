#!/usr/bin/env bash
# The release packages as a user gets them: installs build/dist/*.deb with dpkg -i, builds the
# program of docs/install.md once through pkg-config and once through CMake's
# find_package(flexiti), runs both against the installed flexiti-sandbox, then removes the
# packages. Also checks the tarball the same way, unpacked in a temporary folder. One line per
# check ("ok: ..." / "FAIL: ..."). Needs root; leaves packages that were installed before alone.
set -uo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^#define FLX_VERSION_STRING "\(.*\)"/\1/p' include/flexiti.h)
debs=(build/dist/libflexiti0_*.deb build/dist/libflexiti-dev_*.deb build/dist/flexiti-sandbox_*.deb)
tarball=build/dist/libflexiti-$version-linux-x86_64.tar.gz
pkgs="libflexiti0 libflexiti-dev flexiti-sandbox"
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails+1)); }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/flx-pkg.XXXXXX")
sandbox_pid=""
installed_here=0
cleanup() {
    [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null
    [ "$installed_here" = 1 ] && dpkg -r $pkgs >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

for p in $pkgs; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        echo "FAIL: $p is already installed on this machine; not touching it (remove it to run this test)"; exit 1
    fi
done

# The program and CMakeLists.txt of docs/install.md, so the page stays true.
awk '/^`hello.c`:/{f=1; next} f&&/^```c/{p=1; next} p&&/^```/{exit} p' docs/install.md > "$tmp/hello.c"
awk '/^```cmake/{p=1; next} p&&/^```/{exit} p' docs/install.md > "$tmp/CMakeLists.txt"
[ -s "$tmp/hello.c" ] && [ -s "$tmp/CMakeLists.txt" ] || { echo "FAIL: program not found in docs/install.md"; exit 1; }

# start_sandbox BINARY: starts it on a free port, sets FLEXITI_BASE_URL.
start_sandbox() {
    : > "$tmp/sandbox.log"
    "$1" --port 0 --quiet > "$tmp/sandbox.log" 2>&1 &
    sandbox_pid=$!
    for _ in $(seq 1 100); do
        url=$(sed -n 's/^flexiti-sandbox listening on \(http[^ ]*\).*/\1/p' "$tmp/sandbox.log")
        [ -n "$url" ] && { export FLEXITI_BASE_URL=$url; return 0; }
        kill -0 "$sandbox_pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$tmp/sandbox.log"; return 1
}
stop_sandbox() { kill "$sandbox_pid" 2>/dev/null; wait "$sandbox_pid" 2>/dev/null; sandbox_pid=""; }
expect_hello() {  # name, program
    local out; out=$("$2" 2>&1)
    if [[ "$out" == "libflexiti $version: Flexiti MITester, available credit "* ]]; then ok "$1: $out"
    else bad "$1 (got: $out)"; fi
}

# ---- .deb ---------------------------------------------------------------------------------
if dpkg -i "${debs[@]}" > "$tmp/dpkg.log" 2>&1; then
    installed_here=1; ok "dpkg -i $(basename -a "${debs[@]}" | xargs)"
else
    installed_here=1; bad "dpkg -i of the packages"; cat "$tmp/dpkg.log"; exit 1
fi
ldconfig -p | grep "libflexiti.so.0 " >/dev/null && ok "ldconfig knows libflexiti.so.0 after install" || bad "ldconfig -p lists libflexiti.so.0"
[ "$(flexiti-sandbox --version 2>&1)" = "$version" ] && ok "flexiti-sandbox --version prints $version" || bad "flexiti-sandbox --version"
man -w flx_session_new >/dev/null 2>&1 && man -w flexiti-sandbox >/dev/null 2>&1 && ok "man pages installed (flx_session_new, flexiti-sandbox)" ||
    { command -v man >/dev/null && bad "man -w flx_session_new / flexiti-sandbox" || ok "man pages installed ($(ls /usr/share/man/man3/flx_session_new.3.gz))"; }

# pkg-config with no PKG_CONFIG_PATH: the system's own .pc directory.
if env -u PKG_CONFIG_PATH cc "$tmp/hello.c" -o "$tmp/hello-pc" $(env -u PKG_CONFIG_PATH pkg-config --cflags --libs flexiti) 2>"$tmp/cc.log"; then
    ok "a program builds through pkg-config from the -dev package"
else bad "build through pkg-config"; cat "$tmp/cc.log"; fi
if command -v cmake >/dev/null; then
    mkdir -p "$tmp/cmake-src" && cp "$tmp/hello.c" "$tmp/CMakeLists.txt" "$tmp/cmake-src/"
    if env -u CMAKE_PREFIX_PATH cmake -S "$tmp/cmake-src" -B "$tmp/cmake-build" >"$tmp/cmake.log" 2>&1 &&
       cmake --build "$tmp/cmake-build" >>"$tmp/cmake.log" 2>&1; then
        ok "a program builds through CMake find_package(flexiti) from the -dev package"
    else bad "build through CMake find_package(flexiti)"; cat "$tmp/cmake.log"; fi
else bad "cmake not installed"; fi
if start_sandbox /usr/bin/flexiti-sandbox; then
    ok "the packaged flexiti-sandbox starts ($FLEXITI_BASE_URL)"
    [ -x "$tmp/hello-pc" ] && expect_hello "pkg-config program against the packaged sandbox" "$tmp/hello-pc"
    [ -x "$tmp/cmake-build/hello" ] && expect_hello "CMake program against the packaged sandbox" "$tmp/cmake-build/hello"
    stop_sandbox
else bad "the packaged flexiti-sandbox starts"; fi

if dpkg -r $pkgs > "$tmp/dpkg.log" 2>&1; then
    installed_here=0
    left=$(ls /usr/lib/*/libflexiti.so* /usr/include/flexiti.h /usr/bin/flexiti-sandbox 2>/dev/null)
    [ -z "$left" ] && ok "dpkg -r removes the packages and their files" || bad "dpkg -r left: $left"
else bad "dpkg -r $pkgs"; cat "$tmp/dpkg.log"; fi

# ---- tarball ------------------------------------------------------------------------------
if [ -f "$tarball" ] && tar -C "$tmp" -xzf "$tarball"; then
    flx=$tmp/libflexiti-$version-linux-x86_64
    if PKG_CONFIG_PATH=$flx/lib/pkgconfig cc "$tmp/hello.c" -o "$tmp/hello-tar" -Wl,-rpath,"$flx/lib" \
         $(PKG_CONFIG_PATH=$flx/lib/pkgconfig pkg-config --cflags --libs flexiti) 2>"$tmp/cc.log" &&
       cmake -S "$tmp/cmake-src" -B "$tmp/cmake-tar" -DCMAKE_PREFIX_PATH="$flx" >"$tmp/cmake.log" 2>&1 &&
       cmake --build "$tmp/cmake-tar" >>"$tmp/cmake.log" 2>&1; then
        ok "the unpacked tarball builds programs through pkg-config and CMake (relocatable)"
        if start_sandbox "$flx/bin/flexiti-sandbox"; then
            expect_hello "tarball program (rpath) against the tarball's sandbox" "$tmp/hello-tar"
            expect_hello "tarball CMake program against the tarball's sandbox" "$tmp/cmake-tar/hello"
            stop_sandbox
        else bad "the tarball's flexiti-sandbox starts"; fi
    else bad "build against the unpacked tarball"; cat "$tmp/cc.log" "$tmp/cmake.log"; fi
    for f in include/flexiti.h lib/libflexiti.so.0 lib/cmake/flexiti/flexitiConfig.cmake share/man/man3/flx_session.3 \
             share/doc/libflexiti/LICENSE share/doc/libflexiti/CHANGELOG.md share/doc/libflexiti/docs/install.md; do
        [ -e "$flx/$f" ] || bad "tarball lacks $f"
    done
else bad "tarball $tarball unpacks"; fi
exit $((fails > 0))
