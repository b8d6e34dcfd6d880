import CFlexiti
import Flexiti
import Foundation
import XCTest

/// What a hostile or broken server can send, through the C API: numbers near the limits of
/// Int64, malformed tokens, echoed secrets, spoofed number markers, giant headers. Each answer
/// comes from a HostileServer, byte for byte.
final class HostileAnswerTests: XCTestCase {
    var server: HostileServer!
    let secret = "S3cr3t-client-ZZQ"

    override func tearDown() {
        server?.stop()
    }

    func str(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }

    /// A session on the hostile server (no retries, short timeouts).
    func session(proxy: String? = nil, file: StaticString = #filePath, line: UInt = #line) -> OpaquePointer? {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK, file: file, line: line)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, server.baseURL, nil), FLX_OK, file: file, line: line)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", secret, nil), FLX_OK, file: file, line: line)
        XCTAssertEqual(flx_config_set_retries(cfg, 0, 0, 0, nil), FLX_OK, file: file, line: line)
        XCTAssertEqual(flx_config_set_timeouts(cfg, 3000, 5000, nil), FLX_OK, file: file, line: line)
        var s: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &s, nil), FLX_OK, file: file, line: line)
        return s
    }

    /// Answers the token request with `token` and every other request with `other`.
    func serve(token: @escaping () -> [UInt8] = { HostileServer.token() }, other: @escaping (HostileServer.Request) -> [UInt8]) throws {
        server = try HostileServer { r in r.path.hasSuffix("/oauth/token") ? token() : other(r) }
    }

    func lookup(_ s: OpaquePointer?) -> (flx_code, OpaquePointer?, OpaquePointer?) {
        var c: OpaquePointer?, err: OpaquePointer?
        let rc = flx_customer_lookup(s, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &c, &err)
        return (rc, c, err)
    }

    /// expires_in: none of these is a believable token lifetime.
    static let hostileIntegers = ["9223372036854775807", "9223372036854775000", "-9223372036854775808", "9223372036854775808",
                                  "1e400", "-1e400", "0.5", "1E2"]
    /// Not an Int64 (ids, counts, totals, page sizes, plan ids, terms).
    static let unreadableIntegers = ["9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "0.5", "1E2", "1.0"]
    /// Not an amount of at most 16 integer digits and 2 decimals.
    static let unreadableAmounts = ["9223372036854775807", "9223372036854775000", "-9223372036854775808", "9223372036854775808",
                                    "1e400", "-1e400", "1E2", "0.001", "10000000000000000.00"]

    // MARK: - Token answers

    /// expires_in near Int64.max used to trap (SIGILL) in the renewal arithmetic: every absurd
    /// value, as number and as string, is a malformed answer now, and the process lives on.
    func testAbsurdExpiresInIsMalformedNotACrash() throws {
        var expires = "0"
        try serve(token: { HostileServer.token(expiresIn: expires) }) { _ in HostileServer.http(200, #"{"customer_id":"1","account_number":"116994755"}"#) }
        let values = ["0", "-1", #""0""#, #""-1""#, "true", "null", #""""#, #""1 h""#]
            + Self.hostileIntegers.flatMap { [$0, "\"\($0)\""] } + ["31622401", #""31622401""#]
        for v in values {
            expires = v
            let s = session()
            var err: OpaquePointer?
            XCTAssertEqual(flx_session_authenticate(s, &err), FLX_E_MALFORMED_RESPONSE, "expires_in \(v)")
            XCTAssertTrue(str(flx_error_message(err)).contains("expires_in"), "expires_in \(v): \(str(flx_error_message(err)))")
            flx_error_free(err)
            flx_session_free(s)
        }
        // A sane value, as number and as string, still works.
        for v in ["3600", #""3600""#, "1"] {
            expires = v
            let s = session()
            XCTAssertEqual(flx_session_authenticate(s, nil), FLX_OK, "expires_in \(v)")
            flx_session_free(s)
        }
    }

    /// A token that could never be sent is not cached: the call fails as malformed and the next
    /// call asks for a new token.
    func testMalformedTokenIsRefusedAndTheNextCallAsksAgain() throws {
        let bad = ["with space", "crlf\\r\\nx-injected: 1", "caf\u{e9}", "tab\\there", String(repeating: "a", count: 2000), ""]
        var token = bad[0]
        try serve(token: { HostileServer.token(token) }) { _ in HostileServer.http(200, #"{"customer_id":"77","account_number":"116994755","first_name":"Ann"}"#) }
        for t in bad {
            token = t
            let s = session()
            let (rc, c, err) = lookup(s)
            XCTAssertEqual(rc, FLX_E_MALFORMED_RESPONSE, "token \(t.prefix(20)): \(str(flx_error_message(err)))")
            flx_error_free(err)
            flx_customer_free(c)
            // The server mends its ways: the same session fetches a new token and succeeds.
            token = "good-token-123"
            let (rc2, c2, err2) = lookup(s)
            XCTAssertEqual(rc2, FLX_OK, "after token \(t.prefix(20)): \(str(flx_error_message(err2)))")
            XCTAssertEqual(str(flx_customer_first_name(c2)), "Ann")
            var tokens: UInt64 = 0
            XCTAssertEqual(flx_session_stats(s, nil, nil, &tokens), FLX_OK)
            XCTAssertEqual(tokens, 2, "token \(t.prefix(20))")
            flx_customer_free(c2)
            flx_error_free(err2)
            flx_session_free(s)
        }
    }

    // MARK: - Numbers in answers

    /// Every amount and integer field the getters read: unreadable values make the answer
    /// malformed (not 0, the same as absent); readable ones at the edges read exactly.
    func testUnreadableNumbersAreMalformedNotZero() throws {
        var body = ""
        try serve { _ in HostileServer.http(200, body) }
        let s = session()
        defer { flx_session_free(s) }
        let shapes: [(String, (String) -> String)] = [
            ("credit_limit", { #"{"customer_id":"1","account_number":"116994755","credit_limit":\#($0)}"# }),
            ("available_credit", { #"{"customer_id":"1","account_number":"116994755","available_credit":\#($0)}"# }),
            ("security_qid.id", { #"{"customer_id":"1","account_number":"116994755","security_qid":{"id":\#($0),"text":"Pet?"}}"# }),
            ("plan_id", { #"{"customer_id":"1","account_number":"116994755","offer_types":[{"plan_id":\#($0),"term_options":[12]}]}"# }),
            ("term_options", { #"{"customer_id":"1","account_number":"116994755","offer_types":[{"plan_id":1,"term_options":[\#($0)]}]}"# }),
            ("total", { #"{"customer_id":"1","account_number":"116994755","total":\#($0)}"# }),
        ]
        for (field, make) in shapes {
            let unreadable = field.hasSuffix("_credit") || field.hasSuffix("_limit") ? Self.unreadableAmounts : Self.unreadableIntegers
            for v in unreadable + unreadable.map({ "\"\($0)\"" }) + ["true", #""abc""#, #""1 2""#] {
                body = make(v)
                let (rc, c, err) = lookup(s)
                XCTAssertEqual(rc, FLX_E_MALFORMED_RESPONSE, "\(field) = \(v)")
                XCTAssertTrue(str(flx_error_message(err)).contains(field), "\(field) = \(v): \(str(flx_error_message(err)))")
                flx_customer_free(c)
                flx_error_free(err)
            }
        }
        // Readable edge values read exactly; absent, null and "" read as 0.
        for (v, cents) in [("0", Int64(0)), ("-1", -100), (#""-1""#, -100), ("0.5", 50), ("99999999999999.99", 9_999_999_999_999_999),
                           ("-99999999999999.99", -9_999_999_999_999_999), ("null", 0), (#""""#, 0)] {
            body = #"{"customer_id":"1","account_number":"116994755","credit_limit":\#(v)}"#
            let (rc, c, err) = lookup(s)
            XCTAssertEqual(rc, FLX_OK, "credit_limit = \(v): \(str(flx_error_message(err)))")
            XCTAssertEqual(flx_customer_credit_limit_cents(c), cents, "credit_limit = \(v)")
            flx_customer_free(c)
            flx_error_free(err)
        }
        for (v, id) in [("0", Int64(0)), ("-1", -1), ("9223372036854775807", Int64.max), (#""-9223372036854775808""#, Int64.min)] {
            body = #"{"customer_id":"1","account_number":"116994755","security_qid":{"id":\#(v)},"offer_types":[{"plan_id":\#(v),"term_options":[\#(v)]}]}"#
            let (rc, c, err) = lookup(s)
            XCTAssertEqual(rc, FLX_OK, "id = \(v): \(str(flx_error_message(err)))")
            XCTAssertEqual(flx_customer_security_question_id(c), id, "security_qid.id = \(v)")
            XCTAssertEqual(flx_customer_offer_plan_id(c, 0), id, "plan_id = \(v)")
            XCTAssertEqual(flx_customer_offer_term(c, 0, 0), id, "term_options = \(v)")
            flx_customer_free(c)
            flx_error_free(err)
        }
    }

    /// A success answer with a repeated key is malformed, wherever the key is repeated, and
    /// even when an unreadable number comes first; ids sent as integers read back as sent.
    func testRepeatedKeysMakeAnAnswerMalformed() throws {
        var body = ""
        try serve { _ in HostileServer.http(200, body) }
        let s = session()
        defer { flx_session_free(s) }
        for bad in [#"{"customer_id":"1","account_number":116994755,"customer_id":"2"}"#,
                    #"{"customer_id":"1","offer_types":[{"plan_id":1,"term_options":[12],"plan_id":2}]}"#,
                    #"{"customer_id":"1","credit_limit":1e400,"security_qid":{"id":1,"text":"a","text":"b"}}"#] {
            body = bad
            let (rc, c, err) = lookup(s)
            XCTAssertEqual(rc, FLX_E_MALFORMED_RESPONSE, bad)
            XCTAssertTrue(str(flx_error_message(err)).contains("not valid JSON"), "\(bad): \(str(flx_error_message(err)))")
            flx_customer_free(c)
            flx_error_free(err)
        }
        body = #"{"customer_id":"1","account_number":116994755,"security_qid":{"id":-0},"offer_types":[{"plan_id":999999999999999999,"term_options":[]}]}"#
        let (rc, c, err) = lookup(s)
        XCTAssertEqual(rc, FLX_OK, str(flx_error_message(err)))
        let number = flx_customer_account_number(c)
        XCTAssertEqual(str(number), "116994755")
        XCTAssertEqual(flx_customer_account_number(c), number, "the same lent text each time")
        XCTAssertEqual(flx_customer_offer_plan_id(c, 0), 999_999_999_999_999_999)
        XCTAssertEqual(flx_customer_security_question_id(c), 0)
        flx_customer_free(c)
        flx_error_free(err)
    }

    /// A string that begins with the parser's private number marker stays a string.
    func testStringContentCannotPassForANumber() throws {
        try serve { _ in HostileServer.http(200, #"{"customer_id":"1","account_number":"116994755","first_name":"\u0001#5","last_name":"\u0002x","credit_limit":"\u0001#99"}"#) }
        let s = session()
        defer { flx_session_free(s) }
        let (rc, c, err) = lookup(s)
        defer { flx_customer_free(c); flx_error_free(err) }
        // credit_limit is a string that is no amount: malformed, not 99 dollars.
        XCTAssertEqual(rc, FLX_E_MALFORMED_RESPONSE, str(flx_error_message(err)))
        server.setAnswer { r in r.path.hasSuffix("/oauth/token") ? HostileServer.token()
            : HostileServer.http(200, #"{"customer_id":"1","account_number":"116994755","first_name":"\u0001#5","last_name":"\u0002x"}"#) }
        let (rc2, c2, err2) = lookup(s)
        defer { flx_customer_free(c2); flx_error_free(err2) }
        XCTAssertEqual(rc2, FLX_OK, str(flx_error_message(err2)))
        XCTAssertEqual(str(flx_customer_first_name(c2)), "\u{01}#5")
        XCTAssertEqual(str(flx_customer_last_name(c2)), "\u{02}x")

        // The marker in use (a leading DEL), raw or escaped, alone or doubled.
        server.setAnswer { r in r.path.hasSuffix("/oauth/token") ? HostileServer.token()
            : HostileServer.http(200, "{\"customer_id\":\"1\",\"account_number\":\"116994755\",\"credit_limit\":\"\u{7F}99\"}") }
        let (rc3, c3, err3) = lookup(s)
        defer { flx_customer_free(c3); flx_error_free(err3) }
        XCTAssertEqual(rc3, FLX_E_MALFORMED_RESPONSE, "a DEL-led amount is a string that is no amount")
        server.setAnswer { r in r.path.hasSuffix("/oauth/token") ? HostileServer.token()
            : HostileServer.http(200, "{\"customer_id\":\"1\",\"account_number\":\"116994755\",\"first_name\":\"\u{7F}5\","
                                 + #""last_name":"\u007f\u007F7","# + "\"city\":\"\u{7F}\u{7F}\"}") }
        let (rc4, c4, err4) = lookup(s)
        defer { flx_customer_free(c4); flx_error_free(err4) }
        XCTAssertEqual(rc4, FLX_OK, str(flx_error_message(err4)))
        XCTAssertEqual(str(flx_customer_first_name(c4)), "\u{7F}5")
        XCTAssertEqual(str(flx_customer_last_name(c4)), "\u{7F}\u{7F}7")
        XCTAssertEqual(str(flx_customer_city(c4)), "\u{7F}\u{7F}")
    }

    /// An answer far longer than libcurl's 4 KiB receive buffer arrives whole, in many pieces,
    /// whether its length is announced (the body is sized once) or not (chunked: it grows).
    func testALongAnswerArrivesWholeInManyPieces() throws {
        let name = String((0..<200_000).map { i in Character(Unicode.Scalar(UInt8(97 + i % 26))) })
        let body = #"{"customer_id":"1","account_number":"116994755","first_name":"\#(name)","last_name":"Last"}"#
        for chunked in [false, true] {
            if chunked { server.stop() }  // the first one's; tearDown stops the last
            try serve { _ in
                guard chunked else { return HostileServer.http(200, body) }
                var raw = Array("HTTP/1.1 200 X\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n".utf8)
                var rest = Substring(body)
                while !rest.isEmpty {
                    let piece = rest.prefix(3_000)
                    rest = rest.dropFirst(piece.count)
                    raw += Array((String(piece.utf8.count, radix: 16) + "\r\n" + piece + "\r\n").utf8)
                }
                return raw + Array("0\r\n\r\n".utf8)
            }
            let s = session()
            let (rc, c, err) = lookup(s)
            XCTAssertEqual(rc, FLX_OK, "chunked \(chunked): \(str(flx_error_message(err))) \(str(flx_error_transport_detail(err)))")
            XCTAssertEqual(str(flx_customer_first_name(c)), name, "chunked \(chunked)")
            XCTAssertEqual(str(flx_customer_last_name(c)), "Last", "chunked \(chunked)")
            flx_customer_free(c)
            flx_error_free(err)
            flx_session_free(s)
        }
    }

    /// A 1 MB answer header is a transport failure, not "out of memory".
    func testGiantHeaderIsATransportError() throws {
        let big = "x-big: " + String(repeating: "a", count: 1 << 20) + "\r\n"
        try serve { _ in HostileServer.http(200, #"{"customer_id":"1","account_number":"116994755"}"#, headers: big + "content-type: application/json\r\n") }
        let s = session()
        defer { flx_session_free(s) }
        let (rc, c, err) = lookup(s)
        XCTAssertEqual(rc, FLX_E_TRANSPORT, "\(str(flx_code_name(rc))): \(str(flx_error_message(err))) \(str(flx_error_transport_detail(err)))")
        flx_customer_free(c)
        flx_error_free(err)
    }

    // MARK: - Echoed secrets

    /// A server that echoes the request into every field of its error: neither the client secret
    /// (token request) nor the bearer token nor a PIN (authorization) reaches the error object.
    func testEchoedSecretsAreRedacted() throws {
        let token = "tok-ECHOED-98765"
        func echo(_ r: HostileServer.Request, _ error: String) -> [UInt8] {
            // The body as the server saw it, in every string field, in a JSON string.
            let raw = (r.bodyText + " " + r.head).replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\r\n", with: " ")
            return HostileServer.http(error == "invalid_client" ? 401 : 422, """
                {"error":"\(error)","message":"you sent \(raw)","field_errors":[
                {"param":"clientSecret \(raw)","msg":"\(raw)","value":"\(raw)","type":"\(raw)"},
                {"param":"verificationCode","msg":"bad","value":"\(raw)","type":"invalid"}]}
                """)
        }
        try serve(token: { [] }) { _ in [] }
        server.setAnswer { r in echo(r, "invalid_client") }
        let s = session()
        defer { flx_session_free(s) }
        var err: OpaquePointer?
        XCTAssertNotEqual(flx_session_authenticate(s, &err), FLX_OK)
        XCTAssertTrue(str(flx_error_message(err)).contains("client_id=flexitidemo"), "the echo arrived: \(str(flx_error_message(err)))")
        assertFree(of: [secret, secret.replacingOccurrences(of: "-", with: "%2D")], err, "token request")
        flx_error_free(err)

        let pin = "739184"
        server.setAnswer { r in r.path.hasSuffix("/oauth/token") ? HostileServer.token(token) : echo(r, "wrong_inputs") }
        var req: OpaquePointer?
        XCTAssertEqual(flx_request_new(FLX_REQUEST_AUTHORIZATION, &req, nil), FLX_OK)
        defer { flx_request_free(req) }
        for rc in [flx_request_set_account_number(req, "116994755", nil), flx_request_set_amount_cents(req, 10_000, nil),
                   flx_request_set_financing(req, FLX_PURCHASE_PROMOTIONAL, 4, 12, nil), flx_request_set_reference(req, "Order-1", nil),
                   flx_request_set_auto_capture(req, 1, nil),
                   flx_request_set_verification_code(req, pin, nil), flx_request_set_request_id(req, "req-1", nil),
                   flx_request_set_external_location_id(req, "00-12345", nil), flx_request_set_external_employee_id(req, "12345-SMITH", nil)] {
            XCTAssertEqual(rc, FLX_OK)
        }
        var auth: OpaquePointer?
        var err2: OpaquePointer?
        XCTAssertEqual(flx_authorization_create(s, req, &auth, &err2), FLX_E_WRONG_INPUTS, str(flx_error_message(err2)))
        XCTAssertTrue((0..<flx_error_field_count(err2)).contains { str(flx_error_field_value(err2, $0)).contains("Order-1") },
                      "the echo arrived: \((0..<flx_error_field_count(err2)).map { str(flx_error_field_param(err2, $0)) + ":" + str(flx_error_field_msg(err2, $0)) }) \(server.requests.map(\.path))")
        assertFree(of: [pin, token, secret], err2, "authorization")
        flx_error_free(err2)
        flx_authorization_free(auth)
    }

    func assertFree(of secrets: [String], _ err: OpaquePointer?, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        var strings = [flx_error_message(err), flx_error_api_error(err), flx_error_scenario(err), flx_error_path(err),
                       flx_error_transport_detail(err), flx_error_endpoint(err), flx_error_method(err)].map(str)
        for i in 0..<flx_error_field_count(err) {
            strings += [flx_error_field_param(err, i), flx_error_field_msg(err, i), flx_error_field_value(err, i),
                        flx_error_field_type(err, i)].map(str)
        }
        XCTAssertGreaterThan(flx_error_field_count(err), 0, label, file: file, line: line)
        for s in secrets {
            for text in strings { XCTAssertFalse(text.contains(s), "\(label): \(s) in \(text)", file: file, line: line) }
        }
    }

    // MARK: - Proxy

    /// Plain http:// leaves the machine through a proxy only when allowed explicitly.
    func testPlainHTTPThroughARemoteProxyIsRefused() throws {
        try serve { _ in HostileServer.http(200, "{}") }
        func sessionNew(base: String, proxy: String, allowInsecure: Bool = false) -> flx_code {
            var cfg: OpaquePointer?
            XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
            defer { flx_config_free(cfg) }
            XCTAssertEqual(flx_config_set_base_url(cfg, base, nil), FLX_OK)
            XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", secret, nil), FLX_OK)
            XCTAssertEqual(flx_config_set_proxy(cfg, proxy, nil), FLX_OK)
            if allowInsecure { XCTAssertEqual(flx_config_set_allow_insecure_http(cfg, 1, nil), FLX_OK) }
            var s: OpaquePointer?
            var err: OpaquePointer?
            let rc = flx_session_new(cfg, &s, &err)
            flx_session_free(s)
            flx_error_free(err)
            return rc
        }
        for proxy in ["http://192.0.2.7:3128", "192.0.2.7:3128", "socks5://user:pw@proxy.example", "http://127.0.0.1.evil.example:80",
                      "http://localhost@192.0.2.7:3128"] {
            XCTAssertEqual(sessionNew(base: server.baseURL, proxy: proxy), FLX_E_INSECURE_URL, proxy)
            XCTAssertEqual(sessionNew(base: server.baseURL, proxy: proxy, allowInsecure: true), FLX_OK, proxy)
            XCTAssertEqual(sessionNew(base: "https://posapi.example/flexiti/pos-api", proxy: proxy), FLX_OK, proxy)
        }
        for proxy in ["http://127.0.0.1:3128", "localhost:8080", "http://[::1]:3128", "http://user:pw@127.0.0.2:1"] {
            XCTAssertEqual(sessionNew(base: server.baseURL, proxy: proxy), FLX_OK, proxy)
        }
        XCTAssertTrue(server.requests.isEmpty)
    }

    // MARK: - Handles and lifetimes

    /// A freed handle stays invalid when the next object takes its memory (the usual case).
    func testFreedHandleIsMisuseEvenWhenItsMemoryIsReused() {
        for _ in 0..<100 {
            var old: OpaquePointer?, new: OpaquePointer?
            XCTAssertEqual(flx_request_new(FLX_REQUEST_REFUND, &old, nil), FLX_OK)
            XCTAssertEqual(flx_request_set_amount_cents(old, 500, nil), FLX_OK)
            flx_request_free(old)
            XCTAssertEqual(flx_request_new(FLX_REQUEST_REFUND, &new, nil), FLX_OK)
            XCTAssertEqual(flx_request_set_amount_cents(new, 100, nil), FLX_OK)
            var err: OpaquePointer?
            XCTAssertEqual(flx_request_set_amount_cents(old, 99999, &err), FLX_E_MISUSE)
            flx_error_free(err)
            flx_request_free(old)  // a second free of the stale handle is a no-op, not new's free
            XCTAssertEqual(flx_request_set_amount_cents(new, 200, nil), FLX_OK, "the newer request is untouched and alive")
            flx_request_free(new)
        }
        // Values the library never handed out.
        for bits in [UInt(1), 0xdead_beef, UInt.max, 0x7fff_ffff_0000_0001] {
            XCTAssertEqual(flx_request_set_amount_cents(OpaquePointer(bitPattern: bits), 1, nil), FLX_E_MISUSE)
        }
    }

    /// Freeing a session with a live iterator: the iterator sends nothing more.
    func testIteratorOfAFreedSessionSendsNothing() throws {
        let page = #"{"total":4,"page_size":2,"authorizations":[{"authorization_id":"1","amount":1},{"authorization_id":"2","amount":2}]}"#
        try serve { _ in HostileServer.http(200, page) }
        let s = session()
        var it: OpaquePointer?
        XCTAssertEqual(flx_authorization_iter_new(s, nil, &it, nil), FLX_OK)
        defer { flx_authorization_iter_free(it) }
        var a: OpaquePointer?
        XCTAssertEqual(flx_authorization_iter_next(it, &a, nil), FLX_OK)
        XCTAssertNotNil(a)
        flx_authorization_free(a)
        let before = server.requests.count
        XCTAssertEqual(before, 2, "token + page 1")
        flx_session_free(s)
        for _ in 0..<3 {
            var b: OpaquePointer?
            var err: OpaquePointer?
            // The buffered item may still be handed out; no new page is fetched.
            let rc = flx_authorization_iter_next(it, &b, &err)
            XCTAssertTrue(rc == FLX_OK || rc == FLX_E_MISUSE, str(flx_code_name(rc)))
            flx_authorization_free(b)
            flx_error_free(err)
        }
        var b: OpaquePointer?
        XCTAssertEqual(flx_authorization_iter_next(it, &b, nil), FLX_E_MISUSE)
        XCTAssertEqual(server.requests.count, before, "nothing sent after flx_session_free")
    }

    /// Listing totals and page sizes at the ends of Int64 neither trap nor loop; unreadable
    /// ones make the page malformed.
    func testListingCountsAtTheLimits() throws {
        var body = ""
        try serve { _ in HostileServer.http(200, body) }
        let s = session()
        defer { flx_session_free(s) }
        let items = #""authorizations":[{"authorization_id":"1","amount":"1.00"},{"authorization_id":"2","amount":"2.00"}]"#
        func iterate() -> (count: Int, code: flx_code) {
            var it: OpaquePointer?
            XCTAssertEqual(flx_authorization_iter_new(s, nil, &it, nil), FLX_OK)
            defer { flx_authorization_iter_free(it) }
            for n in 0..<10 {
                var a: OpaquePointer?
                var err: OpaquePointer?
                let rc = flx_authorization_iter_next(it, &a, &err)
                flx_error_free(err)
                guard rc == FLX_OK, let item = a else { return (n, rc) }
                flx_authorization_free(item)
            }
            return (10, FLX_OK)
        }
        for (total, size) in [("9223372036854775807", "-9223372036854775808"), ("-9223372036854775808", "9223372036854775807"),
                              ("0", "0"), ("-1", "-1"), ("null", "1"), (#""9223372036854775807""#, #""-1""#)] {
            body = #"{"total":\#(total),"page_size":\#(size),\#(items)}"#
            // The same page served again is a repeat: the listing ends after its 2 items.
            let (count, code) = iterate()
            XCTAssertEqual(count, 2, "total \(total), page_size \(size)")
            XCTAssertEqual(code, FLX_OK, "total \(total), page_size \(size)")
        }
        for bad in Self.unreadableIntegers + [#""x""#, "true"] {
            body = #"{"total":\#(bad),"page_size":2,\#(items)}"#
            let (count, code) = iterate()
            XCTAssertEqual(count, 0, "total \(bad)")
            XCTAssertEqual(code, FLX_E_MALFORMED_RESPONSE, "total \(bad)")
        }
    }
}
