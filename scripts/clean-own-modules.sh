#!/usr/bin/env bash
# Removes this package's own compiled modules from one scratch path (scripts/asan.sh, tsan.sh), so
# the next build there compiles them afresh: incremental builds in a sanitizer scratch path once
# left stale objects after merges that changed struct layouts (a swift_retain on 0x100 in
# APICall.init). Dependencies stay built, and the sources' timestamps and the normal .build
# are left alone.   Usage: scripts/clean-own-modules.sh SCRATCH_PATH
set -euo pipefail
scratch=${1:?usage: $0 SCRATCH_PATH}
modules=(CSecureMemory CAnswerPrepass CSQLite CCurl CSwiftRuntime FlexitiCore Flexiti FlexitiSandbox flexiti_sandbox FlexitiCoreTests FlexitiCTests FlexitiSandboxTests)
for dir in "$scratch"/*/debug; do
    [ -d "$dir" ] || continue
    for m in "${modules[@]}"; do
        rm -rf "$dir/$m.build" "$dir/Modules/$m".*
    done
done
