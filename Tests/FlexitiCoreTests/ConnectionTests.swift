import FlexitiCore
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
