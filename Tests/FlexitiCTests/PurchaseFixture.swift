import CFlexiti
import Flexiti
import FlexitiCore
import FlexitiSandbox
import Foundation
import XCTest

/// Shared set-up for the purchase tests: a sandbox, a C session on it, and helpers that build
/// requests and make authorizations through the C API. Has no tests of its own.
class PurchaseFixture: XCTestCase {
    var sandbox: RunningSandbox!
    var session: OpaquePointer?
    let account = "116994755"   // seed: normal prime consumer, $14,000 available
    let v251 = "/flexiti/pos-api/v2.5.1/client-id/flexitidemo"
    let v25 = "/flexiti/pos-api/v2.5/client-id/flexitidemo"

    override func setUpWithError() throws {
        sandbox = try Sandbox.start()
        session = openSession()
    }

    func openSession(client: String = "flexitidemo", customerScope: Bool = false) -> OpaquePointer? {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        if customerScope { XCTAssertEqual(flx_config_set_scope(cfg, FLX_SCOPE_CUSTOMER, nil), FLX_OK) }
        XCTAssertEqual(flx_config_set_base_url(cfg, sandbox.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, client, client + "-secret", nil), FLX_OK)
        var s: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &s, nil), FLX_OK)
        return s
    }

    override func tearDown() {
        flx_session_free(session)
        sandbox?.stop()
    }

    // MARK: - Helpers

    func str(_ p: UnsafePointer<CChar>?) -> String? { p.map { String(cString: $0) } }

    /// Asserts FLX_OK, showing the error object's details otherwise.
    func check(_ rc: flx_code, _ err: OpaquePointer?, file: StaticString = #filePath, line: UInt = #line) {
        if rc != FLX_OK {
            XCTFail("\(str(flx_code_name(rc)) ?? "?"): \(str(flx_error_message(err)) ?? "") [\(flx_error_http_status(err))]", file: file, line: line)
            flx_error_free(err)
        }
    }

    /// A new request of `kind`, filled by `fill` (each setter must succeed).
    func request(_ kind: flx_request_kind, file: StaticString = #filePath, line: UInt = #line,
                 _ fill: (OpaquePointer?) -> [flx_code] = { _ in [] }) -> OpaquePointer? {
        var req: OpaquePointer?
        XCTAssertEqual(flx_request_new(kind, &req, nil), FLX_OK, file: file, line: line)
        for (i, rc) in fill(req).enumerated() { XCTAssertEqual(rc, FLX_OK, "setter \(i)", file: file, line: line) }
        return req
    }

    /// A one-time PIN for in-store calls: POST verify with format merchant_override, through the core.
    func pin(account: String, requestId: String) throws -> String {
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        let s = try Session(configuration: config)
        var call = APICall(Endpoints.verify)
        call.pathParams = ["client_id": "flexitidemo", "account_number": account]
        call.body = .object([("format", .string("merchant_override")), ("request_id", .string(requestId))])
        let r = try s.send(call).get()
        return try XCTUnwrap(r.json["verification_code"]?.text)
    }

    /// An in-store authorization request (PIN, request_id, location, employee).
    func authorizationRequest(cents: Int64, autoCapture: Bool, account: String? = nil, promotional: Bool = true,
                              file: StaticString = #filePath, line: UInt = #line) throws -> OpaquePointer? {
        let acct = account ?? self.account
        let requestId = "req-" + UUID().uuidString.prefix(8)
        let code = try pin(account: acct, requestId: requestId)
        return request(FLX_REQUEST_AUTHORIZATION, file: file, line: line) { r in [
            flx_request_set_account_number(r, acct, nil),
            flx_request_set_amount_cents(r, cents, nil),
            promotional ? flx_request_set_financing(r, FLX_PURCHASE_PROMOTIONAL, 4, 12, nil)
                        : flx_request_set_financing(r, FLX_PURCHASE_REGULAR, 0, 0, nil),
            flx_request_set_auto_capture(r, autoCapture ? 1 : 0, nil),
            flx_request_set_reference(r, "Order-\(cents)", nil),
            flx_request_set_verification_code(r, code, nil),
            flx_request_set_request_id(r, requestId, nil),
            flx_request_set_external_location_id(r, "00-12345", nil),
            flx_request_set_external_employee_id(r, "12345-SMITH", nil),
        ] }
    }

    func authorize(cents: Int64, autoCapture: Bool, account: String? = nil, promotional: Bool = true,
                   file: StaticString = #filePath, line: UInt = #line) throws -> OpaquePointer {
        let req = try authorizationRequest(cents: cents, autoCapture: autoCapture, account: account, promotional: promotional, file: file, line: line)
        defer { flx_request_free(req) }
        var auth: OpaquePointer?
        var err: OpaquePointer?
        check(flx_authorization_create(session, req, &auth, &err), err, file: file, line: line)
        return try XCTUnwrap(auth, file: file, line: line)
    }

    func capture(_ auth: OpaquePointer, cents: Int64, file: StaticString = #filePath, line: UInt = #line) throws -> OpaquePointer {
        let req = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, cents, nil), flx_request_set_reference(r, "Ship-1", nil)] }
        defer { flx_request_free(req) }
        var cap: OpaquePointer?
        var err: OpaquePointer?
        check(flx_authorization_capture(session, auth, req, &cap, &err), err, file: file, line: line)
        return try XCTUnwrap(cap, file: file, line: line)
    }

    func fetch(_ id: String) throws -> OpaquePointer {
        var auth: OpaquePointer?
        var err: OpaquePointer?
        check(flx_authorization_fetch(session, id, &auth, &err), err)
        return try XCTUnwrap(auth)
    }

    /// The sandbox's own record of one authorization (GET /_sandbox/state).
    func stateOf(authorization id: String) throws -> [String: Any] {
        let state = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sandbox.stateJSON().utf8)) as? [String: Any])
        let auths = try XCTUnwrap(state["authorizations"] as? [[String: Any]])
        return try XCTUnwrap(auths.first { "\($0["authorization_id"] ?? "")" == id })
    }

    func availableCredit(_ account: String) throws -> Int64 {
        var c: OpaquePointer?
        check(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, account, &c, nil), nil)
        defer { flx_customer_free(c) }
        return flx_customer_available_credit_cents(c)
    }
}
