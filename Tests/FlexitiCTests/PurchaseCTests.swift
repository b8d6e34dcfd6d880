import CFlexiti
import Flexiti
import FlexitiCore
import FlexitiSandbox
import Foundation
import XCTest

/// The money path through the real header against flexiti-sandbox: authorization, capture,
/// release, return, refund, transactions, listings, exact cents and idempotent retries.
final class PurchaseCTests: PurchaseFixture {
    // MARK: - The flows

    func testPreAuthorizeCapturePartReleaseTheRest() throws {
        let auth = try authorize(cents: 100_012, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let id = try XCTUnwrap(str(flx_authorization_id(auth)))
        XCTAssertFalse(id.isEmpty)
        XCTAssertEqual(str(flx_authorization_status(auth)), "opened")
        XCTAssertEqual(flx_authorization_amount_cents(auth), 100_012)
        XCTAssertEqual(flx_authorization_remaining_cents(auth), 100_012)
        XCTAssertEqual(str(flx_authorization_purchase_type(auth)), "promotional_purchase")
        XCTAssertEqual(flx_authorization_plan_id(auth), 4)
        XCTAssertEqual(flx_authorization_term(auth), 12)
        XCTAssertEqual(str(flx_authorization_reference(auth)), "Order-100012")
        XCTAssertEqual(str(flx_authorization_account_number(auth)), account)
        XCTAssertEqual(flx_authorization_capture_count(auth), 0)

        let cap = try capture(auth, cents: 60_000)
        defer { flx_capture_free(cap) }
        XCTAssertFalse(str(flx_capture_id(cap))!.isEmpty)
        XCTAssertEqual(str(flx_capture_authorization_id(cap)), id)
        XCTAssertEqual(flx_capture_amount_cents(cap), 60_000)
        XCTAssertEqual(flx_capture_remaining_cents(cap), 60_000)
        XCTAssertEqual(flx_capture_remaining_authorization_cents(cap), 40_012)

        let rel = request(FLX_REQUEST_RELEASE) { r in [flx_request_set_full(r, 1, nil)] }
        defer { flx_request_free(rel) }
        var receipt: OpaquePointer?
        var err: OpaquePointer?
        check(flx_authorization_release(session, auth, rel, &receipt, &err), err)
        defer { flx_receipt_free(receipt) }
        XCTAssertEqual(flx_receipt_amount_cents(receipt), 40_012)
        XCTAssertEqual(flx_receipt_remaining_authorization_cents(receipt), 0)
        XCTAssertEqual(str(flx_receipt_status(receipt)), "closed")
        XCTAssertEqual(str(flx_receipt_authorization_id(receipt)), id)
        XCTAssertEqual(str(flx_receipt_date(receipt))?.count, 20)
        XCTAssertEqual(str(flx_receipt_idempotency_key(receipt)), str(flx_request_idempotency_key(rel)))

        // The handle is a snapshot; refresh reads the new state.
        XCTAssertEqual(flx_authorization_remaining_cents(auth), 100_012)
        var fresh: OpaquePointer?
        check(flx_authorization_refresh(session, auth, &fresh, &err), err)
        defer { flx_authorization_free(fresh) }
        XCTAssertEqual(flx_authorization_remaining_cents(fresh), 0)
        XCTAssertEqual(str(flx_authorization_status(fresh)), "closed")
        XCTAssertEqual(flx_authorization_capture_count(fresh), 1)

        // Closed: a further capture is authorization_ended, with this endpoint's scenario text.
        let more = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, 1, nil)] }
        defer { flx_request_free(more) }
        var cap2: OpaquePointer?
        XCTAssertEqual(flx_authorization_capture(session, fresh, more, &cap2, &err), FLX_E_AUTHORIZATION_ENDED)
        XCTAssertNil(cap2)
        XCTAssertEqual(flx_error_http_status(err), 409)
        XCTAssertEqual(str(flx_error_scenario(err)), "Credit authorization has “closed” status")
        XCTAssertEqual(str(flx_error_idempotency_key(err)), str(flx_request_idempotency_key(more)))
        flx_error_free(err)
    }

    /// The names replaced before 1.0 still work (deprecated aliases, removed at 1.0), through the
    /// new functions: same results, same errors.
    @available(*, deprecated, message: "calls the deprecated aliases on purpose")
    func testDeprecatedNamesStillWork() throws {
        let auth = try authorize(cents: 12_345, autoCapture: true)
        defer { flx_authorization_free(auth) }
        var old: OpaquePointer?, new: OpaquePointer?
        var err: OpaquePointer?
        check(flx_authorization_get_capture(auth, 0, &old, &err), err)
        check(flx_authorization_capture_at(auth, 0, &new, &err), err)
        XCTAssertEqual(str(flx_capture_id(old)), str(flx_capture_id(new)))
        XCTAssertEqual(flx_capture_amount_cents(old), 12_345)
        flx_capture_free(old); flx_capture_free(new)
        XCTAssertEqual(flx_authorization_get_capture(auth, 1, &old, &err), FLX_E_NOT_AVAILABLE)
        flx_error_clear(&err)

        var f: OpaquePointer?
        check(flx_calculate_interest(session, account, 120_000, &f, &err), err)
        XCTAssertEqual(flx_financing_amount_cents(f), 120_000)
        XCTAssertGreaterThan(flx_financing_plan_count(f), 0)
        flx_financing_free(f)

        var v: OpaquePointer?
        check(flx_verify(session, account, FLX_VERIFY_MERCHANT_OVERRIDE, 0, nil, nil, "old-name-1", &v, &err), err)
        XCTAssertEqual(str(flx_verification_request_id(v)), "old-name-1")
        XCTAssertFalse(str(flx_verification_code(v))!.isEmpty)
        flx_verification_free(v)
        v = nil
        // Its positional rules stay: qid 0 is "none"; an answer for another format is refused.
        XCTAssertEqual(flx_verify(session, account, FLX_VERIFY_SECURITY_QUESTION, 0, "buddy", nil, nil, &v, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(str(flx_error_field_param(err, 0)), "security_qid")
        XCTAssertEqual(str(flx_error_field_type(err, 0)), "required")
        flx_error_clear(&err)
        XCTAssertEqual(flx_verify(session, account, FLX_VERIFY_SMS, 0, "buddy", nil, nil, &v, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_verify(session, account, flx_verify_format(rawValue: 42), 0, nil, nil, nil, &v, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_verify(nil, account, FLX_VERIFY_SMS, 0, nil, nil, nil, &v, nil), FLX_E_MISUSE)
        XCTAssertNil(v)

        var a: OpaquePointer?
        XCTAssertEqual(flx_applicant_new(&a, nil), FLX_OK)
        defer { flx_applicant_free(a) }
        var app: OpaquePointer?
        XCTAssertEqual(flx_apply(session, a, nil, "00-12345", &app, &err), FLX_E_WRONG_INPUTS)
        let oldCount = flx_error_field_count(err)
        flx_error_clear(&err)
        XCTAssertEqual(flx_application_create(session, a, FLX_APPLY_IN_STORE, "00-12345", &app, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(flx_error_field_count(err), oldCount)
        XCTAssertGreaterThan(oldCount, 0)
        flx_error_clear(&err)
        XCTAssertNil(app)

        // The err rule, first thing in each alias (through its new function).
        var stale: OpaquePointer?
        XCTAssertEqual(flx_applicant_new(nil, &stale), FLX_E_INVALID_ARGUMENT)
        let kept = stale
        XCTAssertEqual(flx_calculate_interest(session, account, 100, &f, &stale), FLX_E_MISUSE)
        XCTAssertEqual(flx_verify(session, account, FLX_VERIFY_SMS, 0, nil, nil, nil, &v, &stale), FLX_E_MISUSE)
        XCTAssertEqual(flx_apply(session, a, nil, "00-12345", &app, &stale), FLX_E_MISUSE)
        XCTAssertEqual(flx_authorization_get_capture(auth, 0, &old, &stale), FLX_E_MISUSE)
        XCTAssertEqual(stale, kept)
        flx_error_free(stale)
    }

    func testAutoCaptureHandleAndReturn() throws {
        let auth = try authorize(cents: 25_000, autoCapture: true)
        defer { flx_authorization_free(auth) }
        XCTAssertEqual(flx_authorization_capture_count(auth), 1)
        var cap: OpaquePointer?
        var err: OpaquePointer?
        check(flx_authorization_capture_at(auth, 0, &cap, &err), err)
        defer { flx_capture_free(cap) }
        XCTAssertEqual(flx_capture_amount_cents(cap), 25_000)
        XCTAssertEqual(str(flx_capture_authorization_id(cap)), str(flx_authorization_id(auth)))
        var none: OpaquePointer?
        XCTAssertEqual(flx_authorization_capture_at(auth, 1, &none, &err), FLX_E_NOT_AVAILABLE)
        XCTAssertNil(none)
        flx_error_free(err)
        err = nil

        // Part, then the full remainder.
        let part = request(FLX_REQUEST_RETURN) { r in [flx_request_set_amount_cents(r, 10_001, nil), flx_request_set_reference(r, "RMA-1", nil)] }
        defer { flx_request_free(part) }
        var receipt: OpaquePointer?
        check(flx_capture_return(session, cap, part, &receipt, &err), err)
        XCTAssertFalse(str(flx_receipt_id(receipt))!.isEmpty)
        XCTAssertEqual(flx_receipt_amount_cents(receipt), 10_001)
        XCTAssertEqual(flx_receipt_remaining_capture_cents(receipt), 14_999)
        XCTAssertEqual(str(flx_receipt_capture_id(receipt)), str(flx_capture_id(cap)))
        flx_receipt_free(receipt)

        let rest = request(FLX_REQUEST_RETURN) { r in [flx_request_set_full(r, 1, nil)] }
        defer { flx_request_free(rest) }
        receipt = nil
        check(flx_capture_return(session, cap, rest, &receipt, &err), err)
        XCTAssertEqual(flx_receipt_amount_cents(receipt), 14_999)
        XCTAssertEqual(flx_receipt_remaining_capture_cents(receipt), 0)
        flx_receipt_free(receipt)

        // Nothing left: capture_amount_exceeded.
        let again = request(FLX_REQUEST_RETURN) { r in [flx_request_set_amount_cents(r, 1, nil)] }
        defer { flx_request_free(again) }
        XCTAssertEqual(flx_capture_return(session, cap, again, nil, &err), FLX_E_CAPTURE_AMOUNT_EXCEEDED)
        XCTAssertEqual(str(flx_error_scenario(err)), "Return amount is greater than the remaining captured amount.")
        flx_error_free(err)
    }

    func testRatesFeesAndDisclosuresAreReadable() throws {
        // Plan 7: 0% with a $49.99 administrative fee (seed), 12 months.
        let code = try pin(account: account, requestId: "rates-1")
        let req = request(FLX_REQUEST_AUTHORIZATION) { r in [
            flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 120_000, nil),
            flx_request_set_financing(r, FLX_PURCHASE_PROMOTIONAL, 7, 12, nil), flx_request_set_auto_capture(r, 1, nil),
            flx_request_set_verification_code(r, code, nil), flx_request_set_request_id(r, "rates-1", nil),
        ] }
        defer { flx_request_free(req) }
        var auth: OpaquePointer?
        var err: OpaquePointer?
        check(flx_authorization_create(session, req, &auth, &err), err)
        defer { flx_authorization_free(auth) }
        XCTAssertEqual(flx_authorization_plan_id(auth), 7)
        XCTAssertEqual(flx_authorization_term(auth), 12)
        let monthly = flx_authorization_term_amount_cents(auth)
        XCTAssertLessThanOrEqual(abs(monthly * 12 - 120_000), 12, "0%: twelve payments make the amount")
        XCTAssertEqual(str(flx_authorization_annual_rate(auth)), "0.0000")
        XCTAssertFalse(str(flx_authorization_annual_rate_description(auth))!.isEmpty)
        XCTAssertFalse(str(flx_authorization_annual_rate_type(auth))!.isEmpty)
        XCTAssertFalse(str(flx_authorization_annual_rate_message(auth))!.isEmpty)
        XCTAssertEqual(flx_authorization_fee_count(auth), 1)
        XCTAssertEqual(str(flx_authorization_fee_description(auth, 0)), "Administrative fees:")
        XCTAssertEqual(flx_authorization_fee_amount_cents(auth, 0), 4_999)
        XCTAssertEqual(str(flx_authorization_fee_type(auth, 0)), "admin_total")
        XCTAssertTrue(str(flx_authorization_fee_message(auth, 0))!.contains("49.99"))
        XCTAssertNil(flx_authorization_fee_message(auth, 1))
        XCTAssertEqual(flx_authorization_fee_amount_cents(auth, 1), 0)
        XCTAssertFalse(str(flx_authorization_message(auth))!.isEmpty)
        let date = str(flx_authorization_date(auth))!
        XCTAssertEqual(date.count, 20)
        XCTAssertTrue(date.hasSuffix("Z"))
    }

    func testCentsAreExactBothWays() throws {
        // 1 cent; 0.10 + 0.20 captured against 0.30 leaves exactly 0.
        let penny = try authorize(cents: 1, autoCapture: false)
        defer { flx_authorization_free(penny) }
        XCTAssertEqual(flx_authorization_amount_cents(penny), 1)

        let auth = try authorize(cents: 30, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let a = try capture(auth, cents: 10)
        let b = try capture(auth, cents: 20)
        defer { flx_capture_free(a); flx_capture_free(b) }
        XCTAssertEqual(flx_capture_remaining_authorization_cents(a), 20)
        XCTAssertEqual(flx_capture_remaining_authorization_cents(b), 0)
        let fresh = try fetch(str(flx_authorization_id(auth))!)
        defer { flx_authorization_free(fresh) }
        XCTAssertEqual(flx_authorization_remaining_cents(fresh), 0)
        XCTAssertEqual(flx_authorization_capture_count(fresh), 2)
    }

    /// The field errors of a failed call, "param: msg (value)".
    func fieldErrors(_ err: OpaquePointer?) -> [String] {
        (0..<flx_error_field_count(err)).map { i in
            "\(str(flx_error_field_param(err, i)) ?? ""): \(str(flx_error_field_msg(err, i)) ?? "") (\(str(flx_error_field_value(err, i)) ?? ""))"
        }
    }

    /// A bad value is FLX_E_WRONG_INPUTS with the server's field error, at send, nothing sent;
    /// the setter stores it (FLX_E_INVALID_ARGUMENT is only for what the API never sees).
    func testImpossibleAmountsAreWrongInputsAtSend() throws {
        for (cents, msg) in [(Int64(0), "Value zero or negative. (0.00)"), (-1, "Value zero or negative. (-0.01)"),
                             (-10_000, "Value zero or negative. (-100.00)"),
                             (1_000_000_000_000_000_000, "Value with higher precision and/or scale (10000000000000000.00)"),
                             (.max, "Value with higher precision and/or scale (92233720368547758.07)"),
                             (.min, "Value with higher precision and/or scale (-92233720368547758.08)")] {
            let req = request(FLX_REQUEST_REFUND) { r in
                [flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, cents, nil)]
            }
            defer { flx_request_free(req) }
            var receipt: OpaquePointer?
            var err: OpaquePointer?
            XCTAssertEqual(flx_refund_create(session, req, &receipt, &err), FLX_E_WRONG_INPUTS, "\(cents)")
            XCTAssertEqual(flx_error_http_status(err), 0)
            XCTAssertEqual(fieldErrors(err), ["amount: " + msg])
            XCTAssertNil(receipt)
            flx_error_free(err)
        }
        XCTAssertEqual(sandbox.requestCount, 0)
    }

    func testBadFinancingAndSkuValuesAreWrongInputsAllAtOnce() throws {
        var sku: OpaquePointer?
        XCTAssertEqual(flx_sku_data_new(&sku, nil), FLX_OK)
        defer { flx_sku_data_free(sku) }
        XCTAssertEqual(flx_sku_data_set_purchase_order(sku, "12345678901", nil), FLX_OK)
        XCTAssertEqual(flx_sku_data_add_product(sku, "x", "y", "z", -1, 1, 1, nil), FLX_OK)
        XCTAssertEqual(flx_sku_data_set_total_cents(sku, FLX_SKU_TOTAL, .min, nil), FLX_OK)
        let req = request(FLX_REQUEST_AUTHORIZATION) { r in
            [flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 0, nil),
             flx_request_set_financing(r, FLX_PURCHASE_PROMOTIONAL, 0, 1000, nil), flx_request_set_auto_capture(r, 1, nil),
             flx_request_set_reference(r, String(repeating: "r", count: 41), nil), flx_request_set_sku_data(r, sku, nil)]
        }
        defer { flx_request_free(req) }
        var auth: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_authorization_create(session, req, &auth, &err), FLX_E_WRONG_INPUTS)
        defer { flx_error_free(err) }
        XCTAssertEqual(fieldErrors(err), [
            "reference: Value with higher length (\(String(repeating: "r", count: 41)))",
            "plan_id: Value zero or negative. (0)",
            "term: Value with higher precision (1000)",
            "amount: Value zero or negative. (0.00)",
            "purchase_order: Value with higher length (12345678901)",
            "transaction_total: Value with higher precision and/or scale (-92233720368547758.08)",
            "quantity: Value different to a number. (-1)",
        ])
        XCTAssertNil(auth)
        XCTAssertEqual(sandbox.requestCount, 0)
    }

    func testLargestAmountTravelsExactlyAndFlexitiDecides() throws {
        // 99999999999999.99 is a valid number(18,2): the server refuses it for credit, not format.
        let req = try authorizationRequest(cents: 9_999_999_999_999_999, autoCapture: true)
        defer { flx_request_free(req) }
        var auth: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_authorization_create(session, req, &auth, &err), FLX_E_CREDIT_EXCEEDED)
        XCTAssertEqual(flx_error_field_count(err), 0)
        XCTAssertEqual(str(flx_error_scenario(err)), "Amount requested plus interest is greater than the available credit of the customer account.")
        flx_error_free(err)
    }

    func testRefundToAnAccount() throws {
        let before = try availableCredit(account)
        let req = request(FLX_REQUEST_REFUND) { r in [
            flx_request_set_account_number(r, self.account, nil),
            flx_request_set_amount_cents(r, 5_050, nil),
            flx_request_set_reference(r, "orderid-12345", nil),
            flx_request_set_external_location_id(r, "00-12345", nil),
            flx_request_set_external_employee_id(r, "12345-SMITH", nil),
        ] }
        defer { flx_request_free(req) }
        var receipt: OpaquePointer?
        var err: OpaquePointer?
        check(flx_refund_create(session, req, &receipt, &err), err)
        defer { flx_receipt_free(receipt) }
        XCTAssertEqual(str(flx_receipt_idempotency_key(receipt)), str(flx_request_idempotency_key(req)))
        XCTAssertEqual(try availableCredit(account), before + 5_050)

        // By VCC only: the account is found first.
        let byCard = request(FLX_REQUEST_REFUND) { r in [flx_request_set_vcc_number(r, "1070015210367982", nil), flx_request_set_amount_cents(r, 1_001, nil)] }
        defer { flx_request_free(byCard) }
        check(flx_refund_create(session, byCard, nil, &err), err)
        XCTAssertEqual(try availableCredit(account), before + 5_050 + 1_001)

        // Without an account number or VCC there is nothing to address: refused locally, like
        // any missing parameter.
        let bare = request(FLX_REQUEST_REFUND) { r in [flx_request_set_amount_cents(r, 1, nil)] }
        defer { flx_request_free(bare) }
        var missing: OpaquePointer?
        XCTAssertEqual(flx_refund_create(session, bare, nil, &missing), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(fieldErrors(missing), ["account_number: Not sent ()"])
        flx_error_free(missing)
    }

    func testTransactions() throws {
        for (type, name) in [(FLX_TRANSACTION_DEPOSIT, "deposit"), (FLX_TRANSACTION_INSTORE_PAYMENT, "instore_payment"),
                             (FLX_TRANSACTION_TRADEIN, "tradein")] {
            let requestId = "txn-\(name)"
            let code = try pin(account: account, requestId: requestId)
            let req = request(FLX_REQUEST_TRANSACTION) { r in [
                flx_request_set_transaction_type(r, type, nil),
                flx_request_set_account_number(r, self.account, nil),
                flx_request_set_amount_cents(r, 1_000, nil),
                flx_request_set_verification_code(r, code, nil),
                flx_request_set_request_id(r, requestId, nil),
                flx_request_set_external_location_id(r, "00-12345", nil),
                flx_request_set_external_employee_id(r, "12345-SMITH", nil),
            ] }
            defer { flx_request_free(req) }
            var receipt: OpaquePointer?
            var err: OpaquePointer?
            check(flx_transaction_create(session, req, &receipt, &err), err)
            XCTAssertEqual(flx_receipt_amount_cents(receipt), 1_000, name)
            XCTAssertEqual(str(flx_receipt_transaction_type(receipt)), name)
            XCTAssertFalse(str(flx_receipt_id(receipt))!.isEmpty)
            flx_receipt_free(receipt)
        }
    }

    // MARK: - Idempotency

    /// "Apply but drop the response": the operation happens, the answer is lost. The library says
    /// outcome unknown (never "failed"), and the retry with the same request is answered from the
    /// first operation instead of being performed twice.
    func testDroppedAnswersAreRetriedOnceOnly() throws {
        let auth = try authorize(cents: 50_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let id = str(flx_authorization_id(auth))!

        sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: "/capture", count: 2))
        let req = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, 20_000, nil)] }
        defer { flx_request_free(req) }
        let key = str(flx_request_idempotency_key(req))!
        var cap: OpaquePointer?
        var err: OpaquePointer?
        // Dropped twice: libcurl re-sends once by itself on a reused connection (see
        // testLibcurlsOwnResendOnAReusedConnectionIsHarmless), and that answer is lost too.
        let till = openSession(retries: 0)  // a till without automatic retries: it sees the loss
        defer { flx_session_free(till) }
        XCTAssertEqual(flx_authorization_capture(till, auth, req, &cap, &err), FLX_E_OUTCOME_UNKNOWN)
        XCTAssertNil(cap)
        XCTAssertEqual(str(flx_error_idempotency_key(err)), key)
        XCTAssertEqual(flx_error_retryable(err), 1)
        flx_error_free(err)
        err = nil
        XCTAssertEqual(try stateOf(authorization: id)["remaining_amount"] as? NSNumber, 300, "the capture happened")

        check(flx_authorization_capture(session, auth, req, &cap, &err), err)
        defer { flx_capture_free(cap) }
        XCTAssertEqual(flx_capture_amount_cents(cap), 20_000)
        let fresh = try fetch(id)
        defer { flx_authorization_free(fresh) }
        XCTAssertEqual(flx_authorization_capture_count(fresh), 1, "captured once")
        XCTAssertEqual(flx_authorization_remaining_cents(fresh), 30_000)

        // The same for a release, a return, a refund and a transaction.
        func once(_ suffix: String, _ send: (OpaquePointer?) -> flx_code, file: StaticString = #filePath, line: UInt = #line) {
            sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: suffix, count: 2))
            let till = openSession(retries: 0)  // a till without automatic retries: it sees the loss
            XCTAssertEqual(send(till), FLX_E_OUTCOME_UNKNOWN, suffix, file: file, line: line)
            flx_session_free(till)
            XCTAssertEqual(send(session), FLX_OK, suffix, file: file, line: line)
        }
        let rel = request(FLX_REQUEST_RELEASE) { r in [flx_request_set_amount_cents(r, 10_000, nil)] }
        defer { flx_request_free(rel) }
        once("/release") { flx_authorization_release($0, fresh, rel, nil, nil) }
        let ret = request(FLX_REQUEST_RETURN) { r in [flx_request_set_amount_cents(r, 5_000, nil)] }
        defer { flx_request_free(ret) }
        once("/return") { flx_capture_return($0, cap, ret, nil, nil) }
        let after = try fetch(id)
        defer { flx_authorization_free(after) }
        XCTAssertEqual(flx_authorization_remaining_cents(after), 20_000, "released once")
        var capAfter: OpaquePointer?
        check(flx_authorization_capture_at(after, 0, &capAfter, nil), nil)
        XCTAssertEqual(flx_capture_remaining_cents(capAfter), 15_000, "returned once")
        flx_capture_free(capAfter)

        let credit = try availableCredit(account)
        let refund = request(FLX_REQUEST_REFUND) { r in [flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 700, nil)] }
        defer { flx_request_free(refund) }
        once("/refund") { flx_refund_create($0, refund, nil, nil) }
        XCTAssertEqual(try availableCredit(account), credit + 700, "refunded once")

        let code = try pin(account: account, requestId: "drop-1")
        let txn = request(FLX_REQUEST_TRANSACTION) { r in [
            flx_request_set_transaction_type(r, FLX_TRANSACTION_INSTORE_PAYMENT, nil),
            flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 900, nil),
            flx_request_set_verification_code(r, code, nil), flx_request_set_request_id(r, "drop-1", nil),
        ] }
        defer { flx_request_free(txn) }
        once("/transactions") { flx_transaction_create($0, txn, nil, nil) }
        let state = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sandbox.stateJSON().utf8)) as? [String: Any])
        XCTAssertEqual(state["transactions"] as? Int, 1, "one transaction")
    }

    func testDroppedAuthorizationIsRetriedOnceOnly() throws {
        let before = try availableCredit(account)
        let req = try authorizationRequest(cents: 12_345, autoCapture: true)
        defer { flx_request_free(req) }
        sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: "/authorization", count: 2))
        var auth: OpaquePointer?
        var err: OpaquePointer?
        let till = openSession(retries: 0)  // a till without automatic retries: it sees the loss
        defer { flx_session_free(till) }
        XCTAssertEqual(flx_authorization_create(till, req, &auth, &err), FLX_E_OUTCOME_UNKNOWN)
        flx_error_free(err)
        err = nil
        check(flx_authorization_create(session, req, &auth, &err), err)
        defer { flx_authorization_free(auth) }
        let state = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sandbox.stateJSON().utf8)) as? [String: Any])
        let mine = (state["authorizations"] as? [[String: Any]] ?? []).filter { ($0["reference"] as? String) == "Order-12345" }
        XCTAssertEqual(mine.count, 1, "one authorization")
        XCTAssertLessThan(try availableCredit(account), before)
    }

    /// On a kept-alive connection that dies before any answer byte, libcurl itself sends the
    /// request again on a new connection. The idempotency key makes that second send harmless.
    func testLibcurlsOwnResendOnAReusedConnectionIsHarmless() throws {
        let auth = try authorize(cents: 4_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let path = v25 + "/authorization/" + str(flx_authorization_id(auth))! + "/capture"
        sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: "/capture"))
        let req = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, 1_500, nil)] }
        defer { flx_request_free(req) }
        var cap: OpaquePointer?
        var err: OpaquePointer?
        let rc = flx_authorization_capture(session, auth, req, &cap, &err)
        // Either way the capture happened exactly once.
        XCTAssertTrue(rc == FLX_OK || rc == FLX_E_OUTCOME_UNKNOWN)
        if rc != FLX_OK { flx_error_free(err); err = nil; check(flx_authorization_capture(session, auth, req, &cap, &err), err) }
        defer { flx_capture_free(cap) }
        XCTAssertEqual(sandbox.requests(path: path), 2)
        let fresh = try fetch(str(flx_authorization_id(auth))!)
        defer { flx_authorization_free(fresh) }
        XCTAssertEqual(flx_authorization_capture_count(fresh), 1)
        XCTAssertEqual(flx_authorization_remaining_cents(fresh), 2_500)
    }

    func testChangedRequestAfterItHappenedIsAConflict() throws {
        let auth = try authorize(cents: 10_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let req = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, 1_000, nil)] }
        defer { flx_request_free(req) }
        var cap: OpaquePointer?
        check(flx_authorization_capture(session, auth, req, &cap, nil), nil)
        flx_capture_free(cap)
        let sent = sandbox.requestCount

        // Reusing the request for a different capture would be answered with the first capture.
        XCTAssertEqual(flx_request_set_amount_cents(req, 2_000, nil), FLX_OK)
        var err: OpaquePointer?
        cap = nil
        XCTAssertEqual(flx_authorization_capture(session, auth, req, &cap, &err), FLX_E_IDEMPOTENCY_CONFLICT)
        XCTAssertNil(cap)
        XCTAssertEqual(str(flx_error_idempotency_key(err)), str(flx_request_idempotency_key(req)))
        flx_error_free(err)
        XCTAssertEqual(sandbox.requestCount, sent, "nothing sent")

        // A new key makes it a new operation.
        let oldKey = str(flx_request_idempotency_key(req))
        XCTAssertEqual(flx_request_set_idempotency_key(req, nil, nil), FLX_OK)
        XCTAssertNotEqual(str(flx_request_idempotency_key(req)), oldKey)
        check(flx_authorization_capture(session, auth, req, &cap, nil), nil)
        XCTAssertEqual(flx_capture_amount_cents(cap), 2_000)
        flx_capture_free(cap)
    }

    func testRefusedRequestMayBeCorrectedWithTheSameKey() throws {
        let auth = try authorize(cents: 10_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let req = request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, 10_001, nil)] }
        defer { flx_request_free(req) }
        XCTAssertEqual(flx_request_set_idempotency_key(req, "POS-0042-CAP", nil), FLX_OK)
        var err: OpaquePointer?
        var cap: OpaquePointer?
        XCTAssertEqual(flx_authorization_capture(session, auth, req, &cap, &err), FLX_E_AUTH_AMOUNT_EXCEEDED)
        XCTAssertEqual(str(flx_error_idempotency_key(err)), "POS-0042-CAP")
        XCTAssertEqual(str(flx_error_scenario(err)), "Capture amount is greater than the remaining credit authorization amount.")
        flx_error_free(err)
        XCTAssertEqual(flx_request_set_amount_cents(req, 10_000, nil), FLX_OK)
        check(flx_authorization_capture(session, auth, req, &cap, nil), nil)
        XCTAssertEqual(flx_capture_amount_cents(cap), 10_000)
        flx_capture_free(cap)
    }

    // MARK: - Listings

    func testAuthorizationListingPagesTransparently() throws {
        var ids: Set<String> = []
        for i in 1...5 {
            let a = try authorize(cents: Int64(1_000 + i), autoCapture: false)
            ids.insert(str(flx_authorization_id(a))!)
            flx_authorization_free(a)
        }
        let filter = request(FLX_REQUEST_LIST_AUTHORIZATIONS) { r in [
            flx_request_set_account_number(r, self.account, nil),
            flx_request_set_status(r, "opened", nil),
            flx_request_set_page_size(r, 2, nil),
        ] }
        defer { flx_request_free(filter) }
        var iter: OpaquePointer?
        check(flx_authorization_iter_new(session, filter, &iter, nil), nil)
        defer { flx_authorization_iter_free(iter) }
        var seen: [String] = []
        while true {
            var auth: OpaquePointer?
            var err: OpaquePointer?
            let rc = flx_authorization_iter_next(iter, &auth, &err)
            check(rc, err)
            guard rc == FLX_OK, let auth else { break }
            XCTAssertEqual(str(flx_authorization_status(auth)), "opened")
            seen.append(str(flx_authorization_id(auth))!)
            flx_authorization_free(auth)
            if seen.count > 100 { XCTFail("does not end"); break }
        }
        XCTAssertEqual(Set(seen), ids)
        XCTAssertEqual(seen.count, 5)
        XCTAssertEqual(sandbox.requests(path: v251 + "/authorizations"), 3, "pages of 2, 2 and 1")
        // Past the end it stays at the end.
        var auth: OpaquePointer?
        XCTAssertEqual(flx_authorization_iter_next(iter, &auth, nil), FLX_OK)
        XCTAssertNil(auth)
    }

    func testCaptureListingByAuthorization() throws {
        let auth = try authorize(cents: 9_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        for cents: Int64 in [1_000, 2_000, 3_000] { flx_capture_free(try capture(auth, cents: cents)) }
        let filter = request(FLX_REQUEST_LIST_CAPTURES) { r in [
            flx_request_set_authorization_id(r, flx_authorization_id(auth), nil),
            flx_request_set_page_size(r, 2, nil),
        ] }
        defer { flx_request_free(filter) }
        var iter: OpaquePointer?
        check(flx_capture_iter_new(session, filter, &iter, nil), nil)
        defer { flx_capture_iter_free(iter) }
        var amounts: [Int64] = []
        while true {
            var cap: OpaquePointer?
            let rc = flx_capture_iter_next(iter, &cap, nil)
            XCTAssertEqual(rc, FLX_OK)
            guard rc == FLX_OK, let cap else { break }
            XCTAssertEqual(str(flx_capture_authorization_id(cap)), str(flx_authorization_id(auth)))
            amounts.append(flx_capture_amount_cents(cap))
            flx_capture_free(cap)
            if amounts.count > 100 { break }
        }
        XCTAssertEqual(amounts.sorted(), [1_000, 2_000, 3_000])
    }

    func testListingDateRangeErrorComesFromFlexiti() throws {
        let filter = request(FLX_REQUEST_LIST_AUTHORIZATIONS) { r in [flx_request_set_date_range(r, "2024-02-01", "2024-01-01", nil)] }
        defer { flx_request_free(filter) }
        var iter: OpaquePointer?
        check(flx_authorization_iter_new(session, filter, &iter, nil), nil)
        defer { flx_authorization_iter_free(iter) }
        var auth: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_authorization_iter_next(iter, &auth, &err), FLX_E_DATE_FROM_BIGGER_THAN_DATE_TO)
        XCTAssertEqual(str(flx_error_scenario(err)), "The From date is later than the To date")
        flx_error_free(err)
    }

    func testFetchUnknownAuthorization() throws {
        var auth: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_authorization_fetch(session, "9999999999999999", &auth, &err), FLX_E_NOT_FOUND)
        XCTAssertNil(auth)
        XCTAssertEqual(str(flx_error_scenario(err)), "Authorization ID not found")
        XCTAssertEqual(str(flx_error_method(err)), "GET")
        flx_error_free(err)
    }

    func testThePINNeverReachesAnErrorObject() throws {
        // A malformed PIN is refused (by the validator or the server) without echoing it.
        let req = request(FLX_REQUEST_AUTHORIZATION) { r in [
            flx_request_set_account_number(r, self.account, nil), flx_request_set_amount_cents(r, 1_000, nil),
            flx_request_set_financing(r, FLX_PURCHASE_REGULAR, 0, 0, nil), flx_request_set_auto_capture(r, 1, nil),
            flx_request_set_verification_code(r, "98x76543210", nil), flx_request_set_request_id(r, "secret-test", nil),
        ] }
        defer { flx_request_free(req) }
        var auth: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertNotEqual(flx_authorization_create(session, req, &auth, &err), FLX_OK)
        defer { flx_error_free(err) }
        var texts = [str(flx_error_message(err)), str(flx_error_scenario(err)), str(flx_error_path(err))]
        for i in 0..<flx_error_field_count(err) {
            texts += [str(flx_error_field_param(err, i)), str(flx_error_field_msg(err, i)), str(flx_error_field_value(err, i))]
        }
        XCTAssertGreaterThan(flx_error_field_count(err), 0)
        XCTAssertFalse(texts.contains { $0?.contains("98x76543210") ?? false }, "\(texts)")
    }

    // MARK: - Misuse

    func testMisuseNeverCrashes() throws {
        var req: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_request_new(flx_request_kind(rawValue: 99), &req, &err), FLX_E_INVALID_ARGUMENT)
        flx_error_clear(&err)
        XCTAssertEqual(flx_request_new(FLX_REQUEST_CAPTURE, nil, nil), FLX_E_INVALID_ARGUMENT)
        flx_request_free(nil); flx_authorization_free(nil); flx_capture_free(nil); flx_receipt_free(nil)
        flx_sku_data_free(nil); flx_authorization_iter_free(nil); flx_capture_iter_free(nil)
        XCTAssertEqual(str(flx_authorization_id(nil)), "")
        XCTAssertEqual(flx_authorization_amount_cents(nil), 0)
        XCTAssertNil(flx_authorization_fee_description(nil, 0))
        XCTAssertEqual(str(flx_request_idempotency_key(nil)), "")
        XCTAssertEqual(flx_request_set_amount_cents(nil, 1, nil), FLX_E_MISUSE)

        // A field the kind does not take.
        let cap = request(FLX_REQUEST_CAPTURE)
        defer { flx_request_free(cap) }
        XCTAssertEqual(flx_request_set_verification_code(cap, "1234", &err), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(str(flx_error_message(err)), "capture requests take no verification_code")
        flx_error_free(err)
        XCTAssertEqual(flx_request_set_financing(cap, FLX_PURCHASE_REGULAR, 0, 0, nil), FLX_E_INVALID_ARGUMENT)

        // Financing rules.
        let a = request(FLX_REQUEST_AUTHORIZATION)
        defer { flx_request_free(a) }
        XCTAssertEqual(flx_request_set_financing(a, FLX_PURCHASE_REGULAR, 4, 12, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_request_set_financing(a, flx_purchase_type(rawValue: 7), 4, 12, nil), FLX_E_INVALID_ARGUMENT)

        // Wrong kind for the call; a freed object; an object of another type.
        var auth: OpaquePointer?
        XCTAssertEqual(flx_authorization_create(session, cap, &auth, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_refund_create(session, a, nil, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_authorization_create(session, session, &auth, nil), FLX_E_MISUSE)
        var iter: OpaquePointer?
        XCTAssertEqual(flx_capture_iter_new(session, a, &iter, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertNil(iter)
        var freed: OpaquePointer?
        XCTAssertEqual(flx_request_new(FLX_REQUEST_RELEASE, &freed, nil), FLX_OK)
        flx_request_free(freed)
        XCTAssertEqual(flx_request_set_full(freed, 1, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_capture_return(session, nil, cap, nil, nil), FLX_E_MISUSE)
        XCTAssertEqual(sandbox.requestCount, 0)
    }

    func testSkuDataTravelsWithTheRequest() throws {
        var sku: OpaquePointer?
        XCTAssertEqual(flx_sku_data_new(&sku, nil), FLX_OK)
        defer { flx_sku_data_free(sku) }
        XCTAssertEqual(flx_sku_data_set_purchase_order(sku, "100001234", nil), FLX_OK)
        XCTAssertEqual(flx_sku_data_set_register_id(sku, "1A45", nil), FLX_OK)
        XCTAssertEqual(flx_sku_data_set_total_cents(sku, FLX_SKU_TOTAL, -102_647, nil), FLX_OK)
        XCTAssertEqual(flx_sku_data_set_total_cents(sku, flx_sku_total(rawValue: 0), 1, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_sku_data_add_product(sku, "100xx4567", "electronics", "TV", 1, 100_000, 98_435, nil), FLX_OK)

        let auth = try authorize(cents: 98_435, autoCapture: true)
        defer { flx_authorization_free(auth) }
        var cap: OpaquePointer?
        check(flx_authorization_capture_at(auth, 0, &cap, nil), nil)
        defer { flx_capture_free(cap) }
        let ret = request(FLX_REQUEST_RETURN) { r in [flx_request_set_full(r, 1, nil), flx_request_set_sku_data(r, sku, nil)] }
        defer { flx_request_free(ret) }
        var receipt: OpaquePointer?
        var err: OpaquePointer?
        check(flx_capture_return(session, cap, ret, &receipt, &err), err)
        XCTAssertEqual(flx_receipt_amount_cents(receipt), 98_435)
        flx_receipt_free(receipt)
    }
}
