import FlexitiCore
import FlexitiSandbox
import Foundation
import XCTest

/// Retries, backoff and the per-call deadline, against the sandbox's injected faults.
/// Backoff waits go through a virtual clock: sleeping only moves it forward, so no test waits.
final class RetryTests: XCTestCase {
    var sandbox: RunningSandbox!

    override func setUpWithError() throws { sandbox = try Sandbox.start() }
    override func tearDown() { sandbox?.stop() }

    /// Real monotonic time plus whatever the library "slept"; records every sleep.
    final class VirtualTime: @unchecked Sendable {
        let offset = Locked<Int64>(0)
        let sleeps = Locked<[Int64]>([])
        var timing: CallTiming {
            CallTiming(nowMs: { [offset] in MonotonicClock.milliseconds() + offset.withLock { $0 } },
                       sleepMs: { [offset, sleeps] ms in offset.withLock { $0 += ms }; sleeps.withLock { $0.append(ms) } },
                       random: { Double.random(in: 0...1) })
        }
        var recorded: [Int64] { sleeps.withLock { $0 } }
    }

    let lookupPath = "/flexiti/pos-api/v2.5/client-id/flexitidemo/customers/lookup"
    let tokenPath = "/flexiti/pos-api/v2.5/oauth/token"

    func makeSession(_ time: VirtualTime, retry: RetryPolicy = RetryPolicy(), totalMs: Int = 60_000,
                     logger: Logger? = nil) throws -> Session {
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        config.retry = retry
        config.transport.totalTimeoutMs = totalMs
        config.logger = logger
        return try Session(configuration: config, timing: time.timing)
    }

    func lookup(_ s: Session) -> Result<Customer, FlexitiError> { s.lookupCustomer(.accountNumber("116994755")) }

    func testBackoffGrowsExponentiallyWithJitterAndIsCapped() {
        let p = RetryPolicy(maxRetries: 5, baseDelayMs: 500, maxDelayMs: 3000)
        XCTAssertEqual(p.delayMs(retry: 1, random: 1), 500)
        XCTAssertEqual(p.delayMs(retry: 1, random: 0), 250)
        XCTAssertEqual(p.delayMs(retry: 2, random: 1), 1000)
        XCTAssertEqual(p.delayMs(retry: 3, random: 1), 2000)
        XCTAssertEqual(p.delayMs(retry: 4, random: 1), 3000)
        XCTAssertEqual(p.delayMs(retry: 1000, random: 0.5), 2250)
        XCTAssertEqual(RetryPolicy(maxRetries: 1, baseDelayMs: Int.max, maxDelayMs: Int.max).delayMs(retry: 64, random: 1), Int64.max)
    }

    func testGetIsRetriedOn503AndSucceeds() throws {
        let time = VirtualTime()
        let session = try makeSession(time)
        sandbox.addFault(SandboxFault(.http503, method: "GET", pathSuffix: "/customers/lookup", count: 2))
        let customer = try lookup(session).get()
        XCTAssertEqual(customer.text("customer_id"), "123321")
        XCTAssertEqual(sandbox.requests(path: lookupPath), 3)
        let sleeps = time.recorded
        XCTAssertEqual(sleeps.count, 2)
        XCTAssertTrue((250...500).contains(sleeps[0]), "\(sleeps)")
        XCTAssertTrue((500...1000).contains(sleeps[1]), "\(sleeps)")
    }

    func testEveryTransientFaultIsRetriedOnAGet() throws {
        for fault: SandboxFault.Kind in [.http500, .http502, .http503, .http504, .close, .reset] {
            sandbox.reset()
            let time = VirtualTime()
            let session = try makeSession(time)
            sandbox.addFault(SandboxFault(fault, method: "GET", pathSuffix: "/customers/lookup", count: 1))
            XCTAssertNoThrow(try lookup(session).get(), "\(fault)")
            XCTAssertEqual(sandbox.requests(path: lookupPath), 2, "\(fault)")
            // A connection closed before any answer on a reused connection is re-sent by libcurl
            // itself (harmless for a GET), so the library's own retry may not be needed.
            if fault != .close { XCTAssertEqual(time.recorded.count, 1, "\(fault)") }
            XCTAssertLessThanOrEqual(time.recorded.count, 1, "\(fault)")
        }
    }

    func testRetriesAreBoundedAndAttemptsReported() throws {
        let time = VirtualTime()
        let session = try makeSession(time, retry: RetryPolicy(maxRetries: 3, baseDelayMs: 10, maxDelayMs: 10))
        sandbox.addFault(SandboxFault(.http503, method: "GET", pathSuffix: "/customers/lookup", count: 0))
        guard case let .failure(e) = lookup(session) else { return XCTFail("expected failure") }
        XCTAssertEqual(e.code, .httpUnavailable)
        XCTAssertEqual(e.httpStatus, 503)
        XCTAssertEqual(e.attempts, 4)
        XCTAssertTrue(e.retryable)
        XCTAssertEqual(sandbox.requests(path: lookupPath), 4)
        XCTAssertEqual(time.recorded.count, 3)
    }

    func testNonTransientErrorsAreNotRetried() throws {
        let time = VirtualTime()
        let session = try makeSession(time)
        for fault: SandboxFault.Kind in [.html466, .garbage200, .truncatedJSON] {
            sandbox.addFault(SandboxFault(fault, method: "GET", pathSuffix: "/customers/lookup", count: 1))
            guard case let .failure(e) = lookup(session) else { return XCTFail("expected failure for \(fault)") }
            XCTAssertEqual(e.attempts, 1, "\(fault)")
        }
        guard case let .failure(e) = session.lookupCustomer(.accountNumber("999999999")) else { return XCTFail() }
        XCTAssertEqual(e.code.rawValue, 103)  // not_found
        XCTAssertEqual(e.attempts, 1)
        XCTAssertEqual(time.recorded, [])
    }

    func testTokenRequestIsRetried() throws {
        let time = VirtualTime()
        let session = try makeSession(time)
        sandbox.addFault(SandboxFault(.http502, method: "POST", pathSuffix: "/oauth/token", count: 2))
        XCTAssertNoThrow(try session.authenticate().get())
        XCTAssertEqual(sandbox.requests(path: tokenPath), 3)
        XCTAssertEqual(session.stats.tokenRequests, 3)
    }

    func testMoneyMovingPostWithoutKeyIsNeverRetried() throws {
        let time = VirtualTime()
        let session = try makeSession(time)
        try session.authenticate().get()
        sandbox.addFault(SandboxFault(.http503, method: "POST", pathSuffix: "/capture", count: 0))
        var call = APICall(Endpoints.capture)
        call.pathParams = ["client_id": "flexitidemo", "authorizationId": "1"]
        call.body = .object([("amount", .number("10.00"))])
        guard case let .failure(e) = session.send(call) else { return XCTFail("expected failure") }
        // A gateway's 503 after a request that moves money: it may have been passed on.
        XCTAssertEqual(e.code, .outcomeUnknown)
        XCTAssertEqual(e.httpStatus, 503)
        XCTAssertEqual(e.attempts, 1)
        XCTAssertFalse(e.retryable)
        XCTAssertEqual(sandbox.requests(path: "/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/1/capture"), 1)
        XCTAssertEqual(time.recorded, [])
    }

    /// libcurl silently re-sends a request whose reused connection died before any answer; for
    /// a money-moving POST without a key that could act twice, so it goes on a fresh connection.
    func testMoneyMovingPostWithoutKeyIsSentOnceWhenTheAnswerIsDropped() throws {
        let time = VirtualTime()
        let session = try makeSession(time)
        try session.authenticate().get()   // the connection is now open and will be reused
        for fault: SandboxFault.Kind in [.dropResponse, .close, .reset] {
            sandbox.reset()
            try session.authenticate().get()
            sandbox.addFault(SandboxFault(fault, method: "POST", pathSuffix: "/capture", count: 1))
            var call = APICall(Endpoints.capture)
            call.pathParams = ["client_id": "flexitidemo", "authorizationId": "1"]
            call.body = .object([("amount", .number("10.00"))])
            guard case let .failure(e) = session.send(call) else { return XCTFail("expected failure for \(fault)") }
            XCTAssertEqual(e.code, .outcomeUnknown, "\(fault)")
            XCTAssertFalse(e.retryable, "\(fault)")
            XCTAssertEqual(sandbox.requests(path: "/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/1/capture"), 1, "\(fault)")
        }
        XCTAssertEqual(time.recorded, [])
    }

    /// A timeout after a money-moving POST went out on a reused connection (no connect time) is
    /// "outcome unknown", never a plain timeout ("nothing was changed").
    func testTimeoutAfterSendingOnAReusedConnectionIsOutcomeUnknown() throws {
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        config.transport.totalTimeoutMs = 400
        let session = try Session(configuration: config)
        try session.authenticate().get()
        sandbox.addFault(SandboxFault(.delay, method: "POST", pathSuffix: "/refund", count: 1, delayMs: 1200, apply: false))
        var call = APICall(Endpoints.refund)
        call.pathParams = ["client_id": "flexitidemo", "account_number": "116994755"]
        call.body = .object([("amount", .number("5.00"))])
        call.idempotencyKey = "k-timeout-1"
        guard case let .failure(e) = session.send(call) else { return XCTFail("expected failure") }
        XCTAssertEqual(e.code, .outcomeUnknown)
        XCTAssertTrue(e.retryable)
        XCTAssertEqual(e.attempts, 1)
    }

    func testMoneyMovingPostWithKeyIsRetriedUnderTheSameKey() throws {
        let time = VirtualTime()
        let session = try makeSession(time)
        try session.authenticate().get()
        sandbox.addFault(SandboxFault(.http503, method: "POST", pathSuffix: "/capture", count: 0))
        var call = APICall(Endpoints.capture)
        call.pathParams = ["client_id": "flexitidemo", "authorizationId": "1"]
        call.body = .object([("amount", .number("10.00"))])
        call.idempotencyKey = "k-0123456789"
        guard case let .failure(e) = session.send(call) else { return XCTFail("expected failure") }
        XCTAssertEqual(e.attempts, 3)
        XCTAssertEqual(e.idempotencyKey, "k-0123456789")
        XCTAssertEqual(sandbox.requests(path: "/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/1/capture"), 3)
        XCTAssertEqual(time.recorded.count, 2)
    }

    func testConnectErrorIsRetriedForAGet() throws {
        let port = sandbox.port
        sandbox.stop()
        var config = SessionConfiguration()
        config.customBaseURL = "http://127.0.0.1:\(port)/flexiti/pos-api"
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        let time = VirtualTime()
        let session = try Session(configuration: config, timing: time.timing)
        guard case let .failure(e) = lookup(session) else { return XCTFail("expected failure") }
        XCTAssertEqual(e.code, .connect)
        XCTAssertEqual(e.endpoint, "/oauth/token")
        XCTAssertEqual(e.attempts, 3)
        XCTAssertEqual(time.recorded.count, 2)
    }

    /// The deadline covers the backoff waits: with 1 s waits and a 3.5 s budget, the call stops
    /// retrying well before its 20 allowed retries.
    func testTheTotalTimeoutBoundsRetriesAndWaits() throws {
        let time = VirtualTime()
        let session = try makeSession(time, retry: RetryPolicy(maxRetries: 10, baseDelayMs: 1000, maxDelayMs: 1000), totalMs: 3500)
        try session.authenticate().get()
        sandbox.addFault(SandboxFault(.http503, method: "GET", pathSuffix: "/customers/lookup", count: 0))
        guard case let .failure(e) = lookup(session) else { return XCTFail("expected failure") }
        XCTAssertEqual(e.code, .httpUnavailable)
        let waited = time.recorded.reduce(0, +)
        XCTAssertLessThan(waited, 3500)
        XCTAssertGreaterThanOrEqual(e.attempts, 4)   // waits of 500-1000 ms: at least 3 fit in 3.5 s
        XCTAssertLessThanOrEqual(e.attempts, 8)
        XCTAssertEqual(e.attempts, time.recorded.count + 1)
    }

    /// A hung server (the sandbox's delay fault) holds a call no longer than the total timeout,
    /// retries included: the first attempt uses the whole budget, so no retry starts.
    func testHungServerNeverBlocksPastTheTotalTimeout() throws {
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        config.transport.totalTimeoutMs = 400
        config.retry = RetryPolicy(maxRetries: 5, baseDelayMs: 0, maxDelayMs: 0)
        let session = try Session(configuration: config)
        try session.authenticate().get()
        sandbox.addFault(SandboxFault(.delay, method: "GET", pathSuffix: "/customers/lookup", count: 0, delayMs: 1500))
        let started = MonotonicClock.milliseconds()
        guard case let .failure(e) = lookup(session) else { return XCTFail("expected failure") }
        let elapsed = MonotonicClock.milliseconds() - started
        XCTAssertEqual(e.code, .timeout)
        XCTAssertTrue(e.retryable)
        XCTAssertEqual(e.attempts, 1)
        XCTAssertLessThan(elapsed, 1400, "the call must end at its 400 ms deadline, not when the server answers")
        sandbox.clearFaults()
    }

    /// Two threads share a session while the server hangs: the second waits for its turn only
    /// until its own deadline.
    func testWaitingForABusySharedSessionCountsAgainstTheDeadline() throws {
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        config.transport.totalTimeoutMs = 500
        config.retry = RetryPolicy(maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0)
        let session = try Session(configuration: config)
        try session.authenticate().get()
        sandbox.addFault(SandboxFault(.delay, method: "GET", pathSuffix: "/customers/lookup", count: 0, delayMs: 2000))
        let results = Locked<[(FlexitiError?, Int64)]>([])
        let started = MonotonicClock.milliseconds()
        let group = DispatchGroup()
        for _ in 0..<3 {
            group.enter()
            Thread.detachNewThread {
                let t0 = MonotonicClock.milliseconds()
                let r = session.lookupCustomer(.accountNumber("116994755"))
                let e: FlexitiError? = if case let .failure(e) = r { e } else { nil }
                results.withLock { $0.append((e, MonotonicClock.milliseconds() - t0)) }
                group.leave()
            }
        }
        group.wait()
        let all = results.withLock { $0 }
        XCTAssertEqual(all.count, 3)
        for (e, elapsed) in all {
            XCTAssertEqual(e?.code, .timeout)
            XCTAssertLessThan(elapsed, 1400)
        }
        XCTAssertLessThan(MonotonicClock.milliseconds() - started, 1900, "the three calls must not queue for 3 x 500 ms")
        sandbox.clearFaults()
    }

    func testLogRecordsFollowEachAttempt() throws {
        let records = Locked<[LogRecord]>([])
        let time = VirtualTime()
        let session = try makeSession(time, logger: Logger(minLevel: .debug) { r in records.withLock { $0.append(r) } })
        sandbox.addFault(SandboxFault(.http503, method: "GET", pathSuffix: "/customers/lookup", count: 1))
        _ = try lookup(session).get()
        let log = records.withLock { $0 }
        let lookupRecords = log.filter { $0.endpoint == "/client-id/{client_id}/customers/lookup" }
        XCTAssertEqual(lookupRecords.map(\.level), [.debug, .warn, .info, .debug, .debug])
        XCTAssertEqual(lookupRecords.map(\.attempt), [1, 1, 1, 2, 2])
        XCTAssertEqual(lookupRecords[1].httpStatus, 503)
        XCTAssertEqual(lookupRecords[1].code, .httpUnavailable)
        XCTAssertEqual(lookupRecords[4].httpStatus, 200)
        XCTAssertEqual(lookupRecords[0].referenceId.count, 32)
        XCTAssertTrue(lookupRecords[2].message.contains("retrying in"), lookupRecords[2].message)
        for r in log {
            XCTAssertFalse(r.message.contains("116994755"), "a path with the account number leaked: \(r.message)")
            XCTAssertFalse(r.message.contains("flexitidemo-secret"))
        }
    }
}
