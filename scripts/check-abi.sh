#!/usr/bin/env bash
# ABI check with abidiff (Debian package abigail-tools). The ABI of include/flexiti.h (every
# function's symbol and version node, parameter and return types, enum values, struct layouts)
# is read from a stub library built from the header with debug information, and compared with
# the baseline committed for the current soname, abi/<soname>.abi. New functions pass; a removed
# function or an incompatible type change fails, unless the soname changed (then the old
# baseline no longer applies). check-exports.sh checks that the real library exports exactly the
# header's functions under FLEXITI_0, so the stub's ABI is the library's.
#   scripts/check-abi.sh            check (one "ok: ..." / "FAIL: ..." line per check)
#   scripts/check-abi.sh --update   record the current ABI as the baseline (after a soname change
#                                   or a deliberate addition)
set -uo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^#define FLX_VERSION_STRING "\(.*\)"/\1/p' include/flexiti.h)
soname=libflexiti.so.${version%%.*}
baseline=abi/$soname.abi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/flx-abi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fails=0

# abi_of HEADER OUT: the ABI corpus of a stub library built from HEADER.
abi_of() {
    python3 scripts/check-header.py --stubs --header "$1" > "$tmp/abi-stubs.c" &&
    (cd "$tmp" && ${CC:-cc} -g -O0 -fPIC -shared -w -o libflexiti-abi.so abi-stubs.c \
        -Wl,--version-script="$OLDPWD/scripts/flexiti.map" -Wl,-soname,"$soname") &&
    abidw --no-corpus-path --no-comp-dir-path --no-show-locs --no-architecture \
        --headers-dir "$(dirname "$1")" --out-file "$2" "$tmp/libflexiti-abi.so"
}

if ! command -v abidw >/dev/null; then echo "FAIL: abidw not found (apt-get install abigail-tools)"; exit 1; fi
abi_of include/flexiti.h "$tmp/current.abi" || { echo "FAIL: could not build the ABI of include/flexiti.h"; exit 1; }

if [ "${1:-}" = --update ]; then
    cp "$tmp/current.abi" "$baseline" && echo "recorded $baseline"
    exit 0
fi

if [ ! -f "$baseline" ]; then
    older=$(ls abi/libflexiti.so.*.abi 2>/dev/null | tr '\n' ' ')
    if [ -n "$older" ]; then
        echo "ok: soname is $soname; the earlier baselines ($older) no longer apply: record one with scripts/check-abi.sh --update"
    else
        echo "FAIL: no ABI baseline $baseline: record one with scripts/check-abi.sh --update"; fails=1
    fi
else
    abidiff --no-show-locs "$baseline" "$tmp/current.abi" > "$tmp/report" 2>&1; rc=$?
    # abidiff's status is a bit field: 1 error, 2 usage, 4 ABI change, 8 incompatible change.
    if (( rc & 3 )); then echo "FAIL: abidiff could not compare the ABI (status $rc)"; cat "$tmp/report"; fails=1
    elif (( rc & 8 )); then
        echo "FAIL: incompatible ABI change against $baseline (soname $soname unchanged):"; sed 's/^/    /' "$tmp/report"; fails=1
    elif (( rc & 4 )); then
        added=$(grep -oE "'[^']*flx_[a-z0-9_]+\(" "$tmp/report" | grep -oE 'flx_[a-z0-9_]+' | sort -u | xargs)
        if grep -qE "[1-9][0-9]* (Removed|Changed)" "$tmp/report"; then
            echo "FAIL: ABI changed against $baseline:"; sed 's/^/    /' "$tmp/report"; fails=1
        else
            echo "ok: ABI compatible with $baseline (functions added: ${added:-see abidiff}; record them with --update when releasing)"
        fi
    else
        echo "ok: ABI identical to $baseline (abidiff)"
    fi
fi

# The check itself works: a header with a function removed and a parameter type changed must fail.
sed -e '/flx_error_attempts(const flx_error \*err);/d' \
    -e 's/flx_error_field_param(const flx_error \*err, size_t index)/flx_error_field_param(const flx_error *err, int index)/' \
    include/flexiti.h > "$tmp/flexiti.h"
if [ -f "$baseline" ] && abi_of "$tmp/flexiti.h" "$tmp/broken.abi"; then
    abidiff --no-show-locs "$baseline" "$tmp/broken.abi" > "$tmp/broken-report" 2>&1; rc=$?
    if (( rc & 8 )) && grep -q flx_error_attempts "$tmp/broken-report" && grep -q flx_error_field_param "$tmp/broken-report"; then
        echo "ok: abidiff reports a removed function and a changed parameter type as incompatible"
    else echo "FAIL: abidiff missed a removed function or a changed parameter type (status $rc)"; cat "$tmp/broken-report"; fails=1; fi
fi
exit $((fails > 0))
