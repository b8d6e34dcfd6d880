#if canImport(Glibc)
import Glibc
#endif
@testable import FlexitiCore
import FlexitiSandbox
import XCTest

/// Kept-alive connections that die under a session.
final class ConnectionTests: XCTestCase {
    /// libcurl repeats a request on a new connection when a reused one dies before any answer,
    /// but counts those repeats per easy handle and never resets the count: a long-lived handle
    /// failed the sixth such event ("Connection died, tried 5 times before giving up"). The
    /// transport replaces its easy handle and keeps the connection, so this never fails.
    func testAReusedConnectionDyingOverAndOverNeverFailsACall() throws {
        let sandbox = try Sandbox.start()
        defer { sandbox.stop() }
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        config.retry = RetryPolicy(maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0)
        let session = try Session(configuration: config)
        _ = try session.lookupCustomer(.accountNumber("116994755")).get()
        XCTAssertEqual(session.stats.connectionsOpened, 1)
        for death in 1...8 {
            // The sandbox closes the kept-alive connection without answering this lookup.
            sandbox.addFault(SandboxFault(.close, method: "GET", pathSuffix: "/customers/lookup", count: 1))
            let result = session.lookupCustomer(.accountNumber("116994755"))
            if case let .failure(e) = result { XCTFail("death \(death): \(e.code) \(e.message) \(e.transportDetail)") }
        }
        XCTAssertTrue(sandbox.faults.isEmpty, "every armed close was hit")
        // One new connection per death, and between deaths the connection is reused.
        XCTAssertEqual(session.stats.connectionsOpened, 9)
        _ = try session.lookupCustomer(.accountNumber("116994755")).get()
        XCTAssertEqual(session.stats.connectionsOpened, 9)
    }
}

/// How the transport counts the requests that leave (flx_error_attempts, stats.requests).
final class RequestCountingTests: XCTestCase {
    /// libcurl 7.80 and later: the pre-request callback, without CURLOPT_VERBOSE (which makes
    /// libcurl format text for every transfer); older libcurl: the debug callback.
    func testThePreRequestCallbackIsUsedWhenLibcurlHasIt() throws {
        let transport = try XCTUnwrap(CurlTransport(options: TransportOptions()))
        XCTAssertEqual(transport.countsBeforeEachRequest, CurlFeatures.versionNumber >= 0x07_50_00)
        XCTAssertEqual(transport.countsWithDebugCallback, CurlFeatures.versionNumber < 0x07_50_00)
        var options = TransportOptions()
        options.countWithDebugCallback = true
        let old = try XCTUnwrap(CurlTransport(options: options))
        XCTAssertTrue(old.countsWithDebugCallback)
    }

    /// A reused connection closed under each lookup: libcurl sends the lookup again on a new
    /// connection by itself, and both requests count, whichever callback counts them.
    func testLibcurlsOwnResendsCountEitherWay() throws {
        let sandbox = try Sandbox.start()
        defer { sandbox.stop() }
        for debugCallback in [false, true] {
            var config = SessionConfiguration()
            config.customBaseURL = sandbox.baseURL
            config.clientId = "flexitidemo"
            config.clientSecret = Secret("flexitidemo-secret")
            config.retry = RetryPolicy(maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0)
            config.transport.countWithDebugCallback = debugCallback
            let session = try Session(configuration: config)
            _ = try session.lookupCustomer(.accountNumber("116994755")).get()
            let seenBefore = sandbox.requestCount, countedBefore = session.stats.requests
            for _ in 1...3 {
                sandbox.addFault(SandboxFault(.close, method: "GET", pathSuffix: "/customers/lookup", count: 1))
                _ = try session.lookupCustomer(.accountNumber("116994755")).get()
            }
            XCTAssertEqual(sandbox.requestCount - seenBefore, 6, "debug callback: \(debugCallback)")
            XCTAssertEqual(session.stats.requests - countedBefore, 6, "debug callback: \(debugCallback)")
        }
    }
}

/// The kept-alive connection's socket, which the close check before each request polls: the
/// transport knows it without asking libcurl after a transfer that reused the connection.
final class IdleSocketTests: XCTestCase {
    /// A server that keeps the connection for its first answer, ends its second with
    /// `connection: close`, and answers the third on a new connection.
    func testTheKnownSocketIsLibcurlsAfterReuseAndAfterACloseDuringATransfer() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, len) } }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(listen(listener, 4), 0)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &len) } }
        let port = UInt16(bigEndian: addr.sin_port)
        let connectionsAccepted = Locked(0)
        let server = Thread {
            for answers in [["keep-alive", "close"], ["keep-alive"]] {
                let c = accept(listener, nil, nil)
                guard c >= 0 else { return }
                connectionsAccepted.withLock { $0 += 1 }
                var buf = [UInt8](repeating: 0, count: 4096)
                for connection in answers {
                    var head: [UInt8] = []
                    while !head.suffix(4).elementsEqual(Array("\r\n\r\n".utf8)) {
                        let n = recv(c, &buf, 1, 0)
                        if n <= 0 { break }
                        head.append(buf[0])
                    }
                    let reply = Array("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: \(connection)\r\n\r\n{}".utf8)
                    _ = reply.withUnsafeBytes { send(c, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                }
                if answers.last == "close" { close(c) } else { _ = recv(c, &buf, 1, 0); close(c) }
            }
        }
        server.start()
        let transport = try XCTUnwrap(CurlTransport(options: TransportOptions()))
        let request = HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)/")
        // 1: a new connection, kept.
        XCTAssertEqual(try transport.perform(request).get().status, 200)
        XCTAssertGreaterThanOrEqual(transport.knownIdleSocket, 0)
        XCTAssertEqual(transport.knownIdleSocket, transport.idleSocketFromLibcurl())
        // 2: the same connection, which libcurl closes after the answer.
        XCTAssertEqual(try transport.perform(request).get().status, 200)
        XCTAssertEqual(transport.knownIdleSocket, -1)
        XCTAssertEqual(transport.idleSocketFromLibcurl(), -1)
        // 3: a new connection, kept again.
        XCTAssertEqual(try transport.perform(request).get().status, 200)
        XCTAssertGreaterThanOrEqual(transport.knownIdleSocket, 0)
        XCTAssertEqual(transport.knownIdleSocket, transport.idleSocketFromLibcurl())
        XCTAssertEqual(connectionsAccepted.withLock { $0 }, 2)
    }
}
