#!/usr/bin/env bash
# Checks the shipped library: only flx_* exported, exactly the functions the header declares,
# the soname, and no Swift or Foundation runtime among its dependencies. Prints one line per
# check ("ok: ..." / "FAIL: ...") and exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
so=${1:-build/lib/libflexiti.so}
fails=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fails=$((fails+1)); fi; }

exported=$(nm -D --defined-only "$so" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | sort -u)
declared=$(grep -oE '\bflx_[a-z0-9_]+[[:space:]]*\(' include/flexiti.h | tr -d ' (' | sort -u)
extra=$(comm -23 <(echo "$exported") <(echo "$declared"))
missing=$(comm -13 <(echo "$exported") <(echo "$declared"))
check "every exported symbol is declared in flexiti.h${extra:+ (extra: $(echo $extra))}" '[ -z "$extra" ]'
check "every declared function is exported${missing:+ (missing: $(echo $missing))}" '[ -z "$missing" ]'
unversioned=$(objdump -T "$so" | awk '$4 != "*UND*" && $NF ~ /^flx_/ && $0 !~ / FLEXITI_0 / {print $NF}' | head -5)
check "every flx_ symbol carries the version node FLEXITI_0${unversioned:+ (not: $(echo $unversioned))}" '[ -z "$unversioned" ]'
check "soname is libflexiti.so.0" 'readelf -d "$so" | grep -q "SONAME.*\[libflexiti.so.0\]"'
deps=$(ldd "$so")
check "no Swift or Foundation runtime needed at run time" '! echo "$deps" | grep -qiE "swift|foundation|dispatch"'
check "links libjansson" 'echo "$deps" | grep -q libjansson'
# libcurl is dlopen()ed at the first session (Sources/CCurl): loading the library does not load it.
check "does not link libcurl (loaded at the first session)" '! echo "$deps" | grep -q libcurl'
# SQLite is dlopen()ed on the first journal open (Sources/CSQLite): never loaded with the library.
check "does not link libsqlite3 (loaded when a journal is opened)" '! echo "$deps" | grep -q libsqlite3'
# libm's functions are bound at their first call (compat/libm-lazy.c): loading the library does
# not load libm. A toolchain whose runtime references one more libm function leaves it undefined.
check "does not link libm (its functions are bound at their first call)" '! echo "$deps" | grep -q "libm\.so"'
libm=$(ldconfig -p 2>/dev/null | awk '$1 == "libm.so.6" && /x86-64/ {print $NF; exit}')
if [ -n "$libm" ]; then
    unbound=$(comm -12 <(nm -D --undefined-only "$so" | awk '{print $2}' | sed 's/@.*//' | sort -u) \
        <(nm -D --defined-only "$libm" | awk '{print $3}' | sed 's/@.*//' | sort -u) \
        | comm -23 - <(nm -D --defined-only "$(ldconfig -p | awk '$1 == "libc.so.6" && /x86-64/ {print $NF; exit}')" | awk '{print $3}' | sed 's/@.*//' | sort -u))
    check "no libm function left unbound${unbound:+ (add to compat/libm-functions.h: $(echo $unbound))}" '[ -z "$unbound" ]'
fi
check "stripped" '! file -L "$so" | grep -q "not stripped"'
exit $((fails > 0))
