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
