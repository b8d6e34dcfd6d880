import CFlexiti
import Flexiti
import FlexitiSandbox
import Foundation
import XCTest

/// The threading model of the header's THREADS paragraph, exercised: 48 threads at once, half
/// with their own session, half sharing one, all reading shared result and error objects and
/// logging through one callback. scripts/tsan.sh runs this under ThreadSanitizer.
final class ThreadSafetyTests: XCTestCase {
    var sandbox: RunningSandbox!

    override func setUpWithError() throws { sandbox = try Sandbox.start() }
    override func tearDown() { sandbox?.stop() }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    static let countRecords: flx_log_callback = { userdata, rec in
        guard let userdata, let rec, rec.pointee.message != nil else { return }
        Unmanaged<Counter>.fromOpaque(userdata).takeUnretainedValue().add()
    }

    func makeConfig(_ records: Counter) -> OpaquePointer? {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_base_url(cfg, sandbox.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_log_callback(cfg, Self.countRecords, Unmanaged.passUnretained(records).toOpaque(), FLX_LOG_DEBUG, nil), FLX_OK)
        return cfg
    }

    func testManyThreadsWithOwnAndSharedSessions() throws {
        let threads = 48, callsPerThread = 6
        let records = Counter()
        let cfg = makeConfig(records)
        defer { flx_config_free(cfg) }
        var shared: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &shared, nil), FLX_OK)
        defer { flx_session_free(shared) }
        // Objects every thread reads at once.
        var sharedCustomer: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(shared, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &sharedCustomer, nil), FLX_OK)
        defer { flx_customer_free(sharedCustomer) }
        var sharedError: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(shared, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "999999999", nil, &sharedError), FLX_E_INVALID_ARGUMENT)
        defer { flx_error_free(sharedError) }

        let failures = Counter(), ok = Counter()
        let sharedBox = UInt(bitPattern: shared), customerBox = UInt(bitPattern: sharedCustomer),
            errorBox = UInt(bitPattern: sharedError), cfgBox = UInt(bitPattern: cfg)
        let group = DispatchGroup()
        for t in 0..<threads {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                let ownSession = t % 2 == 0
                var session = OpaquePointer(bitPattern: sharedBox)
                if ownSession {
                    // flx_session_new only reads the config: several threads may do it at once.
                    guard flx_session_new(OpaquePointer(bitPattern: cfgBox), &session, nil) == FLX_OK else { return failures.add() }
                }
                for i in 0..<callsPerThread {
                    let found = (t + i) % 3 != 0
                    var customer: OpaquePointer?
                    var err: OpaquePointer?
                    let rc = flx_customer_lookup(session, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, found ? "116994755" : "999999999",
                                                 &customer, &err)
                    if found, rc == FLX_OK, String(cString: flx_customer_customer_id(customer)) == "123321" { ok.add() }
                    else if !found, rc == FLX_E_NOT_FOUND, flx_error_http_status(err) == 404,
                            String(cString: flx_error_scenario(err)) == "Customer Account not found" { ok.add() }
                    else { failures.add() }
                    flx_customer_free(customer)
                    flx_error_free(err)
                    // Shared immutable objects and static strings.
                    let c = OpaquePointer(bitPattern: customerBox), e = OpaquePointer(bitPattern: errorBox)
                    if String(cString: flx_customer_first_name(c)) != "Flexiti" || flx_customer_credit_limit_cents(c) != 1_500_000
                        || flx_error_code(e) != FLX_E_INVALID_ARGUMENT || String(cString: flx_error_message(e)).isEmpty
                        || String(cString: flx_code_name(FLX_E_TLS)) != "tls_failed" {
                        failures.add()
                    }
                }
                var requests: UInt64 = 0
                _ = flx_session_stats(session, &requests, nil, nil)
                if ownSession { flx_session_free(session) }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        XCTAssertEqual(group.wait(timeout: .now() + 120), .success)
        XCTAssertEqual(failures.value, 0)
        XCTAssertEqual(ok.value, threads * callsPerThread)
        // The shared session fetched one token for all its threads; each own session one more.
        var tokens: UInt64 = 0
        XCTAssertEqual(flx_session_stats(shared, nil, nil, &tokens), FLX_OK)
        XCTAssertEqual(tokens, 1)
        XCTAssertEqual(sandbox.requests(path: "/flexiti/pos-api/v2.5/oauth/token"), 1 + threads / 2)
        XCTAssertGreaterThan(records.value, threads * callsPerThread)
    }

    /// Handles created and freed concurrently, and freed ones probed, never confuse the table.
    func testConcurrentCreateFreeAndMisuse() {
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            for _ in 0..<50 {
                var cfg: OpaquePointer?
                guard flx_config_new(&cfg, nil) == FLX_OK else { return failures.add() }
                if flx_config_set_timeouts(cfg, 1000, 2000 + i, nil) != FLX_OK { failures.add() }
                flx_config_free(cfg)
                // Freed: MISUSE, even when another thread's new config took the same slot.
                var err: OpaquePointer?
                let rc = flx_config_set_timeouts(cfg, 1000, 2000, &err)
                if rc != FLX_E_MISUSE { failures.add() }
                flx_error_free(err)
            }
        }
        XCTAssertEqual(failures.value, 0)
    }
}
