import Foundation
import XCTest
@testable import FlexitiSandbox
#if canImport(Glibc)
import Glibc
#endif

/// One raw HTTP/1.1 exchange over a fresh TCP connection, so tests see exactly what reached the wire.
struct RawExchange {
    var bytes: [UInt8]
    /// errno of the failing recv (ECONNRESET for a reset), 0 for a clean EOF.
    var errno: Int32
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var status: Int? {
        let parts = text.split(separator: " ", maxSplits: 2)
        return parts.count > 1 ? Int(parts[1]) : nil
    }
    var body: String { text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n") }
}

func rawRequest(port: Int, _ request: String) -> RawExchange {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var tv = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let ok = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard ok == 0 else { return RawExchange(bytes: [], errno: Glibc.errno) }
    let data = Array(request.utf8)
    _ = data.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = recv(fd, &buf, buf.count, 0)
        if n > 0 { out.append(contentsOf: buf[0..<n]); continue }
        return RawExchange(bytes: out, errno: n == 0 ? 0 : Glibc.errno)
    }
}

final class FaultTests: XCTestCase {
    func request(_ h: Harness, _ token: String, path: String = "/customers/lookup?account_number=116994755",
                 method: String = "GET", body: String = "", extraHeaders: String = "") -> RawExchange {
        rawRequest(port: h.sandbox.port, """
            \(method) /flexiti/pos-api/v2.5/client-id/flexitidemo\(path) HTTP/1.1\r
            Host: 127.0.0.1\r
            authorization: Bearer \(token)\r
            x-reference-id: fault-test\r
            content-type: application/json\r
            content-length: \(body.utf8.count)\r
            \(extraHeaders)connection: close\r
            \r
            \(body)
            """)
    }

    func testCloseBeforeResponse() throws {
        let h = try Harness()
        let tok = h.accessToken()
        h.sandbox.addFault(SandboxFault(.close, pathSuffix: "/customers/lookup"))
        let r = request(h, tok)
        XCTAssertTrue(r.bytes.isEmpty, r.text)
        // count 1: the next request is served normally.
        XCTAssertEqual(request(h, tok).status, 200)
    }

    func testResetMidBody() throws {
        let h = try Harness()
        let tok = h.accessToken()
        h.sandbox.addFault(SandboxFault(.reset, method: "GET"))
        let r = request(h, tok)
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.errno, ECONNRESET)
        let declared = r.text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        XCTAssertGreaterThan(declared, r.body.utf8.count)
        XCTAssertGreaterThan(r.body.utf8.count, 0)
    }

    func testTruncatedJSONAndGarbage() throws {
        let h = try Harness()
        let tok = h.accessToken()
        h.sandbox.addFault(SandboxFault(.truncatedJSON, pathSuffix: "/lookup"))
        let t = h.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: tok)
        XCTAssertEqual(t.status, 200)
        XCTAssertNil(t.json)
        XCTAssertTrue(t.text.hasPrefix("{\"available_credit\""))
        h.sandbox.addFault(SandboxFault(.garbage200))
        let g = h.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994757", token: tok)
        XCTAssertEqual(g.status, 200)
        XCTAssertNil(g.json)
    }

    func testFirewallAndServerErrors() throws {
        let h = try Harness()
        let tok = h.accessToken()
        for (kind, status) in [(SandboxFault.Kind.html465, 465), (.html466, 466), (.html467, 467), (.http500, 500),
                               (.http502, 502), (.http503, 503), (.http504, 504)] {
            h.sandbox.addFault(SandboxFault(kind, pathSuffix: "/lookup"))
            let r = h.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: tok)
            XCTAssertEqual(r.status, status, "\(kind)")
            if kind == .http500 { XCTAssertNotNil(r.json) } else { XCTAssertTrue(r.text.hasPrefix("<!DOCTYPE html>"), "\(kind)") }
        }
        h.sandbox.addFault(SandboxFault(.error, status: 409, error: "general_error", message: "injected"))
        XCTAssertAPIError(h.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: tok),
                          409, "general_error")
    }

    /// The double-capture case: the capture is applied, the answer never arrives, a blind retry captures again.
    func testDropResponseAppliesTheOperation() throws {
        let h = try Harness()
        let tok = h.accessToken()
        h.sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: "/capture"))
        let lost = request(h, tok, path: "/authorization/1000000000000005/capture", method: "POST", body: #"{"amount":100}"#)
        XCTAssertTrue(lost.bytes.isEmpty)
        let auth = h.call("GET", "/client-id/flexitidemo/authorization/1000000000000005", token: tok)
        XCTAssertEqual(auth["remaining_amount"], .number("900.00"))
        XCTAssertEqual(auth["captures"]?.arrayValue?.count, 1)
        // Retrying with the same idempotency key is safe; without one it would capture twice.
        h.sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: "/capture"))
        let key = ["x-idempotency-key": "cap-1"]
        let lostAgain = request(h, tok, path: "/authorization/1000000000000005/capture", method: "POST",
                                body: #"{"amount":100}"#, extraHeaders: "x-idempotency-key: cap-1\r\n")
        XCTAssertTrue(lostAgain.bytes.isEmpty)
        let retry = h.call("POST", "/client-id/flexitidemo/authorization/1000000000000005/capture", token: tok,
                           body: #"{"amount":100}"#, headers: key)
        XCTAssertEqual(retry.status, 200)
        XCTAssertEqual(retry["remaining_authorization_amount"], .number("800.00"))
    }

    func testScheduleMatchingSkipAndCount() throws {
        let h = try Harness()
        let tok = h.accessToken()
        h.sandbox.addFault(SandboxFault(.http503, method: "GET", pathSuffix: "/lookup", count: 2, skip: 1))
        let lookup = "/client-id/flexitidemo/customers/lookup?account_number=116994755"
        XCTAssertEqual(h.call("POST", "/client-id/flexitidemo/i18n", token: tok).status, 200)   // not matched
        XCTAssertEqual(h.call("GET", lookup, token: tok).status, 200)                          // skipped
        XCTAssertEqual(h.call("GET", lookup, token: tok).status, 503)
        XCTAssertEqual(h.call("GET", lookup, token: tok).status, 503)
        XCTAssertEqual(h.call("GET", lookup, token: tok).status, 200)                          // disarmed
        XCTAssertTrue(h.sandbox.faults.isEmpty)
        h.sandbox.addFault(SandboxFault(.delay, count: 0, delayMs: 0))
        XCTAssertEqual(h.call("GET", lookup, token: tok).status, 200)
        XCTAssertEqual(h.sandbox.faults.count, 1)                                             // count 0: until cleared
        h.sandbox.clearFaults()
        XCTAssertTrue(h.sandbox.faults.isEmpty)
    }

    func testAdminEndpoints() throws {
        let h = try Harness()
        let root = h.sandbox.rootURL
        let add = HTTP.send("POST", root + "/_sandbox/faults",
                            body: #"{"path_suffix":"/lookup","method":"GET","count":1,"fault":"html_466"}"#)
        XCTAssertEqual(add.status, 200, add.text)
        XCTAssertEqual(add["faults"]?.arrayValue?.first?["fault"]?.stringValue, "html_466")
        XCTAssertEqual(h.api("GET", "/customers/lookup?account_number=116994755").status, 466)
        XCTAssertEqual(HTTP.send("POST", root + "/_sandbox/faults", body: #"{"fault":"nope"}"#).status, 400)
        _ = HTTP.send("POST", root + "/_sandbox/faults", body: #"[{"fault":"http_500"},{"fault":"http_502"}]"#)
        XCTAssertEqual(HTTP.send("GET", root + "/_sandbox/faults")["faults"]?.arrayValue?.count, 2)
        XCTAssertEqual(HTTP.send("DELETE", root + "/_sandbox/faults")["faults"]?.arrayValue?.count, 0)

        XCTAssertEqual(h.api("POST", "/authorization/1000000000000005/capture", body: #"{"amount":1}"#).status, 200)
        let state = HTTP.send("GET", root + "/_sandbox/state")
        let auth5 = state["authorizations"]?.arrayValue?.first { $0["authorization_id"] == .number("1000000000000005") }
        XCTAssertEqual(auth5?["remaining_amount"], .number("999.00"))
        XCTAssertEqual(HTTP.send("POST", root + "/_sandbox/reset").status, 200)
        let after = HTTP.send("GET", root + "/_sandbox/state")
        let again = after["authorizations"]?.arrayValue?.first { $0["authorization_id"] == .number("1000000000000005") }
        XCTAssertEqual(again?["remaining_amount"], .number("1000.00"))

        let tok = h.accessToken()
        let clock = HTTP.send("POST", root + "/_sandbox/clock", body: #"{"advance_seconds":1200}"#)
        XCTAssertEqual(clock.status, 200)
        XCTAssertAPIError(h.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: tok),
                          401, "invalid_token")
    }

    func testExpect100ContinueIsAnswered() throws {
        let h = try Harness()
        let r = request(h, h.accessToken(), path: "/authorization/1000000000000005/capture", method: "POST",
                        body: #"{"amount":1}"#, extraHeaders: "expect: 100-continue\r\n")
        XCTAssertTrue(r.text.hasPrefix("HTTP/1.1 100 Continue\r\n"), r.text)
        XCTAssertTrue(r.text.contains("HTTP/1.1 200 OK"), r.text)
    }
}
