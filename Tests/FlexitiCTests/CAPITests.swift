import Foundation
import CFlexiti
import Flexiti
import FlexitiSandbox
import XCTest

/// The C API through the real header (module CFlexiti imports include/flexiti.h), against
/// flexiti-sandbox over HTTP on loopback.
final class CAPITests: XCTestCase {
    var sandbox: RunningSandbox!

    override func setUpWithError() throws { sandbox = try Sandbox.start() }
    override func tearDown() { sandbox?.stop() }

    func str(_ p: UnsafePointer<CChar>?) -> String? { p.map { String(cString: $0) } }

    func openSession(secret: String = "flexitidemo-secret") throws -> OpaquePointer {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, sandbox.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", secret, nil), FLX_OK)
        var session: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &session, nil), FLX_OK)
        return try XCTUnwrap(session)
    }

    func testVersionAgreesWithTheHeader() throws {
        XCTAssertEqual(str(flx_version()), FLX_VERSION_STRING)
        // FLX_VERSION_NUM is a macro expression Swift does not import: a C compiler evaluates
        // the header's own macro, and the library must answer the same number.
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("flx-version-" + UUID().uuidString)
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let source = dir.appendingPathComponent("version.c"), program = dir.appendingPathComponent("version")
        try "#include <stdio.h>\n#include \"flexiti.h\"\nint main(void) { printf(\"%lu\", (unsigned long)FLX_VERSION_NUM); return 0; }\n"
            .write(to: source, atomically: true, encoding: .utf8)
        let include = URL(fileURLWithPath: BadInputTableTests.headerPath).deletingLastPathComponent().path
        guard Self.run("/usr/bin/env", ["cc", "-I", include, source.path, "-o", program.path]) != nil else {
            throw XCTSkip("no C compiler (cc) to evaluate FLX_VERSION_NUM")
        }
        let printed = try XCTUnwrap(Self.run(program.path, []))
        XCTAssertEqual(UInt32(printed), flx_version_num(), "FLX_VERSION_NUM as C computes it")
    }

    /// Runs a program; its standard output, or nil when it fails.
    static func run(_ path: String, _ args: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func testCodeNamesAndDescriptionsNeverNull() {
        XCTAssertEqual(str(flx_code_name(FLX_E_AUTH_AMOUNT_EXCEEDED)), "auth_amount_exceeded")
        XCTAssertEqual(str(flx_code_name(FLX_E_INSUFFICIENT_SCOPE)), "Insufficient scope: authorized scope is insufficient")
        XCTAssertEqual(str(flx_code_name(FLX_OK)), "ok")
        XCTAssertEqual(str(flx_code_name(flx_code(rawValue: 9999))), "unknown_code")
        // Every code the header declares has its own name; every other number reads unknown_code.
        let header = (try? String(contentsOfFile: BadInputTableTests.headerPath, encoding: .utf8)) ?? ""
        var declared: Set<UInt32> = []
        for line in header.split(separator: "\n") {
            let t = line.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard t.count == 2, t[0].hasPrefix("FLX_E_") || t[0] == "FLX_OK",
                  let n = UInt32(t[1].prefix { $0.isNumber }) else { continue }
            declared.insert(n)
        }
        XCTAssertGreaterThan(declared.count, 50, "codes read from the header")
        var names: [String: UInt32] = [:]
        for raw in UInt32(0)..<300 {
            let name = str(flx_code_name(flx_code(rawValue: raw))) ?? ""
            XCTAssertFalse(str(flx_strerror(flx_code(rawValue: raw)))?.isEmpty ?? true)
            if declared.contains(raw) {
                XCTAssertNotEqual(name, "unknown_code", "code \(raw)")
                XCTAssertNil(names[name], "codes \(raw) and \(names[name] ?? 0) share the name \(name)")
                names[name] = raw
            } else {
                XCTAssertEqual(name, "unknown_code", "code \(raw) is not in the header")
            }
        }
        XCTAssertEqual(str(flx_strerror(FLX_E_AUTH_AMOUNT_EXCEEDED)), "Capture amount is greater than the remaining credit authorization amount.")
    }

    /// The header's promise: init is idempotent, cleanup does nothing, in any number and order.
    func testGlobalInitIdempotentAndCleanupHarmless() throws {
        flx_global_cleanup()  // before any init
        XCTAssertEqual(flx_global_init(), FLX_OK)
        XCTAssertEqual(flx_global_init(), FLX_OK)
        for _ in 0..<3 { flx_global_cleanup() }  // more cleanups than inits
        let session = try openSession()
        defer { flx_session_free(session) }
        var customer: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_VCC_NUMBER, "1070015210367982", &customer, &err), FLX_OK,
                       "libcurl still usable after the cleanups")
        XCTAssertNil(err)
        flx_error_free(err)
        flx_customer_free(customer)
        XCTAssertEqual(flx_global_init(), FLX_OK)
    }

    func testLookupThroughTheCAPI() throws {
        let session = try openSession()
        defer { flx_session_free(session) }
        var customer: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_VCC_NUMBER, "1070015210367982", &customer, &err), FLX_OK)
        XCTAssertNil(err)
        defer { flx_customer_free(customer) }
        XCTAssertEqual(str(flx_customer_account_number(customer)), "116994755")
        XCTAssertEqual(str(flx_customer_first_name(customer)), "Flexiti")
        XCTAssertEqual(str(flx_customer_account_status(customer)), "N")
        XCTAssertEqual(str(flx_customer_account_status_reason_code(customer)), "NNOR")
        XCTAssertEqual(str(flx_customer_account_type(customer)), "consumer")
        XCTAssertEqual(flx_customer_credit_limit_cents(customer), 1_500_000)
        XCTAssertEqual(flx_customer_available_credit_cents(customer), 1_400_000)
        XCTAssertTrue((4...9).contains(flx_customer_security_question_id(customer)))
        XCTAssertFalse(str(flx_customer_security_question_text(customer))!.isEmpty)
        // Borrowed strings are stable: the same pointer every time.
        XCTAssertEqual(flx_customer_first_name(customer), flx_customer_first_name(customer))

        var requests: UInt64 = 0, connections: UInt64 = 0, tokens: UInt64 = 0
        XCTAssertEqual(flx_session_stats(session, &requests, &connections, &tokens), FLX_OK)
        XCTAssertEqual([requests, connections, tokens], [2, 1, 1])
    }

    func testErrorDetailsReachableFromC() throws {
        let session = try openSession()
        defer { flx_session_free(session) }
        var customer: OpaquePointer?
        var err: OpaquePointer?
        let rc = flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "999999999", &customer, &err)
        XCTAssertEqual(rc, FLX_E_NOT_FOUND)
        XCTAssertNil(customer, "outputs are written only on success")
        defer { flx_error_free(err) }
        XCTAssertEqual(flx_error_code(err), FLX_E_NOT_FOUND)
        XCTAssertEqual(flx_error_http_status(err), 404)
        XCTAssertEqual(str(flx_error_api_error(err)), "not_found")
        XCTAssertEqual(str(flx_error_scenario(err)), "Customer Account not found")
        XCTAssertEqual(str(flx_error_method(err)), "GET")
        XCTAssertEqual(str(flx_error_endpoint(err)), "/client-id/{client_id}/customers/lookup")
        XCTAssertEqual(str(flx_error_path(err)), "/flexiti/pos-api/v2.5/client-id/flexitidemo/customers/lookup")
        XCTAssertEqual(str(flx_error_reference_id(err))?.count, 32)
        XCTAssertEqual(flx_error_retryable(err), 0)
        XCTAssertEqual(flx_error_attempts(err), 1)
        XCTAssertEqual(flx_error_field_count(err), 0)
        XCTAssertNil(flx_error_field_param(err, 0))
    }

    func testFieldErrorsReachableFromC() throws {
        let session = try openSession()
        defer { flx_session_free(session) }
        var customer: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "12ab", &customer, &err), FLX_E_WRONG_INPUTS)
        defer { flx_error_free(err) }
        XCTAssertEqual(flx_error_field_count(err), 1)
        XCTAssertEqual(str(flx_error_field_param(err, 0)), "account_number")
        XCTAssertEqual(str(flx_error_field_msg(err, 0)), "Value different to a number.")
        XCTAssertEqual(str(flx_error_field_value(err, 0)), "12ab")
        XCTAssertEqual(str(flx_error_field_type(err, 0)), "type")
        XCTAssertNil(flx_error_field_type(err, 1))
        XCTAssertEqual(flx_error_http_status(err), 0)
        XCTAssertEqual(sandbox.requestCount, 0)
    }

    func testWrongSecretFromC() throws {
        let session = try openSession(secret: "not-the-secret")
        defer { flx_session_free(session) }
        var err: OpaquePointer?
        XCTAssertEqual(flx_session_authenticate(session, &err), FLX_E_INVALID_CLIENT)
        defer { flx_error_free(err) }
        XCTAssertEqual(flx_error_http_status(err), 400)
        XCTAssertEqual(str(flx_error_scenario(err)), "Wrong or missing client id or client_secret")
        XCTAssertFalse(str(flx_error_message(err))!.contains("not-the-secret"))
    }
}
