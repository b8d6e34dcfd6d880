import FlexitiCore
import FlexitiSandbox
import XCTest

/// The Swift core against flexiti-sandbox over real HTTP on loopback.
final class SessionTests: XCTestCase {
    var sandbox: RunningSandbox!

    override func setUpWithError() throws {
        sandbox = try Sandbox.start()
    }

    override func tearDown() {
        sandbox?.stop()
    }

    /// A clock the test moves by hand.
    final class ManualClock: @unchecked Sendable {
        let now = Locked<Int64>(1_000)
        func advance(_ s: Int64) { now.withLock { $0 += s } }
        var function: @Sendable () -> Int64 { { [now] in now.withLock { $0 } } }
    }

    func makeSession(secret: String = "flexitidemo-secret", clock: ManualClock? = nil) throws -> Session {
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret(secret)
        if let clock { return try Session(configuration: config, clock: clock.function) }
        return try Session(configuration: config)
    }

    func testLookupReturnsTheSeedAccount() throws {
        let session = try makeSession()
        let customer = try session.lookupCustomer(.accountNumber("116994755")).get()
        XCTAssertEqual(customer.text("first_name"), "Flexiti")
        XCTAssertEqual(customer.text("last_name"), "MITester")
        XCTAssertEqual(customer.text("customer_id"), "123321")
        XCTAssertEqual(customer.creditLimitCents, 1_500_000)
        XCTAssertEqual(customer.availableCreditCents, 1_400_000)
        XCTAssertEqual(customer.accountType, "consumer")
        let byVCC = try session.lookupCustomer(.vccNumber("1070015210367982")).get()
        XCTAssertEqual(byVCC.text("account_number"), "116994755")
    }

    func testTokenIsCachedAndTheConnectionReused() throws {
        let session = try makeSession()
        for _ in 0..<5 { _ = try session.lookupCustomer(.accountNumber("116994755")).get() }
        XCTAssertEqual(session.stats.tokenRequests, 1)
        XCTAssertEqual(session.stats.requests, 6)
        XCTAssertEqual(session.stats.connectionsOpened, 1)
        XCTAssertEqual(sandbox.requests(path: "/flexiti/pos-api/v2.5/oauth/token"), 1)
    }

    func testTokenIsRenewedBeforeItExpires() throws {
        let clock = ManualClock()
        let session = try makeSession(clock: clock)
        _ = try session.lookupCustomer(.accountNumber("116994755")).get()
        clock.advance(1200 - 59)  // inside the 60 s renewal margin of a 1200 s token
        _ = try session.lookupCustomer(.accountNumber("116994755")).get()
        XCTAssertEqual(session.stats.tokenRequests, 2)
        clock.advance(30)
        _ = try session.lookupCustomer(.accountNumber("116994755")).get()
        XCTAssertEqual(session.stats.tokenRequests, 2)
    }

    func testInvalidTokenTriggersOneReauthenticationAndRetry() throws {
        let session = try makeSession()
        _ = try session.lookupCustomer(.accountNumber("116994755")).get()
        sandbox.advanceClock(seconds: 5000)  // the server now considers the token expired
        let customer = try session.lookupCustomer(.accountNumber("116994755")).get()
        XCTAssertEqual(customer.text("customer_id"), "123321")
        XCTAssertEqual(session.stats.tokenRequests, 2)
        XCTAssertEqual(sandbox.requests(path: "/flexiti/pos-api/v2.5/client-id/flexitidemo/customers/lookup"), 3)
    }

    func testWrongSecretIsInvalidClientWithTheTokenScenario() throws {
        let session = try makeSession(secret: "wrong")
        guard case let .failure(e) = session.lookupCustomer(.accountNumber("116994755")) else { return XCTFail("expected failure") }
        XCTAssertEqual(e.code, ErrorCatalog.code(forAPIError: "invalid_client"))
        XCTAssertEqual(e.httpStatus, 400)
        XCTAssertEqual(e.apiError, "invalid_client")
        XCTAssertEqual(e.scenario, "Wrong or missing client id or client_secret")
        XCTAssertEqual(e.endpoint, "/oauth/token")
        XCTAssertEqual(e.path, "/flexiti/pos-api/v2.5/oauth/token")
        XCTAssertEqual(e.referenceId.count, 32)
        XCTAssertFalse(e.message.contains("wrong"), "the secret must not be echoed")
    }

    func testNotFoundCarriesTheLookupScenario() throws {
        let session = try makeSession()
        guard case let .failure(e) = session.lookupCustomer(.accountNumber("999999999")) else { return XCTFail("expected failure") }
        XCTAssertEqual(e.code, ErrorCatalog.code(forAPIError: "not_found"))
        XCTAssertEqual(e.httpStatus, 404)
        XCTAssertEqual(e.scenario, "Customer Account not found")
        XCTAssertEqual(e.method, "GET")
        XCTAssertEqual(e.endpoint, "/client-id/{client_id}/customers/lookup")
        XCTAssertEqual(e.path, "/flexiti/pos-api/v2.5/client-id/flexitidemo/customers/lookup")
        XCTAssertFalse(e.retryable)
    }

    func testMalformedAccountNumberIsRefusedLocally() throws {
        let session = try makeSession()
        guard case let .failure(e) = session.lookupCustomer(.accountNumber("12ab")) else { return XCTFail("expected failure") }
        XCTAssertEqual(e.code, .wrongInputs)
        XCTAssertEqual(e.fieldErrors, [FieldError(param: "account_number", msg: "Value different to a number.", value: "12ab", type: "type")])
        XCTAssertEqual(sandbox.requestCount, 0, "nothing may be sent")
    }

    func testConnectFailureIsRetryableAndNotSent() throws {
        let port = sandbox.port
        sandbox.stop()
        var config = SessionConfiguration()
        config.customBaseURL = "http://127.0.0.1:\(port)/flexiti/pos-api"
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        let session = try Session(configuration: config)
        guard case let .failure(e) = session.lookupCustomer(.accountNumber("116994755")) else { return XCTFail("expected failure") }
        XCTAssertEqual(e.code, .connect)
        XCTAssertEqual(e.httpStatus, 0)
        XCTAssertTrue(e.retryable)
        XCTAssertFalse(e.transportDetail.isEmpty)
    }

    func testConfigurationIsValidated() {
        var config = SessionConfiguration()
        XCTAssertThrowsError(try Session(configuration: config))
        config.customBaseURL = "http://example.com/flexiti/pos-api"
        config.clientId = "a"
        config.clientSecret = Secret("b")
        XCTAssertThrowsError(try Session(configuration: config)) { e in
            XCTAssertEqual((e as? FlexitiError)?.code, .insecureURL)
        }
    }

    /// No proxy configured means none: http_proxy from the environment is not used.
    func testEnvironmentProxyIsIgnoredWithoutAProxySetting() throws {
        setenv("http_proxy", "http://127.0.0.1:9", 1)
        setenv("HTTP_PROXY", "http://127.0.0.1:9", 1)
        defer { unsetenv("http_proxy"); unsetenv("HTTP_PROXY") }
        let session = try makeSession()
        XCTAssertEqual(try session.lookupCustomer(.accountNumber("116994755")).get().text("customer_id"), "123321")
    }
}
