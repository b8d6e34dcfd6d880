@testable import FlexitiCore
import XCTest

/// The one classification of a failed attempt (Repeat.classify) against the table of
/// docs/robustness.md, "Retries": reads, keyed money-moving POSTs, unkeyed state changes.
final class RepeatTests: XCTestCase {
    typealias Case = (endpoint: Endpoint, key: String)
    let read: Case = (Endpoints.customersLookup, "")
    let money: Case = (Endpoints.authorize, "k-1")
    let moneyWithoutKey: Case = (Endpoints.capture, "")
    let unkeyed: Case = (Endpoints.verify, "")

    func next(_ f: Repeat.Failure, _ c: Case, retriesOn: Bool = true) -> Repeat.Next {
        Repeat.classify(f, endpoint: c.endpoint, idempotencyKey: c.key, retriesOn: retriesOn).next
    }

    func retryable(_ f: Repeat.Failure, _ c: Case) -> Bool {
        Repeat.classify(f, endpoint: c.endpoint, idempotencyKey: c.key).retryable
    }

    func transport(_ code: ErrorCode, sent: Bool, stale: Bool = false, notDelivered: Bool = false) -> TransportFailure {
        var f = TransportFailure(code: code, detail: "", requestMayHaveBeenSent: sent)
        f.staleConnection = stale
        f.notDelivered = notDelivered
        return f
    }

    func testConnectErrorsAreRepeatedExceptMoneyWithoutKey() {
        let f = Repeat.Failure.transport(transport(.connect, sent: false), code: .connect)
        for c in [read, money, unkeyed] { XCTAssertEqual(next(f, c), .afterBackoff, c.endpoint.template) }
        XCTAssertEqual(next(f, moneyWithoutKey), .final, "only the key makes a repeat provably harmless")
        XCTAssertTrue(retryable(f, moneyWithoutKey), "nothing was sent: the caller may repeat it")
    }

    func testFailuresAfterSendingAreRepeatedOnlyWhenHarmless() {
        let lost = Repeat.Failure.transport(transport(.timeout, sent: true), code: .timeout)
        XCTAssertEqual(next(lost, read), .afterBackoff)
        let unknown = Repeat.Failure.transport(transport(.timeout, sent: true), code: .outcomeUnknown)
        XCTAssertEqual(next(unknown, money), .afterBackoff, "the same key returns the first outcome")
        XCTAssertEqual(next(unknown, unkeyed), .final)
        XCTAssertFalse(retryable(unknown, unkeyed))
        let tls = Repeat.Failure.transport(transport(.tls, sent: false), code: .tls)
        for c in [read, money, unkeyed] { XCTAssertEqual(next(tls, c), .final) }
        XCTAssertFalse(retryable(tls, read))
    }

    func testHTTPStatuses() {
        for status in [500, 502, 503, 504] {
            XCTAssertEqual(next(.http(status: status), read), .afterBackoff, "\(status)")
            XCTAssertEqual(next(.http(status: status), money), .afterBackoff, "\(status)")
            XCTAssertEqual(next(.http(status: status), unkeyed), .final, "\(status)")
        }
        for status in [400, 401, 404, 465, 501] {
            XCTAssertEqual(next(.http(status: status), read), .final, "\(status)")
            XCTAssertFalse(retryable(.http(status: status), read))
        }
    }

    func testUnusableSuccessAndResends() {
        XCTAssertEqual(next(.unusableSuccess(code: .outcomeUnknown), money), .afterBackoff)
        XCTAssertEqual(next(.unusableSuccess(code: .outcomeUnknown), unkeyed), .final)
        XCTAssertEqual(next(.unusableSuccess(code: .malformedResponse), read), .final)
        XCTAssertEqual(next(.resent, money), .afterBackoff)
        XCTAssertEqual(next(.resent, unkeyed), .final)
    }

    func testAStaleConnectionIsReplacedAtOnceWhenThatIsHarmless() {
        let neverLeft = transport(.transport, sent: false, stale: true, notDelivered: true)
        for c in [read, money, unkeyed, moneyWithoutKey] {
            XCTAssertEqual(next(.transport(neverLeft, code: .transport, canReconnect: true), c, retriesOn: false), .freshConnectionNow,
                           "provably not delivered: \(c.endpoint.template)")
        }
        let mayHaveLeft = transport(.transport, sent: true, stale: true)
        XCTAssertEqual(next(.transport(mayHaveLeft, code: .transport, canReconnect: true), read), .freshConnectionNow)
        XCTAssertNotEqual(next(.transport(mayHaveLeft, code: .transport, canReconnect: true), read, retriesOn: false), .freshConnectionNow,
                          "retries off: only a request that provably never left is sent again")
        XCTAssertNotEqual(next(.transport(mayHaveLeft, code: .outcomeUnknown, canReconnect: true), unkeyed), .freshConnectionNow)
        XCTAssertNotEqual(next(.transport(neverLeft, code: .transport, canReconnect: false), read), .freshConnectionNow,
                          "already on a new connection")
    }

    func testOnlyUnkeyedStateChangesAreSentAtMostOnce() {
        XCTAssertTrue(Repeat.sendAtMostOnce(Endpoints.verify, idempotencyKey: ""))
        XCTAssertTrue(Repeat.sendAtMostOnce(Endpoints.capture, idempotencyKey: ""))
        XCTAssertFalse(Repeat.sendAtMostOnce(Endpoints.capture, idempotencyKey: "k"))
        XCTAssertFalse(Repeat.sendAtMostOnce(Endpoints.customersLookup, idempotencyKey: ""))
        XCTAssertFalse(Repeat.sendAtMostOnce(Endpoints.token, idempotencyKey: ""))
    }
}
