#!/usr/bin/env bash
# Runs the C examples against the sandbox at $FLEXITI_BASE_URL and checks what they print.
# One line per check: "ok: ..." or "FAIL: ...".
set -uo pipefail
cd "$(dirname "$0")/../examples"
expect() {  # name, expected exit status, pattern that must appear in the output, command...
    local name=$1 want=$2 pattern=$3; shift 3
    local out rc
    out=$("$@" 2>&1); rc=$?
    if [ "$rc" = "$want" ] && grep -qF -- "$pattern" <<<"$out"; then echo "ok: $name"
    else echo "FAIL: $name (exit $rc, wanted $want and '$pattern')"; echo "$out" | sed 's/^/    /'; fi
}
expect "lookup by account prints the customer" 0 "customer 123321: Flexiti MITester" bin/lookup account 116994755
expect "lookup by VCC prints the credit in dollars" 0 "available credit: \$14000.00" bin/lookup vcc 1070015210367982
expect "lookup of a missing account prints code and scenario" 1 "scenario:     Customer Account not found" bin/lookup account 999999999
expect "lookup of a missing account prints the HTTP status" 1 "http status:  404" bin/lookup account 999999999
expect "a malformed account number is refused locally with field errors" 1 'field error:  param=account_number msg="Value different to a number." value="12ab" type=type' bin/lookup account 12ab
expect "checkout runs end to end" 0 "customer eligible" bin/checkout
expect "checkout reuses one connection and one token" 0 "session:   2 requests, 1 connection(s), 1 token request(s)" bin/checkout
expect "the C++ example uses the same header" 0 "Flexiti MITester (consumer), available credit 1400000 cents" bin/lookup_cpp 116994755
expect "the C++ example reports errors" 1 "lookup failed: not_found: Customer Account not found (HTTP 404)" bin/lookup_cpp 999999999
