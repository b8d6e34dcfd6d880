import CFlexiti
import Flexiti
import FlexitiSandbox
import Foundation
import XCTest

/// The outcome model through the C header against flexiti-sandbox: a call reports what its
/// attempts together say (docs/errors.md "Outcome of a call"), the key is bound to the whole
/// operation, requests that change state without a key are never sent twice, and a 2xx is a
/// success only when it carries what the endpoint promises.
final class OutcomeTests: PurchaseFixture {
    /// A session with `retries` retries (no waits) and a short total timeout.
    func till(retries: Int32, timeoutMs: Int = 800, customerScope: Bool = false) -> OpaquePointer? {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, sandbox.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", nil), FLX_OK)
        if customerScope { XCTAssertEqual(flx_config_set_scope(cfg, FLX_SCOPE_CUSTOMER, nil), FLX_OK) }
        XCTAssertEqual(flx_config_set_retries(cfg, retries, 0, 0, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_timeouts(cfg, timeoutMs, timeoutMs, nil), FLX_OK)
        var s: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &s, nil), FLX_OK)
        XCTAssertEqual(flx_session_authenticate(s, nil), FLX_OK)  // leaves a kept-alive connection
        return s
    }

    var state: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(sandbox.stateJSON().utf8)) as? [String: Any]) ?? [:]
    }

    /// Every field of the request context is in the error object.
    func assertContext(_ err: OpaquePointer?, _ label: String, keyed: Bool, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(str(flx_error_method(err))?.isEmpty ?? true, "\(label): method", file: file, line: line)
        XCTAssertTrue(str(flx_error_endpoint(err))?.hasPrefix("/") ?? false, "\(label): endpoint", file: file, line: line)
        XCTAssertTrue(str(flx_error_path(err))?.hasPrefix("/flexiti/pos-api/v2.5") ?? false, "\(label): path", file: file, line: line)
        XCTAssertFalse(str(flx_error_reference_id(err))?.isEmpty ?? true, "\(label): reference id", file: file, line: line)
        XCTAssertEqual(str(flx_error_idempotency_key(err))?.isEmpty ?? true, !keyed, "\(label): key", file: file, line: line)
        XCTAssertGreaterThanOrEqual(flx_error_attempts(err), 1, "\(label): attempts", file: file, line: line)
    }

    // MARK: - The money calls, each with a request made once (one key)

    /// One money-moving call of each kind: its label, the path suffix of its POST, the call on a
    /// given session, and a check that the sandbox holds exactly one such operation.
    struct MoneyCall {
        let label: String
        let suffix: String
        let send: (OpaquePointer?) -> (flx_code, OpaquePointer?)
        let exactlyOne: (String) -> Void
        let cleanup: () -> Void
    }

    func moneyCalls() throws -> [MoneyCall] {
        var calls: [MoneyCall] = []
        var authsBefore = 0  // set once every set-up authorization below exists
        let authReq = try authorizationRequest(cents: 45_600, autoCapture: true)
        calls.append(MoneyCall(label: "authorization", suffix: "/authorization", send: { s in
            var a: OpaquePointer?, err: OpaquePointer?
            let rc = flx_authorization_create(s, authReq, &a, &err)
            flx_authorization_free(a)
            return (rc, err)
        }, exactlyOne: { why in
            XCTAssertEqual((self.state["authorizations"] as? [Any])?.count ?? 0, authsBefore + 1, "\(why): exactly one authorization")
        }, cleanup: { flx_request_free(authReq) }))

        let auth = try authorize(cents: 10_000, autoCapture: false)
        let authId = str(flx_authorization_id(auth)) ?? ""
        let capReq = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, 3_000, nil)] }
        calls.append(MoneyCall(label: "capture", suffix: "/capture", send: { s in
            var c: OpaquePointer?, err: OpaquePointer?
            let rc = flx_authorization_capture(s, auth, capReq, &c, &err)
            flx_capture_free(c)
            return (rc, err)
        }, exactlyOne: { why in
            guard let fresh = try? self.fetch(authId) else { return XCTFail("\(why): fetch") }
            XCTAssertEqual(flx_authorization_capture_count(fresh), 1, "\(why): exactly one capture")
            flx_authorization_free(fresh)
        }, cleanup: { flx_request_free(capReq) }))

        let relReq = request(FLX_REQUEST_RELEASE) { r in [flx_request_set_amount_cents(r, 2_000, nil)] }
        calls.append(MoneyCall(label: "release", suffix: "/release", send: { s in
            var err: OpaquePointer?
            return (flx_authorization_release(s, auth, relReq, nil, &err), err)
        }, exactlyOne: { why in
            guard let fresh = try? self.fetch(authId) else { return XCTFail("\(why): fetch") }
            XCTAssertEqual(flx_authorization_remaining_cents(fresh), 5_000, "\(why): captured and released once")
            flx_authorization_free(fresh)
        }, cleanup: { flx_request_free(relReq); flx_authorization_free(auth) }))

        let auth2 = try authorize(cents: 8_000, autoCapture: false)
        let auth2Id = str(flx_authorization_id(auth2)) ?? ""
        let capture = try self.capture(auth2, cents: 8_000)
        let retReq = request(FLX_REQUEST_RETURN) { r in [flx_request_set_amount_cents(r, 1_000, nil)] }
        calls.append(MoneyCall(label: "return", suffix: "/return", send: { s in
            var err: OpaquePointer?
            return (flx_capture_return(s, capture, retReq, nil, &err), err)
        }, exactlyOne: { why in
            guard let fresh = try? self.fetch(auth2Id) else { return XCTFail("\(why): fetch") }
            var cap: OpaquePointer?
            XCTAssertEqual(flx_authorization_capture_at(fresh, 0, &cap, nil), FLX_OK)
            XCTAssertEqual(flx_capture_remaining_cents(cap), 7_000, "\(why): returned once")
            flx_capture_free(cap)
            flx_authorization_free(fresh)
        }, cleanup: { flx_request_free(retReq); flx_capture_free(capture); flx_authorization_free(auth2) }))

        let refundsBefore = state["refunds"] as? Int ?? 0
        let refReq = request(FLX_REQUEST_REFUND) { r in [flx_request_set_account_number(r, self.account, nil),
                                                         flx_request_set_amount_cents(r, 500, nil)] }
        calls.append(MoneyCall(label: "refund", suffix: "/refund", send: { s in
            var err: OpaquePointer?
            return (flx_refund_create(s, refReq, nil, &err), err)
        }, exactlyOne: { why in
            XCTAssertEqual(self.state["refunds"] as? Int ?? 0, refundsBefore + 1, "\(why): exactly one refund")
        }, cleanup: { flx_request_free(refReq) }))

        let transactionsBefore = state["transactions"] as? Int ?? 0
        let requestId = "oc-" + UUID().uuidString.prefix(8)
        let code = try pin(account: account, requestId: requestId)
        let txnReq = request(FLX_REQUEST_TRANSACTION) { r in [
            flx_request_set_transaction_type(r, FLX_TRANSACTION_INSTORE_PAYMENT, nil),
            flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 900, nil),
            flx_request_set_verification_code(r, code, nil), flx_request_set_request_id(r, requestId, nil),
        ] }
        calls.append(MoneyCall(label: "transaction", suffix: "/transactions", send: { s in
            var err: OpaquePointer?
            return (flx_transaction_create(s, txnReq, nil, &err), err)
        }, exactlyOne: { why in
            XCTAssertEqual(self.state["transactions"] as? Int ?? 0, transactionsBefore + 1, "\(why): exactly one transaction")
        }, cleanup: { flx_request_free(txnReq) }))
        authsBefore = (state["authorizations"] as? [Any])?.count ?? 0
        return calls
    }

    // MARK: - Two faults: the answer of an operation lost, then anything else

    /// What may follow a dropped answer. Each is armed until cleared, so it hits every later
    /// attempt (the library's retries and any re-send libcurl makes by itself).
    static let secondFaults: [SandboxFault] = [
        SandboxFault(.close),                                     // closed before any answer
        SandboxFault(.reset, apply: false),                       // head, half a body, RST
        SandboxFault(.html466),                                   // web-firewall block
        SandboxFault(.error, status: 409, error: "general_error"),
        SandboxFault(.http500),
        SandboxFault(.http502),
        SandboxFault(.noStatusLine, apply: false),
        SandboxFault(.delay, delayMs: 1_500, apply: false),       // past the call's deadline
        SandboxFault(.garbage200, apply: false),
        SandboxFault(.answer, body: "[]"),                        // a 2xx that is not a success
    ]

    func testDroppedAnswerThenAnyFailureIsOutcomeUnknownAndTheRetryMakesOne() throws {
        for second in Self.secondFaults {
            let calls = try moneyCalls()
            defer { calls.forEach { $0.cleanup() } }
            let s = till(retries: 2)
            defer { flx_session_free(s) }
            for call in calls {
                let why = "\(call.label): drop_response then \(second.fault.rawValue)"
                sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: call.suffix))
                var f = second
                f.method = "POST"
                f.pathSuffix = call.suffix
                f.count = 0
                sandbox.addFault(f)
                let (rc, err) = call.send(s)
                sandbox.clearFaults()
                XCTAssertEqual(rc, FLX_E_OUTCOME_UNKNOWN, "\(why): got \(str(flx_code_name(rc)) ?? "") \(str(flx_error_message(err)) ?? "")")
                XCTAssertEqual(flx_error_retryable(err), 1, why)
                XCTAssertGreaterThanOrEqual(flx_error_attempts(err), 2, why)
                assertContext(err, why, keyed: true)
                flx_error_free(err)
                // The POS sends the same request again: the one operation, answered.
                let (again, err2) = call.send(session)
                XCTAssertEqual(again, FLX_OK, "\(why): the repeat (\(str(flx_error_message(err2)) ?? ""))")
                flx_error_free(err2)
                call.exactlyOne(why)
            }
        }
    }

    /// Stops a sandbox when the library schedules its first retry (a log record at INFO).
    final class StopOnRetry {
        let sandbox: RunningSandbox
        var done = false
        init(_ sandbox: RunningSandbox) { self.sandbox = sandbox }
    }

    static let stopOnRetry: flx_log_callback = { userdata, rec in
        guard let userdata, let rec, rec.pointee.level == FLX_LOG_INFO.rawValue else { return }
        let box = Unmanaged<StopOnRetry>.fromOpaque(userdata).takeUnretainedValue()
        if !box.done { box.done = true; box.sandbox.stop() }
    }

    /// A connect failure after a dropped answer: the retry cannot even connect (the server is
    /// gone), and the call still says outcome unknown, never "not sent".
    func testDroppedAnswerThenConnectionRefusedIsOutcomeUnknown() throws {
        let req = try authorizationRequest(cents: 45_600, autoCapture: true)
        defer { flx_request_free(req) }
        let before = (state["authorizations"] as? [Any])?.count ?? 0
        let box = StopOnRetry(sandbox)
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_base_url(cfg, sandbox.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_retries(cfg, 1, 0, 0, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_log_callback(cfg, Self.stopOnRetry, Unmanaged.passUnretained(box).toOpaque(), FLX_LOG_INFO, nil), FLX_OK)
        var s: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &s, nil), FLX_OK)
        flx_config_free(cfg)
        defer { flx_session_free(s) }
        // Every answer dropped (libcurl's own re-send on the reused connection too), then the
        // server stops before the library's retry: connection refused.
        sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: "/authorization", count: 0))
        var auth: OpaquePointer?, err: OpaquePointer?
        let rc = flx_authorization_create(s, req, &auth, &err)
        XCTAssertTrue(box.done, "the retry was scheduled")
        XCTAssertEqual(rc, FLX_E_OUTCOME_UNKNOWN, "\(str(flx_code_name(rc)) ?? ""): \(str(flx_error_message(err)) ?? "")")
        XCTAssertEqual(flx_error_retryable(err), 1)
        XCTAssertFalse(str(flx_error_transport_detail(err))?.isEmpty ?? true, "the last attempt's detail is kept")
        assertContext(err, "refused", keyed: true)
        flx_error_clear(&err)
        XCTAssertNil(err, "flx_error_clear resets the pointer")
        XCTAssertNil(auth)
        XCTAssertEqual((state["authorizations"] as? [Any])?.count ?? 0, before + 1, "the authorization exists")
    }

    // MARK: - No hidden re-sends of requests that change state without a key

    /// verify, apply, close and widget/init on a session whose connection is kept alive: the
    /// connection dies after the request was written (the sandbox acted, then closed). The
    /// sandbox received exactly as many requests as flx_error_attempts says, and only one.
    func testUnkeyedStateChangingRequestsAreNeverSentTwice() throws {
        let s = till(retries: 2, timeoutMs: 5_000, customerScope: true)
        defer { flx_session_free(s) }
        let merchant = till(retries: 2, timeoutMs: 5_000)
        defer { flx_session_free(merchant) }
        func lookup(_ s: OpaquePointer?) {  // a kept-alive connection to reuse
            var c: OpaquePointer?
            _ = flx_customer_lookup(s, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, account, &c, nil)  // any answer keeps it alive
            flx_customer_free(c)
        }
        let applicant = makeApplicant()
        defer { flx_applicant_free(applicant) }
        var w: OpaquePointer?
        XCTAssertEqual(flx_widget_init(s, FLX_WIDGET_APPLY, flx_customer_key(rawValue: 0), nil, applicant, &w, nil), FLX_OK)
        defer { flx_widget_free(w) }
        let widgetSession = str(flx_widget_session_id(w)) ?? ""
        let cases: [(String, String, String, OpaquePointer?, () -> (flx_code, OpaquePointer?))] = [
            ("verify", "\(v25)/account/\(account)/verify", "/verify", merchant, {
                var v: OpaquePointer?, err: OpaquePointer?
                let rc = verify(merchant, self.account, FLX_VERIFY_SECURITY_QUESTION, 4, "wrong-answer", nil, nil, &v, &err)
                flx_verification_free(v)
                return (rc, err)
            }),
            ("close", "\(v25)/accounts/116994756/close", "/close", merchant, {
                var err: OpaquePointer?
                return (flx_account_close(merchant, "116994756", &err), err)
            }),
            ("widget/init", "\(v25)/widget/init", "/widget/init", s, {
                var w2: OpaquePointer?, err: OpaquePointer?
                let rc = flx_widget_init(s, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, self.account, nil, &w2, &err)
                flx_widget_free(w2)
                return (rc, err)
            }),
            ("apply", "\(v25)/apply", "/apply", s, {
                var app: OpaquePointer?, err: OpaquePointer?
                let rc = flx_application_create(s, applicant, FLX_APPLY_ONLINE, widgetSession, &app, &err)
                flx_application_free(app)
                return (rc, err)
            }),
        ]
        for (label, path, suffix, on, send) in cases {
            lookup(on)
            let before = sandbox.requests(path: path)
            sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: suffix))
            let (rc, err) = send()
            sandbox.clearFaults()
            let seen = sandbox.requests(path: path) - before
            XCTAssertEqual(rc, FLX_E_OUTCOME_UNKNOWN, "\(label): \(str(flx_code_name(rc)) ?? "") \(str(flx_error_message(err)) ?? "")")
            XCTAssertEqual(seen, 1, "\(label): sent once")
            XCTAssertEqual(Int(flx_error_attempts(err)), seen, "\(label): attempts = requests the server saw")
            XCTAssertEqual(flx_error_retryable(err), 0, "\(label): no key, so not safe to repeat")
            assertContext(err, label, keyed: false)
            flx_error_free(err)
        }
        // The one wrong answer was counted once.
        XCTAssertEqual(wrongAnswers(account), 1)
    }

    func wrongAnswers(_ account: String) -> Int {
        let accounts = (state["accounts"] as? [[String: Any]]) ?? []
        let a = accounts.first { "\($0["account_number"] ?? "")" == account }
        return (a?["wrong_answers_48h"] as? Int) ?? -1
    }

    func makeApplicant() -> OpaquePointer? {
        var a: OpaquePointer?
        XCTAssertEqual(flx_applicant_new(&a, nil), FLX_OK)
        let fields = [("first_name", "Once"), ("middle_name", "A-RR_L"), ("last_name", "Onlyonce"), ("dob", "1990-06-01"),
                      ("postal_code", "M1M1M1"), ("email", "once@example.com"), ("phone_number", "4165550199"),
                      ("address_1", "1 Main St"), ("city", "Toronto"), ("province", "ON"), ("account_type", "consumer")]
        for (k, v) in fields { XCTAssertEqual(flx_applicant_set(a, k, v, nil), FLX_OK) }
        XCTAssertEqual(flx_applicant_set_tos_agreement(a, 1, nil), FLX_OK)
        return a
    }

    /// A keyed money request on a reused connection whose answers are all dropped: libcurl may
    /// re-send it by itself; flx_error_attempts counts every request the server received.
    func testAttemptsCountLibcurlsOwnResends() throws {
        let req = try authorizationRequest(cents: 12_300, autoCapture: false)
        defer { flx_request_free(req) }
        let s = till(retries: 0, timeoutMs: 5_000)
        defer { flx_session_free(s) }
        let path = "\(v251)/authorization"
        let before = sandbox.requests(path: path)
        sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: "/authorization", count: 0))
        var auth: OpaquePointer?, err: OpaquePointer?
        XCTAssertEqual(flx_authorization_create(s, req, &auth, &err), FLX_E_OUTCOME_UNKNOWN)
        sandbox.clearFaults()
        let seen = sandbox.requests(path: path) - before
        XCTAssertGreaterThanOrEqual(seen, 1)
        XCTAssertEqual(Int(flx_error_attempts(err)), seen, "attempts = requests the server received")
        flx_error_free(err)
    }

    // MARK: - The key is bound to the whole operation

    typealias Mutation = (String, () -> flx_code, () -> flx_code)

    /// Gets `send` into outcome unknown (every answer dropped), then applies each mutation in
    /// turn: the call must fail locally with FLX_E_IDEMPOTENCY_CONFLICT and send nothing; after
    /// undoing it, the unchanged request completes the one operation.
    func assertBound(_ label: String, suffix: String, mutations: [Mutation],
                     send: (OpaquePointer?) -> (flx_code, OpaquePointer?), file: StaticString = #filePath, line: UInt = #line) {
        let s = till(retries: 0, timeoutMs: 5_000)
        defer { flx_session_free(s) }
        sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: suffix, count: 0))
        let (rc, err) = send(s)
        sandbox.clearFaults()
        XCTAssertEqual(rc, FLX_E_OUTCOME_UNKNOWN, "\(label): \(str(flx_error_message(err)) ?? "")", file: file, line: line)
        flx_error_free(err)
        XCTAssertEqual(flx_session_authenticate(session, nil), FLX_OK)
        for (what, change, undo) in mutations {
            XCTAssertEqual(change(), FLX_OK, "\(label): setting \(what)", file: file, line: line)
            let before = sandbox.requestCount
            let (rc2, err2) = send(session)
            XCTAssertEqual(rc2, FLX_E_IDEMPOTENCY_CONFLICT, "\(label) with another \(what): \(str(flx_code_name(rc2)) ?? "")", file: file, line: line)
            XCTAssertEqual(sandbox.requestCount, before, "\(label) with another \(what): nothing on the wire", file: file, line: line)
            XCTAssertFalse(str(flx_error_idempotency_key(err2))?.isEmpty ?? true, file: file, line: line)
            flx_error_free(err2)
            XCTAssertEqual(undo(), FLX_OK, "\(label): restoring \(what)", file: file, line: line)
        }
        let (rc3, err3) = send(session)
        XCTAssertEqual(rc3, FLX_OK, "\(label): the unchanged request completes (\(str(flx_error_message(err3)) ?? ""))", file: file, line: line)
        flx_error_free(err3)
    }

    /// Mutations every money request takes: the same field set to another value, then back.
    func commonMutations(_ r: OpaquePointer?, amount: Int64, sku: OpaquePointer?) -> [Mutation] {
        [("amount", { flx_request_set_amount_cents(r, amount + 1, nil) }, { flx_request_set_amount_cents(r, amount, nil) }),
         ("external_location_id", { flx_request_set_external_location_id(r, "00-99999", nil) }, { flx_request_set_external_location_id(r, nil, nil) }),
         ("external_employee_id", { flx_request_set_external_employee_id(r, "99-OTHER", nil) }, { flx_request_set_external_employee_id(r, nil, nil) })]
            + (sku == nil ? [] : [("sku_data", { flx_request_set_sku_data(r, sku, nil) }, { flx_request_set_sku_data(r, nil, nil) })])
    }

    func testEveryChangeAfterOutcomeUnknownIsAConflictAndSendsNothing() throws {
        var sku: OpaquePointer?
        XCTAssertEqual(flx_sku_data_new(&sku, nil), FLX_OK)
        defer { flx_sku_data_free(sku) }
        XCTAssertEqual(flx_sku_data_set_purchase_order(sku, "PO-1", nil), FLX_OK)

        // Authorization: every body field (restored to the values it was sent with).
        let requestId = "bound-" + UUID().uuidString.prefix(8)
        let code = try pin(account: account, requestId: requestId)
        let r = request(FLX_REQUEST_AUTHORIZATION) { r in [
            flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 20_000, nil),
            flx_request_set_financing(r, FLX_PURCHASE_PROMOTIONAL, 4, 12, nil), flx_request_set_auto_capture(r, 0, nil),
            flx_request_set_reference(r, "Order-b", nil), flx_request_set_verification_code(r, code, nil),
            flx_request_set_request_id(r, requestId, nil),
        ] }
        defer { flx_request_free(r) }
        assertBound("authorization", suffix: "/authorization", mutations: commonMutations(r, amount: 20_000, sku: sku) + [
            ("account_number", { flx_request_set_account_number(r, "116994756", nil) }, { flx_request_set_account_number(r, self.account, nil) }),
            ("vcc_number", { flx_request_set_vcc_number(r, "1070015210367982", nil) }, { flx_request_set_vcc_number(r, nil, nil) }),
            ("financing", { flx_request_set_financing(r, FLX_PURCHASE_REGULAR, 0, 0, nil) }, { flx_request_set_financing(r, FLX_PURCHASE_PROMOTIONAL, 4, 12, nil) }),
            ("auto_capture", { flx_request_set_auto_capture(r, 1, nil) }, { flx_request_set_auto_capture(r, 0, nil) }),
            ("reference", { flx_request_set_reference(r, "Order-other", nil) }, { flx_request_set_reference(r, "Order-b", nil) }),
            ("verification_code", { flx_request_set_verification_code(r, "0000", nil) }, { flx_request_set_verification_code(r, code, nil) }),
            ("request_id", { flx_request_set_request_id(r, "req-other", nil) }, { flx_request_set_request_id(r, requestId, nil) }),
            ("widget_session_id", { flx_request_set_widget_session_id(r, "W-other", nil) }, { flx_request_set_widget_session_id(r, nil, nil) }),
        ]) { s in
            var a: OpaquePointer?, err: OpaquePointer?
            let rc = flx_authorization_create(s, r, &a, &err)
            flx_authorization_free(a)
            return (rc, err)
        }

        // Capture and release: the authorization in the path, and the body.
        let auth = try authorize(cents: 10_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let other = try authorize(cents: 10_000, autoCapture: false)
        defer { flx_authorization_free(other) }
        var target = auth
        let cap = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, 3_000, nil)] }
        defer { flx_request_free(cap) }
        assertBound("capture", suffix: "/capture", mutations: commonMutations(cap, amount: 3_000, sku: sku) + [
            ("authorization (path)", { target = other; return FLX_OK }, { target = auth; return FLX_OK }),
            ("reference", { flx_request_set_reference(cap, "Ship-other", nil) }, { flx_request_set_reference(cap, nil, nil) }),
        ]) { s in
            var c: OpaquePointer?, err: OpaquePointer?
            let rc = flx_authorization_capture(s, target, cap, &c, &err)
            flx_capture_free(c)
            return (rc, err)
        }
        let rel = request(FLX_REQUEST_RELEASE) { r in [flx_request_set_amount_cents(r, 2_000, nil)] }
        defer { flx_request_free(rel) }
        assertBound("release", suffix: "/release", mutations: commonMutations(rel, amount: 2_000, sku: nil) + [
            ("authorization (path)", { target = other; return FLX_OK }, { target = auth; return FLX_OK }),
            ("full", { flx_request_set_full(rel, 1, nil) }, { flx_request_set_full(rel, 0, nil) }),
            ("reference", { flx_request_set_reference(rel, "Void-other", nil) }, { flx_request_set_reference(rel, nil, nil) }),
        ]) { s in
            var err: OpaquePointer?
            return (flx_authorization_release(s, target, rel, nil, &err), err)
        }

        // Return: the capture (and its authorization) in the path, and the body.
        let authA = try authorize(cents: 8_000, autoCapture: false)
        defer { flx_authorization_free(authA) }
        let captureA = try capture(authA, cents: 8_000)
        defer { flx_capture_free(captureA) }
        let authB = try authorize(cents: 8_000, autoCapture: false)
        defer { flx_authorization_free(authB) }
        let captureB = try capture(authB, cents: 8_000)
        defer { flx_capture_free(captureB) }
        var returned = captureA
        let ret = request(FLX_REQUEST_RETURN) { r in [flx_request_set_amount_cents(r, 1_000, nil)] }
        defer { flx_request_free(ret) }
        assertBound("return", suffix: "/return", mutations: commonMutations(ret, amount: 1_000, sku: sku) + [
            ("capture (path)", { returned = captureB; return FLX_OK }, { returned = captureA; return FLX_OK }),
            ("full", { flx_request_set_full(ret, 1, nil) }, { flx_request_set_full(ret, 0, nil) }),
            ("reference", { flx_request_set_reference(ret, "Ret-other", nil) }, { flx_request_set_reference(ret, nil, nil) }),
            ("vcc_number", { flx_request_set_vcc_number(ret, "1070015210367982", nil) }, { flx_request_set_vcc_number(ret, nil, nil) }),
        ]) { s in
            var err: OpaquePointer?
            return (flx_capture_return(s, returned, ret, nil, &err), err)
        }

        // Refund: the account in the path, and the body.
        let refund = request(FLX_REQUEST_REFUND) { r in [flx_request_set_account_number(r, self.account, nil),
                                                         flx_request_set_amount_cents(r, 500, nil)] }
        defer { flx_request_free(refund) }
        assertBound("refund", suffix: "/refund", mutations: commonMutations(refund, amount: 500, sku: sku) + [
            ("account (path)", { flx_request_set_account_number(refund, "116994756", nil) }, { flx_request_set_account_number(refund, self.account, nil) }),
            ("reference", { flx_request_set_reference(refund, "Ref-other", nil) }, { flx_request_set_reference(refund, nil, nil) }),
            ("capture_id", { flx_request_set_capture_id(refund, "123", nil) }, { flx_request_set_capture_id(refund, nil, nil) }),
        ]) { s in
            var err: OpaquePointer?
            return (flx_refund_create(s, refund, nil, &err), err)
        }

        // Refund by VCC only: the account is looked up once; a changed repeat sends nothing at all.
        let byCard = request(FLX_REQUEST_REFUND) { r in [flx_request_set_vcc_number(r, "1070015210367982", nil),
                                                         flx_request_set_amount_cents(r, 300, nil)] }
        defer { flx_request_free(byCard) }
        assertBound("refund by VCC", suffix: "/refund", mutations: commonMutations(byCard, amount: 300, sku: sku) + [
            ("reference", { flx_request_set_reference(byCard, "Ref-other", nil) }, { flx_request_set_reference(byCard, nil, nil) }),
        ]) { s in
            var err: OpaquePointer?
            return (flx_refund_create(s, byCard, nil, &err), err)
        }

        // Transaction: the body.
        let txnId = "bound-" + UUID().uuidString.prefix(8)
        let txnCode = try pin(account: account, requestId: txnId)
        let txn = request(FLX_REQUEST_TRANSACTION) { r in [
            flx_request_set_transaction_type(r, FLX_TRANSACTION_INSTORE_PAYMENT, nil),
            flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 900, nil),
            flx_request_set_verification_code(r, txnCode, nil), flx_request_set_request_id(r, txnId, nil),
        ] }
        defer { flx_request_free(txn) }
        assertBound("transaction", suffix: "/transactions", mutations: commonMutations(txn, amount: 900, sku: nil) + [
            ("transaction_type", { flx_request_set_transaction_type(txn, FLX_TRANSACTION_DEPOSIT, nil) }, { flx_request_set_transaction_type(txn, FLX_TRANSACTION_INSTORE_PAYMENT, nil) }),
            ("account_number", { flx_request_set_account_number(txn, "116994756", nil) }, { flx_request_set_account_number(txn, self.account, nil) }),
            ("customer_id", { flx_request_set_customer_id(txn, "C-1", nil) }, { flx_request_set_customer_id(txn, nil, nil) }),
            ("vcc_number", { flx_request_set_vcc_number(txn, "1070015210367982", nil) }, { flx_request_set_vcc_number(txn, nil, nil) }),
            ("verification_code", { flx_request_set_verification_code(txn, "0000", nil) }, { flx_request_set_verification_code(txn, txnCode, nil) }),
            ("request_id", { flx_request_set_request_id(txn, "req-other", nil) }, { flx_request_set_request_id(txn, txnId, nil) }),
        ]) { s in
            var err: OpaquePointer?
            return (flx_transaction_create(s, txn, nil, &err), err)
        }
    }

    // MARK: - A success must carry what it promises

    enum Nature { case read, money, state }

    /// One endpoint through the C API: how it is called and which odd 2xx bodies are still a
    /// success for it (documented empty answers, answers that promise nothing more).
    struct Endpoint {
        let label: String
        let method: String
        let suffix: String
        let nature: Nature
        let success: Set<String>
        let call: (OpaquePointer?) -> (flx_code, OpaquePointer?)
    }

    static let oddBodies: [(String, Int, String)] = [
        ("empty 200", 200, ""), ("204", 204, ""), ("{}", 200, "{}"), ("array", 200, "[]"),
        ("no id", 200, #"{"result":"ok"}"#), ("error in 2xx", 200, #"{"error":"credit_exceeded","message":"Not enough credit"}"#),
    ]

    func testOddSuccessAnswersAreNeverSuccessUnlessDocumented() throws {
        let authReq = try authorizationRequest(cents: 5_000, autoCapture: false)
        defer { flx_request_free(authReq) }
        let auth = try authorize(cents: 9_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let authId = str(flx_authorization_id(auth)) ?? ""
        let capture = try self.capture(auth, cents: 4_000)
        defer { flx_capture_free(capture) }
        let capReq = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, 1_000, nil)] }
        let relReq = request(FLX_REQUEST_RELEASE) { r in [flx_request_set_amount_cents(r, 1_000, nil)] }
        let retReq = request(FLX_REQUEST_RETURN) { r in [flx_request_set_amount_cents(r, 1_000, nil)] }
        let refReq = request(FLX_REQUEST_REFUND) { r in [flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 100, nil)] }
        let txnReq = request(FLX_REQUEST_TRANSACTION) { r in [
            flx_request_set_transaction_type(r, FLX_TRANSACTION_DEPOSIT, nil), flx_request_set_account_number(r, self.account, nil),
            flx_request_set_amount_cents(r, 100, nil), flx_request_set_verification_code(r, "1234", nil), flx_request_set_request_id(r, "odd-1", nil)] }
        defer { [capReq, relReq, retReq, refReq, txnReq].forEach { flx_request_free($0) } }
        let applicant = makeApplicant()
        defer { flx_applicant_free(applicant) }
        let acct = account
        let noMore: Set<String> = []
        let documentedEmpty: Set<String> = ["empty 200", "204", "{}", "no id"]
        let endpoints: [Endpoint] = [
            Endpoint(label: "lookup", method: "GET", suffix: "/customers/lookup", nature: .read, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_customer_lookup(s, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, acct, &o, &e); flx_customer_free(o); return (rc, e)
            },
            Endpoint(label: "search", method: "GET", suffix: "/customers/search", nature: .read, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_customer_search(s, "John", "Smith", "1980-01-01", nil, &o, &e); flx_customer_list_free(o); return (rc, e)
            },
            Endpoint(label: "verify", method: "POST", suffix: "/verify", nature: .state, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = verify(s, acct, FLX_VERIFY_SMS, 0, nil, nil, nil, &o, &e); flx_verification_free(o); return (rc, e)
            },
            Endpoint(label: "calculate-interest", method: "POST", suffix: "/calculate-interest", nature: .read, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_financing_calculate(s, acct, 10_000, &o, &e); flx_financing_free(o); return (rc, e)
            },
            Endpoint(label: "authorization", method: "POST", suffix: "/authorization", nature: .money, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_authorization_create(s, authReq, &o, &e); flx_authorization_free(o); return (rc, e)
            },
            Endpoint(label: "fetch", method: "GET", suffix: "/authorization/" + authId, nature: .read, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_authorization_fetch(s, authId, &o, &e); flx_authorization_free(o); return (rc, e)
            },
            Endpoint(label: "capture", method: "POST", suffix: "/capture", nature: .money, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_authorization_capture(s, auth, capReq, &o, &e); flx_capture_free(o); return (rc, e)
            },
            Endpoint(label: "release", method: "POST", suffix: "/release", nature: .money, success: ["no id"]) { s in
                var e: OpaquePointer?
                return (flx_authorization_release(s, auth, relReq, nil, &e), e)
            },
            Endpoint(label: "return", method: "POST", suffix: "/return", nature: .money, success: noMore) { s in
                var e: OpaquePointer?
                return (flx_capture_return(s, capture, retReq, nil, &e), e)
            },
            Endpoint(label: "refund", method: "POST", suffix: "/refund", nature: .money, success: documentedEmpty) { s in
                var e: OpaquePointer?
                return (flx_refund_create(s, refReq, nil, &e), e)
            },
            Endpoint(label: "transaction", method: "POST", suffix: "/transactions", nature: .money, success: ["no id"]) { s in
                var e: OpaquePointer?
                return (flx_transaction_create(s, txnReq, nil, &e), e)
            },
            Endpoint(label: "authorizations page", method: "GET", suffix: "/authorizations", nature: .read, success: ["array"]) { s in
                var it: OpaquePointer?, o: OpaquePointer?, e: OpaquePointer?
                XCTAssertEqual(flx_authorization_iter_new(s, nil, &it, nil), FLX_OK)
                let rc = flx_authorization_iter_next(it, &o, &e); flx_authorization_free(o); flx_authorization_iter_free(it); return (rc, e)
            },
            Endpoint(label: "captures page", method: "GET", suffix: "/captures", nature: .read, success: ["array"]) { s in
                var it: OpaquePointer?, o: OpaquePointer?, e: OpaquePointer?
                XCTAssertEqual(flx_capture_iter_new(s, nil, &it, nil), FLX_OK)
                let rc = flx_capture_iter_next(it, &o, &e); flx_capture_free(o); flx_capture_iter_free(it); return (rc, e)
            },
            Endpoint(label: "close", method: "POST", suffix: "/close", nature: .state, success: documentedEmpty) { s in
                var e: OpaquePointer?
                return (flx_account_close(s, "116994756", &e), e)
            },
            Endpoint(label: "driverslicense", method: "POST", suffix: "/driverslicense", nature: .read, success: ["{}", "no id"]) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_drivers_license_decode(s, "@ANSI 636012", &o, &e); flx_drivers_license_free(o); return (rc, e)
            },
            Endpoint(label: "i18n", method: "GET", suffix: "/i18n", nature: .read, success: ["no id"]) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_i18n_get(s, &o, &e); flx_i18n_free(o); return (rc, e)
            },
            Endpoint(label: "terms", method: "GET", suffix: "/terms-and-conditions", nature: .read, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_terms_get(s, nil, nil, &o, &e); flx_terms_free(o); return (rc, e)
            },
            Endpoint(label: "widget/init", method: "POST", suffix: "/widget/init", nature: .state, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_widget_init(s, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, acct, nil, &o, &e); flx_widget_free(o); return (rc, e)
            },
            Endpoint(label: "apply", method: "POST", suffix: "/apply", nature: .state, success: noMore) { s in
                var o: OpaquePointer?, e: OpaquePointer?
                let rc = flx_application_create(s, applicant, FLX_APPLY_ONLINE, "W-1", &o, &e); flx_application_free(o); return (rc, e)
            },
        ]
        let s = till(retries: 0, timeoutMs: 5_000)
        defer { flx_session_free(s) }
        for ep in endpoints {
            for (name, status, body) in Self.oddBodies {
                let why = "\(ep.label) answered \(name)"
                sandbox.addFault(SandboxFault(.answer, method: ep.method, pathSuffix: ep.suffix, status: status, body: body))
                let (rc, err) = ep.call(s)
                sandbox.clearFaults()
                defer { flx_error_free(err) }
                if ep.success.contains(name) {
                    XCTAssertEqual(rc, FLX_OK, "\(why): \(str(flx_error_message(err)) ?? "")")
                    continue
                }
                let expected: flx_code = ep.label == "search" && name == "array" ? FLX_E_NOT_FOUND
                    : ep.nature == .read ? FLX_E_MALFORMED_RESPONSE : FLX_E_OUTCOME_UNKNOWN
                XCTAssertEqual(rc, expected, "\(why): got \(str(flx_code_name(rc)) ?? "") \(str(flx_error_message(err)) ?? "")")
                XCTAssertEqual(flx_error_http_status(err), Int32(status), why)
                XCTAssertEqual(flx_error_retryable(err), ep.nature == .money ? 1 : 0, why)
                assertContext(err, why, keyed: ep.nature == .money)
                if name == "error in 2xx" { XCTAssertEqual(str(flx_error_api_error(err)), "credit_exceeded", why) }
            }
        }
    }

    // MARK: - Release and return say what they mean; the err rule

    func testReleaseAndReturnWithoutAmountOrFullAreRefusedLocally() throws {
        let auth = try authorize(cents: 6_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let capture = try self.capture(auth, cents: 3_000)
        defer { flx_capture_free(capture) }
        let rel = request(FLX_REQUEST_RELEASE)
        let ret = request(FLX_REQUEST_RETURN)
        defer { flx_request_free(rel); flx_request_free(ret) }
        let before = sandbox.requestCount
        var err: OpaquePointer?
        XCTAssertEqual(flx_authorization_release(session, auth, rel, nil, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(str(flx_error_field_param(err, 0)), "amount")
        XCTAssertEqual(str(flx_error_field_type(err, 0)), "required")
        XCTAssertEqual(str(flx_error_method(err)), "POST")
        flx_error_clear(&err)
        XCTAssertEqual(flx_capture_return(session, capture, ret, nil, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(str(flx_error_field_param(err, 0)), "amount")
        flx_error_clear(&err)
        // Local refusals name the request they refused.
        var v: OpaquePointer?
        XCTAssertEqual(verify(session, "12ab", FLX_VERIFY_SMS, 0, nil, nil, nil, &v, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(str(flx_error_endpoint(err)), "/client-id/{client_id}/account/{account_number}/verify")
        XCTAssertEqual(str(flx_error_method(err)), "POST")
        flx_error_clear(&err)
        XCTAssertEqual(sandbox.requestCount, before, "nothing sent")
        // With full, both go: everything left is released / returned.
        XCTAssertEqual(flx_request_set_full(ret, 1, nil), FLX_OK)
        XCTAssertEqual(flx_capture_return(session, capture, ret, nil, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        XCTAssertEqual(flx_request_set_full(rel, 1, nil), FLX_OK)
        XCTAssertEqual(flx_authorization_release(session, auth, rel, nil, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        let fresh = try fetch(str(flx_authorization_id(auth)) ?? "")
        defer { flx_authorization_free(fresh) }
        XCTAssertEqual(flx_authorization_remaining_cents(fresh), 0)
    }

    /// GLib's GError rule: *err must be NULL on entry. A stale error is refused with
    /// FLX_E_MISUSE before anything is done, and left as it was (not overwritten, not leaked).
    func testAStaleErrorIsRefusedNotOverwritten() throws {
        var err: OpaquePointer?
        var c: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "999999999", &c, &err), FLX_E_NOT_FOUND)
        let stale = err
        XCTAssertNotNil(stale)
        let before = sandbox.requestCount
        // A call that would succeed, and one that would fail: neither runs.
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, account, &c, &err), FLX_E_MISUSE)
        XCTAssertNil(c, "nothing was done")
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "888888888", &c, &err), FLX_E_MISUSE)
        XCTAssertEqual(sandbox.requestCount, before, "nothing sent")
        XCTAssertEqual(err, stale, "*err untouched")
        XCTAssertEqual(flx_error_code(err), FLX_E_NOT_FOUND, "the stale error is still the caller's, intact")
        var req: OpaquePointer?
        XCTAssertEqual(flx_request_new(FLX_REQUEST_CAPTURE, &req, &err), FLX_E_MISUSE, "every function follows the rule")
        XCTAssertNil(req)
        flx_error_clear(&err)
        XCTAssertNil(err)
        flx_error_clear(&err)  // NULL: a no-op
        flx_error_clear(nil)
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, account, &c, &err), FLX_OK)
        XCTAssertNil(err, "success leaves *err NULL")
        flx_customer_free(c)
    }
}
