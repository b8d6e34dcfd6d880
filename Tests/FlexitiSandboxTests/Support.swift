import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import XCTest
@testable import FlexitiSandbox

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let t: Mutex<Int64>
    init(_ start: Int64 = 1_764_000_000) { t = Mutex(start) }   // 2025-11-24
    func now() -> Int64 { t.withLock { $0 } }
    func advance(_ s: Int64) { t.withLock { $0 += s } }
}

struct HTTPResult {
    var status: Int
    var headers: [String: String]
    var body: Data
    var error: Error?
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSON? { try? JSON.parse(Array(body)) }
    subscript(key: String) -> JSON? { json?[key] }
}

/// Minimal blocking HTTP client over URLSession (tests only).
enum HTTP {
    static let session: URLSession = {
        let c = URLSessionConfiguration.ephemeral
        c.timeoutIntervalForRequest = 10
        return URLSession(configuration: c)
    }()

    static func send(_ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil) -> HTTPResult {
        var req = URLRequest(url: URL(string: url)!)
        req.httpMethod = method
        for (k, v) in headers { req.setValue(v, forHTTPHeaderField: k) }
        if let body { req.httpBody = Data(body.utf8) }
        let box = Mutex<HTTPResult?>(nil)
        let sem = DispatchSemaphore(value: 0)
        session.dataTask(with: req) { data, resp, err in
            let http = resp as? HTTPURLResponse
            var h: [String: String] = [:]
            for (k, v) in http?.allHeaderFields ?? [:] { h[String(describing: k).lowercased()] = String(describing: v) }
            box.withLock { $0 = HTTPResult(status: http?.statusCode ?? 0, headers: h, body: data ?? Data(), error: err) }
            sem.signal()
        }.resume()
        sem.wait()
        return box.withLock { $0 }!
    }
}

/// A sandbox plus helpers to talk to it the way a POS would.
final class Harness {
    let sandbox: RunningSandbox
    let clock: TestClock
    var version = "v2.5"

    init(lifetime: Int = 1200, seed: SandboxSeed = .default) throws {
        let clock = TestClock()
        var o = SandboxOptions()
        o.clock = { clock.now() }
        o.tokenLifetimeSeconds = lifetime
        o.seed = seed
        self.clock = clock
        self.sandbox = try Sandbox.start(o)
    }

    deinit { sandbox.stop() }

    func url(_ path: String) -> String { sandbox.baseURL + "/" + version + path }

    func token(client: String = "flexitidemo", secret: String? = nil, scope: String? = nil,
               extra: String = "") -> HTTPResult {
        var form = "client_id=\(client)&client_secret=\(secret ?? client + "-secret")"
        if let scope { form += "&scope=\(scope)" }
        form += extra
        return HTTP.send("POST", url("/oauth/token"),
                         headers: ["x-reference-id": "ref-token", "content-type": "application/x-www-form-urlencoded"],
                         body: form)
    }

    func accessToken(client: String = "flexitidemo", scope: String? = nil) -> String {
        token(client: client, scope: scope)["access_token"]?.stringValue ?? "no-token"
    }

    func call(_ method: String, _ path: String, token: String?, body: String? = nil,
              headers: [String: String] = [:], ref: String? = "ref-1") -> HTTPResult {
        var h = headers
        if let token { h["authorization"] = "Bearer \(token)" }
        if let ref, h["x-reference-id"] == nil { h["x-reference-id"] = ref }
        if body != nil { h["content-type"] = h["content-type"] ?? "application/json" }
        return HTTP.send(method, url(path), headers: h, body: body)
    }

    /// GET/POST on /client-id/flexitidemo/... with a fresh merchant token.
    func api(_ method: String, _ path: String, body: String? = nil, client: String = "flexitidemo",
             scope: String? = nil, headers: [String: String] = [:]) -> HTTPResult {
        call(method, "/client-id/\(client)" + path, token: accessToken(client: client, scope: scope), body: body,
             headers: headers)
    }
}

func XCTAssertAPIError(_ r: HTTPResult, _ status: Int, _ error: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(r.status, status, "body: \(r.text)", file: file, line: line)
    XCTAssertEqual(r["error"]?.stringValue, error, "body: \(r.text)", file: file, line: line)
    XCTAssertNotNil(r["url"]?.stringValue, file: file, line: line)
    XCTAssertNotNil(r["message"]?.stringValue, file: file, line: line)
}

func fieldErrors(_ r: HTTPResult) -> [(param: String, type: String)] {
    (r["field_errors"]?.arrayValue ?? []).map { ($0["param"]?.stringValue ?? "", $0["type"]?.stringValue ?? "") }
}
