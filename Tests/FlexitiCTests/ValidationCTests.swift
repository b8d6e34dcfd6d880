import CFlexiti
import Flexiti
import FlexitiSandbox
import XCTest

/// Local validation seen from C: FLX_E_WRONG_INPUTS with the server's field error shape, and
/// not one request on the wire.
final class ValidationCTests: XCTestCase {
    var sandbox: RunningSandbox!

    override func setUpWithError() throws { sandbox = try Sandbox.start() }
    override func tearDown() { sandbox?.stop() }

    func str(_ p: UnsafePointer<CChar>?) -> String? { p.map { String(cString: $0) } }

    func openSession() throws -> OpaquePointer {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, sandbox.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", nil), FLX_OK)
        var session: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &session, nil), FLX_OK)
        return try XCTUnwrap(session)
    }

    func testBadLookupKeysFailLocallyWithFieldErrors() throws {
        let session = try openSession()
        defer { flx_session_free(session) }
        let cases: [(flx_customer_key, String, String, String, String)] = [
            (FLX_CUSTOMER_BY_VCC_NUMBER, "10700152103679821", "vcc_number", "Value with higher precision", "length"),
            (FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755.5", "account_number", "Value with decimals.", "invalid"),
            (FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "0", "account_number", "Value zero or negative.", "invalid"),
            (FLX_CUSTOMER_BY_CUSTOMER_ID, "12ab", "customer_id", "Value different to a number.", "type"),
            (FLX_CUSTOMER_BY_CUSTOMER_ID, "", "customer_id", "Not sent", "required"),
        ]
        for (kind, value, param, msg, type) in cases {
            var customer: OpaquePointer?
            var err: OpaquePointer?
            XCTAssertEqual(flx_customer_lookup(session, kind, value, &customer, &err), FLX_E_WRONG_INPUTS, value)
            XCTAssertNil(customer)
            XCTAssertEqual(flx_error_code(err), FLX_E_WRONG_INPUTS)
            XCTAssertEqual(str(flx_error_api_error(err)), "wrong_inputs")
            XCTAssertEqual(flx_error_http_status(err), 0, "no answer: it never left")
            XCTAssertEqual(flx_error_field_count(err), 1)
            XCTAssertEqual(str(flx_error_field_param(err, 0)), param)
            XCTAssertEqual(str(flx_error_field_msg(err, 0)), msg)
            XCTAssertEqual(str(flx_error_field_value(err, 0)), value)
            XCTAssertEqual(str(flx_error_field_type(err, 0)), type)
            XCTAssertNil(flx_error_field_param(err, 1))
            flx_error_free(err)
        }
        XCTAssertEqual(sandbox.requestCount, 0, "nothing may reach the server, not even a token request")
        // A good key still goes through.
        var customer: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_CUSTOMER_ID, "123321", &customer, nil), FLX_OK)
        flx_customer_free(customer)
        XCTAssertEqual(sandbox.requestCount, 2)
    }
}
