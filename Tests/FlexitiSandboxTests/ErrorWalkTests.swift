import Foundation
import XCTest
@testable import FlexitiSandbox

/// Walks the error table of docs/sandbox.md: it must have exactly one row per row of
/// endpoint_errors.tsv and general_errors.tsv, and every row's recipe must produce exactly the
/// documented status and error in the {url, message, error, field_errors} shape.
final class ErrorWalkTests: XCTestCase {
    typealias Recipe = (Harness) -> HTTPResult

    static let gen = ["x-reference-id": "SANDBOX-GENERAL-ERROR"]

    // Recipes, keyed "METHOD PATH STATUS ERROR" (endpoint rows) or "* * STATUS ERROR" (general rows).
    static func makeRecipes() -> [String: Recipe] {
        var r: [String: Recipe] = [:]
        func add(_ m: String, _ p: String, _ s: Int, _ e: String, _ f: @escaping Recipe) { r["\(m) \(p) \(s) \(e)"] = f }
        let tok = "/oauth/token"
        add("POST", tok, 400, "invalid_client") { $0.token(secret: "wrong") }
        add("POST", tok, 400, "invalid_request") { $0.token(extra: "&grant_type=password") }
        add("POST", tok, 409, "invalid_role") { $0.token(client: "flexitiunprovisioned") }
        add("POST", tok, 409, "wrong_inputs") { $0.token(scope: "admin") }

        let i18n = "/client-id/{client_id}/i18n"
        add("GET", i18n, 409, "general_error") { $0.api("GET", "/i18n", headers: gen) }
        add("GET", i18n, 409, "invalid_role") { $0.api("GET", "/i18n", client: "flexitinoapi") }
        add("GET", i18n, 409, "wrong_inputs") { $0.api("GET", "/i18n?lang=de") }

        let wi = "/client-id/{client_id}/widget/init"
        let wiBody = #"{"flow":"purchase","customer_identification":{"account_number":116994755}}"#
        add("POST", wi, 409, "invalid_role") { $0.api("POST", "/widget/init", body: wiBody, client: "flexitinoapi") }
        add("POST", wi, 409, "general_error") { $0.api("POST", "/widget/init", body: wiBody, headers: gen) }
        add("POST", wi, 409, "wrong_inputs") { $0.api("POST", "/widget/init", body: "{}") }

        let ap = "/client-id/{client_id}/apply"
        add("POST", ap, 400, "general_error") { $0.api("POST", "/apply", body: $0.applyBody(), headers: gen) }
        add("POST", ap, 409, "invalid_role") { $0.api("POST", "/apply", body: $0.applyBody(), client: "flexitinoapi") }
        add("POST", ap, 409, "application_create_error") { $0.api("POST", "/apply", body: $0.applyBody(middle: "D-EMAIL_DBL_TIMEOUT")) }
        add("POST", ap, 409, "tos_agreement_required") { $0.api("POST", "/apply", body: $0.applyBody(tos: "false")) }
        add("POST", ap, 409, "customer_already_exists") { h in
            h.api("POST", "/apply", body: h.applyBody(first: "Flexiti", last: "MITester").replacingOccurrences(of: "1990-05-05", with: "1985-03-14"))
        }
        add("POST", ap, 409, "not_verified") { $0.api("POST", "/apply", body: $0.applyBody(extra: #","widget_session_id":"nope""#)) }
        add("POST", ap, 409, "external_location_id_not_found") {
            $0.api("POST", "/apply", body: $0.applyBody(extra: #","external_location_id":"99-99999""#))
        }
        add("POST", ap, 409, "account_type_not_permitted") {
            $0.api("POST", "/apply", body: $0.applyBody(extra: #","external_location_id":"10-00001""#, accountType: "business"),
                   client: "flexitilimited")
        }
        add("POST", ap, 409, "wrong_inputs") { $0.api("POST", "/apply", body: #"{"tos_agreement":true}"#) }

        let lk = "/client-id/{client_id}/customers/lookup"
        add("GET", lk, 403, Messages.insufficientScope) { $0.api("GET", "/customers/lookup?account_number=116994755", scope: "customer") }
        add("GET", lk, 404, "not_found") { $0.api("GET", "/customers/lookup?account_number=999999999") }
        add("GET", lk, 409, "invalid_role") { $0.api("GET", "/customers/lookup?account_number=116994755", client: "flexitinoapi") }
        add("GET", lk, 409, "user_not_able_to_purchase") { $0.api("GET", "/customers/lookup?account_number=116994757") }
        add("GET", lk, 409, "user_not_active") { $0.api("GET", "/customers/lookup?account_number=116994761") }
        add("GET", lk, 409, "merchant_not_support_nonprime_regularpurchase") {
            $0.api("GET", "/customers/lookup?account_number=116994763", client: "flexitilimited")
        }
        add("GET", lk, 409, "wrong_inputs") { $0.api("GET", "/customers/lookup") }

        let se = "/client-id/{client_id}/customers/search"
        let seQ = "/customers/search?first_name=Flexiti&last_name=MITester&dob=1985-03-14"
        add("GET", se, 403, Messages.insufficientScope) { $0.api("GET", seQ, scope: "customer") }
        add("GET", se, 404, "not_found") { $0.api("GET", "/customers/search?first_name=No&last_name=Body&dob=1985-03-14") }
        add("GET", se, 409, "invalid_role") { $0.api("GET", seQ, client: "flexitinoapi") }
        add("GET", se, 409, "wrong_inputs") { $0.api("GET", "/customers/search?first_name=Flexiti") }

        let vf = "/client-id/{client_id}/account/{account_number}/verify"
        let vq = #"{"format":"security_question","security_qid":4,"security_answer":"buddy","request_id":"r"}"#
        add("POST", vf, 400, "sms_not_valid_phone") { $0.api("POST", "/account/116994765/verify", body: #"{"format":"sms"}"#) }
        add("POST", vf, 403, Messages.insufficientScope) {
            $0.api("POST", "/account/116994755/verify", body: vq, client: "flexitilimited", scope: "customer")
        }
        add("POST", vf, 404, "not_found") { $0.api("POST", "/account/999999999/verify", body: vq) }
        add("POST", vf, 409, "invalid_role") { $0.api("POST", "/account/116994755/verify", body: vq, client: "flexitinoapi") }
        add("POST", vf, 409, "merchant_override_is_not_allowed") {
            $0.api("POST", "/account/116994755/verify", body: #"{"format":"merchant_override"}"#, client: "flexitilimited")
        }
        add("POST", vf, 409, "regular_purchase_bypass_is_not_allowed") {
            $0.api("POST", "/account/116994755/verify", body: #"{"format":"regular_purchase_bypass"}"#, scope: "customer")
        }
        add("POST", vf, 409, "piw_mismatch") { $0.api("POST", "/account/116994755/verify", body: #"{"format":"sms","piw":"oak"}"#) }
        add("POST", vf, 409, "secret_answer_mismatch") {
            $0.api("POST", "/account/116994755/verify", body: vq.replacingOccurrences(of: "buddy", with: "wrong"))
        }
        add("POST", vf, 409, "wrong_inputs") { $0.api("POST", "/account/116994755/verify", body: #"{"format":"fax"}"#) }
        add("POST", vf, 409, "tries_exceed") { h in
            let wrong = vq.replacingOccurrences(of: "buddy", with: "wrong")
            for _ in 0..<3 { _ = h.api("POST", "/account/116994755/verify", body: wrong) }
            return h.api("POST", "/account/116994755/verify", body: wrong)
        }

        let cl = "/client-id/{client_id}/accounts/{account_number}/close"
        add("POST", cl, 403, Messages.insufficientScope) {
            $0.api("POST", "/accounts/116994756/close", client: "flexitilimited", scope: "customer")
        }
        add("POST", cl, 404, "not_found") { $0.api("POST", "/accounts/999999999/close") }
        add("POST", cl, 409, "invalid_role") { $0.api("POST", "/accounts/116994756/close", client: "flexitinoapi") }

        let ci = "/client-id/{client_id}/accounts/{account_number}/calculate-interest"
        add("POST", ci, 404, "not_found") { $0.api("POST", "/accounts/999999999/calculate-interest", body: #"{"amount":100}"#) }
        add("POST", ci, 409, "invalid_role") {
            $0.api("POST", "/accounts/116994755/calculate-interest", body: #"{"amount":100}"#, client: "flexitinoapi")
        }
        add("POST", ci, 409, "general_error") { $0.api("POST", "/accounts/116994766/calculate-interest", body: #"{"amount":100}"#) }
        add("POST", ci, 409, "wrong_inputs") { $0.api("POST", "/accounts/116994755/calculate-interest", body: #"{"amount":"1,00"}"#) }

        let tx = "/client-id/{client_id}/transactions"
        func txBody(_ account: Int64 = 116994755, type: String = "instore_payment", amount: String = "10.00",
                    code: String? = nil, req: String = "req-1", extra: String = "") -> String {
            """
            {"transaction_type":"\(type)","amount":\(amount),"account_number":\(account),\
            \(code.map { "\"verification_code\":\($0)," } ?? "")"request_id":"\(req)",\
            "external_location_id":"00-12345","external_employee_id":"12345-SMITH"\(extra)}
            """
        }
        add("POST", tx, 403, Messages.insufficientScope) { $0.api("POST", "/transactions", body: txBody(code: "1234"), scope: "customer") }
        add("POST", tx, 404, "not_found") { $0.api("POST", "/transactions", body: txBody(999999999, code: "1234")) }
        add("POST", tx, 409, "invalid_role") { $0.api("POST", "/transactions", body: txBody(code: "1234"), client: "flexitinoapi") }
        add("POST", tx, 409, "general_error") { $0.api("POST", "/transactions", body: txBody(116994766, code: "1234")) }
        add("POST", tx, 409, "invalid_transaction_type") { $0.api("POST", "/transactions", body: txBody(type: "purchase", code: "1234")) }
        add("POST", tx, 409, "wrong_verification_code") { $0.api("POST", "/transactions", body: txBody(code: "9999")) }
        add("POST", tx, 409, "verification_code_required") { $0.api("POST", "/transactions", body: txBody()) }
        add("POST", tx, 409, "user_not_active") { $0.api("POST", "/transactions", body: txBody(116994761, code: "1234")) }
        add("POST", tx, 409, "user_not_able_to_purchase") { $0.api("POST", "/transactions", body: txBody(116994757, code: "1234")) }
        add("POST", tx, 409, "limit_payment_amount_24") { h in
            let p1 = h.pin(requestId: "p1")
            _ = h.api("POST", "/transactions", body: txBody(amount: "6000.00", code: p1, req: "p1"))
            let p2 = h.pin(requestId: "p2")
            return h.api("POST", "/transactions", body: txBody(amount: "5000.00", code: p2, req: "p2"))
        }
        add("POST", tx, 409, "not_enough_credit") { h in
            let p = h.pin(116994764)
            return h.api("POST", "/transactions", body: txBody(116994764, type: "deposit", amount: "100.00", code: p))
        }
        add("POST", tx, 409, "not_verified") { h in
            let p = h.pin(requestId: "verified-request")
            return h.api("POST", "/transactions", body: txBody(code: p, req: "another-request"))
        }
        add("POST", tx, 409, "external_location_id_not_found") {
            $0.api("POST", "/transactions", body: txBody(code: "1234").replacingOccurrences(of: "00-12345", with: "99-99999"))
        }
        add("POST", tx, 409, "account_type_not_permitted") {
            $0.api("POST", "/transactions", body: txBody(116994762, code: "1234"), client: "flexitilimited")
        }
        add("POST", tx, 409, "vcc_account_mismatch") {
            $0.api("POST", "/transactions", body: txBody(code: "1234", extra: #","vcc_number":"1070015210360001""#))
        }
        add("POST", tx, 409, "wrong_inputs") { $0.api("POST", "/transactions", body: #"{"transaction_type":"deposit"}"#) }

        let au = "/client-id/{client_id}/authorization"
        add("POST", au, 404, "not_found") { $0.api("POST", "/authorization", body: $0.authBody(account: 999999999, pin: "1234")) }
        add("POST", au, 404, "customer_identity_not_found") {
            $0.api("POST", "/authorization", body: $0.authBody(pin: nil), scope: "customer")
        }
        add("POST", au, 409, "invalid_role") { $0.api("POST", "/authorization", body: $0.authBody(pin: "1234"), client: "flexitinoapi") }
        add("POST", au, 409, "credit_exceeded") { h in
            h.api("POST", "/authorization", body: h.authBody(account: 116994764, pin: h.pin(116994764)))
        }
        add("POST", au, 409, "not_permitted") {
            $0.api("POST", "/authorization", body: $0.authBody(pin: "1234").replacingOccurrences(of: "12345-SMITH", with: "99999-TRAINEE"))
        }
        add("POST", au, 409, "general_error") { $0.api("POST", "/authorization", body: $0.authBody(account: 116994766, pin: "1234")) }
        add("POST", au, 409, "auth_not_allowed") { h in
            let p = h.pin(client: "flexitilimited")
            return h.api("POST", "/authorization", body: h.authBody(autoCapture: false, pin: p)
                .replacingOccurrences(of: "00-12345", with: "10-00001"), client: "flexitilimited")
        }
        add("POST", au, 409, "plan_term_not_set") { h in h.api("POST", "/authorization", body: h.authBody(pin: h.pin(), plan: 99)) }
        add("POST", au, 409, "plan_term_not_available") { h in
            h.api("POST", "/authorization", body: h.authBody(account: 116994763, pin: h.pin(116994763), plan: 7, term: 12))
        }
        add("POST", au, 409, "user_not_able_to_purchase") { $0.api("POST", "/authorization", body: $0.authBody(account: 116994757, pin: "1234")) }
        add("POST", au, 409, "not_verified") { h in
            h.api("POST", "/authorization", body: h.authBody(pin: h.pin(requestId: "r-a"), requestId: "r-b"))
        }
        add("POST", au, 409, "external_location_id_not_found") {
            $0.api("POST", "/authorization", body: $0.authBody(pin: "1234").replacingOccurrences(of: "00-12345", with: "99-99999"))
        }
        add("POST", au, 409, "account_type_not_permitted") {
            $0.api("POST", "/authorization", body: $0.authBody(account: 116994762, pin: "1234"), client: "flexitilimited")
        }
        add("POST", au, 409, "vcc_account_mismatch") {
            $0.api("POST", "/authorization", body: $0.authBody(pin: "1234", extra: #","vcc_number":"1070015210360001""#))
        }
        add("POST", au, 409, "wrong_inputs") { $0.api("POST", "/authorization", body: #"{"amount":0}"#) }

        let la = "/client-id/{client_id}/authorizations"
        add("GET", la, 403, Messages.insufficientScope) { $0.api("GET", "/authorizations?page_number=1", scope: "customer") }
        add("GET", la, 409, "invalid_role") { $0.api("GET", "/authorizations?page_number=1", client: "flexitinoapi") }
        add("GET", la, 409, "general_error") { $0.api("GET", "/authorizations?page_number=1&account_number=116994766") }
        add("GET", la, 409, "date_from_bigger_than_date_to") {
            $0.api("GET", "/authorizations?page_number=1&creation_date_from=2025-02-01&creation_date_to=2025-01-01")
        }
        add("GET", la, 409, "wrong_inputs") { $0.api("GET", "/authorizations") }

        let ga = "/client-id/{client_id}/authorization/{authorizationId}"
        add("GET", ga, 403, Messages.insufficientScope) { $0.api("GET", "/authorization/1000000000000005", scope: "customer") }
        add("GET", ga, 400, "not_found") { $0.api("GET", "/authorization/1234") }
        add("GET", ga, 409, "invalid_role") { $0.api("GET", "/authorization/1000000000000005", client: "flexitinoapi") }
        add("GET", ga, 409, "general_error") { $0.api("GET", "/authorization/1000000000000007") }
        add("GET", ga, 409, "wrong_inputs") { $0.api("GET", "/authorization/12ab") }

        let rl = "/client-id/{client_id}/authorization/{authorizationId}/release"
        add("POST", rl, 403, Messages.insufficientScope) { $0.api("POST", "/authorization/1000000000000005/release", body: "{}", scope: "customer") }
        add("POST", rl, 404, "not_found") { $0.api("POST", "/authorization/1234/release", body: "{}") }
        add("POST", rl, 409, "invalid_role") { $0.api("POST", "/authorization/1000000000000005/release", body: "{}", client: "flexitinoapi") }
        add("POST", rl, 409, "generic_error") { $0.api("POST", "/authorization/1000000000000007/release", body: "{}") }
        add("POST", rl, 409, "authorization_ended") { $0.api("POST", "/authorization/1000000000000001/release", body: "{}") }
        add("POST", rl, 409, "auth_amount_exceeded") { $0.api("POST", "/authorization/1000000000000005/release", body: #"{"amount":1000.01}"#) }
        add("POST", rl, 409, "not_permitted") {
            $0.api("POST", "/authorization/1000000000000005/release", body: #"{"external_employee_id":"99999-TRAINEE"}"#)
        }
        add("POST", rl, 409, "external_location_id_not_found") {
            $0.api("POST", "/authorization/1000000000000005/release", body: #"{"external_location_id":"99-99999"}"#)
        }
        add("POST", rl, 409, "wrong_inputs") { $0.api("POST", "/authorization/1000000000000005/release", body: #"{"amount":"ten"}"#) }

        let cp = "/client-id/{client_id}/authorization/{authorizationId}/capture"
        let cpOK = #"{"amount":100.00}"#
        add("POST", cp, 403, Messages.insufficientScope) { $0.api("POST", "/authorization/1000000000000005/capture", body: cpOK, scope: "customer") }
        add("POST", cp, 404, "not_found") { $0.api("POST", "/authorization/1234/capture", body: cpOK) }
        add("POST", cp, 409, "invalid_role") { $0.api("POST", "/authorization/1000000000000005/capture", body: cpOK, client: "flexitinoapi") }
        add("POST", cp, 409, "general_error") { $0.api("POST", "/authorization/1000000000000007/capture", body: cpOK) }
        add("POST", cp, 409, "authorization_ended") { $0.api("POST", "/authorization/1000000000000001/capture", body: cpOK) }
        add("POST", cp, 409, "auth_amount_exceeded") { $0.api("POST", "/authorization/1000000000000005/capture", body: #"{"amount":1000.01}"#) }
        add("POST", cp, 409, "not_permitted") { $0.api("POST", "/authorization/1000000000000002/capture", body: cpOK) }
        add("POST", cp, 409, "external_location_id_not_found") {
            $0.api("POST", "/authorization/1000000000000005/capture", body: #"{"amount":1,"external_location_id":"99-99999"}"#)
        }
        add("POST", cp, 409, "wrong_inputs") { $0.api("POST", "/authorization/1000000000000005/capture", body: "{}") }

        let rt = "/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return"
        let rtOK = #"{"amount":10.00}"#
        add("POST", rt, 403, Messages.insufficientScope) {
            $0.api("POST", "/authorization/1000000000000001/capture/100000001/return", body: rtOK, scope: "customer")
        }
        add("POST", rt, 404, "not_found") { $0.api("POST", "/authorization/1000000000000001/capture/999/return", body: rtOK) }
        add("POST", rt, 409, "invalid_role") {
            $0.api("POST", "/authorization/1000000000000001/capture/100000001/return", body: rtOK, client: "flexitinoapi")
        }
        add("POST", rt, 409, "general_error") { $0.api("POST", "/authorization/1000000000000007/capture/100000007/return", body: rtOK) }
        add("POST", rt, 409, "capture_amount_exceeded") { h in
            let c = h.api("POST", "/authorization/1000000000000005/capture", body: cpOK)["capture_id"]?.scalarText ?? "0"
            return h.api("POST", "/authorization/1000000000000005/capture/\(c)/return", body: #"{"amount":100.01}"#)
        }
        add("POST", rt, 409, "return_date_exceeded") { $0.api("POST", "/authorization/1000000000000001/capture/100000001/return", body: rtOK) }
        add("POST", rt, 409, "wrong_transaction_type") { $0.api("POST", "/authorization/1000000000000004/capture/100000004/return", body: rtOK) }
        add("POST", rt, 409, "not_permitted") { h in
            let c = h.api("POST", "/authorization/1000000000000005/capture", body: cpOK)["capture_id"]?.scalarText ?? "0"
            return h.api("POST", "/authorization/1000000000000005/capture/\(c)/return",
                         body: #"{"amount":10,"external_employee_id":"99999-TRAINEE"}"#)
        }
        add("POST", rt, 409, "external_location_id_not_found") {
            $0.api("POST", "/authorization/1000000000000001/capture/100000001/return", body: #"{"amount":1,"external_location_id":"99-99999"}"#)
        }
        add("POST", rt, 409, "account_type_not_permitted") {
            $0.api("POST", "/authorization/1000000000000006/capture/100000006/return", body: rtOK, client: "flexitilimited")
        }
        add("POST", rt, 409, "vcc_account_mismatch") { h in
            let c = h.api("POST", "/authorization/1000000000000005/capture", body: cpOK)["capture_id"]?.scalarText ?? "0"
            return h.api("POST", "/authorization/1000000000000005/capture/\(c)/return",
                         body: #"{"amount":10,"vcc_number":"1070015210367982"}"#)
        }
        add("POST", rt, 409, "wrong_inputs") { $0.api("POST", "/authorization/1000000000000001/capture/100000001/return", body: #"{"amount":-1}"#) }

        let rf = "/client-id/{client_id}/accounts/{account_number}/refund"
        let rfOK = #"{"amount":10.00,"reference":"R-1"}"#
        add("POST", rf, 403, Messages.insufficientScope) { $0.api("POST", "/accounts/116994755/refund", body: rfOK, scope: "customer") }
        add("POST", rf, 404, "not_found") { $0.api("POST", "/accounts/999999999/refund", body: rfOK) }
        add("POST", rf, 409, "invalid_role") { $0.api("POST", "/accounts/116994755/refund", body: rfOK, client: "flexitinoapi") }
        add("POST", rf, 409, "general_error") { $0.api("POST", "/accounts/116994766/refund", body: rfOK) }
        add("POST", rf, 409, "refunds_limit_exceeded_amount") { $0.api("POST", "/accounts/116994755/refund", body: #"{"amount":1000.01}"#) }
        add("POST", rf, 409, "external_location_id_not_found") {
            $0.api("POST", "/accounts/116994755/refund", body: #"{"amount":1,"external_location_id":"99-99999"}"#)
        }
        add("POST", rf, 409, "account_type_not_permitted") { $0.api("POST", "/accounts/116994762/refund", body: rfOK, client: "flexitilimited") }
        add("POST", rf, 409, "vcc_account_mismatch") {
            $0.api("POST", "/accounts/116994755/refund", body: #"{"amount":1,"vcc_number":"1070015210360001"}"#)
        }
        add("POST", rf, 409, "capture_amount_exceeded") {
            $0.api("POST", "/accounts/116994755/refund", body: #"{"amount":1200.01,"capture_id":100000001}"#)
        }
        add("POST", rf, 409, "wrong_inputs") { $0.api("POST", "/accounts/116994755/refund", body: #"{"amount":10.001}"#) }

        let lc = "/client-id/{client_id}/captures"
        add("GET", lc, 403, Messages.insufficientScope) { $0.api("GET", "/captures?page_number=1", scope: "customer") }
        add("GET", lc, 409, "invalid_role") { $0.api("GET", "/captures?page_number=1", client: "flexitinoapi") }
        add("GET", lc, 409, "general_error") { $0.api("GET", "/captures?page_number=1&account_number=116994766") }
        add("GET", lc, 409, "date_from_bigger_than_date_to") {
            $0.api("GET", "/captures?page_number=1&creation_date_from=2025-02-01&creation_date_to=2025-01-01")
        }
        add("GET", lc, 409, "wrong_inputs") { $0.api("GET", "/captures?page_number=x") }

        // general_errors.tsv rows: "* * STATUS ERROR".
        func same(_ s: Int, _ e: String, _ m: String, _ p: String) { r["* * \(s) \(e)"] = r["\(m) \(p) \(s) \(e)"] }
        func gadd(_ s: Int, _ e: String, _ f: @escaping Recipe) { r["* * \(s) \(e)"] = f }
        gadd(400, "invalid_account") { $0.api("POST", "/accounts/12ab/calculate-interest", body: #"{"amount":1}"#) }
        same(400, "invalid_client", "POST", tok)
        same(400, "invalid_request", "POST", tok)
        same(400, "not_found", "GET", ga)
        gadd(401, "invalid_token") { $0.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: nil) }
        gadd(401, "Unauthorized") {
            $0.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: nil,
                    headers: ["authorization": "Basic Zmxl"])
        }
        same(404, "not_found", "GET", lk)
        same(404, "customer_identity_not_found", "POST", au)
        same(409, "application_create_error", "POST", ap)
        gadd(409, "application_declined") { $0.api("POST", "/apply", body: $0.applyBody(middle: "D-NO_HIT")) }
        gadd(409, "application_declined_2") { $0.api("POST", "/apply", body: $0.applyBody(middle: "D-DUPLICATE")) }
        gadd(409, "application_declined_3") { $0.api("POST", "/apply", body: $0.applyBody(middle: "D-FRAUD")) }
        gadd(409, "application_marked_pending_1") { $0.api("POST", "/apply", body: $0.applyBody(middle: "P-REVIEW_MISC")) }
        gadd(409, "application_marked_pending_2") { $0.api("POST", "/apply", body: $0.applyBody(middle: "P-CREDIT")) }
        same(409, "auth_amount_exceeded", "POST", cp)
        same(409, "auth_not_allowed", "POST", au)
        gadd(409, "authentication_failure") {
            $0.api("POST", "/merchants/login", body: #"{"merchant_username":"store-manager","merchant_password":"nope"}"#)
        }
        same(409, "authorization_ended", "POST", cp)
        gadd(409, "authorization_unauthorized") { $0.api("POST", "/authorization/1000000000000002/release", body: "{}") }
        same(409, "credit_exceeded", "POST", au)
        gadd(409, "creditapp_id_not_found") { $0.api("POST", "/apply", body: $0.applyBody(extra: #","external_location_id":"00-12345","creditapp_id":42"#)) }
        same(409, "customer_already_exists", "POST", ap)
        same(409, "generic_error", "POST", rl)
        same(409, "invalid_transaction_type", "POST", tx)
        same(409, "limit_payment_amount_24", "POST", tx)
        same(409, "merchant_override_is_not_allowed", "POST", vf)
        same(409, "not_enough_credit", "POST", tx)
        gadd(409, "not_found") { $0.api("POST", "/widget/init", body: #"{"flow":"purchase","customer_identification":{"account_number":999999999}}"#) }
        same(409, "not_permitted", "POST", cp)
        same(409, "piw_mismatch", "POST", vf)
        same(409, "plan_term_not_available", "POST", au)
        same(409, "plan_term_not_set", "POST", au)
        same(409, "refunds_limit_exceeded_amount", "POST", rf)
        same(409, "secret_answer_mismatch", "POST", vf)
        same(409, "tos_agreement_required", "POST", ap)
        same(409, "user_not_able_to_purchase", "POST", au)
        same(409, "user_not_active", "GET", lk)
        same(409, "verification_code_required", "POST", tx)
        same(409, "wrong_transaction_type", "POST", rt)
        same(409, "wrong_verification_code", "POST", tx)
        return r
    }

    struct DocRow: Hashable { var method: String; var path: String; var status: Int; var error: String }

    /// Rows of the two error tables in docs/sandbox.md ("| E001 | METHOD | `path` | status | `error` | how |"
    /// and "| G01 | status | `error` | how |").
    static func docRows() throws -> [DocRow] {
        let url = SeedTests.repoRoot.appendingPathComponent("docs/sandbox.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [DocRow] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| E") || line.hasPrefix("| G") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            }
            guard cells.count > 4, cells[1].first.map({ $0 == "E" || $0 == "G" }) == true,
                  cells[1].dropFirst().allSatisfy(\.isNumber) else { continue }
            if cells[1].hasPrefix("E"), cells.count > 6, let s = Int(cells[4]) {
                rows.append(DocRow(method: cells[2], path: cells[3], status: s, error: cells[5]))
            } else if cells[1].hasPrefix("G"), let s = Int(cells[2]) {
                rows.append(DocRow(method: "*", path: "*", status: s, error: cells[3]))
            }
        }
        return rows
    }

    func testDocTableMatchesTheErrorTables() throws {
        let doc = try Self.docRows()
        let documented = ErrorCatalog.endpointRows.map { DocRow(method: $0.method, path: $0.path, status: $0.status, error: $0.error) }
            + ErrorCatalog.generalRows.map { DocRow(method: "*", path: "*", status: $0.status, error: $0.error) }
        XCTAssertEqual(doc.count, 173)
        XCTAssertEqual(Set(doc).count, doc.count, "duplicate rows in docs/sandbox.md")
        XCTAssertEqual(Set(doc).subtracting(documented), [], "rows in docs/sandbox.md that are not in the TSVs")
        XCTAssertEqual(Set(documented).subtracting(doc), [], "TSV rows missing from docs/sandbox.md")
    }

    func testEveryDocumentedErrorIsReachableAndExact() throws {
        let h = try Harness()
        let recipes = Self.makeRecipes()
        var reached = 0
        for row in try Self.docRows() {
            let key = "\(row.method) \(row.path) \(row.status) \(row.error)"
            guard let recipe = recipes[key] else {
                XCTFail("no recipe for \(key)")
                continue
            }
            h.sandbox.reset()
            let r = recipe(h)
            XCTAssertEqual(r.status, row.status, "\(key): \(r.text)")
            XCTAssertEqual(r["error"]?.stringValue, row.error, "\(key): \(r.text)")
            XCTAssertNotNil(r["url"]?.stringValue, key)
            XCTAssertFalse(r["message"]?.stringValue?.isEmpty ?? true, key)
            if row.error == "wrong_inputs" {
                let fe = r["field_errors"]?.arrayValue ?? []
                XCTAssertFalse(fe.isEmpty, key)
                for f in fe {
                    XCTAssertNotNil(f["param"]?.stringValue, key)
                    XCTAssertNotNil(f["msg"]?.stringValue, key)
                    XCTAssertNotNil(f["value"], key)
                    XCTAssertTrue(["required", "invalid", "type", "length"].contains(f["type"]?.stringValue ?? ""), key)
                }
            }
            if r.status == row.status && r["error"]?.stringValue == row.error { reached += 1 }
        }
        XCTAssertEqual(reached, 173)
    }
}
