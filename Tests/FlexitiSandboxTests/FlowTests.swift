import Synchronization
import XCTest
@testable import FlexitiSandbox

/// Happy paths and state: what a POS integration does end to end.
final class FlowTests: XCTestCase {
    func testInStorePurchaseCaptureReturnAndRefund() throws {
        let h = try Harness()
        let calc = h.api("POST", "/accounts/116994755/calculate-interest", body: #"{"amount":"1200.00"}"#)
        XCTAssertEqual(calc.status, 200, calc.text)
        let plan4 = calc["promotional_purchase"]?.arrayValue?.first { $0["plan_id"] == .number("4") }
        let term12 = plan4?["terms"]?.arrayValue?.first { $0["term"] == .number("12") }
        XCTAssertEqual(term12?["term_amount"], .number("116.98"))   // 1200 at 29.99 % over 12 months (116.9786)
        XCTAssertNil(plan4?["plan_name"])                             // v2.5: no plan_name, apr instead of annual_rates
        XCTAssertNotNil(term12?["apr"])
        h.version = "v2.5.1"
        let calc251 = h.api("POST", "/accounts/116994755/calculate-interest", body: #"{"amount":1200}"#)
        XCTAssertEqual(calc251["promotional_purchase"]?.arrayValue?.first?["plan_name"]?.stringValue, "EMP - Regular Interest")
        XCTAssertEqual(calc251["promotional_purchase"]?.arrayValue?.first?["terms"]?.arrayValue?.first?["annual_rates"]?["rate"],
                       .number("0.2999"))

        let auth = h.authorize(amount: "1200.00")
        XCTAssertEqual(auth.status, 200, auth.text)
        let authId = auth["authorization_id"]?.scalarText ?? ""
        let captureId = auth["capture_id"]?.scalarText ?? ""
        XCTAssertEqual(authId.count, 16)
        XCTAssertEqual(captureId.count, 9)
        XCTAssertEqual(auth["authorization_status"]?.stringValue, "closed")
        XCTAssertEqual(auth["available_credit"], .number("12800.00"))
        XCTAssertNotNil(auth["annual_rates"])

        let ret = h.api("POST", "/authorization/\(authId)/capture/\(captureId)/return", body: #"{"amount":200.50,"reference":"RMA-1"}"#)
        XCTAssertEqual(ret.status, 200, ret.text)
        XCTAssertEqual(ret["remaining_capture_amount"], .number("999.50"))
        XCTAssertEqual(ret["return_id"]?.scalarText?.count, 16)
        let full = h.api("POST", "/authorization/\(authId)/capture/\(captureId)/return", body: #"{"full_return":true}"#)
        XCTAssertEqual(full["amount"], .number("999.50"))
        XCTAssertEqual(full["remaining_capture_amount"], .number("0.00"))
        XCTAssertEqual(h.api("GET", "/customers/lookup?account_number=116994755")["available_credit"], .number("14000.00"))

        let refund = h.api("POST", "/accounts/116994755/refund", body: #"{"amount":"500.00","reference":"R-9"}"#)
        XCTAssertEqual(refund.status, 200, refund.text)
        XCTAssertEqual(refund.json, .object([]))
        XCTAssertEqual(h.api("GET", "/customers/lookup?account_number=116994755")["available_credit"], .number("14500.00"))
    }

    func testPreAuthorizationPartialCapturesAndRelease() throws {
        let h = try Harness()
        h.version = "v2.5.1"
        let auth = h.authorize(amount: "300.00", autoCapture: false)
        XCTAssertEqual(auth["authorization_status"]?.stringValue, "opened")
        XCTAssertNil(auth["capture_id"])
        let id = auth["authorization_id"]?.scalarText ?? ""
        let c1 = h.api("POST", "/authorization/\(id)/capture", body: #"{"amount":100.10}"#)
        XCTAssertEqual(c1["remaining_authorization_amount"], .number("199.90"))
        let c2 = h.api("POST", "/authorization/\(id)/capture", body: #"{"amount":"99.90"}"#)
        XCTAssertEqual(c2["remaining_authorization_amount"], .number("100.00"))
        let rel = h.api("POST", "/authorization/\(id)/release", body: #"{"amount":40}"#)
        XCTAssertEqual(rel["remaining_authorization_amount"], .number("60.00"))
        let relAll = h.api("POST", "/authorization/\(id)/release", body: #"{"full_release":true}"#)
        XCTAssertEqual(relAll["amount"], .number("60.00"))
        XCTAssertEqual(relAll["authorization_status"]?.stringValue, "closed")
        XCTAssertAPIError(h.api("POST", "/authorization/\(id)/capture", body: #"{"amount":1}"#), 409, "authorization_ended")
        // 14000 − 300 + 40 + 60 = 13800 held for the two captures.
        XCTAssertEqual(h.api("GET", "/customers/lookup?account_number=116994755")["available_credit"], .number("13800.00"))
        let one = h.api("GET", "/authorization/\(id)")
        XCTAssertEqual(one["captures"]?.arrayValue?.count, 2)
        XCTAssertEqual(one["releases"]?.arrayValue?.count, 2)
    }

    func testPINsAreSingleUseAndBoundToRequestId() throws {
        let h = try Harness()
        let sms = h.api("POST", "/account/116994755/verify", body: #"{"format":"sms","request_id":"sms-1"}"#)
        XCTAssertEqual(sms["verification_code"]?.stringValue, "verification_sent_to_sms")
        let email = h.api("POST", "/account/116994755/verify", body: #"{"format":"email","request_id":"em-1"}"#)
        XCTAssertEqual(email["verification_code"]?.stringValue, "verification_sent_to_email")
        // The sms/email PIN is the test PIN 2222.
        let first = h.api("POST", "/authorization", body: h.authBody(pin: "2222", requestId: "sms-1"))
        XCTAssertEqual(first.status, 200, first.text)
        XCTAssertAPIError(h.api("POST", "/authorization", body: h.authBody(pin: "2222", requestId: "sms-1")), 409, "not_verified")
        let mo = h.api("POST", "/account/116994755/verify", body: #"{"format":"merchant_override","request_id":"mo"}"#)
        XCTAssertNotNil(mo["verification_code"]?.scalarText.flatMap(Int.init))
        // Expired after 10 minutes.
        let pin = h.pin(requestId: "late")
        h.clock.advance(601)
        XCTAssertAPIError(h.api("POST", "/authorization", body: h.authBody(pin: pin, requestId: "late")), 409, "not_verified")
    }

    func testRegularPurchaseBypass() throws {
        let h = try Harness()
        func bypass() -> HTTPResult {
            h.api("POST", "/account/116994755/verify", body: #"{"format":"regular_purchase_bypass","request_id":"b"}"#)
        }
        func regular(_ pin: String, amount: String = "150.00") -> HTTPResult {
            h.api("POST", "/authorization", body: """
                {"account_number":116994755,"amount":\(amount),"auto_capture":true,\
                "financing_option":{"transaction_type":"regular_purchase"},"verification_code":\(pin),"request_id":"b"}
                """)
        }
        let tooMuch = bypass()["verification_code"]?.scalarText ?? ""
        XCTAssertAPIError(regular(tooMuch, amount: "200.01"), 409, "not_verified")
        for _ in 0..<4 {
            let p = bypass()
            XCTAssertEqual(p.status, 200, p.text)
            XCTAssertEqual(regular(p["verification_code"]?.scalarText ?? "").status, 200)
        }
        XCTAssertAPIError(bypass(), 409, "regular_purchase_bypass_is_not_allowed")
        XCTAssertEqual(h.api("POST", "/accounts/116994755/calculate-interest", body: #"{"amount":10}"#)["regular_purchase"]?["verify"],
                       .bool(false))
        h.clock.advance(86_400)
        XCTAssertEqual(bypass().status, 200)
    }

    func testWrongAnswerCounterExpiresAfter48Hours() throws {
        let h = try Harness()
        let wrong = #"{"format":"security_question","security_qid":4,"security_answer":"nope"}"#
        for _ in 0..<3 { XCTAssertAPIError(h.api("POST", "/account/116994755/verify", body: wrong), 409, "secret_answer_mismatch") }
        XCTAssertAPIError(h.api("POST", "/account/116994755/verify", body: wrong), 409, "tries_exceed")
        XCTAssertAPIError(h.api("POST", "/account/116994755/verify",
                                body: wrong.replacingOccurrences(of: "nope", with: "Buddy")), 409, "tries_exceed")
        h.clock.advance(48 * 3600 + 1)
        XCTAssertEqual(h.pin().count, 4)
    }

    func testReturnWindowFollowsTheClock() throws {
        let h = try Harness()
        let auth = h.authorize(amount: "50.00")
        let path = "/authorization/\(auth["authorization_id"]?.scalarText ?? "")/capture/\(auth["capture_id"]?.scalarText ?? "")/return"
        h.clock.advance(100 * 86_400)
        XCTAssertEqual(h.api("POST", path, body: #"{"amount":1}"#).status, 200)
        h.clock.advance(1)
        XCTAssertAPIError(h.api("POST", path, body: #"{"amount":1}"#), 409, "return_date_exceeded")
    }

    func testTransactions() throws {
        let h = try Harness()
        let pin = h.pin(requestId: "t1")
        let r = h.api("POST", "/transactions", body: """
            {"transaction_type":"instore_payment","amount":"250.00","vcc_number":"1070015210367982","verification_code":\(pin),\
            "request_id":"t1","external_location_id":"00-12345","external_employee_id":"12345-SMITH"}
            """)
        XCTAssertEqual(r.status, 200, r.text)
        XCTAssertEqual(r["available_credit"], .number("14250.00"))
        XCTAssertEqual(r["account_number"], .number("116994755"))
        // Single use.
        let again = h.api("POST", "/transactions", body: """
            {"transaction_type":"instore_payment","amount":"1","account_number":116994755,"verification_code":\(pin),"request_id":"t1"}
            """)
        XCTAssertAPIError(again, 409, "wrong_verification_code")
    }

    func testIdempotencyReplayAndConflict() throws {
        let h = try Harness()
        let tok = h.accessToken()
        let path = "/client-id/flexitidemo/authorization/1000000000000005/capture"
        let first = h.call("POST", path, token: tok, body: #"{"amount":10}"#, headers: ["x-idempotency-key": "k1", "x-context-hash": "a"])
        let replay = h.call("POST", path, token: tok, body: #"{"amount":10}"#, headers: ["x-idempotency-key": "k1", "x-context-hash": "a"])
        XCTAssertEqual(first.text, replay.text)
        XCTAssertEqual(replay["remaining_authorization_amount"], .number("990.00"))
        XCTAssertAPIError(h.call("POST", path, token: tok, body: #"{"amount":20}"#,
                                 headers: ["x-idempotency-key": "k1", "x-context-hash": "b"]), 409, "idempotency_conflict")
        // Failures are not stored: a key whose first try failed can succeed later.
        XCTAssertAPIError(h.call("POST", path, token: tok, body: #"{"amount":5000}"#, headers: ["x-idempotency-key": "k2"]),
                          409, "auth_amount_exceeded")
        XCTAssertEqual(h.call("POST", path, token: tok, body: #"{"amount":1}"#, headers: ["x-idempotency-key": "k2"]).status, 200)
    }

    func testListsPaginateAndFilter() throws {
        let h = try Harness()
        for _ in 0..<3 { XCTAssertEqual(h.authorize(amount: "10.00").status, 200) }
        let all = h.api("GET", "/authorizations?page_number=1&page_size=2")
        XCTAssertEqual(all["total"], .number("9"))     // 6 seeded for flexitidemo + 3 new
        XCTAssertEqual(all["authorizations"]?.arrayValue?.count, 2)
        XCTAssertEqual(h.api("GET", "/authorizations?page_number=5&page_size=2")["authorizations"]?.arrayValue?.count, 1)
        XCTAssertEqual(h.api("GET", "/authorizations?page_number=6&page_size=2")["authorizations"]?.arrayValue?.count, 0)
        let open = h.api("GET", "/authorizations?page_number=1&authorization_status=opened&account_number=116994762")
        XCTAssertEqual(open["total"], .number("1"))
        let today = Time.date(h.clock.now())
        let recent = h.api("GET", "/authorizations?page_number=1&creation_date_from=\(today)&creation_date_to=\(today)")
        XCTAssertEqual(recent["total"], .number("3"))
        let caps = h.api("GET", "/captures?page_number=1&page_size=100&account_number=116994755")
        XCTAssertEqual(caps["total"], .number("5"))
        XCTAssertEqual(fieldErrors(h.api("GET", "/captures?page_number=1&page_size=101")).first?.param, "page_size")
    }

    func testOnlineWidgetPurchase() throws {
        let h = try Harness()
        h.version = "v2.5.1"
        let tok = h.accessToken(scope: "customer")
        let initR = h.call("POST", "/client-id/flexitidemo/widget/init", token: tok,
                           body: #"{"flow":"purchase","customer_identification":{"vcc_number":"1070015210367982"}}"#)
        XCTAssertEqual(initR.status, 200, initR.text)
        let session = initR["widget_session_id"]?.stringValue ?? ""
        XCTAssertTrue(initR["redirection_url"]?.stringValue?.contains("widget_session_id=\(session)") ?? false)
        let body = h.authBody(autoCapture: false, pin: nil, extra: ",\"widget_session_id\":\"\(session)\"")
        let auth = h.call("POST", "/client-id/flexitidemo/authorization", token: tok, body: body)
        XCTAssertEqual(auth.status, 200, auth.text)
        // Another token (same client) cannot use the session.
        let other = h.accessToken(scope: "customer")
        XCTAssertAPIError(h.call("POST", "/client-id/flexitidemo/authorization", token: other, body: body), 404, "customer_identity_not_found")
        _ = h.call("POST", "/client-id/flexitidemo/widget/init", token: other,
                   body: #"{"flow":"purchase","customer_identification":{"account_number":116994755}}"#)
        XCTAssertAPIError(h.call("POST", "/client-id/flexitidemo/authorization", token: other, body: body), 409, "not_verified")
        // Back office captures with a merchant token.
        let id = auth["authorization_id"]?.scalarText ?? ""
        XCTAssertEqual(h.api("POST", "/authorization/\(id)/capture", body: #"{"amount":100}"#).status, 200)
    }

    func testOnlineApplication() throws {
        let h = try Harness()
        let tok = h.accessToken(scope: "customer")
        let initBody = h.applyBody(middle: "A-RR_H", extra: "").replacingOccurrences(of: "{\"customer_identification\"",
                                                                                      with: "{\"flow\":\"apply\",\"customer_identification\"")
        let initR = h.call("POST", "/client-id/flexitidemo/widget/init", token: tok, body: initBody)
        XCTAssertEqual(initR.status, 200, initR.text)
        let session = initR["widget_session_id"]?.stringValue ?? ""
        let apply = h.call("POST", "/client-id/flexitidemo/apply", token: tok,
                           body: h.applyBody(middle: "A-RR_H", extra: ",\"widget_session_id\":\"\(session)\""))
        XCTAssertEqual(apply.status, 200, apply.text)
        XCTAssertEqual(apply["decision"]?.stringValue, "approved")
        XCTAssertEqual(apply["risk_rating"]?.stringValue, "H")
        XCTAssertEqual(apply["credit_limit"], .number("5000.00"))
        let number = apply["account_number"]?.scalarText ?? ""
        XCTAssertEqual(h.api("GET", "/customers/lookup?account_number=\(number)").status, 200)
        // Different personal information than at init.
        XCTAssertAPIError(h.call("POST", "/client-id/flexitidemo/apply", token: tok,
                                 body: h.applyBody(first: "Janet", extra: ",\"widget_session_id\":\"\(session)\"")), 409, "not_verified")
        // A-RR_XX: approved as non-prime where accepted, declined elsewhere.
        XCTAssertEqual(h.api("POST", "/apply", body: h.applyBody(middle: "A-RR_XX", first: "Xavier"))["risk_rating"]?.stringValue, "Y")
        XCTAssertAPIError(h.api("POST", "/apply", body: h.applyBody(middle: "A-RR_XX", first: "Yves",
                                                                    extra: #","external_location_id":"10-00001""#),
                                client: "flexitilimited"), 409, "application_declined")
    }

    func testCustomerFacingEndpoints() throws {
        let h = try Harness()
        XCTAssertEqual(h.api("POST", "/accounts/116994756/close", scope: "customer").json, .object([]))
        XCTAssertAPIError(h.api("GET", "/customers/lookup?account_number=116994756"), 409, "user_not_able_to_purchase")
        XCTAssertEqual(fieldErrors(h.api("POST", "/accounts/116994755/close")).first?.param, "account_number")
        let dl = h.api("POST", "/customers/driverslicense", body: #"{"code":"@\nANSI 636012080002DL00410278ZO03190008DLDCSSMITH\nDACJOHN\nDADGARRY\nDBB19740515\nDAG123 ANY STREET\nDAITORONTO\nDAJON\nDAKM1M 1M1\nDAQD61014070123456\nDBA20310515"}"#)
        XCTAssertEqual(dl.status, 200, dl.text)
        XCTAssertEqual(dl["last_name"]?.stringValue, "SMITH")
        XCTAssertEqual(dl["dob"]?.stringValue, "1974-05-15")
        XCTAssertEqual(dl["govid_number"]?.stringValue, "D61014070123456")
        XCTAssertAPIError(h.api("POST", "/customers/driverslicense", body: #"{"code":"garbage"}"#), 409, "wrong_inputs")
        XCTAssertEqual(h.api("POST", "/i18n?lang=fr", scope: "customer")["form_values"]?["province"]?.arrayValue?.count, 13)
        XCTAssertNotNil(h.api("GET", "/terms-and-conditions?lang=fr", scope: "customer")["terms_and_conditions"]?.stringValue)
        let login = h.api("POST", "/merchants/login", body: #"{"merchant_username":"store-manager","merchant_password":"demo-password"}"#,
                          scope: "customer")
        XCTAssertEqual(login["merchant_id"], .number("1001"))
    }

    func testAllFieldErrorsAtOnce() throws {
        let h = try Harness()
        let r = h.api("POST", "/authorization", body: #"{"account_number":"abc","amount":"1,50","auto_capture":"maybe","reference":"\#(String(repeating: "x", count: 41))"}"#)
        XCTAssertAPIError(r, 409, "wrong_inputs")
        let got = Dictionary(fieldErrors(r).map { ($0.param, $0.type) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(got["account_number"], "type")
        XCTAssertEqual(got["amount"], "invalid")
        XCTAssertEqual(got["auto_capture"], "invalid")
        XCTAssertEqual(got["reference"], "length")
        XCTAssertEqual(got["transaction_type"], "required")
    }
}

final class ConcurrencyTests: XCTestCase {
    /// Captures race on one authorization: the store's single lock lets exactly the amount through.
    func testConcurrentCapturesNeverOvercapture() throws {
        let h = try Harness()
        let tok = h.accessToken()
        let url = h.url("/client-id/flexitidemo/authorization/1000000000000005/capture")
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 24) { _ in
            let r = HTTP.send("POST", url, headers: ["authorization": "Bearer \(tok)", "x-reference-id": "race",
                                                     "content-type": "application/json"], body: #"{"amount":100}"#)
            statuses.withLock { $0.append(r.status) }
        }
        let all = statuses.withLock { $0 }
        XCTAssertEqual(all.filter { $0 == 200 }.count, 10)
        XCTAssertEqual(all.filter { $0 == 409 }.count, 14)
        XCTAssertEqual(h.api("GET", "/authorization/1000000000000005")["remaining_amount"], .number("0.00"))
    }
}
