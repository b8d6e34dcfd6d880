import CFlexiti
import Flexiti
import XCTest

/// NULL, freed, foreign and malformed arguments give an error code, never a crash.
final class BadInputTests: XCTestCase {
    func str(_ p: UnsafePointer<CChar>?) -> String? { p.map { String(cString: $0) } }

    func newConfig() -> OpaquePointer? {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        return cfg
    }

    func testNullHandles() {
        var err: OpaquePointer?
        XCTAssertEqual(flx_config_new(nil, &err), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_error_code(err), FLX_E_INVALID_ARGUMENT)
        flx_error_free(err)
        XCTAssertEqual(flx_config_set_environment(nil, FLX_ENV_PRODUCTION, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_config_set_base_url(nil, "https://x/y", nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_config_set_credentials(nil, "a", "b", nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_session_new(nil, nil, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_session_authenticate(nil, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_session_stats(nil, nil, nil, nil), FLX_E_MISUSE)
        var customer: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(nil, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "1", &customer, nil), FLX_E_MISUSE)
        // Free functions accept NULL; getters on NULL answer "" / 0 / NULL for indexed ones.
        flx_config_free(nil); flx_session_free(nil); flx_customer_free(nil); flx_error_free(nil)
        XCTAssertEqual(str(flx_customer_first_name(nil)), "")
        XCTAssertEqual(flx_customer_credit_limit_cents(nil), 0)
        XCTAssertEqual(flx_error_code(nil), FLX_E_MISUSE)
        XCTAssertEqual(str(flx_error_scenario(nil)), "")
        XCTAssertFalse(str(flx_error_message(nil))!.isEmpty)
        XCTAssertNil(flx_error_field_param(nil, 0))
    }

    func testUseAfterFreeAndWrongTypeAreMisuse() {
        let cfg = newConfig()
        flx_config_free(cfg)
        XCTAssertEqual(flx_config_set_environment(cfg, FLX_ENV_PRODUCTION, nil), FLX_E_MISUSE)
        flx_config_free(cfg)  // double free is harmless
        var err: OpaquePointer?
        XCTAssertEqual(flx_config_new(nil, &err), FLX_E_INVALID_ARGUMENT)
        // An error object passed where a config is expected.
        XCTAssertEqual(flx_config_set_environment(err, FLX_ENV_PRODUCTION, nil), FLX_E_MISUSE)
        flx_error_free(err)
        // A pointer the library never returned.
        var junk = 42
        withUnsafeMutablePointer(to: &junk) { p in
            XCTAssertEqual(flx_session_authenticate(OpaquePointer(p), nil), FLX_E_MISUSE)
        }
    }

    func testStringArguments() {
        let cfg = newConfig()
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, nil, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_base_url(cfg, "", nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_base_url(cfg, "http://example.com/x", nil), FLX_E_INSECURE_URL)
        XCTAssertEqual(flx_config_set_credentials(cfg, "", "s", nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_credentials(cfg, "id", nil, nil), FLX_E_INVALID_ARGUMENT)
        let invalidUTF8: [CChar] = [0x61, CChar(bitPattern: 0xC3), 0x28, 0]
        var err: OpaquePointer?
        XCTAssertEqual(flx_config_set_credentials(cfg, invalidUTF8, "s", &err), FLX_E_INVALID_ARGUMENT)
        XCTAssertTrue(str(flx_error_message(err))!.contains("UTF-8"))
        flx_error_free(err)
        let huge = String(repeating: "a", count: 1 << 20)
        XCTAssertEqual(flx_config_set_credentials(cfg, huge, "s", nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_credentials(cfg, String(repeating: "a", count: 101), "s", nil), FLX_E_INVALID_ARGUMENT)
    }

    func testEnumsAndRanges() {
        let cfg = newConfig()
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_environment(cfg, flx_environment(rawValue: 77), nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_scope(cfg, flx_scope(rawValue: 0), nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_timeouts(cfg, 0, 1000, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_timeouts(cfg, -5, 1000, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_timeouts(cfg, 1000, Int.max, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_lang(cfg, "de", nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_lang(cfg, "fr", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_connection_limits(cfg, 0, 300, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_connection_limits(cfg, 3601, 300, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_connection_limits(cfg, 50, -1, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_connection_limits(cfg, 50, 86_401, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_connection_limits(nil, 50, 300, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_config_set_connection_limits(cfg, 1, 0, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_http_version(cfg, flx_http_version(rawValue: 2), nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_http_version(cfg, FLX_HTTP_1_1, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_http_version(cfg, FLX_HTTP_2_OVER_TLS, nil), FLX_OK)
    }

    func testSessionNeedsCredentialsAndAnEnvironment() {
        let cfg = newConfig()
        defer { flx_config_free(cfg) }
        var session: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &session, &err), FLX_E_INVALID_ARGUMENT)
        XCTAssertNil(session)
        flx_error_free(err)
        XCTAssertEqual(flx_config_set_environment(cfg, FLX_ENV_MERCHANT_INTEGRATION, nil), FLX_OK)
        XCTAssertEqual(flx_session_new(cfg, &session, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_config_set_credentials(cfg, "id", "secret", nil), FLX_OK)
        XCTAssertEqual(flx_session_new(cfg, nil, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_session_new(cfg, &session, nil), FLX_OK)
        flx_session_free(session)
    }

    func testLookupArguments() {
        let cfg = newConfig()
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, "http://127.0.0.1:9/flexiti/pos-api", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "id", "secret", nil), FLX_OK)
        var session: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &session, nil), FLX_OK)
        defer { flx_session_free(session) }
        var customer: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, nil, &customer, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "1", nil, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_customer_lookup(session, flx_customer_key(rawValue: 9), "1", &customer, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "", &customer, nil), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "-5", &customer, nil), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "123456789012345", &customer, nil), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_VCC_NUMBER, "123", &customer, nil), FLX_E_WRONG_INPUTS)
        XCTAssertNil(customer)
        // A well-formed value reaches the (closed) port: a network error, not a crash.
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &customer, nil), FLX_E_CONNECT)
    }
}
