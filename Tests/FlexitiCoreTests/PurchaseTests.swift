import FlexitiCore
import XCTest

/// The money path's core: bodies, exact amounts, idempotency keys and lenient response reading.
/// (The end-to-end flows against the sandbox are in FlexitiCTests/PurchaseCTests.swift.)
final class PurchaseTests: XCTestCase {
    func bodyText(_ r: PurchaseRequest) -> String { JSONWriter.write(r.body()) }

    func testAmountsLeaveAsExactDecimalText() {
        var r = PurchaseRequest(.capture)
        for (cents, text) in [(Int64(1), "0.01"), (10 + 20, "0.30"), (100, "1.00"), (123_456, "1234.56"),
                              (Money.maxCents, "99999999999999.99")] {
            r.amountCents = cents
            XCTAssertEqual(bodyText(r), "{\"amount\":\(text)}")
            // And back, exactly.
            XCTAssertEqual(JSONValue.number(text).cents, cents)
        }
    }

    /// An amount is a value of the API: the validator judges it when the request is sent, in
    /// the server's words, like any other parameter (the request stores what it was given).
    func testImpossibleAmountsAreWrongInputs() {
        func errors(_ cents: Int64) -> [String] {
            var r = PurchaseRequest(.capture)
            r.amountCents = cents
            var call = APICall(Endpoints.capture)
            call.pathParams = ["client_id": "flexitidemo", "authorizationId": "1000000000001000"]
            call.body = r.body()
            return RequestValidator.validate(call).map { $0.param + ": " + $0.msg + " (" + $0.value + ")" }
        }
        for cents in [Int64(0), -1, -100] {
            XCTAssertEqual(errors(cents), ["amount: Value zero or negative. (\(Money.format(cents: cents)))"], "\(cents)")
        }
        // number(18,2): 16 integer digits, so 17 are refused (10^16 dollars = 10^18 cents).
        for cents in [Int64(1_000_000_000_000_000_000), .max, .min] {
            XCTAssertEqual(errors(cents), ["amount: Value with higher precision and/or scale (\(Money.format(cents: cents)))"], "\(cents)")
        }
        for cents in [Int64(1), 30, Money.maxCents, 999_999_999_999_999_999] { XCTAssertEqual(errors(cents), [], "\(cents)") }
    }

    func testAuthorizationBody() {
        var r = PurchaseRequest(.authorization)
        r.accountNumber = "116994755"
        r.amountCents = 100_012
        r.purchaseType = .promotional
        r.planId = 4
        r.term = 12
        r.autoCapture = true
        r.reference = "Order-\"1\""
        r.verificationCode = Secret("1234")
        r.requestId = "r-1"
        var sku = SkuData()
        sku.purchaseOrder = "PO1"
        sku.setTotal("transaction_total", cents: -102_647)
        sku.products = [SkuProduct(skuId: "A1", category: "tv", description: "TV", quantity: 2, unitPriceCents: 50_000, extendedPriceCents: 100_012)]
        r.skuData = sku
        XCTAssertEqual(bodyText(r),
            "{\"account_number\":\"116994755\",\"reference\":\"Order-\\\"1\\\"\","
            + "\"financing_option\":{\"transaction_type\":\"promotional_purchase\",\"plan_id\":4,\"term\":12},"
            + "\"amount\":1000.12,\"auto_capture\":true,\"verification_code\":\"1234\",\"request_id\":\"r-1\","
            + "\"sku_data\":{\"purchase_order\":\"PO1\",\"transaction_total\":-1026.47,\"products\":[{\"sku_id\":\"A1\","
            + "\"category\":\"tv\",\"description\":\"TV\",\"quantity\":2,\"unit_price\":500.00,\"extended_price\":1000.12}]}}")
    }

    func testFullReleaseAndFullReturnSendNoAmount() {
        var rel = PurchaseRequest(.release)
        rel.amountCents = 500
        rel.full = true
        XCTAssertEqual(bodyText(rel), "{\"full_release\":true}")
        var ret = PurchaseRequest(.returnCapture)
        ret.full = true
        XCTAssertEqual(bodyText(ret), "{\"full_return\":true}")
        ret.full = false
        ret.amountCents = 1_000
        XCTAssertEqual(bodyText(ret), "{\"full_return\":false,\"amount\":10.00}")
    }

    func testEachKindTakesOnlyItsFields() {
        XCTAssertNil(PurchaseRequest(.authorization).accepts(.verificationCode))
        XCTAssertNil(PurchaseRequest(.transaction).accepts(.customerId))
        XCTAssertNil(PurchaseRequest(.refund).accepts(.captureId))
        XCTAssertEqual(PurchaseRequest(.capture).accepts(.verificationCode)?.code, .invalidArgument)
        XCTAssertEqual(PurchaseRequest(.capture).accepts(.full)?.code, .invalidArgument)
        XCTAssertEqual(PurchaseRequest(.transaction).accepts(.skuData)?.code, .invalidArgument)
        XCTAssertEqual(PurchaseRequest(.listCaptures).accepts(.amount)?.code, .invalidArgument)
        XCTAssertEqual(PurchaseRequest(.authorization).accepts(.full)?.message, "authorization requests take no full")
    }

    func testIdempotencyKeys() {
        let a = PurchaseRequest(.capture), b = PurchaseRequest(.capture)
        XCTAssertEqual(a.idempotencyKey.count, 32)
        XCTAssertNotEqual(a.idempotencyKey, b.idempotencyKey, "one key per logical operation")
        XCTAssertEqual(PurchaseRequest(.listAuthorizations).idempotencyKey, "")
        var c = a
        XCTAssertNil(c.setIdempotencyKey("POS-0042-capture"))
        XCTAssertEqual(c.idempotencyKey, "POS-0042-capture")
        XCTAssertNil(c.setIdempotencyKey(nil))
        XCTAssertNotEqual(c.idempotencyKey, "POS-0042-capture")
        XCTAssertEqual(c.setIdempotencyKey("has space")?.code, .invalidArgument)
        XCTAssertEqual(c.setIdempotencyKey("")?.code, .invalidArgument)
        XCTAssertEqual(c.setIdempotencyKey(String(repeating: "k", count: 256))?.code, .invalidArgument)
        var list = PurchaseRequest(.listCaptures)
        XCTAssertEqual(list.setIdempotencyKey("x")?.code, .invalidArgument)
    }

    func testListingQuery() {
        var r = PurchaseRequest(.listAuthorizations)
        r.status = "opened"
        r.dateFrom = "2018-11-11"
        r.dateTo = "2018-12-11"
        r.pageSize = 10
        r.purchaseType = .promotional
        XCTAssertEqual(PercentEncoding.form(r.query(page: 3)),
                       "transaction_type=promotional_purchase&authorization_status=opened&creation_date_from=2018-11-11"
                       + "&creation_date_to=2018-12-11&page_number=3&page_size=10")
    }

    func parse(_ s: String) -> JSONNode { JSONParser.document(Array(s.utf8)) ?? JSONNode(.null) ?? JSONNode.emptyObject()! }

    func testAuthorizationReadsBothSpellings() {
        let a = Authorization(json: parse(#"{"authorization_id":1000000000001000,"authorization_status":"opened","amount":1000.12,"remaining_amount":"0.30"}"#))
        XCTAssertEqual(a.id, "1000000000001000")
        XCTAssertEqual(a.status, "opened")
        XCTAssertEqual(a.amountCents, 100_012)
        XCTAssertEqual(a.remainingCents, 30)
        let b = Authorization(json: parse(#"{"id":"77","status":"some_future_status","amount":"99999999999999.99","remaining_authorization_amount":0.01}"#))
        XCTAssertEqual(b.id, "77")
        XCTAssertEqual(b.status, "some_future_status", "unknown statuses are kept as sent")
        XCTAssertEqual(b.amountCents, Money.maxCents)
        XCTAssertEqual(b.remainingCents, 1)
        XCTAssertTrue(b.captures.isEmpty)
    }

    func testAutoCaptureFromTopLevelCaptureId() {
        let a = Authorization(json: parse(#"{"authorization_id":5,"amount":10.10,"remaining_amount":0,"capture_id":123456789,"reference":"R","date":"2024-01-01T00:00:00Z"}"#))
        XCTAssertEqual(a.captures.count, 1)
        let c = a.captures[0]
        XCTAssertEqual(c.id, "123456789")
        XCTAssertEqual(c.authorizationId, "5")
        XCTAssertEqual(c.amountCents, 1_010)
        XCTAssertEqual(c.remainingCents, 1_010)
        XCTAssertEqual(c.json["reference"]?.text, "R")
    }

    func testCapturesListInheritTheAuthorizationId() {
        let a = Authorization(json: parse(#"{"authorization_id":5,"captures":[{"capture_id":1,"amount":"2.00","remaining_capture_amount":"1.50"},{"id":2,"authorization_id":5,"amount":3}]}"#))
        XCTAssertEqual(a.captures.map(\.id), ["1", "2"])
        XCTAssertEqual(a.captures.map(\.authorizationId), ["5", "5"])
        XCTAssertEqual(a.captures.map(\.remainingCents), [150, 300])
    }
}
