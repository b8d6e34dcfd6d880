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
expect "checkout: lookup, calculate-interest, verify, authorization with auto-capture" 0 "captured:  capture " bin/checkout
expect "checkout: the promotional plan and monthly payment are shown" 0 'financing: plan 4 "EMP - Regular Interest", 3 months, $437.66' bin/checkout
expect "checkout: one token for the whole sale; verify alone on a new connection (never re-sent)" 0 "session:   5 requests, 2 connection(s), 1 token request(s)" bin/checkout
expect "checkout: a wrong security answer stops the sale with its scenario" 1 "scenario:     Security question answer does not match what is on file for the customer" bin/checkout 1070015210367982 124999 wrong-answer
expect "checkout: a purchase over the available credit is refused before verification" 1 "result:    not enough available credit" bin/checkout 1070015210367982 9999999
expect "the C++ example uses the same header" 0 "Flexiti MITester (consumer), available credit " bin/lookup_cpp 116994755
expect "the C++ example reports errors" 1 "lookup failed: not_found: Customer Account not found (HTTP 404)" bin/lookup_cpp 999999999
expect "errors: API error shows the endpoint scenario" 0 "scenario:     Customer Account not found" bin/errors
expect "errors: field errors are listed" 0 "field error:  param=vcc_number" bin/errors
expect "errors: network error is retryable" 0 "code 4 (connect_failed) -> temporary problem: try again" bin/errors
expect "instore shows every plan and term with its payment" 0 " 12 months: \$100.00" bin/instore vcc 1070015210367982 120000
expect "instore shows the fee message the merchant must display" 0 "An administrative fee of \$49.99 applies" bin/instore vcc 1070015210367982 120000
expect "instore shows rates from basis points" 0 "rate: 29.99 %" bin/instore
expect "instore verifies by security question and keeps the request id" 0 "verified: PIN received (4 digits)" bin/instore
expect "instore verify by sms says where the PIN went" 0 "verified: PIN sent by sms" bin/instore account 116994755 5000 sms
expect "instore regular purchase bypass for a small amount" 0 "PIN bypass allowed:  yes" bin/instore account 116994755 5000 regular_purchase_bypass
expect "instore wrong security answer is refused with its scenario" 1 "scenario:     Security question answer does not match" bin/instore vcc 1070015210367982 5000 security_question wrong
expect "instore sms without a phone on file" 1 "verify failed: sms_not_valid_phone (146)" bin/instore account 116994765 5000 sms
expect "online widget/init gives the URL and widget session" 0 "widget session: " bin/online
expect "online shows the plans for the cart" 0 "EMP - No Interest, 12 months: \$41.59" bin/online 116994755 49900
expect "online: authorization with the widget session and no PIN" 0 "authorized: " bin/online
expect "online: back office captures the shipped order" 0 "shipped and captured: capture " bin/online
expect "capture takes money once per order" 0 "captured:   \$100.00" bin/capture 1000000000000005 10000 ORDER-1001
expect "capture run again for the same order captures nothing more" 0 "now:        opened, remaining \$900.00" bin/capture 1000000000000005 10000 ORDER-1001
expect "capture beyond what remains is refused with the scenario" 1 "scenario:     Capture amount is greater than the remaining credit authorization amount." bin/capture 1000000000000005 100000 ORDER-1002
expect "deferred capture: capturing part leaves the rest authorized" 0 "remaining after capture: \$200.00" bin/deferred_capture
expect "deferred capture: partial then full release leave nothing held" 0 "remaining after release: \$0.00" bin/deferred_capture
expect "deferred capture: a second release is refused with its scenario" 0 "scenario:     Credit authorization has “closed” status" bin/deferred_capture
expect "return_refund: a partial return leaves the rest of the capture on the plan" 0 "still on the plan: \$650.00" bin/return_refund
expect "return_refund: a regular purchase cannot be returned, with the scenario" 0 "scenario:     The capture is not related to a promotional purchase" bin/return_refund
expect "return_refund: the refund raises the available credit by its amount" 0 "available credit up by \$40.00" bin/return_refund
expect "reconciliation: today's authorizations come in more than one page of 2" 0 "authorizations: " bash -c 'set -o pipefail; bin/deferred_capture >/dev/null 2>&1; bin/return_refund >/dev/null 2>&1; bin/reconciliation | grep -E "^authorizations: [0-9]+ in ([2-9]|[1-9][0-9]+) pages"'
expect "reconciliation: paging through pages of 2 gives the same totals as one page" 0 "check: page size 100 gives the same" bin/reconciliation
expect "reconciliation: prints the captured total" 0 "captured total \$" bin/reconciliation
