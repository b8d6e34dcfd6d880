@testable import FlexitiCore
import XCTest

/// A money request is checked and written from its typed fields (PreparedCall.checked with a
/// PurchaseRequest). It must answer exactly as the validator and writer do on its JSON body:
/// the same field errors in the same order, the same bytes and URL, clean-ups included.
final class RequestBodyTests: XCTestCase {
    /// A small deterministic generator (the same cases on every run).
    struct Picker {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
    }

    static let texts: [String?] = [nil, nil, "", "116994755", "1234 5678 9012 3456", " 1234567890123456 ", "0000000000000001",
                                   "abc", "Order-\"1\"\n\t", String(repeating: "x", count: 151), "é1", "0", "-5", "12.0",
                                   "1234567-12345", " 1234567-12345 ", "482913", "123456789", "req-0001", "99999999999999999"]
    static let cents: [Int64?] = [nil, 0, -1, 1, 24_999, Money.maxCents, 1_000_000_000_000_000_000, .max, .min]
    static let smallNumbers: [Int64?] = [nil, 0, 4, 12, 999, 1000, -3]

    func randomRequest(_ kind: PurchaseKind, _ g: inout Picker) -> PurchaseRequest {
        var r = PurchaseRequest(kind)
        r.accountNumber = g.pick(Self.texts)
        r.vccNumber = g.pick(Self.texts)
        r.customerId = g.pick(Self.texts)
        r.amountCents = g.pick(Self.cents)
        r.full = g.pick([false, true])
        r.purchaseType = g.pick([nil, .regular, .promotional])
        r.planId = g.pick(Self.smallNumbers)
        r.term = g.pick(Self.smallNumbers)
        r.autoCapture = g.pick([nil, true, false])
        r.reference = g.pick(Self.texts)
        r.verificationCode = g.pick(Self.texts).map(Secret.init)
        r.requestId = g.pick(Self.texts)
        r.externalLocationId = g.pick(Self.texts)
        r.externalEmployeeId = g.pick(Self.texts)
        r.widgetSessionId = g.pick(Self.texts)
        r.captureId = g.pick(Self.texts)
        r.transactionType = g.pick([nil, .deposit, .instorePayment, .tradein])
        if g.next() % 3 == 0 {
            var sku = SkuData()
            sku.purchaseOrder = g.pick(Self.texts)
            sku.registerId = g.pick(Self.texts)
            for name in SkuData.totalNames where g.next() % 2 == 0 {
                sku.setTotal(name, cents: g.pick(Self.cents) ?? 5)
            }
            for _ in 0..<(g.next() % 3) {
                sku.products.append(SkuProduct(skuId: g.pick(Self.texts) ?? "", category: g.pick(Self.texts) ?? "",
                                               description: g.pick(Self.texts) ?? "", quantity: g.pick(Self.smallNumbers) ?? -1,
                                               unitPriceCents: g.pick(Self.cents) ?? 0, extendedPriceCents: g.pick(Self.cents) ?? 7))
            }
            r.skuData = sku
        }
        return r
    }

    func endpoint(_ kind: PurchaseKind) -> Endpoint {
        switch kind {
        case .authorization: return Endpoints.authorize
        case .capture: return Endpoints.capture
        case .release: return Endpoints.release
        case .returnCapture: return Endpoints.returnCapture
        case .refund: return Endpoints.refund
        default: return Endpoints.transactions
        }
    }

    func testTypedRequestsAnswerAsTheirJSONBody() {
        var g = Picker(state: 17)
        var failing = 0, clean = 0
        for i in 0..<6000 {
            let kind = g.pick([PurchaseKind.authorization, .capture, .release, .returnCapture, .refund, .transaction])
            let r = randomRequest(kind, &g)
            var params = ["client_id": g.pick(["flexitidemo", "flexitidemo", "", "bad id"])]
            if kind == .capture || kind == .release || kind == .returnCapture { params["authorizationId"] = g.pick(Self.texts) ?? "" }
            if kind == .returnCapture { params["captureId"] = g.pick(Self.texts) ?? "" }
            if kind == .refund { params["account_number"] = g.pick(Self.texts) ?? "" }
            var call = APICall(endpoint(kind))
            call.pathParams = params
            call.body = r.body()
            call.idempotencyKey = r.idempotencyKey
            let old = PreparedCall.checked(call, baseURL: "https://h/x", langQuery: i % 2 == 0 ? "lang=fr" : nil)
            let new = PreparedCall.checked(r, endpoint(kind), pathParams: params, baseURL: "https://h/x", langQuery: i % 2 == 0 ? "lang=fr" : nil)
            XCTAssertEqual(new.fieldErrors, old.fieldErrors, "case \(i): \(JSONWriter.write(call.body ?? .null))")
            XCTAssertEqual(new.body, old.body, "case \(i)")
            XCTAssertEqual(new.url, old.url, "case \(i)")
            XCTAssertEqual(new.path, old.path, "case \(i)")
            XCTAssertEqual(new.idempotencyKey, old.idempotencyKey)
            if old.fieldErrors.isEmpty { clean += 1 } else { failing += 1 }
        }
        // Both kinds of case were met in numbers (the comparison above is not vacuous).
        XCTAssertGreaterThan(failing, 1000)
        XCTAssertGreaterThan(clean, 100)
    }

    /// The bench's authorization: valid, and sent as written.
    func testATypicalAuthorization() {
        var r = PurchaseRequest(.authorization)
        r.accountNumber = "1169 9475 5"
        r.amountCents = 24_999
        r.purchaseType = .promotional
        r.planId = 4
        r.term = 12
        r.autoCapture = true
        r.reference = "Order-1234"
        r.verificationCode = Secret("482913")
        r.requestId = "req-0001"
        let p = PreparedCall.checked(r, Endpoints.authorize, pathParams: ["client_id": "flexitidemo"], baseURL: "http://127.0.0.1:1/api", langQuery: nil)
        XCTAssertEqual(p.fieldErrors, [])
        XCTAssertEqual(p.url, "http://127.0.0.1:1/api/v2.5.1/client-id/flexitidemo/authorization")
        XCTAssertEqual(String(decoding: p.body ?? [], as: UTF8.self),
                       "{\"account_number\":\"116994755\",\"reference\":\"Order-1234\",\"financing_option\":{\"transaction_type\":\"promotional_purchase\","
                       + "\"plan_id\":4,\"term\":12},\"amount\":249.99,\"auto_capture\":true,\"verification_code\":\"482913\",\"request_id\":\"req-0001\"}")
    }

    /// The URL is written in one buffer: base, version, filled template, query, then lang.
    func testURLWithQueryAndLanguage() {
        var call = APICall(Endpoints.listCaptures)
        call.pathParams = ["client_id": "flexi demo"]
        call.query = [("page_number", "1"), ("page_size", "10")]
        let p = PreparedCall.checked(call, baseURL: "https://h:8443/flexiti/pos-api", langQuery: "lang=fr")
        XCTAssertEqual(p.url, "https://h:8443/flexiti/pos-api/v2.5.1/client-id/flexi%20demo/captures?page_number=1&page_size=10&lang=fr")
        XCTAssertEqual(p.path, "/v2.5.1/client-id/flexi%20demo/captures")
        call.query = []
        XCTAssertEqual(PreparedCall.checked(call, baseURL: "http://127.0.0.1:9", langQuery: "lang=en").url,
                       "http://127.0.0.1:9/v2.5.1/client-id/flexi%20demo/captures?lang=en")
        XCTAssertEqual(PreparedCall.checked(call, baseURL: "http://127.0.0.1:9", langQuery: nil).url,
                       "http://127.0.0.1:9/v2.5.1/client-id/flexi%20demo/captures")
    }
}
