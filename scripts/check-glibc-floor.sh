#!/usr/bin/env bash
# The oldest systems the shipped binaries load on: nothing newer than glibc 2.28 and
# GLIBCXX_3.4.25 / CXXABI_1.3.11 (GCC 8's libstdc++): Debian 10, Ubuntu 18.10 and later, RHEL 8.
# Reads the dynamic symbol table (objdump -T) of each file given; prints one line per file
# ("ok: ..." / "FAIL: ...") and exits 1 when a file needs more. A new Swift toolchain or a new
# libc call can add such a reference at any time: compat/glibc-floor.c and the Makefile's
# GLIBC_WRAP list are where it gets pinned to an older version.
set -uo pipefail
GLIBC_MAX=2.28 GLIBCXX_MAX=3.4.25 CXXABI_MAX=1.3.11
fails=0
newer() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -1)" = "$1" ]; }
for f in "$@"; do
    name=$(basename "$f")
    if [ ! -f "$f" ]; then echo "FAIL: $name: not found"; fails=$((fails+1)); continue; fi
    syms=$(objdump -T "$f") || { echo "FAIL: $name: objdump -T failed"; fails=$((fails+1)); continue; }
    bad=""
    max_glibc=0 max_cxx=0
    while read -r ver sym; do
        case "$ver" in
            GLIBC_[0-9]*) v=${ver#GLIBC_}; newer "$v" "$max_glibc" && max_glibc=$v
                          newer "$v" "$GLIBC_MAX" && bad="$bad $sym@$ver";;
            GLIBCXX_[0-9]*) v=${ver#GLIBCXX_}; newer "$v" "$max_cxx" && max_cxx=$v
                          newer "$v" "$GLIBCXX_MAX" && bad="$bad $sym@$ver";;
            CXXABI_[0-9]*) v=${ver#CXXABI_}; newer "$v" "$CXXABI_MAX" && bad="$bad $sym@$ver";;
        esac
    done < <(echo "$syms" | sed -nE 's/.*\*UND\*\s+[0-9a-f]+\s+\(?([A-Z]+_[0-9.]+)\)?\s+(\S+)$/\1 \2/p')
    # An undefined, non-weak symbol without a version binds to whatever a newer libc offers.
    # (SQLite, which has no symbol versions, is dlopen()ed by the journal, not linked.)
    unversioned=$(echo "$syms" | awk '$2 != "w" && /\*UND\*/ && / Base / {print $NF}' | tr '\n' ' ')
    if [ -n "$bad" ] || [ -n "$unversioned" ]; then
        echo "FAIL: $name needs more than glibc $GLIBC_MAX / GLIBCXX_$GLIBCXX_MAX:${bad}${unversioned:+ (unversioned: $unversioned)}"
        fails=$((fails+1))
    else
        echo "ok: $name loads on glibc $GLIBC_MAX and GLIBCXX_$GLIBCXX_MAX (needs at most GLIBC_$max_glibc$([ "$max_cxx" = 0 ] || echo ", GLIBCXX_$max_cxx"))"
    fi
done
# Cross-check for shared libraries, independent of objdump: link a program against the library
# with zig's glibc 2.28 stub libraries (`pip install ziglang`); lld then refuses any glibc symbol
# version the library needs that glibc 2.28 does not have. The library's other dependencies
# (libcurl, jansson, libstdc++) are given from this system so that lld checks it at all.
if python3 -c "import ziglang" 2>/dev/null; then
    for f in "$@"; do
        case "$(basename "$f")" in *.so*) ;; *) continue;; esac
        [ -f "$f" ] || continue
        tmp=$(mktemp -d "${TMPDIR:-/tmp}/flx-zig.XXXXXX")
        deps=$(readelf -d "$f" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' | grep -vE '^(libc|libm|libdl|libpthread|librt|ld-linux.*)\.so' |
               while read -r n; do ldd "$f" | awk -v n="$n" '$1 == n {print $3}'; done)
        echo 'int main(void) { return 0; }' > "$tmp/main.c"
        python3 -m ziglang cc -target x86_64-linux-gnu.2.28 "$tmp/main.c" -o "$tmp/main" "$(realpath "$f")" $deps \
            -Wl,--no-allow-shlib-undefined -Wl,--no-as-needed > "$tmp/log" 2>&1
        # Only what the file itself needs counts (this system's libstdc++ needs a newer glibc).
        missing=$(grep -B1 "referenced by $(realpath "$f")" "$tmp/log" | sed -n 's/.*undefined reference: //p' | xargs)
        if [ -n "$missing" ]; then
            echo "FAIL: $(basename "$f") does not link against glibc 2.28's symbol set (zig): $missing"; fails=$((fails+1))
        elif grep -q "referenced by" "$tmp/log" || [ -x "$tmp/main" ]; then
            echo "ok: $(basename "$f") links against glibc 2.28's symbol set (zig cc -target x86_64-linux-gnu.2.28)"
        else
            echo "FAIL: $(basename "$f"): the zig cross-check did not run:"; head -5 "$tmp/log"; fails=$((fails+1))
        fi
        rm -rf "$tmp"
    done
fi
exit $((fails > 0))
