#!/usr/bin/env bash
# Writes flexitiConfig.cmake and flexitiConfigVersion.cmake (CMake's find_package(flexiti)) into
# OUTDIR. The files locate the installation relative to themselves, so an unpacked tarball works
# wherever it lands.
#   gen-cmake-config.sh OUTDIR CMAKEDIR PREFIX LIBDIR INCLUDEDIR VERSION SONAME
set -euo pipefail
out=$1 cmakedir=$2 prefix=$3 libdir=$4 includedir=$5 version=$6 soname=$7
here=$(cd "$(dirname "$0")/.." && pwd)
rel() { realpath -m --relative-to="$1" "$2"; }
# Paths as CMake expressions: relative to the config file's folder when under PREFIX.
under() { case "$2" in "$prefix"/*) echo "\${_flexiti_prefix}/$(rel "$prefix" "$2")";; *) echo "$2";; esac; }
mkdir -p "$out"
sed -e "s|@PREFIX_FROM_CMAKEDIR@|$(rel "$cmakedir" "$prefix")|" \
    -e "s|@LIBDIR@|$(under x "$libdir")|" -e "s|@INCLUDEDIR@|$(under x "$includedir")|" \
    -e "s|@VERSION@|$version|" -e "s|@SONAME@|$soname|" \
    "$here/cmake/flexitiConfig.cmake.in" > "$out/flexitiConfig.cmake"
sed -e "s|@VERSION@|$version|" "$here/cmake/flexitiConfigVersion.cmake.in" > "$out/flexitiConfigVersion.cmake"
