import CFlexiti
import Flexiti
import FlexitiCore
import FlexitiSandbox
import XCTest

/// Customers, verification, financing options and the online flow through the real header,
/// against flexiti-sandbox over HTTP on loopback.
final class CustomerFlowCTests: XCTestCase {
    var sandbox: RunningSandbox!

    override func setUpWithError() throws { sandbox = try Sandbox.start() }
    override func tearDown() { sandbox?.stop() }

    func str(_ p: UnsafePointer<CChar>?) -> String? { p.map { String(cString: $0) } }

    func openSession(client: String = "flexitidemo", scope: flx_scope = FLX_SCOPE_MERCHANT, on box: RunningSandbox? = nil) throws -> OpaquePointer {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_base_url(cfg, (box ?? sandbox).baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, client, client + "-secret", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_scope(cfg, scope, nil), FLX_OK)
        var session: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &session, nil), FLX_OK)
        return try XCTUnwrap(session)
    }

    // MARK: - Search

    func testSearchOneMatchReadsEverySearchField() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var list: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_search(s, "Flexiti", "MITester", "1985-03-14", nil, &list, &err), FLX_OK)
        XCTAssertNil(err)
        defer { flx_customer_list_free(list) }
        XCTAssertEqual(flx_customer_list_count(list), 1)
        let c = flx_customer_list_at(list, 0)
        XCTAssertNotNil(c)
        XCTAssertNil(flx_customer_list_at(list, 1))
        XCTAssertEqual(str(flx_customer_account_number(c)), "116994755")
        XCTAssertEqual(str(flx_customer_customer_id(c)), "123321")
        XCTAssertEqual(str(flx_customer_account_status(c)), "N")
        XCTAssertEqual(str(flx_customer_account_status_reason_code(c)), "NNOR")
        XCTAssertEqual(str(flx_customer_risk_rating(c)), "L")
        XCTAssertEqual(str(flx_customer_account_type(c)), "consumer")
        XCTAssertEqual(flx_customer_credit_limit_cents(c), 1_500_000)
        XCTAssertEqual(flx_customer_available_credit_cents(c), 1_400_000)
        XCTAssertEqual(flx_customer_tos_agreement(c), 1)
        XCTAssertEqual(str(flx_customer_originating_merchant_id(c)), "1001")
        XCTAssertEqual(str(flx_customer_originating_merchant_name(c)), "Flexiti Demo Store")
        XCTAssertEqual(str(flx_customer_creation_date(c)), "2021-06-15")
        XCTAssertEqual(str(flx_customer_card_ending_in(c)), "7982")
        XCTAssertEqual(str(flx_customer_preferred_language(c)), "en-CA")
    }

    func testSearchSeveralMatchesAndBorrowedRecords() throws {
        var seed = SandboxSeed.default
        var twin = try XCTUnwrap(seed.accounts.first { $0.accountNumber == 116994755 })
        twin.accountNumber = 116994799
        twin.customerId = "999001"
        twin.vccs = []
        seed.accounts.append(twin)
        var options = SandboxOptions()
        options.seed = seed
        let box = try Sandbox.start(options)
        defer { box.stop() }
        let s = try openSession(on: box)
        defer { flx_session_free(s) }

        var list: OpaquePointer?
        XCTAssertEqual(flx_customer_search(s, "Flexiti", "MITester", "1985-03-14", nil, &list, nil), FLX_OK)
        XCTAssertEqual(flx_customer_list_count(list), 2)
        let numbers = (0..<2).compactMap { str(flx_customer_account_number(flx_customer_list_at(list, $0))) }
        XCTAssertEqual(Set(numbers), ["116994755", "116994799"])

        // A borrowed record survives flx_customer_free (a no-op on it) until the list is freed.
        let first = flx_customer_list_at(list, 0)
        flx_customer_free(first)
        XCTAssertEqual(str(flx_customer_first_name(first)), "Flexiti")
        flx_customer_list_free(list)
        XCTAssertEqual(str(flx_customer_first_name(first)), "", "a record of a freed list reads as invalid")
        XCTAssertEqual(flx_customer_list_count(list), 0)

        // The postal code narrows the search.
        var narrowed: OpaquePointer?
        XCTAssertEqual(flx_customer_search(s, "flexiti", "mitester", "1985-03-14", "M5X1A9", &narrowed, nil), FLX_OK)
        XCTAssertEqual(flx_customer_list_count(narrowed), 2)
        flx_customer_list_free(narrowed)
    }

    func testSearchZeroMatchesIsNotFound() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var list: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_search(s, "Nobody", "Atall", "1900-01-01", nil, &list, &err), FLX_E_NOT_FOUND)
        defer { flx_error_free(err) }
        XCTAssertNil(list)
        XCTAssertEqual(flx_error_http_status(err), 404)
        XCTAssertEqual(str(flx_error_scenario(err)), "Customer Account not found")
    }

    func testSearchLocalChecks() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var list: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_search(s, "", "MITester", "", nil, &list, &err), FLX_E_WRONG_INPUTS)
        defer { flx_error_free(err) }
        XCTAssertEqual(flx_error_field_count(err), 2)
        XCTAssertEqual(str(flx_error_field_param(err, 0)), "first_name")
        XCTAssertEqual(str(flx_error_field_type(err, 1)), "required")
        XCTAssertEqual(sandbox.requestCount, 0, "nothing is sent")
        XCTAssertEqual(flx_customer_search(s, nil, "a", "b", nil, &list, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_customer_search(nil, "a", "b", "c", nil, &list, nil), FLX_E_MISUSE)
    }

    // MARK: - Lookup: the fields added for this issue

    func testLookupOfferTypesTosAndMaskedContact() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var c: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(s, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &c, nil), FLX_OK)
        defer { flx_customer_free(c) }
        XCTAssertEqual(flx_customer_tos_agreement(c), 1)
        XCTAssertEqual(flx_customer_contact_masked(c), 0)
        let n = flx_customer_offer_count(c)
        XCTAssertGreaterThan(n, 0)
        for i in 0..<n {
            XCTAssertFalse(str(flx_customer_offer_plan_name(c, i))!.isEmpty)
            XCTAssertGreaterThan(flx_customer_offer_plan_id(c, i), 0)
            XCTAssertFalse(str(flx_customer_offer_category(c, i))!.isEmpty)
            XCTAssertGreaterThan(flx_customer_offer_term_count(c, i), 0)
            XCTAssertGreaterThan(flx_customer_offer_term(c, i, 0), 0)
        }
        XCTAssertNil(flx_customer_offer_plan_name(c, n))
        XCTAssertEqual(flx_customer_offer_term(c, n, 0), 0)
        XCTAssertEqual(flx_customer_offer_term(c, 0, 999), 0)

        // A business authorized user's card: email and phone come back masked.
        var au: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(s, FLX_CUSTOMER_BY_VCC_NUMBER, "1070015210362002", &au, nil), FLX_OK)
        defer { flx_customer_free(au) }
        XCTAssertEqual(flx_customer_contact_masked(au), 1)
        XCTAssertTrue(str(flx_customer_email(au))!.contains("*"))
        XCTAssertEqual(str(flx_customer_account_type(au)), "business")
    }

    // MARK: - Verify

    func testVerifySecurityQuestionReturnsThePinAndKeepsTheRequestId() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var v: OpaquePointer?
        var err: OpaquePointer?
        let rc = verify(s, "116994755", FLX_VERIFY_SECURITY_QUESTION, 4, "buddy", nil, "pos-17-0042", &v, &err)
        XCTAssertEqual(rc, FLX_OK, str(flx_error_message(err)) ?? "")
        defer { flx_verification_free(v) }
        XCTAssertEqual(str(flx_verification_request_id(v)), "pos-17-0042")
        XCTAssertEqual(flx_verification_format(v), FLX_VERIFY_SECURITY_QUESTION)
        XCTAssertEqual(flx_verification_code_sent(v), 0)
        XCTAssertEqual(str(flx_verification_sent_to(v)), "")
        let pin = try XCTUnwrap(str(flx_verification_code(v)))
        XCTAssertFalse(pin.isEmpty)
        XCTAssertTrue(pin.allSatisfy(\.isNumber), pin)
    }

    func testVerifySmsAndEmailSayWhereThePinWent() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        for (format, channel) in [(FLX_VERIFY_SMS, "sms"), (FLX_VERIFY_EMAIL, "email")] {
            var v: OpaquePointer?
            var err: OpaquePointer?
            XCTAssertEqual(verify(s, "116994755", format, 0, nil, nil, nil, &v, &err), FLX_OK, str(flx_error_message(err)) ?? "")
            XCTAssertEqual(flx_verification_code_sent(v), 1)
            XCTAssertEqual(str(flx_verification_sent_to(v)), channel)
            XCTAssertEqual(str(flx_verification_code(v)), "")
            // Generated request_id: 32 hex characters, different each time.
            let rid = try XCTUnwrap(str(flx_verification_request_id(v)))
            XCTAssertEqual(rid.count, 32)
            XCTAssertTrue(rid.allSatisfy(\.isHexDigit))
            flx_verification_free(v)
        }
    }

    func testVerifyMerchantOverrideAndBypass() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        for format in [FLX_VERIFY_MERCHANT_OVERRIDE, FLX_VERIFY_REGULAR_PURCHASE_BYPASS] {
            var v: OpaquePointer?
            var err: OpaquePointer?
            XCTAssertEqual(verify(s, "116994755", format, 0, nil, nil, nil, &v, &err), FLX_OK, str(flx_error_message(err)) ?? "")
            XCTAssertEqual(flx_verification_format(v), format)
            XCTAssertEqual(flx_verification_code_sent(v), 0)
            XCTAssertFalse(str(flx_verification_code(v))!.isEmpty)
            flx_verification_free(v)
        }
    }

    func testVerifyWrongAnswerNeverEchoesTheAnswer() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var v: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(verify(s, "116994755", FLX_VERIFY_SECURITY_QUESTION, 4, "hunter2-wrong", nil, nil, &v, &err), FLX_E_SECRET_ANSWER_MISMATCH)
        defer { flx_error_free(err) }
        XCTAssertNil(v)
        XCTAssertEqual(flx_error_http_status(err), 409)
        for text in [flx_error_message(err), flx_error_scenario(err), flx_error_path(err)] {
            XCTAssertFalse(str(text)!.contains("hunter2"))
        }
    }

    func testVerifyLocalChecks() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var v: OpaquePointer?
        var err: OpaquePointer?
        // Security question without qid and answer: both reported, nothing sent.
        XCTAssertEqual(verify(s, "116994755", FLX_VERIFY_SECURITY_QUESTION, 0, "", nil, nil, &v, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(flx_error_field_count(err), 2)
        XCTAssertEqual(str(flx_error_field_param(err, 1)), "security_answer")
        XCTAssertEqual(str(flx_error_field_value(err, 1)), "")
        flx_error_free(err)
        err = nil
        // An answer for another format is refused rather than sent.
        XCTAssertEqual(verify(s, "116994755", FLX_VERIFY_SMS, 0, "secret-answer", nil, nil, &v, &err), FLX_E_INVALID_ARGUMENT)
        XCTAssertFalse(str(flx_error_message(err))!.contains("secret-answer"))
        flx_error_free(err)
        XCTAssertEqual(verify(s, "116994755", flx_verify_format(rawValue: 42), 0, nil, nil, nil, &v, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(verify(s, "12ab", FLX_VERIFY_SMS, 0, nil, nil, nil, &v, nil), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(verify(s, nil, FLX_VERIFY_SMS, 0, nil, nil, nil, &v, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(verify(s, "116994755", FLX_VERIFY_SMS, 0, nil, nil, nil, nil, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertNil(v)
        XCTAssertEqual(sandbox.requestCount, 0)
        XCTAssertEqual(str(flx_verification_code(nil)), "")
        XCTAssertEqual(str(flx_verification_request_id(nil)), "")
        flx_verification_free(nil)
    }

    /// The request object: optional inputs only, reusable, NULL for none, the answer kept out
    /// of errors, a freed request refused.
    func testVerifyRequestHoldsTheOptionalInputsAndMayBeReused() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var req: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_verify_request_new(&req, &err), FLX_OK)
        XCTAssertEqual(flx_verify_request_set_security_answer(req, 4, "buddy", &err), FLX_OK)
        XCTAssertEqual(flx_verify_request_set_request_id(req, "pos-17-0043", &err), FLX_OK)
        // Sent twice: each call reads the same inputs (the request stays the caller's).
        for _ in 0..<2 {
            var v: OpaquePointer?
            XCTAssertEqual(flx_customer_verify(s, "116994755", FLX_VERIFY_SECURITY_QUESTION, req, &v, &err), FLX_OK,
                           str(flx_error_message(err)) ?? "")
            XCTAssertEqual(str(flx_verification_request_id(v)), "pos-17-0043")
            XCTAssertFalse(str(flx_verification_code(v))!.isEmpty)
            flx_verification_free(v)
        }
        // The same answer for another format is refused before sending, without echoing it.
        var v: OpaquePointer?
        XCTAssertEqual(flx_customer_verify(s, "116994755", FLX_VERIFY_SMS, req, &v, &err), FLX_E_INVALID_ARGUMENT)
        XCTAssertFalse(str(flx_error_message(err))!.contains("buddy"))
        flx_error_clear(&err)
        // answer NULL removes question and answer: both "Not sent", nothing sent.
        let sent = sandbox.requestCount
        XCTAssertEqual(flx_verify_request_set_security_answer(req, 4, nil, &err), FLX_OK)
        XCTAssertEqual(flx_customer_verify(s, "116994755", FLX_VERIFY_SECURITY_QUESTION, req, &v, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(fields(err), ["security_qid: Not sent ()", "security_answer: Not sent ()"])
        flx_error_clear(&err)
        // An id of 0 given on purpose is a value, judged when sent.
        XCTAssertEqual(flx_verify_request_set_security_answer(req, 0, "buddy", &err), FLX_OK)
        XCTAssertEqual(flx_customer_verify(s, "116994755", FLX_VERIFY_SECURITY_QUESTION, req, &v, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(fields(err), ["security_qid: Value zero or negative. (0)"])
        flx_error_clear(&err)
        XCTAssertEqual(sandbox.requestCount, sent, "nothing is sent")
        // NULL request: no optional inputs. A freed or foreign one is misuse, never a crash.
        XCTAssertEqual(flx_customer_verify(s, "116994755", FLX_VERIFY_MERCHANT_OVERRIDE, nil, &v, &err), FLX_OK)
        flx_verification_free(v)
        v = nil
        flx_verify_request_free(req)
        XCTAssertEqual(flx_customer_verify(s, "116994755", FLX_VERIFY_SMS, req, &v, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_customer_verify(s, "116994755", FLX_VERIFY_SMS, s, &v, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_verify_request_set_vcc_number(req, "1070015210360001", nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_verify_request_set_request_id(nil, "x", nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_verify_request_set_security_answer(nil, 4, "x", nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_verify_request_new(nil, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertNil(v)
        flx_verify_request_free(req)  // a second free is a no-op
        flx_verify_request_free(nil)
        // The err rule holds for the new entry points too.
        var stale: OpaquePointer?
        XCTAssertEqual(flx_verify_request_new(nil, &stale), FLX_E_INVALID_ARGUMENT)
        let kept = stale
        XCTAssertEqual(flx_verify_request_new(&req, &stale), FLX_E_MISUSE)
        XCTAssertEqual(flx_customer_verify(s, "116994755", FLX_VERIFY_SMS, nil, &v, &stale), FLX_E_MISUSE)
        XCTAssertEqual(stale, kept)
        XCTAssertNil(v)
        flx_error_free(stale)
    }

    // MARK: - calculate-interest

    func testCalculateInterestReadsPlansTermsFeesAndRates() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var f: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_financing_calculate(s, "116994755", 120_000, &f, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        defer { flx_financing_free(f) }
        XCTAssertEqual(str(flx_financing_account_number(f)), "116994755")
        XCTAssertEqual(flx_financing_amount_cents(f), 120_000)
        XCTAssertEqual(str(flx_financing_customer_first_name(f)), "Flexiti")
        XCTAssertEqual(flx_financing_customer_available_credit_cents(f), 1_400_000)
        let air = try XCTUnwrap(str(flx_financing_customer_air(f)))
        XCTAssertFalse(air.isEmpty)
        XCTAssertEqual(flx_financing_customer_air_bp(f), BasisPoints.of(air) ?? -1)
        XCTAssertEqual(flx_financing_has_regular(f), 1)
        XCTAssertEqual(flx_financing_regular_amount_cents(f), 120_000, "regular purchase: one payment of the full price")

        let plans = flx_financing_plan_count(f)
        XCTAssertGreaterThan(plans, 0)
        var sawRate = false
        for p in 0..<plans {
            XCTAssertGreaterThan(flx_financing_plan_id(f, p), 0)
            XCTAssertFalse(str(flx_financing_plan_name(f, p))!.isEmpty)
            let terms = flx_financing_term_count(f, p)
            XCTAssertGreaterThan(terms, 0)
            for t in 0..<terms {
                let months = flx_financing_term_months(f, p, t)
                XCTAssertGreaterThan(months, 0)
                let payment = flx_financing_term_amount_cents(f, p, t)
                XCTAssertGreaterThan(payment, 0)
                for i in 0..<flx_financing_term_fee_count(f, p, t) {
                    XCTAssertNotNil(flx_financing_term_fee_message(f, p, t, i))
                    XCTAssertGreaterThan(flx_financing_term_fee_amount_cents(f, p, t, i), 0)
                }
                for r in 0..<flx_financing_term_rate_count(f, p, t) {
                    sawRate = true
                    let text = try XCTUnwrap(str(flx_financing_term_rate(f, p, t, r)))
                    XCTAssertEqual(flx_financing_term_rate_bp(f, p, t, r), BasisPoints.of(text) ?? -1)
                    XCTAssertNotNil(flx_financing_term_rate_message(f, p, t, r))
                }
            }
            XCTAssertEqual(flx_financing_term_months(f, p, terms), 0)
            XCTAssertNil(flx_financing_term_fee_message(f, p, terms, 0))
        }
        XCTAssertTrue(sawRate, "every v2.5.1 term carries annual_rates")
        XCTAssertNil(flx_financing_plan_name(f, plans))
        XCTAssertEqual(flx_financing_term_rate_bp(f, plans, 0, 0), -1)
    }

    func testCalculateInterestUnknownAccountIsNotFound() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var f: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_financing_calculate(s, "999999999", 1000, &f, &err), FLX_E_NOT_FOUND)
        XCTAssertEqual(flx_error_http_status(err), 404)
        XCTAssertEqual(str(flx_error_scenario(err)), "Customer Account not found")
        flx_error_free(err)
    }

    // MARK: - Account services

    func testCloseQuebecAccount() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var err: OpaquePointer?
        XCTAssertEqual(flx_account_close(s, "116994756", &err), FLX_OK, str(flx_error_message(err)) ?? "")
        var c: OpaquePointer?
        XCTAssertNotEqual(flx_customer_lookup(s, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994756", &c, nil), FLX_OK, "a closed account cannot purchase")
        XCTAssertEqual(flx_account_close(s, "999999999", nil), FLX_E_NOT_FOUND)
    }

    func testDriversLicenseDecode() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        let code = "@\n\u{1e}\rANSI 636012080002DL00410278ZO03190008DLDAQD61014070123456\nDCSSMITH\nDACJOHN\nDADGARRY\nDBB19740515\nDBA20210515\nDAG123 ANY STREET\nDAITORONTO\nDAJON\nDAKM1M 1M1\n"
        var l: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_drivers_license_decode(s, code, &l, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        defer { flx_drivers_license_free(l) }
        XCTAssertEqual(str(flx_drivers_license_last_name(l))?.uppercased(), "SMITH")
        XCTAssertEqual(str(flx_drivers_license_first_name(l))?.uppercased(), "JOHN")
        XCTAssertEqual(str(flx_drivers_license_dob(l)), "1974-05-15")
        XCTAssertEqual(str(flx_drivers_license_province(l)), "ON")
        XCTAssertEqual(str(flx_drivers_license_govid_type(l)), "CADL")
        XCTAssertEqual(str(flx_drivers_license_govid_number(l)), "D61014070123456")
        XCTAssertEqual(str(flx_drivers_license_govid_expiry(l)), "2021-05-15")
        var bad: OpaquePointer?
        XCTAssertEqual(flx_drivers_license_decode(s, "", &bad, nil), FLX_E_WRONG_INPUTS)
    }

    func testI18nAndTerms() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var i: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_i18n_get(s, &i, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        defer { flx_i18n_free(i) }
        let n = flx_i18n_list_count(i)
        XCTAssertGreaterThan(n, 0)
        let names = (0..<n).compactMap { str(flx_i18n_list_name(i, $0)) }
        XCTAssertTrue(names.contains("province"), "\(names)")
        if let p = names.firstIndex(of: "province") {
            let values = (0..<flx_i18n_entry_count(i, p)).compactMap { str(flx_i18n_entry_value(i, p, $0)) }
            XCTAssertTrue(values.contains("ON"))
            XCTAssertEqual(values.count, 13)
        }
        XCTAssertNil(flx_i18n_list_name(i, n))

        var t: OpaquePointer?
        XCTAssertEqual(flx_terms_get(s, "ON", "consumer", &t, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        defer { flx_terms_free(t) }
        XCTAssertFalse(str(flx_terms_text(t))!.isEmpty)
    }

    // MARK: - Every failing field at once, input as typed

    /// "param: msg (value)" for each field error.
    func fields(_ err: OpaquePointer?) -> [String] {
        (0..<flx_error_field_count(err)).map { i in
            "\(str(flx_error_field_param(err, i)) ?? ""): \(str(flx_error_field_msg(err, i)) ?? "") (\(str(flx_error_field_value(err, i)) ?? ""))"
        }
    }

    func testSearchAndVerifyReportEveryFailingField() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var list: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_search(s, "", "MITester", "1990-02-30", nil, &list, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(fields(err), ["dob: Value with wrong format (1990-02-30)", "first_name: Not sent ()"])
        flx_error_free(err)
        err = nil
        var v: OpaquePointer?
        XCTAssertEqual(verify(s, "12ab", FLX_VERIFY_SECURITY_QUESTION, -4, "", nil, nil, &v, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(fields(err), ["account_number: Value different to a number. (12ab)",
                                     "security_qid: Value zero or negative. (-4)", "security_answer: Not sent ()"])
        flx_error_free(err)
        XCTAssertNil(list)
        XCTAssertNil(v)
        XCTAssertEqual(sandbox.requestCount, 0, "nothing is sent")
    }

    func testWidgetInitAndApplyReportEveryFailingField() throws {
        let s = try openSession(scope: FLX_SCOPE_CUSTOMER)
        defer { flx_session_free(s) }
        let a = makeApplicant(middleName: "A-RR_L")
        defer { flx_applicant_free(a) }
        XCTAssertEqual(flx_applicant_set(a, "email", "not-an-email", nil), FLX_OK)
        XCTAssertEqual(flx_applicant_set(a, "phone_number", "416-555-01999", nil), FLX_OK)
        XCTAssertEqual(flx_applicant_set(a, "city", nil, nil), FLX_OK)
        XCTAssertEqual(flx_applicant_set_tos_agreement(a, 0, nil), FLX_OK)
        var w: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_widget_init(s, FLX_WIDGET_APPLY, flx_customer_key(rawValue: 0), nil, a, &w, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(fields(err), ["email: Value with wrong format (not-an-email)", "phone_number: Value with higher precision (416-555-01999)",
                                     "city: Not sent ()", "tos_agreement: Different to the available values. (false)"])
        flx_error_free(err)
        err = nil
        XCTAssertEqual(flx_applicant_set(a, "first_name", nil, nil), FLX_OK)
        var app: OpaquePointer?
        XCTAssertEqual(flx_application_create(s, a, FLX_APPLY_IN_STORE, "00-12345", &app, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(fields(err), ["email: Value with wrong format (not-an-email)", "phone_number: Value with higher precision (416-555-01999)",
                                     "first_name: Not sent ()", "city: Not sent ()"])
        flx_error_free(err)
        // The channel says what the id is: an unknown channel or no id is refused.
        XCTAssertEqual(flx_application_create(s, a, flx_apply_channel(rawValue: 9), "00-12345", &app, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_application_create(s, a, FLX_APPLY_ONLINE, nil, &app, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertNil(w)
        XCTAssertNil(app)
        XCTAssertEqual(sandbox.requestCount, 0, "nothing is sent")
    }

    func testInputAsACashierTypesItIsAccepted() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        let online = try openSession(scope: FLX_SCOPE_CUSTOMER)
        defer { flx_session_free(online) }
        var c: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_lookup(s, FLX_CUSTOMER_BY_VCC_NUMBER, "1070 0152 1036 7982", &c, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        XCTAssertFalse(str(flx_customer_account_number(c))?.isEmpty ?? true)
        flx_customer_free(c)
        XCTAssertEqual(flx_customer_lookup(s, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, " 116994755\n", &c, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        flx_customer_free(c)
        let a = makeApplicant(middleName: "A-RR_L", last: "Typedphone")
        defer { flx_applicant_free(a) }
        XCTAssertEqual(flx_applicant_set(a, "phone_number", "+1 (416) 555-0199", nil), FLX_OK)
        XCTAssertEqual(flx_applicant_set(a, "province", "on", nil), FLX_OK)
        var w: OpaquePointer?
        XCTAssertEqual(flx_widget_init(online, FLX_WIDGET_APPLY, flx_customer_key(rawValue: 0), nil, a, &w, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        flx_widget_free(w)
        // What is not unambiguous is refused, and the error shows the value as given.
        XCTAssertEqual(flx_customer_lookup(s, FLX_CUSTOMER_BY_VCC_NUMBER, "1070-0152-1036-7982", &c, &err), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(fields(err), ["vcc_number: Value different to a number. (1070-0152-1036-7982)"])
        flx_error_free(err)
    }

    // MARK: - Online channel

    func testWidgetInitPurchaseByAccountVccAndPersonalInformation() throws {
        let s = try openSession(scope: FLX_SCOPE_CUSTOMER)
        defer { flx_session_free(s) }
        var w: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_widget_init(s, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", nil, &w, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        let url = try XCTUnwrap(str(flx_widget_redirection_url(w)))
        let wsid = try XCTUnwrap(str(flx_widget_session_id(w)))
        XCTAssertTrue(url.contains("widget_session_id=" + wsid), url)
        XCTAssertFalse(wsid.isEmpty)
        flx_widget_free(w)

        XCTAssertEqual(flx_widget_init(s, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_VCC_NUMBER, "1070015210367982", nil, &w, nil), FLX_OK)
        flx_widget_free(w)

        var a: OpaquePointer?
        XCTAssertEqual(flx_applicant_new(&a, nil), FLX_OK)
        defer { flx_applicant_free(a) }
        XCTAssertEqual(flx_applicant_set(a, "first_name", "Flexiti", nil), FLX_OK)
        XCTAssertEqual(flx_applicant_set(a, "last_name", "MITester", nil), FLX_OK)
        XCTAssertEqual(flx_applicant_set(a, "dob", "1985-03-14", nil), FLX_OK)
        XCTAssertEqual(flx_widget_init(s, FLX_WIDGET_PURCHASE, flx_customer_key(rawValue: 0), nil, a, &w, &err), FLX_OK, str(flx_error_message(err)) ?? "")
        flx_widget_free(w)

        // Exactly one identification.
        XCTAssertEqual(flx_widget_init(s, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", a, &w, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_widget_init(s, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_CUSTOMER_ID, "123321", nil, &w, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_applicant_set(a, "Bad Name", "x", nil), FLX_E_INVALID_ARGUMENT)
    }

    func makeApplicant(middleName: String, first: String = "Jane", last: String = "Newcustomer") -> OpaquePointer? {
        var a: OpaquePointer?
        XCTAssertEqual(flx_applicant_new(&a, nil), FLX_OK)
        let fields = [("first_name", first), ("middle_name", middleName), ("last_name", last), ("dob", "1990-06-01"),
                      ("postal_code", "M1M1M1"), ("email", "jane@example.com"), ("phone_number", "4165550199"),
                      ("address_1", "1 Main St"), ("city", "Toronto"), ("province", "ON"), ("account_type", "consumer")]
        for (k, v) in fields { XCTAssertEqual(flx_applicant_set(a, k, v, nil), FLX_OK) }
        XCTAssertEqual(flx_applicant_set_tos_agreement(a, 1, nil), FLX_OK)
        return a
    }

    func testApplyOnlineApprovedDeclinedPending() throws {
        let s = try openSession(scope: FLX_SCOPE_CUSTOMER)
        defer { flx_session_free(s) }
        // The sandbox (like older Flexiti servers) answers declines and pendings with 409 codes.
        let cases: [(String, flx_code)] = [("A-RR_L", FLX_OK), ("A-RR_H", FLX_OK), ("D-NO_HIT", FLX_E_APPLICATION_DECLINED),
                                           ("D-DUPLICATE", FLX_E_APPLICATION_DECLINED_2), ("P-REVIEW_MISC", FLX_E_APPLICATION_MARKED_PENDING_1),
                                           ("P-CREDIT", FLX_E_APPLICATION_MARKED_PENDING_2), ("D-EMAIL_DBL_TIMEOUT", FLX_E_APPLICATION_CREATE_ERROR)]
        for (middle, expected) in cases {
            let a = makeApplicant(middleName: middle, last: "Applicant" + middle.filter(\.isLetter))
            defer { flx_applicant_free(a) }
            var w: OpaquePointer?
            var err: OpaquePointer?
            XCTAssertEqual(flx_widget_init(s, FLX_WIDGET_APPLY, flx_customer_key(rawValue: 0), nil, a, &w, &err), FLX_OK, str(flx_error_message(err)) ?? "")
            defer { flx_widget_free(w) }
            var app: OpaquePointer?
            let rc = flx_application_create(s, a, FLX_APPLY_ONLINE, flx_widget_session_id(w), &app, &err)
            XCTAssertEqual(rc, expected, "\(middle): \(str(flx_code_name(rc)) ?? "") \(str(flx_error_message(err)) ?? "")")
            defer { flx_application_free(app) }
            if expected == FLX_OK {
                XCTAssertEqual(flx_application_decision_of(app), FLX_APPLICATION_APPROVED, middle)
                XCTAssertEqual(str(flx_application_decision_text(app)), "approved")
                let account = try XCTUnwrap(str(flx_application_account_number(app)))
                XCTAssertFalse(account.isEmpty)
                XCTAssertEqual(str(flx_application_risk_rating(app)), String(middle.suffix(1)))
                XCTAssertGreaterThan(flx_application_credit_limit_cents(app), 0)
                XCTAssertEqual(flx_application_credit_limit_cents(app), flx_application_available_credit_cents(app))
                XCTAssertEqual(str(flx_application_vcc_number(app))?.count, 16)
                XCTAssertEqual(str(flx_application_account_type(app)), "consumer")
            } else {
                XCTAssertNil(app)
                XCTAssertEqual(flx_error_http_status(err), 409)
                XCTAssertFalse(str(flx_error_scenario(err))!.isEmpty)
                flx_error_free(err)
            }
        }
    }

    func testApplyWithADifferentWidgetSessionIsNotVerified() throws {
        let s = try openSession(scope: FLX_SCOPE_CUSTOMER)
        defer { flx_session_free(s) }
        let a = makeApplicant(middleName: "A-RR_M")
        defer { flx_applicant_free(a) }
        var w: OpaquePointer?
        XCTAssertEqual(flx_widget_init(s, FLX_WIDGET_APPLY, flx_customer_key(rawValue: 0), nil, a, &w, nil), FLX_OK)
        flx_widget_free(w)
        var app: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_application_create(s, a, FLX_APPLY_ONLINE, "not-the-widget-session", &app, &err), FLX_E_NOT_VERIFIED)
        XCTAssertEqual(flx_error_http_status(err), 409)
        flx_error_free(err)
    }

    // MARK: - Token scope per session

    func testCustomerScopeIsRefusedOnMerchantOnlyEndpoints() throws {
        let s = try openSession(scope: FLX_SCOPE_CUSTOMER)
        defer { flx_session_free(s) }
        var list: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_customer_search(s, "Flexiti", "MITester", "1985-03-14", nil, &list, &err), FLX_E_INSUFFICIENT_SCOPE)
        XCTAssertEqual(flx_error_http_status(err), 403)
        flx_error_free(err)
    }

    // MARK: - Bad input never crashes

    func testNullFreedAndForeignHandlesOfTheNewObjects() throws {
        var out: OpaquePointer?
        XCTAssertEqual(flx_customer_search(nil, "a", "b", "c", nil, &out, nil), FLX_E_MISUSE)
        XCTAssertEqual(verify(nil, "1", FLX_VERIFY_SMS, 0, nil, nil, nil, &out, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_financing_calculate(nil, "1", 100, &out, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_account_close(nil, "1", nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_drivers_license_decode(nil, "x", &out, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_i18n_get(nil, &out, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_terms_get(nil, nil, nil, &out, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_widget_init(nil, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "1", nil, &out, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_application_create(nil, nil, FLX_APPLY_ONLINE, "W-1", &out, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_applicant_set(nil, "first_name", "x", nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_applicant_set_tos_agreement(nil, 1, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_applicant_new(nil, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertNil(out)
        flx_customer_list_free(nil); flx_verification_free(nil); flx_financing_free(nil); flx_drivers_license_free(nil)
        flx_i18n_free(nil); flx_terms_free(nil); flx_applicant_free(nil); flx_widget_free(nil); flx_application_free(nil)
        XCTAssertEqual(flx_customer_list_count(nil), 0)
        XCTAssertNil(flx_customer_list_at(nil, 0))
        XCTAssertEqual(flx_financing_plan_count(nil), 0)
        XCTAssertNil(flx_financing_plan_name(nil, 0))
        XCTAssertEqual(flx_financing_customer_air_bp(nil), -1)
        XCTAssertEqual(str(flx_financing_account_number(nil)), "")
        XCTAssertEqual(flx_i18n_list_count(nil), 0)
        XCTAssertEqual(str(flx_terms_text(nil)), "")
        XCTAssertEqual(str(flx_widget_session_id(nil)), "")
        XCTAssertEqual(flx_application_decision_of(nil), FLX_APPLICATION_UNKNOWN)
        XCTAssertEqual(flx_customer_tos_agreement(nil), -1)
        XCTAssertEqual(flx_customer_offer_count(nil), 0)
        XCTAssertNil(flx_customer_offer_plan_name(nil, 0))
        XCTAssertEqual(flx_verification_format(nil).rawValue, 0)

        // A handle of another type, and a freed one.
        var err: OpaquePointer?
        XCTAssertEqual(flx_applicant_new(nil, &err), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_financing_plan_count(err), 0)
        XCTAssertEqual(flx_customer_list_count(err), 0)
        XCTAssertEqual(flx_applicant_set(err, "first_name", "x", nil), FLX_E_MISUSE)
        flx_financing_free(err)   // not a financing object: ignored
        XCTAssertEqual(flx_error_code(err), FLX_E_INVALID_ARGUMENT, "still alive")
        flx_error_free(err)
        var a: OpaquePointer?
        XCTAssertEqual(flx_applicant_new(&a, nil), FLX_OK)
        flx_applicant_free(a)
        XCTAssertEqual(flx_applicant_set(a, "first_name", "x", nil), FLX_E_MISUSE)
        flx_applicant_free(a)
    }

    func testInvalidUTF8Arguments() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        let bad: [CChar] = [CChar(bitPattern: 0xC3), CChar(bitPattern: 0x28), 0]
        var out: OpaquePointer?
        bad.withUnsafeBufferPointer { b in
            let p = b.baseAddress
            XCTAssertEqual(flx_customer_search(s, p, "b", "1990-01-01", nil, &out, nil), FLX_E_INVALID_ARGUMENT)
            XCTAssertEqual(flx_customer_search(s, "a", "b", "1990-01-01", p, &out, nil), FLX_E_INVALID_ARGUMENT)
            XCTAssertEqual(verify(s, "116994755", FLX_VERIFY_SECURITY_QUESTION, 4, p, nil, nil, &out, nil), FLX_E_INVALID_ARGUMENT)
            XCTAssertEqual(verify(s, "116994755", FLX_VERIFY_SMS, 0, nil, nil, p, &out, nil), FLX_E_INVALID_ARGUMENT)
            XCTAssertEqual(flx_financing_calculate(s, p, 100, &out, nil), FLX_E_INVALID_ARGUMENT)
            XCTAssertEqual(flx_drivers_license_decode(s, p, &out, nil), FLX_E_INVALID_ARGUMENT)
            XCTAssertEqual(flx_terms_get(s, p, nil, &out, nil), FLX_E_INVALID_ARGUMENT)
        }
        // A value the API can see, however absurd, is the validator's: wrong_inputs, nothing sent.
        XCTAssertEqual(flx_financing_calculate(s, "116994755", Int64.max, &out, nil), FLX_E_WRONG_INPUTS)
        XCTAssertEqual(flx_financing_calculate(s, "116994755", Int64.min, &out, nil), FLX_E_WRONG_INPUTS)
        XCTAssertNil(out)
        XCTAssertEqual(sandbox.requestCount, 0)
    }

    // MARK: - Every error row of these endpoints, end to end

    /// A valid call of each endpoint, returning its code (outputs freed).
    func call(_ template: String, _ s: OpaquePointer, _ err: inout OpaquePointer?) -> flx_code {
        switch template {
        case "/client-id/{client_id}/customers/search":
            var l: OpaquePointer?
            defer { flx_customer_list_free(l) }
            return flx_customer_search(s, "Flexiti", "MITester", "1985-03-14", nil, &l, &err)
        case "/client-id/{client_id}/customers/lookup":
            var c: OpaquePointer?
            defer { flx_customer_free(c) }
            return flx_customer_lookup(s, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &c, &err)
        case "/client-id/{client_id}/account/{account_number}/verify":
            var v: OpaquePointer?
            defer { flx_verification_free(v) }
            return verify(s, "116994755", FLX_VERIFY_SMS, 0, nil, nil, nil, &v, &err)
        case "/client-id/{client_id}/accounts/{account_number}/calculate-interest":
            var f: OpaquePointer?
            defer { flx_financing_free(f) }
            return flx_financing_calculate(s, "116994755", 10_050, &f, &err)
        case "/client-id/{client_id}/accounts/{account_number}/close":
            return flx_account_close(s, "116994756", &err)
        case "/client-id/{client_id}/customers/driverslicense":
            var l: OpaquePointer?
            defer { flx_drivers_license_free(l) }
            return flx_drivers_license_decode(s, "@\nANSI 636012\nDCSSMITH\n", &l, &err)
        case "/client-id/{client_id}/i18n":
            var i: OpaquePointer?
            defer { flx_i18n_free(i) }
            return flx_i18n_get(s, &i, &err)
        case "/client-id/{client_id}/terms-and-conditions":
            var t: OpaquePointer?
            defer { flx_terms_free(t) }
            return flx_terms_get(s, nil, nil, &t, &err)
        case "/client-id/{client_id}/widget/init":
            var w: OpaquePointer?
            defer { flx_widget_free(w) }
            return flx_widget_init(s, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", nil, &w, &err)
        case "/client-id/{client_id}/apply":
            let a = makeApplicant(middleName: "A-RR_L")
            defer { flx_applicant_free(a) }
            var app: OpaquePointer?
            defer { flx_application_free(app) }
            return flx_application_create(s, a, FLX_APPLY_ONLINE, "0123456789abcdef0123456789abcdef", &app, &err)
        default:
            XCTFail("no call for \(template)")
            return FLX_OK
        }
    }

    static let templates = [
        Endpoints.customersSearch, Endpoints.customersLookup, Endpoints.verify, Endpoints.calculateInterest,
        Endpoints.close, Endpoints.driversLicense, Endpoints.i18n, Endpoints.termsAndConditions,
        Endpoints.widgetInit, Endpoints.apply,
    ]

    /// Each row answered by the server (injected with the sandbox's error fault) arrives in C as
    /// the row's code, HTTP status, error string and scenario.
    func testEveryErrorRowOfTheseEndpointsReachesC() throws {
        let s = try openSession()
        defer { flx_session_free(s) }
        var checked = 0
        for endpoint in Self.templates {
            let rows = ErrorTables.endpoint.filter { $0.method == endpoint.method.rawValue && $0.path == endpoint.template }
            let suffix = String(endpoint.template.split(separator: "}").last ?? "")
            for row in rows {
                sandbox.clearFaults()
                _ = sandbox.addFault(SandboxFault(.error, method: row.method, pathSuffix: suffix, status: row.status,
                                                  error: row.error, message: "injected"))
                var err: OpaquePointer?
                let rc = call(endpoint.template, s, &err)
                let what = "\(row.method) \(row.path) \(row.status) \(row.error)"
                XCTAssertEqual(str(flx_code_name(rc)), row.error, what)
                XCTAssertEqual(flx_error_code(err), rc, what)
                XCTAssertEqual(flx_error_http_status(err), Int32(row.status), what)
                XCTAssertEqual(str(flx_error_api_error(err)), row.error, what)
                XCTAssertEqual(str(flx_error_scenario(err)), row.scenario, what)
                XCTAssertEqual(str(flx_error_endpoint(err)), row.path, what)
                XCTAssertEqual(str(flx_error_method(err)), row.method, what)
                flx_error_free(err)
                checked += 1
            }
        }
        // endpoint_errors.tsv has 43 rows for search, lookup, verify, calculate-interest, close, i18n,
        // widget/init and apply (none for driverslicense and terms-and-conditions).
        XCTAssertEqual(checked, 43)
    }

    /// The rows the sandbox produces from its own state and seed, without injection.
    func testErrorRowsTriggeredNaturally() throws {
        let merchant = try openSession()
        defer { flx_session_free(merchant) }
        let customer = try openSession(scope: FLX_SCOPE_CUSTOMER)
        defer { flx_session_free(customer) }
        let noAPI = try openSession(client: "flexitinoapi")
        defer { flx_session_free(noAPI) }
        var err: OpaquePointer?
        func expect(_ rc: flx_code, _ code: flx_code, _ status: Int32, _ what: String) {
            XCTAssertEqual(rc, code, "\(what): \(str(flx_code_name(rc)) ?? "") \(str(flx_error_message(err)) ?? "")")
            XCTAssertEqual(flx_error_http_status(err), status, what)
            XCTAssertFalse(str(flx_error_scenario(err))!.isEmpty, what)
            flx_error_free(err)
            err = nil
        }
        var c: OpaquePointer?
        var l: OpaquePointer?
        var v: OpaquePointer?
        var f: OpaquePointer?
        // search
        expect(flx_customer_search(customer, "Flexiti", "MITester", "1985-03-14", nil, &l, &err), FLX_E_INSUFFICIENT_SCOPE, 403, "search scope")
        expect(flx_customer_search(merchant, "No", "Body", "1900-01-01", nil, &l, &err), FLX_E_NOT_FOUND, 404, "search none")
        expect(flx_customer_search(noAPI, "Flexiti", "MITester", "1985-03-14", nil, &l, &err), FLX_E_INVALID_ROLE, 409, "search role")
        expect(flx_customer_search(merchant, "Flexiti", "MITester", "14-03-1985", nil, &l, &err), FLX_E_WRONG_INPUTS, 0, "search dob (validator, nothing sent)")
        // lookup
        expect(flx_customer_lookup(customer, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &c, &err), FLX_E_INSUFFICIENT_SCOPE, 403, "lookup scope")
        expect(flx_customer_lookup(merchant, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "999999999", &c, &err), FLX_E_NOT_FOUND, 404, "lookup none")
        expect(flx_customer_lookup(noAPI, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", &c, &err), FLX_E_INVALID_ROLE, 409, "lookup role")
        expect(flx_customer_lookup(merchant, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994757", &c, &err), FLX_E_USER_NOT_ABLE_TO_PURCHASE, 409, "lookup status A")
        expect(flx_customer_lookup(merchant, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994761", &c, &err), FLX_E_USER_NOT_ACTIVE, 409, "lookup inactive")
        // verify
        expect(verify(merchant, "116994765", FLX_VERIFY_SMS, 0, nil, nil, nil, &v, &err), FLX_E_SMS_NOT_VALID_PHONE, 400, "verify no phone")
        expect(verify(merchant, "999999999", FLX_VERIFY_SMS, 0, nil, nil, nil, &v, &err), FLX_E_NOT_FOUND, 404, "verify none")
        expect(verify(noAPI, "116994755", FLX_VERIFY_SMS, 0, nil, nil, nil, &v, &err), FLX_E_INVALID_ROLE, 409, "verify role")
        expect(verify(merchant, "116994755", FLX_VERIFY_SMS, 0, nil, "1070015210360001", nil, &v, &err), FLX_E_NOT_FOUND, 404, "verify other vcc")
        expect(verify(customer, "116994755", FLX_VERIFY_REGULAR_PURCHASE_BYPASS, 0, nil, nil, nil, &v, &err), FLX_E_REGULAR_PURCHASE_BYPASS_IS_NOT_ALLOWED, 409, "verify bypass online")
        let limited = try openSession(client: "flexitilimited")
        defer { flx_session_free(limited) }
        let limitedCustomer = try openSession(client: "flexitilimited", scope: FLX_SCOPE_CUSTOMER)
        defer { flx_session_free(limitedCustomer) }
        expect(verify(limitedCustomer, "116994755", FLX_VERIFY_SMS, 0, nil, nil, nil, &v, &err), FLX_E_INSUFFICIENT_SCOPE, 403, "verify scope")
        expect(flx_account_close(limitedCustomer, "116994756", &err), FLX_E_INSUFFICIENT_SCOPE, 403, "close scope")
        expect(flx_customer_lookup(limited, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994763", &c, &err), FLX_E_MERCHANT_NOT_SUPPORT_NONPRIME_REGULARPURCHASE, 409, "lookup nonprime")
        expect(flx_customer_lookup(merchant, FLX_CUSTOMER_BY_VCC_NUMBER, "123", &c, &err), FLX_E_WRONG_INPUTS, 0, "lookup vcc (local check)")
        expect(verify(limited, "116994755", FLX_VERIFY_MERCHANT_OVERRIDE, 0, nil, nil, nil, &v, &err), FLX_E_MERCHANT_OVERRIDE_IS_NOT_ALLOWED, 409, "verify override")
        expect(verify(merchant, "116994755", FLX_VERIFY_SECURITY_QUESTION, 4, "wrong", nil, nil, &v, &err), FLX_E_SECRET_ANSWER_MISMATCH, 409, "verify answer")
        for _ in 0..<2 { _ = verify(merchant, "116994755", FLX_VERIFY_SECURITY_QUESTION, 4, "wrong", nil, nil, &v, nil) }
        expect(verify(merchant, "116994755", FLX_VERIFY_SECURITY_QUESTION, 4, "wrong", nil, nil, &v, &err), FLX_E_TRIES_EXCEED, 409, "verify tries")
        // calculate-interest
        expect(flx_financing_calculate(merchant, "999999999", 1000, &f, &err), FLX_E_NOT_FOUND, 404, "calc none")
        expect(flx_financing_calculate(noAPI, "116994755", 1000, &f, &err), FLX_E_INVALID_ROLE, 409, "calc role")
        expect(flx_financing_calculate(merchant, "116994766", 1000, &f, &err), FLX_E_GENERAL_ERROR, 409, "calc general")
        expect(flx_financing_calculate(merchant, "116994755", 0, &f, &err), FLX_E_WRONG_INPUTS, 0, "calc zero amount (validator, nothing sent)")
        // close
        expect(flx_account_close(merchant, "999999999", &err), FLX_E_NOT_FOUND, 404, "close none")
        expect(flx_account_close(noAPI, "116994756", &err), FLX_E_INVALID_ROLE, 409, "close role")
        // i18n, widget/init, apply
        var i: OpaquePointer?
        var w: OpaquePointer?
        expect(flx_i18n_get(noAPI, &i, &err), FLX_E_INVALID_ROLE, 409, "i18n role")
        expect(flx_widget_init(noAPI, FLX_WIDGET_PURCHASE, FLX_CUSTOMER_BY_ACCOUNT_NUMBER, "116994755", nil, &w, &err), FLX_E_INVALID_ROLE, 409, "widget role")
        let a = makeApplicant(middleName: "A-RR_L", first: "Flexiti", last: "MITester")
        defer { flx_applicant_free(a) }
        XCTAssertEqual(flx_applicant_set(a, "dob", "1985-03-14", nil), FLX_OK)
        var app: OpaquePointer?
        expect(flx_application_create(noAPI, a, FLX_APPLY_IN_STORE, "00-12345", &app, &err), FLX_E_INVALID_ROLE, 409, "apply role")
        expect(flx_application_create(merchant, a, FLX_APPLY_IN_STORE, "00-12345", &app, &err), FLX_E_CUSTOMER_ALREADY_EXISTS, 409, "apply existing")
        expect(flx_application_create(merchant, a, FLX_APPLY_IN_STORE, "99-99999", &app, &err), FLX_E_EXTERNAL_LOCATION_ID_NOT_FOUND, 409, "apply location")
        XCTAssertEqual(flx_applicant_set_tos_agreement(a, 0, nil), FLX_OK)
        expect(flx_application_create(merchant, a, FLX_APPLY_IN_STORE, "00-12345", &app, &err), FLX_E_TOS_AGREEMENT_REQUIRED, 409, "apply tos")
        let b = makeApplicant(middleName: "A-RR_L", last: "Businessowner")
        defer { flx_applicant_free(b) }
        XCTAssertEqual(flx_applicant_set(b, "account_type", "business", nil), FLX_OK)
        expect(flx_application_create(limited, b, FLX_APPLY_IN_STORE, "10-00001", &app, &err), FLX_E_ACCOUNT_TYPE_NOT_PERMITTED, 409, "apply account type")
        expect(flx_application_create(customer, b, FLX_APPLY_ONLINE, "no-such-widget-session", &app, &err), FLX_E_NOT_VERIFIED, 409, "apply not verified")
        XCTAssertEqual(flx_applicant_set(b, "email", "not-an-email", nil), FLX_OK)
        expect(flx_application_create(merchant, b, FLX_APPLY_IN_STORE, "00-12345", &app, &err), FLX_E_WRONG_INPUTS, 0, "apply bad email (validator, nothing sent)")
    }
}
