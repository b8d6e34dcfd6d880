import CFlexiti
import Flexiti
import Foundation
import XCTest

/// TLS verification against a local HTTPS server whose certificate comes from a CA generated
/// for this test (openssl CLI), and the plain-http policy, through the C API.
final class TLSTests: XCTestCase {
    var dir: URL!
    var server: Process?
    var port = 0

    static let serverScript = #"""
    import http.server, json, ssl, sys
    class H(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def answer(self, code, obj):
            body = json.dumps(obj).encode()
            self.send_response(code)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        def do_POST(self):
            self.rfile.read(int(self.headers.get("content-length") or 0))
            if self.path.endswith("/oauth/token"):
                self.answer(200, {"access_token": "tls-token", "token_type": "bearer", "expires_in": 1200, "refresh_token": "r"})
            else:
                self.answer(404, {"error": "not_found", "message": "no such endpoint"})
        def do_GET(self):
            if "/customers/lookup" in self.path:
                self.answer(200, {"customer_id": "tls-1", "account_number": "116994755", "first_name": "Secure"})
            else:
                self.answer(404, {"error": "not_found", "message": "no such endpoint"})
        def log_message(self, *args):
            pass
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(sys.argv[1], sys.argv[2])
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    print(srv.server_address[1], flush=True)
    srv.serve_forever()
    """#

    @discardableResult
    func run(_ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("flx-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        guard (try? run(["openssl", "version"])) == 0, (try? run(["python3", "-c", "import ssl"])) == 0 else {
            throw XCTSkip("openssl and python3 are needed for the TLS tests")
        }
        // A CA, and a server certificate it signs for 127.0.0.1 and localhost.
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        XCTAssertEqual(try run(["openssl", "req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                                "-subj", "/CN=libflexiti test CA"]), 0)
        XCTAssertEqual(try run(["openssl", "req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"]), 0)
        try "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
            .write(to: dir.appendingPathComponent("ext.cnf"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                                "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf"]), 0)
        try Self.serverScript.write(to: dir.appendingPathComponent("server.py"), atomically: true, encoding: .utf8)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "server.py", "server.pem", "server.key"]
        p.currentDirectoryURL = dir
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        server = p
        // The server prints its port once it listens (a blocking read: no polling, no sleep).
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        XCTAssertGreaterThan(port, 0, "the HTTPS test server did not start")
    }

    override func tearDown() {
        if let server, server.isRunning {
            server.terminate()
            server.waitUntilExit()
        }
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    func session(caFile: String?, host: String = "127.0.0.1") throws -> OpaquePointer {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, "https://\(host):\(port)/flexiti/pos-api", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_retries(cfg, 3, 0, 0, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_timeouts(cfg, 5000, 20000, nil), FLX_OK)
        if let caFile { XCTAssertEqual(flx_config_set_ca_file(cfg, caFile, nil), FLX_OK) }
        var s: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &s, nil), FLX_OK)
        return try XCTUnwrap(s)
    }

    func testUntrustedServerIsRefusedAndNotRetried() throws {
        let s = try session(caFile: nil)
        defer { flx_session_free(s) }
        var err: OpaquePointer?
        XCTAssertEqual(flx_session_authenticate(s, &err), FLX_E_TLS)
        XCTAssertEqual(flx_error_attempts(err), 1, "a certificate error is never retried")
        XCTAssertEqual(flx_error_retryable(err), 0)
        XCTAssertEqual(flx_error_http_status(err), 0)
        XCTAssertFalse(String(cString: flx_error_transport_detail(err)).isEmpty)
        flx_error_free(err)
    }

    func testAnotherCADoesNotTrustTheServer() throws {
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        XCTAssertEqual(try run(["openssl", "req", "-x509"] + ec + ["-keyout", "other.key", "-out", "other.pem", "-days", "2",
                                "-subj", "/CN=some other CA"]), 0)
        let s = try session(caFile: dir.appendingPathComponent("other.pem").path)
        defer { flx_session_free(s) }
        XCTAssertEqual(flx_session_authenticate(s, nil), FLX_E_TLS)
        // A CA file that is not a certificate at all is a TLS error too, never a crash.
        let t = try session(caFile: dir.appendingPathComponent("ext.cnf").path)
        defer { flx_session_free(t) }
        XCTAssertEqual(flx_session_authenticate(t, nil), FLX_E_TLS)
    }

    func testTrustedThroughTheCAFileWorks() throws {
        for host in ["127.0.0.1", "localhost"] {
            let s = try session(caFile: dir.appendingPathComponent("ca.pem").path, host: host)
            defer { flx_session_free(s) }
            var err: OpaquePointer?
            XCTAssertEqual(flx_session_authenticate(s, &err), FLX_OK, String(cString: flx_error_transport_detail(err)))
            var customer: OpaquePointer?
            XCTAssertEqual(flx_customer_lookup(s, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &customer, nil), FLX_OK)
            XCTAssertEqual(String(cString: flx_customer_first_name(customer)), "Secure")
            flx_customer_free(customer)
        }
    }

    func testPlainHTTPIsRefusedForNonLoopbackHostsUnlessAllowed() throws {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        for url in ["http://10.1.2.3/flexiti/pos-api", "http://posapi.flexiti.fi/flexiti/pos-api",
                    "http://127.0.0.1.evil.example/x", "http://localhost.example/x", "HTTP://example.com/x"] {
            var err: OpaquePointer?
            XCTAssertEqual(flx_config_set_base_url(cfg, url, &err), FLX_E_INSECURE_URL, url)
            flx_error_free(err)
        }
        for url in ["http://127.0.0.1:8080/flexiti/pos-api", "http://localhost:8080/x", "http://[::1]:8080/x",
                    "https://posapi.flexiti.fi/flexiti/pos-api"] {
            XCTAssertEqual(flx_config_set_base_url(cfg, url, nil), FLX_OK, url)
        }
        XCTAssertEqual(flx_config_set_allow_insecure_http(cfg, 1, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_base_url(cfg, "http://10.1.2.3/flexiti/pos-api", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "id", "secret", nil), FLX_OK)
        var s: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &s, nil), FLX_OK)
        flx_session_free(s)
    }
}
