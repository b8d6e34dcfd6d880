import XCTest
@testable import FlexitiSandbox
import enum FlexitiCore.ErrorTables

/// Walks parameter_validations.tsv: every row either produces a wrong_inputs field error with the
/// documented type, or is listed in `notApplicable` (and in docs/sandbox.md) with the reason.
final class ValidationTests: XCTestCase {
    typealias Call = (Harness) -> HTTPResult

    static let notApplicable: [String: String] = [
        "amount_requested": "no endpoint in api-notes takes amount_requested",
        "authorization_id|Not sent": "path parameter: without it the path is another endpoint",
        "bearer token": "answered as 401 invalid_token / Unauthorized, not as a field error",
        "capture_id|Not sent": "path parameter",
        "client_id": "token endpoint answers 400 invalid_client; path client_id is checked against the token (401)",
        "client_secret": "token endpoint answers 400 invalid_client",
        "customer_id|Value zero or negative.": "customer_id is a string of up to 20 (newer docs; authorized users are \"1234567-12345\")",
        "customer_id|Value with decimals.": "customer_id is a string (see above)",
        "customer_id|Not sent": "lookup needs one of three identifiers: reported as required on all three",
        "customer_id|Value different to a number.": "customer_id is a string (see above)",
        "date": "no endpoint in api-notes takes `date`",
        "ending_date": "no endpoint in api-notes takes `ending_date`",
        "employer_name": "apply employment fields are UNKNOWN; accepted unchecked",
        "employer_phone": "apply employment fields are UNKNOWN; accepted unchecked",
        "govid_expiry": "govid_* are driverslicense outputs; apply's govid fields are UNKNOWN",
        "govid_issuedby": "see govid_expiry",
        "govid_number": "see govid_expiry",
        "govid_type": "see govid_expiry",
        "grant_type": "token endpoint answers 400 invalid_request",
        "household_income|Not sent": "apply income fields are optional in the sandbox (field list UNKNOWN)",
        "housing_type|Not sent": "optional in the sandbox (field list UNKNOWN)",
        "input_type": "no endpoint in api-notes takes input_type",
        "location_id": "no endpoint in api-notes takes location_id (external_location_id is a string)",
        "merchant_id": "no endpoint in api-notes takes merchant_id",
        "merchant_password|Not sent": "deprecated merchants/login: credentials optional (as documented)",
        "merchant_username|Not sent": "deprecated merchants/login: credentials optional (as documented)",
        "monthly_housing_expenses|Not sent": "optional in the sandbox (field list UNKNOWN)",
        "occupation_id": "apply employment fields are UNKNOWN",
        "occupation_title": "apply employment fields are UNKNOWN",
        "personal_income|Not sent": "optional in the sandbox (field list UNKNOWN)",
        "piw|Not sent": "no piw field is documented; it is optional",
        "preferred_language": "no request field; only in responses",
        "salutation|Not sent": "optional in the sandbox (apply field list UNKNOWN)",
        "tos_agreement|Not sent": "covered on widget/init; on apply the documented answer is tos_agreement_required",
    ]

    static func cases() -> [String: Call] {
        var c: [String: Call] = [:]
        func auth(_ replace: String, _ with: String) -> Call {
            { h in h.api("POST", "/authorization", body: h.authBody(pin: "1234").replacingOccurrences(of: replace, with: with)) }
        }
        func authExtra(_ extra: String) -> Call { { h in h.api("POST", "/authorization", body: h.authBody(pin: "1234", extra: extra)) } }
        func apply(_ replace: String, _ with: String) -> Call {
            { h in h.api("POST", "/apply", body: h.applyBody().replacingOccurrences(of: replace, with: with)) }
        }
        func applyExtra(_ extra: String) -> Call { { h in h.api("POST", "/apply", body: h.applyBody(extra: ",\"external_location_id\":\"00-12345\"" + extra)) } }
        let long = String(repeating: "x", count: 300)
        let acct = "\"account_number\":116994755"
        c["account_number|Value zero or negative."] = auth(acct, "\"account_number\":-5")
        c["account_number|Value with decimals."] = auth(acct, "\"account_number\":116994755.5")
        c["account_number|Value with higher precision"] = auth(acct, "\"account_number\":123456789012345")
        c["account_number|Not sent"] = auth(acct + ",", "")
        c["account_number|Value different to a number."] = auth(acct, "\"account_number\":\"abc\"")
        c["address_1|Value with higher length"] = apply("\"1 Test St\"", "\"\(long)\"")
        c["address_1|Value different to a string."] = apply("\"1 Test St\"", "5")
        c["address_2|Value with higher length"] = applyExtra(",\"address_2\":\"\(long)\"")
        c["address_2|Value different to a string."] = applyExtra(",\"address_2\":[1]")
        c["amount|Value different to a number."] = auth("\"amount\":100.00", "\"amount\":\"abc\"")
        c["amount|Decimal point different to period."] = auth("\"amount\":100.00", "\"amount\":\"100,00\"")
        c["amount|Value zero or negative."] = auth("\"amount\":100.00", "\"amount\":0")
        c["amount|Value with higher precision and/or scale"] = auth("\"amount\":100.00", "\"amount\":100.005")
        c["authorization_id|Value different to a number"] = { $0.api("GET", "/authorization/12ab") }
        c["auto_capture|Different to the available values."] = auth("\"auto_capture\":true", "\"auto_capture\":\"maybe\"")
        c["capture_id|Client not valid."] = { $0.api("POST", "/authorization/1000000000000001/capture/abc/return", body: #"{"amount":1}"#) }
        c["city|Value with higher length"] = apply("\"Toronto\"", "\"\(long)\"")
        c["city|Not sent"] = apply("\"city\":\"Toronto\",", "")
        c["city|Value different to a string."] = apply("\"Toronto\"", "true")
        c["customer_id|Value with higher precision"] = { $0.api("GET", "/customers/lookup?customer_id=123456789012345678901") }
        c["dob|Value with wrong format"] = { $0.api("GET", "/customers/search?first_name=A&last_name=B&dob=14-03-1985") }
        c["dob|Not sent"] = { $0.api("GET", "/customers/search?first_name=A&last_name=B") }
        c["email|Value with wrong format"] = apply("jane@example.com", "jane@")
        c["email|Not sent"] = apply("\"email\":\"jane@example.com\",", "")
        c["first_name|Value with higher length"] = { $0.api("GET", "/customers/search?first_name=\(long)&last_name=B&dob=1985-03-14") }
        c["first_name|Not sent"] = { $0.api("GET", "/customers/search?last_name=B&dob=1985-03-14") }
        c["first_name|Value different to a string."] = apply("\"first_name\":\"Jane\"", "\"first_name\":{}")
        c["full_release|Different to the available values."] = { $0.api("POST", "/authorization/1000000000000005/release", body: #"{"full_release":"yes"}"#) }
        c["full_return|Different to the available values."] = {
            $0.api("POST", "/authorization/1000000000000001/capture/100000001/return", body: #"{"full_return":"yes"}"#)
        }
        c["household_income|Value negative."] = applyExtra(",\"household_income\":-1")
        c["household_income|Value with higher precision"] = applyExtra(",\"household_income\":1.001")
        c["household_income|Value different to a number."] = applyExtra(",\"household_income\":\"lots\"")
        c["housing_type|Different to the available values."] = applyExtra(",\"housing_type\":\"castle\"")
        c["lang|Different to the available values."] = { $0.api("GET", "/customers/lookup?account_number=116994755&lang=de") }
        c["last_name|Value with higher length"] = { $0.api("GET", "/customers/search?first_name=A&last_name=\(long)&dob=1985-03-14") }
        c["last_name|Value different to a string."] = apply("\"last_name\":\"Applicant\"", "\"last_name\":7")
        c["merchant_password|Value different to a string."] = { $0.api("POST", "/merchants/login", body: #"{"merchant_username":"u","merchant_password":true}"#) }
        c["merchant_password|Value with higher length"] = { $0.api("POST", "/merchants/login", body: "{\"merchant_username\":\"u\",\"merchant_password\":\"\(long)\"}") }
        c["merchant_username|Value with higher length"] = { $0.api("POST", "/merchants/login", body: "{\"merchant_username\":\"\(long)\",\"merchant_password\":\"p\"}") }
        c["merchant_username|Value different to a string."] = { $0.api("POST", "/merchants/login", body: #"{"merchant_username":[],"merchant_password":"p"}"#) }
        c["middle_name|Value with higher length"] = apply("A-RR_L", long)
        c["middle_name|Value different to a string."] = apply("\"A-RR_L\"", "false")
        c["monthly_housing_expenses|Value with higher precision"] = applyExtra(",\"monthly_housing_expenses\":1.001")
        c["monthly_housing_expenses|Value different to a number."] = applyExtra(",\"monthly_housing_expenses\":\"x\"")
        c["page_number|Not sent"] = { $0.api("GET", "/captures") }
        c["page_number|Value different to a number."] = { $0.api("GET", "/captures?page_number=one") }
        c["page_size|Value different to a number."] = { $0.api("GET", "/captures?page_number=1&page_size=ten") }
        c["personal_income|Value with higher precision"] = applyExtra(",\"personal_income\":1.001")
        c["personal_income|Value different to a number."] = applyExtra(",\"personal_income\":\"x\"")
        c["phone_number|Value with higher precision"] = apply("4165550199", "41655501990")
        c["phone_number|Not sent"] = apply("\"phone_number\":\"4165550199\",", "")
        c["phone_number|Value different to a number."] = apply("4165550199", "call-me")
        c["piw|Value with higher length"] = { $0.api("POST", "/account/116994755/verify", body: "{\"piw\":\"\(long)\"}") }
        c["piw|Value different to a string."] = { $0.api("POST", "/account/116994755/verify", body: #"{"piw":{}}"#) }
        c["plan_id|Value zero or negative."] = auth("\"plan_id\":4", "\"plan_id\":0")
        c["plan_id|Value with decimals."] = auth("\"plan_id\":4", "\"plan_id\":4.5")
        c["plan_id|Value with higher precision"] = auth("\"plan_id\":4", "\"plan_id\":4000")
        c["plan_id|Not sent"] = auth("\"plan_id\":4,", "")
        c["plan_id|Value different to a number."] = auth("\"plan_id\":4", "\"plan_id\":\"four\"")
        c["postal_code|Value with higher length"] = apply("M5V2T6", "M5V2T6M5V2T6")
        c["postal_code|Value different to a string."] = apply("\"M5V2T6\"", "[]")
        c["province|Different to the available values."] = apply("\"ON\"", "\"XX\"")
        c["province|Value different to a string."] = apply("\"ON\"", "5")
        c["reference|Value with higher length"] = auth("\"Order-1\"", "\"\(long)\"")
        c["reference|Value different to a string."] = auth("\"Order-1\"", "{}")
        c["salutation|Different to the available values."] = applyExtra(",\"salutation\":\"dr\"")
        c["salutation|Value different to a string."] = applyExtra(",\"salutation\":1")
        let vq = #"{"format":"security_question","security_qid":4,"security_answer":"buddy"}"#
        func verify(_ r: String, _ w: String) -> Call { { $0.api("POST", "/account/116994755/verify", body: vq.replacingOccurrences(of: r, with: w)) } }
        c["security_answer|Not sent"] = verify(",\"security_answer\":\"buddy\"", "")
        c["security_answer|Value different to a string."] = verify("\"buddy\"", "[]")
        c["security_answer|Value with higher length"] = verify("buddy", long)
        c["security_qid|Value zero or negative."] = verify("\"security_qid\":4", "\"security_qid\":-4")
        c["security_qid|Value with decimals."] = verify("\"security_qid\":4", "\"security_qid\":4.2")
        c["security_qid|Value with higher precision"] = verify("\"security_qid\":4", "\"security_qid\":123456")
        c["security_qid|Not sent"] = verify("\"security_qid\":4,", "")
        c["security_qid|Value different to a number."] = verify("\"security_qid\":4", "\"security_qid\":\"four\"")
        c["sin|Value zero or negative."] = applyExtra(",\"sin\":-1")
        c["sin|Value with decimals."] = applyExtra(",\"sin\":123456789.5")
        c["sin|Value with higher precision"] = applyExtra(",\"sin\":1234567890")
        c["sin|Value different to a number."] = applyExtra(",\"sin\":\"abc\"")
        c["term|Value zero or negative."] = auth("\"term\":12", "\"term\":0")
        c["term|Value with decimals."] = auth("\"term\":12", "\"term\":12.5")
        c["term|Value with higher precision"] = auth("\"term\":12", "\"term\":1200")
        c["term|Not sent"] = auth(",\"term\":12", "")
        c["term|Value different to a number."] = auth("\"term\":12", "\"term\":\"twelve\"")
        c["tos_agreement|Different to the available values."] = { h in
            h.api("POST", "/widget/init", body: h.applyBody(tos: "\"maybe\"").replacingOccurrences(of: "{\"customer_identification\"", with: "{\"flow\":\"apply\",\"customer_identification\""))
        }
        c["transaction_type|Different to the available values."] = auth("\"promotional_purchase\"", "\"layaway\"")
        c["transaction_type|Not sent"] = auth("\"transaction_type\":\"promotional_purchase\",", "")
        c["vcc_number|Value zero or negative."] = authExtra(",\"vcc_number\":\"-1070015210367982\"")
        c["vcc_number|Value with decimals."] = authExtra(",\"vcc_number\":1070015210367982.5")
        c["vcc_number|Value with higher precision"] = authExtra(",\"vcc_number\":\"10700152103679821\"")
        c["vcc_number|Value different to a number."] = authExtra(",\"vcc_number\":\"1070-0152-1036-79\"")
        c["verification_code|Value zero or negative."] = auth("\"verification_code\":1234", "\"verification_code\":-1")
        c["verification_code|Value with decimals."] = auth("\"verification_code\":1234", "\"verification_code\":12.5")
        c["verification_code|Value with higher precision"] = auth("\"verification_code\":1234", "\"verification_code\":123456789")
        c["verification_code|Not sent"] = auth("\"verification_code\":1234,", "")
        c["verification_code|Value different to a number."] = auth("\"verification_code\":1234", "\"verification_code\":\"abcd\"")
        return c
    }

    func testEveryParameterValidationRow() throws {
        let h = try Harness()
        let cases = Self.cases()
        var covered = 0, skipped = 0
        for rule in ErrorTables.parameterRules {
            let f = [rule.param, rule.scenario, rule.type]
            let key = "\(f[0])|\(f[1])"
            if Self.notApplicable[key] != nil || Self.notApplicable[f[0]] != nil {
                XCTAssertNil(cases[key], "\(key) is both covered and listed as not applicable")
                skipped += 1
                continue
            }
            guard let call = cases[key] else { XCTFail("no case for \(key)"); continue }
            h.sandbox.reset()
            let r = call(h)
            XCTAssertAPIError(r, 409, "wrong_inputs")
            let match = fieldErrors(r).contains { $0.param == f[0] && $0.type == f[2] }
            XCTAssertTrue(match, "\(key): expected \(f[0])/\(f[2]), got \(r.text)")
            if match { covered += 1 }
        }
        XCTAssertEqual(covered + skipped, 150)
        print("parameter_validations.tsv: \(covered) rows produced, \(skipped) not applicable")
    }
}
