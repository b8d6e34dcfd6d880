import CFlexiti
import Flexiti
import FlexitiSandbox
import Foundation
import XCTest

/// The logging hook through the C API, and the proof that secrets never reach logs or errors.
final class LoggingTests: XCTestCase {
    var sandbox: RunningSandbox!

    override func setUpWithError() throws { sandbox = try Sandbox.start() }
    override func tearDown() { sandbox?.stop() }

    /// Records collected by the C callback (userdata points at this object).
    final class Collector: @unchecked Sendable {
        struct Rec { var level: Int32; var message, method, endpoint, referenceId: String; var status: Int32; var code: flx_code; var attempt: Int32 }
        private let lock = NSLock()
        private var items: [Rec] = []
        func add(_ r: Rec) { lock.lock(); items.append(r); lock.unlock() }
        var records: [Rec] { lock.lock(); defer { lock.unlock() }; return items }
        /// Everything a POS would write to its log file.
        var text: String { records.map { "\($0.level) \($0.message) \($0.method) \($0.endpoint) \($0.referenceId)" }.joined(separator: "\n") }
    }

    static let callback: flx_log_callback = { userdata, rec in
        guard let userdata, let rec else { return }
        let c = Unmanaged<Collector>.fromOpaque(userdata).takeUnretainedValue()
        let r = rec.pointee
        c.add(.init(level: r.level, message: String(cString: r.message), method: String(cString: r.method),
                    endpoint: String(cString: r.endpoint), referenceId: String(cString: r.reference_id),
                    status: r.http_status, code: r.code, attempt: r.attempt))
    }

    func openSession(secret: String = "flexitidemo-secret", collector: Collector?, level: flx_log_level = FLX_LOG_DEBUG,
                     configure: (OpaquePointer?) -> Void = { _ in }) throws -> OpaquePointer {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, sandbox.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", secret, nil), FLX_OK)
        if let collector {
            XCTAssertEqual(flx_config_set_log_callback(cfg, LoggingTests.callback, Unmanaged.passUnretained(collector).toOpaque(), level, nil), FLX_OK)
        }
        configure(cfg)
        var session: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &session, nil), FLX_OK)
        return try XCTUnwrap(session)
    }

    func testRecordsDescribeEachRequestWithoutPathOrSecrets() throws {
        let c = Collector()
        let session = try openSession(collector: c)
        defer { flx_session_free(session) }
        var customer: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &customer, nil), FLX_OK)
        flx_customer_free(customer)
        let recs = c.records
        // token: start + end; lookup: start + end.
        XCTAssertEqual(recs.count, 4)
        XCTAssertEqual(recs.map(\.endpoint), ["/oauth/token", "/oauth/token",
                                              "/client-id/{client_id}/customers/lookup", "/client-id/{client_id}/customers/lookup"])
        XCTAssertEqual(recs.map(\.method), ["POST", "POST", "GET", "GET"])
        XCTAssertEqual(recs[3].status, 200)
        XCTAssertEqual(recs[3].code, FLX_OK)
        XCTAssertEqual(recs[3].level, Int32(FLX_LOG_DEBUG.rawValue))
        XCTAssertEqual(recs[3].referenceId.count, 32)
        XCTAssertEqual(recs[2].referenceId, recs[3].referenceId)
        XCTAssertFalse(c.text.contains("116994755"), c.text)
    }

    func testMinimumLevelFiltersAndNoCallbackMeansSilence() throws {
        let c = Collector()
        let session = try openSession(collector: c, level: FLX_LOG_WARN)
        defer { flx_session_free(session) }
        var customer: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &customer, nil), FLX_OK)
        flx_customer_free(customer)
        XCTAssertEqual(c.records.count, 0)
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "999999999", &customer, nil), FLX_E_NOT_FOUND)
        XCTAssertEqual(c.records.map(\.level), [Int32(FLX_LOG_WARN.rawValue), Int32(FLX_LOG_ERROR.rawValue)])
        XCTAssertEqual(c.records.first?.status, 404)
        XCTAssertEqual(c.records.first?.code, FLX_E_NOT_FOUND)

        // Turning it off again: the callback is never called.
        let quiet = Collector()
        let s2 = try openSession(collector: quiet) { cfg in
            XCTAssertEqual(flx_config_set_log_callback(cfg, nil, nil, FLX_LOG_DEBUG, nil), FLX_OK)
        }
        defer { flx_session_free(s2) }
        XCTAssertEqual(flx_customer_lookup(s2, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "999999999", &customer, nil), FLX_E_NOT_FOUND)
        XCTAssertEqual(quiet.records.count, 0)
    }

    func testSetterArguments() {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_log_callback(nil, LoggingTests.callback, nil, FLX_LOG_DEBUG, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_config_set_log_callback(cfg, LoggingTests.callback, nil, flx_log_level(rawValue: 11), nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_retries(nil, 2, 500, 5000, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_config_set_retries(cfg, -1, 500, 5000, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_retries(cfg, 11, 500, 5000, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_retries(cfg, 2, -1, 5000, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_retries(cfg, 2, 500, 499, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_retries(cfg, 2, Int.max, Int.max, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_retries(cfg, 0, 0, 0, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_retries(cfg, 10, 60000, 600000, nil), FLX_OK)
    }

    func testRetriesThroughTheCAPIReportAttempts() throws {
        let c = Collector()
        let session = try openSession(collector: c) { cfg in
            XCTAssertEqual(flx_config_set_retries(cfg, 3, 0, 0, nil), FLX_OK)
        }
        defer { flx_session_free(session) }
        XCTAssertEqual(flx_session_authenticate(session, nil), FLX_OK)
        sandbox.addFault(SandboxFault(.http504, method: "GET", pathSuffix: "/customers/lookup", count: 0))
        var customer: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &customer, &err), FLX_E_HTTP_UNAVAILABLE)
        XCTAssertEqual(flx_error_attempts(err), 4)
        XCTAssertEqual(flx_error_retryable(err), 1)
        flx_error_free(err)
        XCTAssertEqual(c.records.filter { $0.message.contains("retrying") }.count, 3)
    }

    /// A full flow with a wrong secret, then a good one: the debug log and every error string
    /// stay free of the client secret and the access tokens the sandbox issued.
    func testSecretsNeverAppearInLogsOrErrors() throws {
        let wrongSecret = "Wr0ng-S3cret-Value-XYZZY"
        let c = Collector()
        var leaks: [String] = []

        let bad = try openSession(secret: wrongSecret, collector: c)
        var err: OpaquePointer?
        var customer: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(bad, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &customer, &err), FLX_E_INVALID_CLIENT)
        leaks.append(errorText(err))
        flx_error_clear(&err)  // *err must be NULL for the next call
        flx_session_free(bad)

        let good = try openSession(collector: c)
        XCTAssertEqual(flx_customer_lookup(good, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &customer, nil), FLX_OK)
        flx_customer_free(customer)
        sandbox.advanceClock(seconds: 5000)  // the server now rejects the token: re-authentication
        XCTAssertEqual(flx_customer_lookup(good, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "999999999", &customer, &err), FLX_E_NOT_FOUND)
        leaks.append(errorText(err))
        flx_error_free(err)
        flx_session_free(good)

        let everything = c.text + "\n" + leaks.joined(separator: "\n")
        XCTAssertTrue(c.records.contains { $0.message.contains("token rejected") }, "the flow must include a re-authentication")
        for secret in [wrongSecret, "flexitidemo-secret"] {
            XCTAssertFalse(everything.contains(secret), "the client secret leaked")
        }
        // The sandbox issues 40-hex-digit access and refresh tokens; reference ids are 32 digits.
        XCTAssertNil(everything.range(of: "[0-9a-f]{40}", options: .regularExpression), "a token leaked")
        XCTAssertGreaterThan(c.records.count, 8)
        XCTAssertFalse(everything.lowercased().contains("bearer"))
        XCTAssertFalse(everything.contains("client_secret="))
    }

    func errorText(_ err: OpaquePointer?) -> String {
        var parts = [flx_error_message(err), flx_error_api_error(err), flx_error_scenario(err), flx_error_path(err),
                     flx_error_transport_detail(err), flx_error_endpoint(err)].map { String(cString: $0!) }
        for i in 0..<flx_error_field_count(err) {
            parts.append(String(cString: flx_error_field_value(err, i)))
            parts.append(String(cString: flx_error_field_msg(err, i)))
        }
        return parts.joined(separator: "\n")
    }
}
