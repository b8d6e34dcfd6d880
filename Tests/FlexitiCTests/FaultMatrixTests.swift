import CFlexiti
import Flexiti
import FlexitiSandbox
import Foundation
import XCTest

/// Every money-moving call × every network fault the sandbox injects, through the C API as a
/// POS uses it: the code the call returns, then (if it did not succeed) the same request sent
/// again, as the header tells the POS to do. Afterwards the sandbox must hold exactly one
/// authorization / capture / release / return / refund / transaction for each intended one.
final class FaultMatrixTests: PurchaseFixture {
    /// What a fault does to one call with the default retry policy (2 retries; waits set to 0
    /// here so the test never sleeps) and a 600 ms total timeout.
    static let faults: [(SandboxFault, flx_code)] = [
        // Hangs past the deadline before acting: the call may have reached Flexiti → outcome unknown.
        (SandboxFault(.delay, delayMs: 1500, apply: false), FLX_E_OUTCOME_UNKNOWN),
        // Connection closed before any answer: repeated under the same key, succeeds.
        (SandboxFault(.close), FLX_OK),
        // Head and half the body, then a reset (the operation happened): repeated, answered
        // from the first operation.
        (SandboxFault(.reset), FLX_OK),
        (SandboxFault(.http500), FLX_OK),
        (SandboxFault(.http503), FLX_OK),
        // A gateway's 502 (outcome unknown, keyed): repeated under the key, succeeds.
        (SandboxFault(.http502), FLX_OK),
        // Applied, then an answer without a status line: repeated, answered from the first.
        (SandboxFault(.noStatusLine), FLX_OK),
        // A 2xx that is not a success (an array): outcome unknown, repeated under the key.
        (SandboxFault(.answer, body: "[]"), FLX_OK),
        // A web-firewall block is not transient: reported, not repeated, nothing happened.
        (SandboxFault(.html466), FLX_E_HTTP_BLOCKED),
        // Applied, then the connection dropped: repeated under the same key, answered from the first.
        (SandboxFault(.dropResponse), FLX_OK),
    ]

    func till() -> OpaquePointer? {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, sandbox.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_retries(cfg, 2, 0, 0, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_timeouts(cfg, 600, 600, nil), FLX_OK)
        var s: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &s, nil), FLX_OK)
        XCTAssertEqual(flx_session_authenticate(s, nil), FLX_OK)
        return s
    }

    var state: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(sandbox.stateJSON().utf8)) as? [String: Any]) ?? [:]
    }

    /// Runs `send` once under `fault` (armed on `suffix`), checks the code, then re-sends until
    /// it succeeds, as a POS would; returns nothing, the caller checks the state.
    func run(_ label: String, _ suffix: String, _ fault: SandboxFault, _ expected: flx_code,
             _ send: (OpaquePointer?) -> (flx_code, OpaquePointer?)) {
        var f = fault
        f.method = "POST"
        f.pathSuffix = suffix
        sandbox.addFault(f)
        let s = till()
        defer { flx_session_free(s) }
        let (rc, err) = send(s)
        XCTAssertEqual(rc, expected, "\(label) × \(f.fault): got \(str(flx_code_name(rc)) ?? "")")
        if rc != FLX_OK {
            XCTAssertFalse(str(flx_error_idempotency_key(err))?.isEmpty ?? true, "\(label) × \(f.fault): the key is reported")
            XCTAssertEqual(flx_error_retryable(err), expected == FLX_E_OUTCOME_UNKNOWN ? 1 : 0, "\(label) × \(f.fault)")
        }
        flx_error_free(err)
        sandbox.clearFaults()
        if rc != FLX_OK {
            let (again, err2) = send(session)  // the same request object: the same key
            XCTAssertEqual(again, FLX_OK, "\(label) × \(f.fault): the repeat must succeed (\(str(flx_error_message(err2)) ?? ""))")
            flx_error_free(err2)
        }
    }

    func testAuthorizations() throws {
        for (fault, expected) in Self.faults {
            let before = (state["authorizations"] as? [Any])?.count ?? 0
            let req = try authorizationRequest(cents: 10_000, autoCapture: true)
            var auth: OpaquePointer?
            run("authorization", "/authorization", fault, expected) { s in
                var err: OpaquePointer?
                flx_authorization_free(auth); auth = nil
                return (flx_authorization_create(s, req, &auth, &err), err)
            }
            flx_authorization_free(auth)
            flx_request_free(req)
            XCTAssertEqual((state["authorizations"] as? [Any])?.count ?? 0, before + 1, "\(fault.fault): exactly one authorization")
        }
    }

    func testCapturesAndReleases() throws {
        for (fault, expected) in Self.faults {
            let auth = try authorize(cents: 10_000, autoCapture: false)
            defer { flx_authorization_free(auth) }
            let id = str(flx_authorization_id(auth)) ?? ""
            let cap = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, 3_000, nil)] }
            defer { flx_request_free(cap) }
            run("capture", "/capture", fault, expected) { s in
                var err: OpaquePointer?
                var c: OpaquePointer?
                let rc = flx_authorization_capture(s, auth, cap, &c, &err)
                flx_capture_free(c)
                return (rc, err)
            }
            let rel = request(FLX_REQUEST_RELEASE) { r in [flx_request_set_amount_cents(r, 2_000, nil)] }
            defer { flx_request_free(rel) }
            run("release", "/release", fault, expected) { s in
                var err: OpaquePointer?
                return (flx_authorization_release(s, auth, rel, nil, &err), err)
            }
            let fresh = try fetch(id)
            defer { flx_authorization_free(fresh) }
            XCTAssertEqual(flx_authorization_capture_count(fresh), 1, "\(fault.fault): exactly one capture")
            XCTAssertEqual(flx_authorization_remaining_cents(fresh), 5_000, "\(fault.fault): captured and released once")
        }
    }

    func testReturnsRefundsAndTransactions() throws {
        for (fault, expected) in Self.faults {
            let auth = try authorize(cents: 8_000, autoCapture: false)
            defer { flx_authorization_free(auth) }
            let id = str(flx_authorization_id(auth)) ?? ""
            let capture = try self.capture(auth, cents: 8_000)
            defer { flx_capture_free(capture) }
            let ret = request(FLX_REQUEST_RETURN) { r in [flx_request_set_amount_cents(r, 1_000, nil)] }
            defer { flx_request_free(ret) }
            run("return", "/return", fault, expected) { s in
                var err: OpaquePointer?
                return (flx_capture_return(s, capture, ret, nil, &err), err)
            }

            let refunds = state["refunds"] as? Int ?? 0
            let refund = request(FLX_REQUEST_REFUND) { r in [flx_request_set_account_number(r, self.account, nil),
                                                             flx_request_set_amount_cents(r, 500, nil)] }
            defer { flx_request_free(refund) }
            run("refund", "/refund", fault, expected) { s in
                var err: OpaquePointer?
                return (flx_refund_create(s, refund, nil, &err), err)
            }

            let transactions = state["transactions"] as? Int ?? 0
            let requestId = "fm-" + UUID().uuidString.prefix(8)
            let code = try pin(account: account, requestId: requestId)
            let txn = request(FLX_REQUEST_TRANSACTION) { r in [
                flx_request_set_transaction_type(r, FLX_TRANSACTION_INSTORE_PAYMENT, nil),
                flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 900, nil),
                flx_request_set_verification_code(r, code, nil), flx_request_set_request_id(r, requestId, nil),
            ] }
            defer { flx_request_free(txn) }
            run("transaction", "/transactions", fault, expected) { s in
                var err: OpaquePointer?
                return (flx_transaction_create(s, txn, nil, &err), err)
            }

            let fresh = try fetch(id)
            defer { flx_authorization_free(fresh) }
            var cap: OpaquePointer?
            check(flx_authorization_capture_at(fresh, 0, &cap, nil), nil)
            XCTAssertEqual(flx_capture_remaining_cents(cap), 7_000, "\(fault.fault): returned once")
            flx_capture_free(cap)
            XCTAssertEqual(state["refunds"] as? Int ?? 0, refunds + 1, "\(fault.fault): exactly one refund")
            XCTAssertEqual(state["transactions"] as? Int ?? 0, transactions + 1, "\(fault.fault): exactly one transaction")
        }
    }
}
