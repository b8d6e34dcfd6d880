#!/usr/bin/env bash
# make install into a temporary PREFIX with a multiarch LIBDIR; build a program through
# pkg-config and one through CMake's find_package(flexiti); run both; make uninstall. Also: make
# install refuses, with a message, when nothing is built.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
version=$(sed -n 's/^#define FLX_VERSION_STRING "\(.*\)"/\1/p' include/flexiti.h)
libdir=$prefix/lib/x86_64-linux-gnu

if out=$(make --no-print-directory install PREFIX="$prefix" BUILD="$prefix/not-built" 2>&1); then
    echo "make install succeeded with nothing built"; exit 1
fi
grep -q "is not built; run 'make' first" <<<"$out" || { echo "unclear message: $out"; exit 1; }
[ -z "$(ls -A "$prefix")" ] || { echo "make install without a build created files"; exit 1; }

make --no-print-directory install PREFIX="$prefix" LIBDIR="$libdir" >/dev/null
test -L "$libdir/libflexiti.so" && test -L "$libdir/libflexiti.so.0" && test -f "$libdir/libflexiti.so.$version"
test -f "$prefix/include/flexiti.h" && test -f "$prefix/share/man/man3/flx_session.3"
! grep -q "Requires" "$libdir/pkgconfig/flexiti.pc"

cat > "$prefix/app.c" <<'C'
#include <flexiti.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    printf("%s %s\n", flx_version(), flx_code_name(FLX_E_AUTH_AMOUNT_EXCEEDED));
    return strcmp(flx_version(), FLX_VERSION_STRING) != 0;
}
C
# pkg-config, with only the library's own .pc on the path (no libcurl/jansson -dev needed).
export PKG_CONFIG_PATH="$libdir/pkgconfig"
[ "$(pkg-config --modversion flexiti)" = "$version" ]
cc "$prefix/app.c" -o "$prefix/app" $(pkg-config --cflags --libs flexiti)
out=$(LD_LIBRARY_PATH="$libdir" "$prefix/app")
echo "pkg-config: $out"
[ "$out" = "$version auth_amount_exceeded" ]

# CMake: find_package(flexiti) through CMAKE_PREFIX_PATH, target flexiti::flexiti.
if command -v cmake >/dev/null; then
    mkdir -p "$prefix/cmake-app"
    cp "$prefix/app.c" "$prefix/cmake-app/app.c"
    cat > "$prefix/cmake-app/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.13)
project(app C)
find_package(flexiti 0.1 REQUIRED)
add_executable(app app.c)
target_link_libraries(app PRIVATE flexiti::flexiti)
CMAKE
    cmake -S "$prefix/cmake-app" -B "$prefix/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
    cmake --build "$prefix/cmake-build" >/dev/null
    out=$("$prefix/cmake-build/app")   # CMake's build tree rpath finds the library
    echo "cmake: $out"
    [ "$out" = "$version auth_amount_exceeded" ]
    # A newer major version than installed is refused.
    sed -i 's/find_package(flexiti 0.1 REQUIRED)/find_package(flexiti 1.0 REQUIRED)/' "$prefix/cmake-app/CMakeLists.txt"
    if cmake -S "$prefix/cmake-app" -B "$prefix/cmake-build2" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null 2>&1; then
        echo "find_package(flexiti 1.0) accepted $version"; exit 1
    fi
else
    echo "cmake not installed: find_package(flexiti) not tried"
fi

make --no-print-directory uninstall PREFIX="$prefix" LIBDIR="$libdir" >/dev/null
left=$(find "$prefix" -path "$prefix/cmake-*" -prune -o -type f ! -name 'app*' -print -o -type l -print)
[ -z "$left" ] || { echo "make uninstall left: $left"; exit 1; }
