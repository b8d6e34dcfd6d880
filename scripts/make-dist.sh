#!/usr/bin/env bash
# make dist: release artifacts under build/dist/ from what `make lib sandbox-release` built.
#   libflexiti-<version>-linux-x86_64.tar.gz  relocatable tree: lib/, include/, lib/pkgconfig,
#                                             lib/cmake/flexiti, share/man, bin/flexiti-sandbox,
#                                             share/doc/libflexiti (docs, LICENSE, CHANGELOG)
#   libflexiti0_<version>-1_amd64.deb         the shared library (symbols file, ldconfig trigger)
#   libflexiti-dev_<version>-1_amd64.deb      header, libflexiti.so link, .pc, CMake files, man3
#   flexiti-sandbox_<version>-1_amd64.deb     the sandbox server and its man page
# Depends are computed by dpkg-shlibdeps; lintian runs when installed and must report no error.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^#define FLX_VERSION_STRING "\(.*\)"/\1/p' include/flexiti.h)
somajor=${version%%.*}
debversion=$version-1
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
maintainer="libflexiti maintainers <libflexiti@users.noreply.github.com>"
homepage="https://github.com/libflexiti/libflexiti"
dist=build/dist
for f in build/lib/libflexiti.so.$version build/bin/flexiti-sandbox; do
    [ -f "$f" ] || { echo "make-dist: $f is not built (make lib sandbox-release)" >&2; exit 1; }
done
rm -rf "$dist"; mkdir -p "$dist"
work=$(mktemp -d "${TMPDIR:-/tmp}/flx-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT
docs="README.md LICENSE CHANGELOG.md SECURITY.md"

# ---- tarball ------------------------------------------------------------------------------
top=libflexiti-$version-linux-x86_64
make --no-print-directory install PREFIX="$work/tar/$top" RELOCATABLE=1 >/dev/null
install -d "$work/tar/$top/share/doc/libflexiti/docs"
install -m 0644 $docs "$work/tar/$top/share/doc/libflexiti/"
install -m 0644 docs/*.md "$work/tar/$top/share/doc/libflexiti/docs/"
tar -C "$work/tar" --owner=0 --group=0 --numeric-owner --sort=name --mtime="@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}" \
    -czf "$dist/$top.tar.gz" "$top"
echo "built $dist/$top.tar.gz"

# ---- Debian packages ----------------------------------------------------------------------
root=$work/root
make --no-print-directory install DESTDIR="$root" PREFIX=/usr LIBDIR=/usr/lib/$multiarch >/dev/null
# User documentation: every page with the -dev package, the sandbox's page with the sandbox.
install -d "$root/usr/share/doc/libflexiti-dev/docs" "$root/usr/share/doc/flexiti-sandbox"
install -m 0644 README.md SECURITY.md "$root/usr/share/doc/libflexiti-dev/"
install -m 0644 docs/*.md "$root/usr/share/doc/libflexiti-dev/docs/"
install -m 0644 docs/sandbox.md "$root/usr/share/doc/flexiti-sandbox/"
mkdir -p "$work/src/debian"
cat > "$work/src/debian/control" <<CONTROL
Source: libflexiti
Maintainer: $maintainer

Package: libflexiti$somajor
Architecture: $arch

Package: flexiti-sandbox
Architecture: $arch
CONTROL
# jansson's packaging asks for >= 2.14, the first release with symbol versions; the library only
# calls functions jansson has had since 2.7, and glibc binds its versioned references to an
# unversioned older jansson. Debian 10 has 2.12, Debian 11 2.13: depend on what is really needed,
# and refuse to build packages if a newer jansson function comes into use.
jansson_ok="json_loadb json_loads json_delete json_decref json_incref json_object_size json_object_get json_object_iter
json_object_iter_key json_object_iter_value json_object_iter_next json_string_value json_string_length json_array_size
json_array_get json_integer_value json_real_value json_number_value json_is_true json_set_alloc_funcs json_get_alloc_funcs
json_typeof json_dumps json_dumpb json_object json_array json_string json_stringn json_integer json_real json_true
json_false json_null json_object_set_new json_array_append_new json_array_remove json_object_del json_equal jansson_version_str"
newer=$(objdump -T "build/lib/libflexiti.so.$version" | awk '/\*UND\*/ && /libjansson/ {print $NF}' | sort -u |
        while read -r f; do grep -qw "$f" <<<"$jansson_ok" || echo "$f"; done | xargs)
if [ -n "$newer" ]; then
    echo "make-dist: the library now calls jansson functions not checked against jansson 2.12 (Debian 10): $newer;" \
         "find the jansson version that added them and update jansson_ok and shlibs.local in $0" >&2
    exit 1
fi
# Likewise glibc and GCC's libraries: this builder's symbols files give the minimum versions of
# *its* distribution (libc6 >= 2.34 because libc.so.6 took over dlopen/pthread_* there,
# libstdc++6 >= 10.2), while the binaries are linked to need no more than glibc 2.28 and
# (the sandbox; the library has libstdc++ linked in) GCC 8's libstdc++
# (scripts/check-glibc-floor.sh fails the build otherwise). State that floor;
# Debian 10 names libgcc_s's package libgcc1.
cat > "$work/src/debian/shlibs.local" <<SHLIBS
libjansson 4 libjansson4 (>= 2.7)
libc 6 libc6 (>= 2.28)
libm 6 libc6 (>= 2.28)
libdl 2 libc6 (>= 2.28)
libpthread 0 libc6 (>= 2.28)
ld-linux-x86-64 2 libc6 (>= 2.28)
libstdc++ 6 libstdc++6 (>= 8)
libgcc_s 1 libgcc-s1 | libgcc1 (>= 1:8)
SHLIBS
scripts/check-glibc-floor.sh "build/lib/libflexiti.so.$version" build/bin/flexiti-sandbox >/dev/null ||
    { echo "make-dist: the binaries need more than the glibc floor the packages declare" >&2; exit 1; }

changelog_entry() {  # package
    printf '%s (%s) unstable; urgency=medium\n\n  * Release %s; see /usr/share/doc/%s/changelog.gz.\n\n -- %s  %s\n' \
        libflexiti "$debversion" "$version" "$1" "$maintainer" \
        "$(date -R -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")"
}
copyright() {
    cat <<COPY
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: libflexiti
Source: $homepage

Files: *
Copyright: $(date +%Y) libflexiti contributors
License: MIT

License: MIT
$(sed -e '1,/^$/d' -e 's/^$/./' -e 's/^/ /' LICENSE)
COPY
}

# build_deb PACKAGE SECTION DEPENDS DESCRIPTION-SUMMARY DESCRIPTION-BODY FILES...
# FILES are paths under $root; the package directory is $work/pkg/PACKAGE.
build_deb() {
    local pkg=$1 section=$2 depends=$3 summary=$4 body=$5; shift 5
    local dir=$work/pkg/$pkg
    mkdir -p "$dir/DEBIAN" "$dir/usr/share/doc/$pkg"
    for f in "$@"; do mkdir -p "$dir/$(dirname "$f")"; cp -a "$root/$f" "$dir/$f"; done
    copyright > "$dir/usr/share/doc/$pkg/copyright"
    changelog_entry "$pkg" | gzip -9n > "$dir/usr/share/doc/$pkg/changelog.Debian.gz"
    gzip -9nc CHANGELOG.md > "$dir/usr/share/doc/$pkg/changelog.gz"
    find "$dir" -name '*.[0-9]' -path '*/man/*' -type f -exec gzip -9n {} \;
    # Man page links point at the compressed pages.
    find "$dir" -path '*/man/*' -type l | while read -r l; do
        t=$(readlink "$l"); rm "$l"; ln -s "$t.gz" "$l.gz"; done
    local shdeps=""
    local elves; elves=$(find "$dir/usr" -type f \( -name '*.so.*' -o -path '*/bin/*' \) -print)
    if [ -n "$elves" ]; then
        shdeps=$(cd "$work/src" && dpkg-shlibdeps -O -S"$root" -l"$dir/usr/lib/$multiarch" $elves 2>"$work/shlibdeps.log" |
                 sed -n 's/^shlibs:Depends=//p') || { cat "$work/shlibdeps.log"; exit 1; }
    fi
    depends=$(echo "${shdeps}${shdeps:+${depends:+, }}${depends}" | sed 's/^, //')
    {
        echo "Package: $pkg"
        echo "Source: libflexiti"
        echo "Version: $debversion"
        echo "Architecture: $arch"
        [ "$section" != devel ] && echo "Multi-Arch: same"
        echo "Maintainer: $maintainer"
        echo "Installed-Size: $(du -sk --exclude=DEBIAN "$dir" | cut -f1)"
        [ -n "$depends" ] && echo "Depends: $depends"
        echo "Section: $section"
        echo "Priority: optional"
        echo "Homepage: $homepage"
        echo "Description: $summary"
        echo "$body" | fold -s -w 78 | sed -e 's/ *$//' -e 's/^/ /'
    } > "$dir/DEBIAN/control"
    (cd "$dir" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
    dpkg-deb --root-owner-group -Zxz --build "$dir" "$dist/${pkg}_${debversion}_${arch}.deb" >/dev/null
    echo "built $dist/${pkg}_${debversion}_${arch}.deb (Depends: ${depends:-none})"
}

lib=usr/lib/$multiarch
# libflexiti0: the library, its symbols file (every flx_ function since this version) and an
# ldconfig trigger.
symbols=$work/symbols
{
    echo "libflexiti.so.$somajor libflexiti$somajor #MINVER#"
    echo "* Build-Depends-Package: libflexiti-dev"
    objdump -T "$root/$lib/libflexiti.so.$version" | awk '$4 != "*UND*" && $NF ~ /^flx_/ {print $NF}' | sort |
        while read -r s; do echo " $s@FLEXITI_$somajor $version"; done
} > "$symbols"
build_deb_lib() {
    local dir=$work/pkg/libflexiti$somajor
    mkdir -p "$dir/DEBIAN"
    cp "$symbols" "$dir/DEBIAN/symbols"
    echo "libflexiti $somajor libflexiti$somajor (>= $version)" > "$dir/DEBIAN/shlibs"
    echo "activate-noawait ldconfig" > "$dir/DEBIAN/triggers"
    chmod 0644 "$dir/DEBIAN/symbols" "$dir/DEBIAN/shlibs" "$dir/DEBIAN/triggers"
}
build_deb_lib
# SQLite is dlopen()ed when a journal is opened, so dpkg-shlibdeps does not see it. It stays a
# Depends, not a Recommends: the journal guards money calls, and an installation made with
# --no-install-recommends should not learn at its first journal open that it cannot keep one.
# 3.20 for sqlite3_prepare_v3 (the loader refuses older ones with a message).
# libcurl is dlopen()ed at the first session, so it is named here too (the version is the one
# dpkg-shlibdeps gave when the library linked it).
build_deb "libflexiti$somajor" libs "libcurl4 (>= 7.16.2), libsqlite3-0 (>= 3.20.0)" "C client library for the Flexiti POS API" \
    "libflexiti is a client library for the Flexiti POS API (Canadian point-of-sale financing): customer lookup and verification, financing options, authorizations, captures, returns and refunds, with idempotent retries, typed results and documented error codes. It exports a plain C API; this package holds the shared library." \
    "$lib/libflexiti.so.$version" "$lib/libflexiti.so.$somajor"

build_deb libflexiti-dev libdevel "libflexiti$somajor (= $debversion)" "C client library for the Flexiti POS API - development files" \
    "libflexiti is a client library for the Flexiti POS API (Canadian point-of-sale financing). This package holds what building a program needs: the header flexiti.h (the API reference), the libflexiti.so link, the pkg-config file, the CMake package (find_package(flexiti), target flexiti::flexiti) and the section 3 man pages." \
    usr/include/flexiti.h "$lib/libflexiti.so" "$lib/pkgconfig/flexiti.pc" "$lib/cmake/flexiti" usr/share/man/man3 \
    usr/share/doc/libflexiti-dev/README.md usr/share/doc/libflexiti-dev/SECURITY.md usr/share/doc/libflexiti-dev/docs

build_deb flexiti-sandbox devel "" "local Flexiti POS API server for integration tests" \
    "flexiti-sandbox answers the Flexiti POS API on a local port with seeded accounts, a trigger for every documented error, injectable network faults and a journal of the requests it received, so that point-of-sale software can be tested without credentials or network." \
    usr/bin/flexiti-sandbox usr/share/man/man1/flexiti-sandbox.1 usr/share/doc/flexiti-sandbox/sandbox.md

if command -v lintian >/dev/null; then
    if lintian --fail-on error --suppress-tags initial-upload-closes-no-bugs "$dist"/*.deb > "$work/lintian.log" 2>&1; then
        echo "lintian: no errors ($(grep -c '^W:' "$work/lintian.log" || true) warnings)"
        grep '^W:' "$work/lintian.log" | sed 's/^/  /' || true
    else
        cat "$work/lintian.log"; echo "lintian reported errors" >&2; exit 1
    fi
else
    echo "lintian not installed: packages not checked"
fi
