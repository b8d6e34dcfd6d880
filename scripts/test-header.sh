#!/usr/bin/env bash
# The public header as users compile it: strict C89 to C11 and C++98/C++11 with gcc and clang,
# FLX_EXTERN on every declaration, the deprecation and experimental markers, and the version
# macros against the staged library. One line per check ("ok: ..." / "FAIL: ..."); exit 1 if any
# failed.
set -uo pipefail
cd "$(dirname "$0")/.."
stage=${1:-build/stage}
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails+1)); }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/flx-header.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

for std in "gcc -std=c89 -pedantic" "clang -std=c89 -pedantic" "gcc -std=c99 -Wpedantic" "gcc -std=c11 -Wpedantic" \
           "clang -std=c99 -Wpedantic" "g++ -std=c++98 -pedantic" "clang++ -std=c++98 -pedantic" "g++ -std=c++11 -Wpedantic"; do
    lang=c; case "$std" in *++*) lang=c++;; esac
    if $std -Wall -Wextra -Werror -fsyntax-only -x $lang include/flexiti.h 2>"$tmp/log"; then ok "header compiles with $std -Wall -Wextra -Werror"
    else bad "header compiles with $std -Wall -Wextra -Werror"; cat "$tmp/log"; fi
done

python3 scripts/check-header.py || fails=$((fails+1))

# FLX_DEPRECATED warns with the version and the advice; FLX_EXPERIMENTAL only when asked.
cat > "$tmp/dep.c" <<'C'
#include <flexiti.h>
FLX_EXTERN FLX_DEPRECATED("0.1.0", "use flx_version_num") const char *flx_version(void);
int main(void) { return flx_version()[0] == 0 && flx_i18n_list_count(0) == 0; }
C
for cc in gcc clang; do
    if $cc -Iinclude -Wall -Werror -fsyntax-only "$tmp/dep.c" 2>"$tmp/log"; then bad "$cc: FLX_DEPRECATED makes a use warn"
    elif grep -q "deprecated since libflexiti 0.1.0: use flx_version_num" "$tmp/log" && ! grep -q "experimental in libflexiti" "$tmp/log"; then
        ok "$cc: FLX_DEPRECATED warns with version and advice; FLX_EXPERIMENTAL silent by default"
    else bad "$cc: FLX_DEPRECATED message"; cat "$tmp/log"; fi
    if $cc -Iinclude -DFLX_WARN_EXPERIMENTAL -DFLX_NO_DEPRECATION_WARNINGS -Wall -fsyntax-only "$tmp/dep.c" 2>"$tmp/log" &&
       grep -q "experimental in libflexiti" "$tmp/log" && ! grep -q "deprecated since libflexiti" "$tmp/log"; then
        ok "$cc: FLX_WARN_EXPERIMENTAL warns at experimental calls; FLX_NO_DEPRECATION_WARNINGS silences deprecations"
    else bad "$cc: FLX_WARN_EXPERIMENTAL / FLX_NO_DEPRECATION_WARNINGS"; cat "$tmp/log"; fi
done

# The version macros and the library that is loaded agree.
if gcc -std=c89 -pedantic -Wall -Wextra -Werror -I"$stage/include" Tests/abi/version_macros.c -o "$tmp/version" \
       -L"$stage/lib" -lflexiti 2>"$tmp/log" && LD_LIBRARY_PATH="$stage/lib" "$tmp/version" >"$tmp/out" 2>>"$tmp/log"; then
    ok "FLX_VERSION_* and FLX_AT_LEAST_VERSION agree with flx_version()/flx_version_num() ($(cat "$tmp/out" | awk '{print $NF}'))"
else bad "FLX_VERSION_* and FLX_AT_LEAST_VERSION agree with flx_version()/flx_version_num()"; cat "$tmp/log"; fi
exit $((fails > 0))
