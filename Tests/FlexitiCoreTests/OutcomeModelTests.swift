@testable import FlexitiCore
import XCTest

/// The pieces of the outcome model that need no server: merging a later failure into an earlier
/// unknown outcome (every later code, TLS and connect included), the per-endpoint success
/// rules, and the operation a key is bound to.
final class OutcomeModelTests: XCTestCase {
    func context(_ endpoint: Endpoint, key: String = "") -> ErrorContext {
        ErrorContext(endpoint: endpoint, path: "/flexiti/pos-api/v2.5/x", referenceId: "ref-1", idempotencyKey: key)
    }

    func testNoLaterFailureDowngradesAnUnknownOutcome() {
        let ctx = context(Endpoints.capture, key: "k-1")
        let lost = ResponseMapping.transportError(
            TransportFailure(code: .transport, detail: "Empty reply from server", requestMayHaveBeenSent: true), context: ctx)
        XCTAssertEqual(lost.code, .outcomeUnknown)
        XCTAssertTrue(lost.retryable, "keyed: the repeat returns the first answer")
        let later: [FlexitiError] = [
            ResponseMapping.transportError(TransportFailure(code: .connect, detail: "Connection refused", requestMayHaveBeenSent: false), context: ctx),
            ResponseMapping.transportError(TransportFailure(code: .tls, detail: "certificate verify failed", requestMayHaveBeenSent: false), context: ctx),
            ResponseMapping.httpError(status: 466, body: Array("<html>blocked</html>".utf8), context: ctx),
            ResponseMapping.httpError(status: 409, body: Array(#"{"error":"auth_amount_exceeded","message":"no"}"#.utf8), context: ctx),
            ResponseMapping.httpError(status: 500, body: [], context: ctx),
            ctx.unusableSuccess(status: 200, problem: "the answer is not valid JSON"),
        ]
        for last in later {
            let e = Session.stillUnknown(lost, last: last, attempts: 3)
            XCTAssertEqual(e.code, .outcomeUnknown, "after \(last.code.rawValue)")
            XCTAssertTrue(e.retryable)
            XCTAssertEqual(e.attempts, 3)
            XCTAssertEqual(e.idempotencyKey, "k-1")
            XCTAssertEqual(e.endpoint, Endpoints.capture.template)
            XCTAssertEqual(e.httpStatus, last.httpStatus, "the last attempt's status is kept for diagnosis")
            if last.code != .outcomeUnknown {  // another unknown outcome speaks for itself
                XCTAssertTrue(e.message.contains(ErrorCatalog.info(last.code)?.symbol ?? "?"), e.message)
            }
        }
    }

    func testRetryableRule() {
        // Unkeyed state change, sent: unknown and never repeated.
        let verify = ResponseMapping.transportError(
            TransportFailure(code: .timeout, detail: "", requestMayHaveBeenSent: true), context: context(Endpoints.verify))
        XCTAssertEqual(verify.code, .outcomeUnknown)
        XCTAssertFalse(verify.retryable)
        // Not sent: always repeatable.
        let refused = ResponseMapping.transportError(
            TransportFailure(code: .connect, detail: "", requestMayHaveBeenSent: false), context: context(Endpoints.apply))
        XCTAssertEqual(refused.code, .connect)
        XCTAssertTrue(refused.retryable)
        // A read: a timeout is repeatable and stays a timeout.
        let read = ResponseMapping.transportError(
            TransportFailure(code: .timeout, detail: "", requestMayHaveBeenSent: true), context: context(Endpoints.customersLookup))
        XCTAssertEqual(read.code, .timeout)
        XCTAssertTrue(read.retryable)
        // A gateway 504 after a money request: unknown; after a read: unavailable.
        XCTAssertEqual(ResponseMapping.httpError(status: 504, body: [], context: context(Endpoints.refund, key: "k")).code, .outcomeUnknown)
        XCTAssertEqual(ResponseMapping.httpError(status: 504, body: [], context: context(Endpoints.customersLookup)).code, .httpUnavailable)
        // A garbled 2xx: unknown and repeatable for a keyed money call, malformed for a read.
        let garbled = context(Endpoints.authorize, key: "k").unusableSuccess(status: 200, problem: "x")
        XCTAssertEqual(garbled.code, .outcomeUnknown)
        XCTAssertTrue(garbled.retryable)
        XCTAssertEqual(context(Endpoints.getAuthorization).unusableSuccess(status: 200, problem: "x").code, .malformedResponse)
    }

    func testSuccessShapes() throws {
        func problem(_ endpoint: Endpoint, _ text: String) -> String? {
            let empty = text.isEmpty
            guard let json = empty ? JSONNode.emptyObject() : (JSONParser.document(Array(text.utf8)) ?? JSONNode(.null)) else { return "unparsable" }
            return AnswerCheck.problem(json, empty: empty, shape: endpoint.answerShape)
        }
        XCTAssertNil(problem(Endpoints.authorize, #"{"authorization_id": 1000000000001000, "status": "opened"}"#))
        for odd in ["", "{}", "[]", #"{"authorization_id": ""}"#, #"{"authorization_id": 1, "error": "credit_exceeded"}"#] {
            XCTAssertNotNil(problem(Endpoints.authorize, odd), odd)
        }
        XCTAssertNil(problem(Endpoints.refund, ""), "refund's documented answer is {}")
        XCTAssertNil(problem(Endpoints.refund, "{}"))
        XCTAssertNotNil(problem(Endpoints.refund, "[]"))
        XCTAssertNotNil(problem(Endpoints.customersLookup, "{}"))
        XCTAssertNil(problem(Endpoints.customersLookup, #"{"account_number": 116994755}"#))
        XCTAssertNil(problem(Endpoints.listCaptures, "[]"))
        XCTAssertNil(problem(Endpoints.listCaptures, #"{"captures": [], "total": 0}"#))
        XCTAssertNotNil(problem(Endpoints.listCaptures, "{}"))
        XCTAssertNil(problem(Endpoints.customersSearch, "[]"), "no match is not_found, decided by the reader")
        XCTAssertNotNil(problem(Endpoints.customersSearch, "[1]"))
        XCTAssertNil(problem(Endpoints.verify, #"{"verification_code": 2485}"#))
        XCTAssertNotNil(problem(Endpoints.verify, #"{"verification_code": ""}"#))
        XCTAssertTrue(Endpoints.verify.changesState && Endpoints.apply.changesState && Endpoints.close.changesState)
        XCTAssertFalse(Endpoints.calculateInterest.changesState || Endpoints.driversLicense.changesState || Endpoints.token.changesState)
    }

    func testTheKeyIsBoundToPathQueryAndBody() {
        var a = APICall(Endpoints.capture)
        a.pathParams = ["client_id": "c", "authorizationId": "1"]
        a.body = .object([("amount", .number("10.00"))])
        var b = a
        XCTAssertEqual(PurchaseRequest.operation(a), PurchaseRequest.operation(b))
        b.pathParams["authorizationId"] = "2"
        XCTAssertNotEqual(PurchaseRequest.operation(a), PurchaseRequest.operation(b), "another authorization")
        b = a
        b.body = .object([("amount", .number("10.01"))])
        XCTAssertNotEqual(PurchaseRequest.operation(a), PurchaseRequest.operation(b), "another amount")
        b = a
        b.query = [("lang", "fr")]
        XCTAssertNotEqual(PurchaseRequest.operation(a), PurchaseRequest.operation(b), "another query")
        b = a
        b.endpoint = Endpoints.release
        XCTAssertNotEqual(PurchaseRequest.operation(a), PurchaseRequest.operation(b), "another endpoint")
    }
}
