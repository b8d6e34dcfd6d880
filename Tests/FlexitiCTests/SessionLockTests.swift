import CFlexiti
import Flexiti
import Foundation
import XCTest

/// The session's state lock is never held across network I/O or the log callback: statistics
/// answer at once while another thread's call waits for the server. Synchronised on events (the
/// server holds the answer until told); the waits' timeouts only turn a hang into a failure.
final class SessionLockTests: XCTestCase {
    var server: HostileServer!

    override func tearDown() {
        server?.stop()
    }

    func session(_ configure: (OpaquePointer?) -> Void = { _ in }) throws -> OpaquePointer {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, server.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", "client-secret-0001", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_retries(cfg, 0, 0, 0, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_timeouts(cfg, 3000, 30000, nil), FLX_OK)
        configure(cfg)
        var s: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &s, nil), FLX_OK)
        return try XCTUnwrap(s)
    }

    static let lookupAnswer = HostileServer.http(200, #"{"customer_id":"1","account_number":"116994755"}"#)

    func testStatsAnswerWhileAnotherThreadsCallWaitsForTheServer() throws {
        let arrived = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        server = try HostileServer { r in
            if r.path.hasSuffix("/oauth/token") { return HostileServer.token() }
            arrived.signal()
            _ = release.wait(timeout: .now() + 20)  // held until the test has read the stats
            return SessionLockTests.lookupAnswer
        }
        let s = try session()
        defer { flx_session_free(s) }
        let bits = Int(bitPattern: UnsafeRawPointer(s))  // the handle, for the threads

        let callDone = DispatchSemaphore(value: 0)
        let rc = Locked(FLX_OK)
        Thread {
            var c: OpaquePointer?
            let code = flx_customer_lookup(OpaquePointer(bitPattern: bits), FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &c, nil)
            flx_customer_free(c)
            rc.set(code)
            callDone.signal()
        }.start()
        XCTAssertEqual(arrived.wait(timeout: .now() + 10), .success, "the lookup reached the server")

        // The lookup is now inside the network exchange, holding the session's call gate.
        let statsDone = DispatchSemaphore(value: 0)
        let seen = Locked<(flx_code, UInt64, UInt64)>((FLX_E_MISUSE, 0, 0))
        Thread {
            var requests: UInt64 = 0, connections: UInt64 = 0, tokens: UInt64 = 0
            let code = flx_session_stats(OpaquePointer(bitPattern: bits), &requests, &connections, &tokens)
            seen.set((code, requests, tokens))
            statsDone.signal()
        }.start()
        let answered = statsDone.wait(timeout: .now() + 10)
        release.signal()
        XCTAssertEqual(answered, .success, "flx_session_stats waited for the other thread's call")
        let (code, requests, tokens) = seen.get()
        XCTAssertEqual(code, FLX_OK)
        XCTAssertEqual(requests, 2, "the token request and the lookup in flight")
        XCTAssertEqual(tokens, 1)

        XCTAssertEqual(callDone.wait(timeout: .now() + 20), .success)
        XCTAssertEqual(rc.get(), FLX_OK)
    }

    final class Probe: @unchecked Sendable {
        var session: OpaquePointer?
        let lock = NSLock()
        var statsCodes: [flx_code] = []
    }

    /// The log callback runs with no session lock held: reading the statistics of the logging
    /// session from inside it returns (it would wait for itself if the lock were held).
    func testStatsFromInsideTheLogCallbackReturns() throws {
        server = try HostileServer { r in r.path.hasSuffix("/oauth/token") ? HostileServer.token() : SessionLockTests.lookupAnswer }
        let probe = Probe()
        let callback: flx_log_callback = { userdata, _ in
            guard let userdata else { return }
            let p = Unmanaged<Probe>.fromOpaque(userdata).takeUnretainedValue()
            var requests: UInt64 = 0
            let code = flx_session_stats(p.session, &requests, nil, nil)
            p.lock.lock(); p.statsCodes.append(code); p.lock.unlock()
        }
        let s = try session { cfg in
            XCTAssertEqual(flx_config_set_log_callback(cfg, callback, Unmanaged.passUnretained(probe).toOpaque(), FLX_LOG_DEBUG, nil), FLX_OK)
        }
        defer { flx_session_free(s) }
        let bits = Int(bitPattern: UnsafeRawPointer(s))
        probe.lock.lock(); probe.session = s; probe.lock.unlock()
        let done = DispatchSemaphore(value: 0)
        let rc = Locked(FLX_E_MISUSE)
        Thread {
            var c: OpaquePointer?
            rc.set(flx_customer_lookup(OpaquePointer(bitPattern: bits), FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &c, nil))
            flx_customer_free(c)
            done.signal()
        }.start()
        XCTAssertEqual(done.wait(timeout: .now() + 20), .success, "a log callback reading the stats deadlocked the call")
        XCTAssertEqual(rc.get(), FLX_OK)
        probe.lock.lock(); defer { probe.lock.unlock() }
        XCTAssertFalse(probe.statsCodes.isEmpty, "the callback ran")
        XCTAssertTrue(probe.statsCodes.allSatisfy { $0 == FLX_OK })
    }
}

/// A value shared between the test and its threads.
private final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ v: T) { value = v }
    func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
    func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
}
