#!/usr/bin/env bash
# Fuzzes response handling (JSON parsing, error mapping, record getters) and the string-taking C
# entry points with libFuzzer and AddressSanitizer, keeping the corpus in fuzz/corpus.
#   scripts/fuzz.sh                 1,000,000 executions (the figure in docs/robustness.md)
#   scripts/fuzz.sh -runs=N         any libFuzzer option, e.g. -max_total_time=20 (CI)
# Exit status: 0 when no crash, leak or sanitizer report was found. Minimise the corpus now and
# then: .build-fuzz/fuzz-flexiti -merge=1 NEWDIR fuzz/corpus (keep the seed-* files).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build-fuzz
mkdir -p "$out/crashes" fuzz/corpus
flags=(-package-name libflexiti -sanitize=fuzzer,address -parse-as-library -O -g -enable-testing
       -I Sources/CCurl/include -I Sources/CJansson -I Sources/CSQLite/include -I Sources/CFlexiti -I Sources/CSecureMemory/include -I Sources/CAnswerPrepass/include)
for f in $(pkg-config --cflags-only-I libcurl jansson sqlite3); do flags+=(-Xcc "$f"); done

if [ ! -x "$out/fuzz-flexiti" ] || [ -n "$(find Sources/FlexitiCore Sources/Flexiti Sources/CSecureMemory Sources/CAnswerPrepass Sources/CSQLite Sources/CCurl fuzz/FuzzTarget.swift include -newer "$out/fuzz-flexiti" -name '*.[csh]*' | head -1)" ]; then
    echo "building the fuzz target (swiftc -sanitize=fuzzer,address)..."
    clang -O1 -g -fsanitize=address,fuzzer-no-link -I Sources/CSecureMemory/include -c Sources/CSecureMemory/secure_memory.c \
        -o "$out/secure_memory.o"
    prepass_objects=()
    for c in Sources/CAnswerPrepass/*.c; do
        clang -O1 -g -fsanitize=address,fuzzer-no-link -I Sources/CAnswerPrepass/include -c "$c" -o "$out/$(basename "$c" .c).o"
        prepass_objects+=("$out/$(basename "$c" .c).o")
    done
    clang -O1 -g -fsanitize=address,fuzzer-no-link -I Sources/CSQLite/include -c Sources/CSQLite/sqlite_loader.c \
        -o "$out/sqlite_loader.o"
    clang -O1 -g -fsanitize=address,fuzzer-no-link -I Sources/CCurl/include -c Sources/CCurl/curl_loader.c \
        -o "$out/curl_loader.o"
    swiftc "${flags[@]}" -emit-library -static -module-name FlexitiCore -emit-module -emit-module-path "$out/FlexitiCore.swiftmodule" \
        -o "$out/libFlexitiCore.a" $(find Sources/FlexitiCore -name '*.swift' | sort)
    swiftc "${flags[@]}" -enable-experimental-feature CImplementation -I "$out" -emit-library -static -module-name Flexiti \
        -emit-module -emit-module-path "$out/Flexiti.swiftmodule" -o "$out/libFlexiti.a" $(find Sources/Flexiti -name '*.swift' | sort)
    swiftc "${flags[@]}" -I "$out" fuzz/FuzzTarget.swift "$out/libFlexiti.a" "$out/libFlexitiCore.a" "$out/secure_memory.o" "${prepass_objects[@]}" "$out/sqlite_loader.o" "$out/curl_loader.o" -ljansson \
        -o "$out/fuzz-flexiti"
fi

# Seeds: real answers and known-nasty shapes (written once; libFuzzer adds what it finds).
seed() { [ -f "fuzz/corpus/seed-$1" ] || printf '%b' "$2" > "fuzz/corpus/seed-$1"; }
seed ok-customer '\x00{"customer_id":"123321","credit_limit":15000.00,"available_credit":"14000.5","security_qid":{"id":4,"text":"Pet?"}}'
seed error '\x03{"url":"/x","message":"Some inputs are wrong!","error":"wrong_inputs","field_errors":[{"param":"amount","msg":"m","value":"-1","type":"invalid"}]}'
seed html '\x06<!DOCTYPE html><html><body>466 Request Blocked</body></html>'
seed deep '\x00[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['
seed numbers '\x01{"credit_limit":1e999999,"available_credit":-0.000000000000000000001,"amount":99999999999999999999999.99}'
seed utf8 '\x01{"first_name":"\xff\xfe\xc3\x28","email":"\\ud800"}'
seed url '\x02https://posapi.flexiti.fi/flexiti/pos-api'
seed account '\x11116994755'
seed token '\xf0{"access_token":"tok-0123456789abcdef","expires_in":9223372036854775807,"refresh_token":"r e f"}'
seed token-str '\xf3{"access_token":"caf\xc3\xa9 \\r\\n","expires_in":"1e400"}'

runs=(-runs=1000000)
[ $# -gt 0 ] && runs=("$@")
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 "$out/fuzz-flexiti" "${runs[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$out/crashes/" -print_final_stats=1 fuzz/corpus
