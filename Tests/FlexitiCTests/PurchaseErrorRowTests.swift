import CFlexiti
import Flexiti
import FlexitiCore
import FlexitiSandbox
import XCTest

/// Every row of endpoint_errors.tsv for the purchase endpoints, triggered end to end through the
/// C API against the sandbox (triggers: docs/sandbox.md, rows E048-E133), checking the integer
/// code, the endpoint's scenario text, the HTTP status and, for wrong_inputs, the field errors
/// (once from the server, once from the library's validator, which answers before sending).
final class PurchaseErrorRowTests: PurchaseFixture {
    static let templates: Set<String> = [
        Endpoints.transactions, Endpoints.authorize, Endpoints.listAuthorizations, Endpoints.getAuthorization,
        Endpoints.release, Endpoints.capture, Endpoints.returnCapture, Endpoints.refund, Endpoints.listCaptures,
    ].reduce(into: []) { $0.insert($1.method.rawValue + " " + $1.template) }

    static let scope = "Insufficient scope: authorized scope is insufficient"
    let longText = String(repeating: "R", count: 41)

    struct Row {
        let endpoint: Endpoint
        let error: String
        /// Performs the call; returns its code and error object.
        let run: () throws -> (flx_code, OpaquePointer?)
        /// wrong_inputs only: a mistake the library's validator catches before sending, answered
        /// in the same shape (`run` is one only the server can catch).
        var local: (() throws -> (flx_code, OpaquePointer?))? = nil

        init(endpoint: Endpoint, error: String, local: (() throws -> (flx_code, OpaquePointer?))? = nil,
             run: @escaping () throws -> (flx_code, OpaquePointer?)) {
            self.endpoint = endpoint
            self.error = error
            self.local = local
            self.run = run
        }
    }

    // MARK: - Ways to call each endpoint

    func req(_ kind: flx_request_kind, _ fill: (OpaquePointer?) -> [flx_code] = { _ in [] }) -> OpaquePointer? {
        request(kind, fill)
    }

    /// POST authorization with a fresh merchant-override PIN (flexitidemo) unless `pin` is false.
    func authorizeCall(_ s: OpaquePointer?, account acct: String = "116994755", cents: Int64 = 10_000, plan: Int64 = 4,
                       term: Int64 = 12, pin: Bool = true, autoCapture: Bool = true,
                       extra: (OpaquePointer?) -> [flx_code] = { _ in [] }) throws -> (flx_code, OpaquePointer?) {
        let requestId = "row-" + String(UInt32.random(in: 0...UInt32.max))
        let code = pin ? try self.pin(account: acct == "999999999" ? account : acct, requestId: requestId) : nil
        let r = req(FLX_REQUEST_AUTHORIZATION) { r in [
            flx_request_set_account_number(r, acct, nil),
            flx_request_set_amount_cents(r, cents, nil),
            flx_request_set_financing(r, FLX_PURCHASE_PROMOTIONAL, plan, term, nil),
            flx_request_set_auto_capture(r, autoCapture ? 1 : 0, nil),
            flx_request_set_verification_code(r, code, nil),
            flx_request_set_request_id(r, pin ? requestId : nil, nil),
        ] + extra(r) }
        defer { flx_request_free(r) }
        var auth: OpaquePointer?
        var err: OpaquePointer?
        let rc = flx_authorization_create(s, r, &auth, &err)
        flx_authorization_free(auth)
        return (rc, err)
    }

    func transactionCall(_ s: OpaquePointer?, account acct: String = "116994755", type: flx_transaction_type = FLX_TRANSACTION_DEPOSIT,
                         cents: Int64? = 1_000, pin: Bool = true, pinRequestId: String? = nil,
                         extra: (OpaquePointer?) -> [flx_code] = { _ in [] }) throws -> (flx_code, OpaquePointer?) {
        let requestId = "txn-" + String(UInt32.random(in: 0...UInt32.max))
        let code = pin ? try self.pin(account: acct == "999999999" ? account : acct, requestId: pinRequestId ?? requestId) : nil
        let r = req(FLX_REQUEST_TRANSACTION) { r in [
            flx_request_set_transaction_type(r, type, nil),
            flx_request_set_account_number(r, acct, nil),
            cents.map { flx_request_set_amount_cents(r, $0, nil) } ?? FLX_OK,
            flx_request_set_verification_code(r, code, nil),
            flx_request_set_request_id(r, pin ? requestId : nil, nil),
        ] + extra(r) }
        defer { flx_request_free(r) }
        var err: OpaquePointer?
        return (flx_transaction_create(s, r, nil, &err), err)
    }

    /// An authorization handle read with `reader` (flexitidemo by default); ids that GET refuses
    /// (1000000000000007) are found through the listing instead.
    func authHandle(_ id: String, reader: OpaquePointer? = nil) throws -> OpaquePointer {
        var auth: OpaquePointer?
        if flx_authorization_fetch(reader ?? session, id, &auth, nil) == FLX_OK, let auth { return auth }
        var iter: OpaquePointer?
        check(flx_authorization_iter_new(reader ?? session, nil, &iter, nil), nil)
        defer { flx_authorization_iter_free(iter) }
        while true {
            var a: OpaquePointer?
            guard flx_authorization_iter_next(iter, &a, nil) == FLX_OK, let a else { break }
            if str(flx_authorization_id(a)) == id { return a }
            flx_authorization_free(a)
        }
        throw XCTSkip("authorization \(id) not found in the sandbox seed")
    }

    func captureHandle(_ authId: String, reader: OpaquePointer? = nil) throws -> OpaquePointer {
        let a = try authHandle(authId, reader: reader)
        defer { flx_authorization_free(a) }
        var c: OpaquePointer?
        check(flx_authorization_capture_at(a, 0, &c, nil), nil)
        return try XCTUnwrap(c)
    }

    func captureCall(_ s: OpaquePointer?, _ auth: OpaquePointer, cents: Int64? = 100, _ fill: (OpaquePointer?) -> [flx_code] = { _ in [] }) -> (flx_code, OpaquePointer?) {
        let r = req(FLX_REQUEST_CAPTURE) { r in [cents.map { flx_request_set_amount_cents(r, $0, nil) } ?? FLX_OK] + fill(r) }
        defer { flx_request_free(r); flx_authorization_free(auth) }
        var cap: OpaquePointer?
        var err: OpaquePointer?
        let rc = flx_authorization_capture(s, auth, r, &cap, &err)
        flx_capture_free(cap)
        return (rc, err)
    }

    func releaseCall(_ s: OpaquePointer?, _ auth: OpaquePointer, cents: Int64? = 100, _ fill: (OpaquePointer?) -> [flx_code] = { _ in [] }) -> (flx_code, OpaquePointer?) {
        let r = req(FLX_REQUEST_RELEASE) { r in [cents.map { flx_request_set_amount_cents(r, $0, nil) } ?? FLX_OK] + fill(r) }
        defer { flx_request_free(r); flx_authorization_free(auth) }
        var err: OpaquePointer?
        return (flx_authorization_release(s, auth, r, nil, &err), err)
    }

    func returnCall(_ s: OpaquePointer?, _ cap: OpaquePointer, cents: Int64? = 100, _ fill: (OpaquePointer?) -> [flx_code] = { _ in [] }) -> (flx_code, OpaquePointer?) {
        let r = req(FLX_REQUEST_RETURN) { r in [cents.map { flx_request_set_amount_cents(r, $0, nil) } ?? FLX_OK] + fill(r) }
        defer { flx_request_free(r); flx_capture_free(cap) }
        var err: OpaquePointer?
        return (flx_capture_return(s, cap, r, nil, &err), err)
    }

    func refundCall(_ s: OpaquePointer?, account acct: String = "116994755", cents: Int64? = 100, _ fill: (OpaquePointer?) -> [flx_code] = { _ in [] }) -> (flx_code, OpaquePointer?) {
        let r = req(FLX_REQUEST_REFUND) { r in [flx_request_set_account_number(r, acct, nil), cents.map { flx_request_set_amount_cents(r, $0, nil) } ?? FLX_OK] + fill(r) }
        defer { flx_request_free(r) }
        var err: OpaquePointer?
        return (flx_refund_create(s, r, nil, &err), err)
    }

    func listAuthorizationsCall(_ s: OpaquePointer?, _ fill: (OpaquePointer?) -> [flx_code] = { _ in [] }) -> (flx_code, OpaquePointer?) {
        let f = req(FLX_REQUEST_LIST_AUTHORIZATIONS, fill)
        defer { flx_request_free(f) }
        var iter: OpaquePointer?
        var err: OpaquePointer?
        let rc0 = flx_authorization_iter_new(s, f, &iter, &err)
        guard rc0 == FLX_OK else { return (rc0, err) }
        defer { flx_authorization_iter_free(iter) }
        var a: OpaquePointer?
        let rc = flx_authorization_iter_next(iter, &a, &err)
        flx_authorization_free(a)
        return (rc, err)
    }

    func listCapturesCall(_ s: OpaquePointer?, _ fill: (OpaquePointer?) -> [flx_code] = { _ in [] }) -> (flx_code, OpaquePointer?) {
        let f = req(FLX_REQUEST_LIST_CAPTURES, fill)
        defer { flx_request_free(f) }
        var iter: OpaquePointer?
        var err: OpaquePointer?
        let rc0 = flx_capture_iter_new(s, f, &iter, &err)
        guard rc0 == FLX_OK else { return (rc0, err) }
        defer { flx_capture_iter_free(iter) }
        var c: OpaquePointer?
        let rc = flx_capture_iter_next(iter, &c, &err)
        flx_capture_free(c)
        return (rc, err)
    }

    func fetchCall(_ s: OpaquePointer?, _ id: String) -> (flx_code, OpaquePointer?) {
        var a: OpaquePointer?
        var err: OpaquePointer?
        let rc = flx_authorization_fetch(s, id, &a, &err)
        flx_authorization_free(a)
        return (rc, err)
    }

    // MARK: - The rows

    func rows(customer: OpaquePointer?, noAPI: OpaquePointer?, limited: OpaquePointer?) -> [Row] {
        let s = session
        let E = Endpoints.self
        let open = "1000000000000005"     // open pre-authorization, $1,000.00, flexitidemo
        let trainee = { (r: OpaquePointer?) in [flx_request_set_external_employee_id(r, "99999-TRAINEE", nil)] }
        let badLocation = { (r: OpaquePointer?) in [flx_request_set_external_location_id(r, "99-99999", nil)] }
        let longRef = { (r: OpaquePointer?) in [flx_request_set_reference(r, self.longText, nil)] }
        let otherVCC = { (r: OpaquePointer?) in [flx_request_set_vcc_number(r, "1070015210360001", nil)] }
        let emp51 = { (r: OpaquePointer?) in [flx_request_set_external_employee_id(r, String(repeating: "E", count: 51), nil)] }
        return [
            // POST transactions
            Row(endpoint: E.transactions, error: Self.scope) { try self.transactionCall(customer, pin: false) },
            Row(endpoint: E.transactions, error: "not_found") { try self.transactionCall(s, account: "999999999", pin: false) },
            Row(endpoint: E.transactions, error: "invalid_role") { try self.transactionCall(noAPI, pin: false) },
            Row(endpoint: E.transactions, error: "general_error") { try self.transactionCall(s, account: "116994766", pin: false) },
            // The typed API cannot send an unknown transaction type (the setter refuses it), so the
            // server's answer is injected with the sandbox's documented-error fault.
            Row(endpoint: E.transactions, error: "invalid_transaction_type") {
                self.sandbox.addFault(SandboxFault(.error, method: "POST", pathSuffix: "/transactions", status: 409,
                                                   error: "invalid_transaction_type", message: "Invalid transaction type"))
                return try self.transactionCall(s)
            },
            Row(endpoint: E.transactions, error: "wrong_verification_code") { try self.transactionCall(s, pin: false) { r in [flx_request_set_verification_code(r, "11112222", nil)] } },
            Row(endpoint: E.transactions, error: "verification_code_required") { try self.transactionCall(s, pin: false) },
            Row(endpoint: E.transactions, error: "user_not_active") { try self.transactionCall(s, account: "116994761", pin: false) },
            Row(endpoint: E.transactions, error: "user_not_able_to_purchase") { try self.transactionCall(s, account: "116994757", pin: false) },
            Row(endpoint: E.transactions, error: "limit_payment_amount_24") {
                let (rc, err) = try self.transactionCall(s, type: FLX_TRANSACTION_INSTORE_PAYMENT, cents: 600_000)
                self.check(rc, err)
                return try self.transactionCall(s, type: FLX_TRANSACTION_INSTORE_PAYMENT, cents: 500_000)
            },
            Row(endpoint: E.transactions, error: "not_enough_credit") { try self.transactionCall(s, account: "116994764", cents: 10_000) },
            Row(endpoint: E.transactions, error: "not_verified") { try self.transactionCall(s, pinRequestId: "some-other-request") },
            Row(endpoint: E.transactions, error: "external_location_id_not_found") { try self.transactionCall(s, extra: badLocation) },
            Row(endpoint: E.transactions, error: "account_type_not_permitted") { try self.transactionCall(limited, account: "116994762", pin: false) },
            Row(endpoint: E.transactions, error: "vcc_account_mismatch") { try self.transactionCall(s, extra: otherVCC) },
            Row(endpoint: E.transactions, error: "wrong_inputs", local: { try self.transactionCall(s, cents: nil) }) { try self.transactionCall(s, extra: emp51) },

            // POST authorization
            Row(endpoint: E.authorize, error: "not_found") { try self.authorizeCall(s, account: "999999999", pin: false) },
            Row(endpoint: E.authorize, error: "customer_identity_not_found") { try self.authorizeCall(customer, pin: false) },
            Row(endpoint: E.authorize, error: "invalid_role") { try self.authorizeCall(noAPI, pin: false) },
            Row(endpoint: E.authorize, error: "credit_exceeded") { try self.authorizeCall(s, account: "116994764", cents: 10_000) },
            Row(endpoint: E.authorize, error: "not_permitted") { try self.authorizeCall(s, extra: trainee) },
            Row(endpoint: E.authorize, error: "general_error") { try self.authorizeCall(s, account: "116994766") },
            Row(endpoint: E.authorize, error: "auth_not_allowed") { try self.authorizeCall(limited, autoCapture: false) },
            Row(endpoint: E.authorize, error: "plan_term_not_set") { try self.authorizeCall(s, plan: 99) },
            Row(endpoint: E.authorize, error: "plan_term_not_available") { try self.authorizeCall(s, account: "116994763", plan: 7, term: 12) },
            Row(endpoint: E.authorize, error: "user_not_able_to_purchase") { try self.authorizeCall(s, account: "116994757", pin: false) },
            Row(endpoint: E.authorize, error: "not_verified") { try self.authorizeCall(s, pin: false) { r in [flx_request_set_verification_code(r, "11112222", nil), flx_request_set_request_id(r, "never-verified", nil)] } },
            Row(endpoint: E.authorize, error: "external_location_id_not_found") { try self.authorizeCall(s, extra: badLocation) },
            Row(endpoint: E.authorize, error: "account_type_not_permitted") { try self.authorizeCall(limited, account: "116994762", pin: false) },
            Row(endpoint: E.authorize, error: "vcc_account_mismatch") { try self.authorizeCall(s, extra: otherVCC) },
            Row(endpoint: E.authorize, error: "wrong_inputs", local: { try self.authorizeCall(s, extra: longRef) }) {
                // In store (request_id, location) without the PIN: only the server knows the channel.
                try self.authorizeCall(s, pin: false) { r in [flx_request_set_request_id(r, "no-pin", nil), flx_request_set_external_location_id(r, "00-12345", nil)] }
            },

            // GET authorizations
            Row(endpoint: E.listAuthorizations, error: Self.scope) { self.listAuthorizationsCall(customer) },
            Row(endpoint: E.listAuthorizations, error: "invalid_role") { self.listAuthorizationsCall(noAPI) },
            Row(endpoint: E.listAuthorizations, error: "general_error") { self.listAuthorizationsCall(s) { r in [flx_request_set_account_number(r, "116994766", nil)] } },
            Row(endpoint: E.listAuthorizations, error: "date_from_bigger_than_date_to") { self.listAuthorizationsCall(s) { r in [flx_request_set_date_range(r, "2024-02-01", "2024-01-01", nil)] } },
            Row(endpoint: E.listAuthorizations, error: "wrong_inputs", local: { self.listAuthorizationsCall(s) { r in [flx_request_set_date_range(r, "2024-13-45", nil, nil)] } }) {
                self.listAuthorizationsCall(s) { r in [flx_request_set_status(r, "bogus", nil)] }
            },

            // GET authorization/{id}
            Row(endpoint: E.getAuthorization, error: Self.scope) { self.fetchCall(customer, open) },
            Row(endpoint: E.getAuthorization, error: "not_found") { self.fetchCall(s, "9999999999999999") },
            Row(endpoint: E.getAuthorization, error: "invalid_role") { self.fetchCall(noAPI, open) },
            Row(endpoint: E.getAuthorization, error: "general_error") { self.fetchCall(s, "1000000000000007") },
            Row(endpoint: E.getAuthorization, error: "wrong_inputs", local: { self.fetchCall(s, "12ab") }) { self.fetchCall(s, "12345678901234567") },

            // POST release
            Row(endpoint: E.release, error: Self.scope) { self.releaseCall(customer, try self.authHandle(open)) },
            Row(endpoint: E.release, error: "not_found") { self.releaseCall(limited, try self.authHandle(open)) },
            Row(endpoint: E.release, error: "invalid_role") { self.releaseCall(noAPI, try self.authHandle(open)) },
            Row(endpoint: E.release, error: "generic_error") { self.releaseCall(s, try self.authHandle("1000000000000007")) },
            Row(endpoint: E.release, error: "authorization_ended") { self.releaseCall(s, try self.authHandle("1000000000000001")) },
            Row(endpoint: E.release, error: "auth_amount_exceeded") { self.releaseCall(s, try self.authHandle(open), cents: 100_001) },
            Row(endpoint: E.release, error: "not_permitted") { self.releaseCall(s, try self.authHandle(open), trainee) },
            Row(endpoint: E.release, error: "external_location_id_not_found") { self.releaseCall(s, try self.authHandle(open), badLocation) },
            Row(endpoint: E.release, error: "wrong_inputs", local: { self.releaseCall(s, try self.authHandle(open), longRef) }) { self.releaseCall(s, try self.authHandle(open), emp51) },

            // POST capture
            Row(endpoint: E.capture, error: Self.scope) { self.captureCall(customer, try self.authHandle(open)) },
            Row(endpoint: E.capture, error: "not_found") { self.captureCall(limited, try self.authHandle(open)) },
            Row(endpoint: E.capture, error: "invalid_role") { self.captureCall(noAPI, try self.authHandle(open)) },
            Row(endpoint: E.capture, error: "general_error") { self.captureCall(s, try self.authHandle("1000000000000007")) },
            Row(endpoint: E.capture, error: "authorization_ended") { self.captureCall(s, try self.authHandle("1000000000000001")) },
            Row(endpoint: E.capture, error: "auth_amount_exceeded") { self.captureCall(s, try self.authHandle(open), cents: 100_001) },
            Row(endpoint: E.capture, error: "not_permitted") { self.captureCall(s, try self.authHandle("1000000000000002")) },
            Row(endpoint: E.capture, error: "external_location_id_not_found") { self.captureCall(s, try self.authHandle(open), badLocation) },
            Row(endpoint: E.capture, error: "wrong_inputs", local: { self.captureCall(s, try self.authHandle(open), cents: nil) }) { self.captureCall(s, try self.authHandle(open), emp51) },

            // POST return
            Row(endpoint: E.returnCapture, error: Self.scope) { self.returnCall(customer, try self.captureHandle("1000000000000001")) },
            Row(endpoint: E.returnCapture, error: "not_found") { self.returnCall(limited, try self.captureHandle("1000000000000001")) },
            Row(endpoint: E.returnCapture, error: "invalid_role") { self.returnCall(noAPI, try self.captureHandle("1000000000000001")) },
            Row(endpoint: E.returnCapture, error: "general_error") { self.returnCall(s, try self.captureHandle("1000000000000007")) },
            Row(endpoint: E.returnCapture, error: "capture_amount_exceeded") {
                let auth = try self.authorize(cents: 5_000, autoCapture: true)
                defer { flx_authorization_free(auth) }
                var c: OpaquePointer?
                self.check(flx_authorization_capture_at(auth, 0, &c, nil), nil)
                return self.returnCall(s, try XCTUnwrap(c), cents: 5_001)
            },
            Row(endpoint: E.returnCapture, error: "return_date_exceeded") { self.returnCall(s, try self.captureHandle("1000000000000001")) },
            Row(endpoint: E.returnCapture, error: "wrong_transaction_type") { self.returnCall(s, try self.captureHandle("1000000000000004")) },
            Row(endpoint: E.returnCapture, error: "not_permitted") { self.returnCall(s, try self.freshCapture(), trainee) },
            Row(endpoint: E.returnCapture, error: "external_location_id_not_found") { self.returnCall(s, try self.freshCapture(), badLocation) },
            Row(endpoint: E.returnCapture, error: "account_type_not_permitted") { self.returnCall(limited, try self.captureHandle("1000000000000006", reader: limited)) },
            Row(endpoint: E.returnCapture, error: "vcc_account_mismatch") { self.returnCall(s, try self.freshCapture(), otherVCC) },
            Row(endpoint: E.returnCapture, error: "wrong_inputs", local: { self.returnCall(s, try self.freshCapture(), longRef) }) { self.returnCall(s, try self.freshCapture(), emp51) },

            // POST refund
            Row(endpoint: E.refund, error: Self.scope) { self.refundCall(customer) },
            Row(endpoint: E.refund, error: "not_found") { self.refundCall(s, account: "999999999") },
            Row(endpoint: E.refund, error: "invalid_role") { self.refundCall(noAPI) },
            Row(endpoint: E.refund, error: "general_error") { self.refundCall(s, account: "116994766") },
            Row(endpoint: E.refund, error: "refunds_limit_exceeded_amount") { self.refundCall(s, cents: 100_001) },
            Row(endpoint: E.refund, error: "external_location_id_not_found") { self.refundCall(s, badLocation) },
            Row(endpoint: E.refund, error: "account_type_not_permitted") { self.refundCall(limited, account: "116994762") },
            Row(endpoint: E.refund, error: "vcc_account_mismatch") { self.refundCall(s, otherVCC) },
            Row(endpoint: E.refund, error: "capture_amount_exceeded") {
                let cap = try self.freshCapture()
                defer { flx_capture_free(cap) }
                return self.refundCall(s, cents: 5_001) { r in [flx_request_set_capture_id(r, flx_capture_id(cap), nil)] }
            },
            Row(endpoint: E.refund, error: "wrong_inputs", local: { self.refundCall(s, longRef) }) { self.refundCall(s, emp51) },

            // GET captures
            Row(endpoint: E.listCaptures, error: Self.scope) { self.listCapturesCall(customer) },
            Row(endpoint: E.listCaptures, error: "invalid_role") { self.listCapturesCall(noAPI) },
            Row(endpoint: E.listCaptures, error: "general_error") { self.listCapturesCall(s) { r in [flx_request_set_account_number(r, "116994766", nil)] } },
            Row(endpoint: E.listCaptures, error: "date_from_bigger_than_date_to") { self.listCapturesCall(s) { r in [flx_request_set_date_range(r, "2024-02-01", "2024-01-01", nil)] } },
            Row(endpoint: E.listCaptures, error: "wrong_inputs", local: { self.listCapturesCall(s) { r in [flx_request_set_date_range(r, "2024-13-45", nil, nil)] } }) {
                self.listCapturesCall(s) { r in [flx_request_set_authorization_id(r, "12345678901234567", nil)] }
            },
        ]
    }

    /// A $50.00 promotional capture made now (returnable).
    func freshCapture() throws -> OpaquePointer {
        let auth = try authorize(cents: 5_000, autoCapture: true)
        defer { flx_authorization_free(auth) }
        var c: OpaquePointer?
        check(flx_authorization_capture_at(auth, 0, &c, nil), nil)
        return try XCTUnwrap(c)
    }

    func testEveryPurchaseErrorRowThroughTheCAPI() throws {
        let customer = openSession(customerScope: true)
        let noAPI = openSession(client: "flexitinoapi")
        let limited = openSession(client: "flexitilimited")
        defer { flx_session_free(customer); flx_session_free(noAPI); flx_session_free(limited) }
        let rows = rows(customer: customer, noAPI: noAPI, limited: limited)

        // Coverage: exactly the reference's rows for these endpoints.
        let reference = ErrorTables.endpoint.filter { Self.templates.contains($0.method + " " + $0.path) }
        XCTAssertEqual(Set(rows.map { "\($0.endpoint.method.rawValue) \($0.endpoint.template) \($0.error)" }),
                       Set(reference.map { "\($0.method) \($0.path) \($0.error)" }))
        XCTAssertEqual(rows.count, reference.count)

        for row in rows {
            let label = "\(row.endpoint.method.rawValue) \(row.endpoint.template) \(row.error)"
            guard let ref = reference.first(where: { $0.method == row.endpoint.method.rawValue && $0.path == row.endpoint.template && $0.error == row.error }) else {
                XCTFail("no reference row: \(label)"); continue
            }
            let (rc, err) = try row.run()
            defer { flx_error_free(err) }
            let expected = flx_code(rawValue: UInt32(ErrorCatalog.code(forAPIError: row.error)?.rawValue ?? -1))
            XCTAssertEqual(rc, expected, "\(label): got \(str(flx_code_name(rc)) ?? "") \(str(flx_error_message(err)) ?? "")")
            XCTAssertEqual(flx_error_code(err), expected, label)
            XCTAssertEqual(str(flx_error_scenario(err)), ref.scenario, label)
            XCTAssertEqual(str(flx_error_endpoint(err)), row.endpoint.template, label)
            XCTAssertEqual(str(flx_error_method(err)), row.endpoint.method.rawValue, label)
            XCTAssertEqual(flx_error_http_status(err), Int32(ref.status), label)
            XCTAssertEqual(str(flx_error_api_error(err)), row.error, label)
            if row.error == "wrong_inputs" {
                XCTAssertGreaterThan(flx_error_field_count(err), 0, label)
                XCTAssertFalse(str(flx_error_field_param(err, 0))!.isEmpty, label)
            }
            // The library's validator answers the same way before sending: same code, scenario
            // and field errors, HTTP status 0, no attempt.
            if let local = row.local {
                let (lrc, lerr) = try local()
                defer { flx_error_free(lerr) }
                XCTAssertEqual(lrc, expected, "\(label) (local)")
                XCTAssertEqual(str(flx_error_scenario(lerr)), ref.scenario, "\(label) (local)")
                XCTAssertEqual(str(flx_error_endpoint(lerr)), row.endpoint.template, "\(label) (local)")
                XCTAssertGreaterThan(flx_error_field_count(lerr), 0, "\(label) (local)")
                XCTAssertEqual(flx_error_http_status(lerr), 0, "\(label) (local)")
                XCTAssertEqual(flx_error_attempts(lerr), 0, "\(label) (local)")
            }
        }
    }
}
