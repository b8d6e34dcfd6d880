#!/usr/bin/env bash
# make install into a temporary PREFIX, build a program with pkg-config, run it, uninstall.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
make --no-print-directory install PREFIX="$prefix" >/dev/null
test -L "$prefix/lib/libflexiti.so" && test -L "$prefix/lib/libflexiti.so.0" && test -f "$prefix/include/flexiti.h"
cat > "$prefix/app.c" <<'C'
#include <flexiti.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    printf("%s %s\n", flx_version(), flx_code_name(FLX_E_AUTH_AMOUNT_EXCEEDED));
    return strcmp(flx_version(), FLX_VERSION_STRING) != 0;
}
C
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" cc "$prefix/app.c" -o "$prefix/app" $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs flexiti)
out=$(LD_LIBRARY_PATH="$prefix/lib" "$prefix/app")
echo "$out"
[ "$out" = "$(sed -n 's/^#define FLX_VERSION_STRING "\(.*\)"/\1/p' include/flexiti.h) auth_amount_exceeded" ]
make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
test ! -e "$prefix/lib/libflexiti.so" && test ! -e "$prefix/include/flexiti.h" && test ! -e "$prefix/lib/pkgconfig/flexiti.pc"
