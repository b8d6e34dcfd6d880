import XCTest
@testable import FlexitiSandbox

/// Purchase-flow helpers shared by the endpoint tests and the error walk.
extension Harness {
    static let answers: [Int64: (Int, String)] = [
        116994755: (4, "buddy"), 116994756: (7, "rue principale"), 116994757: (5, "japan"), 116994762: (7, "elm street"),
        116994763: (5, "iceland"), 116994764: (6, "metallica"), 116994765: (8, "jones"), 116994766: (9, "jaws"),
    ]

    /// A PIN from /verify (security question) for `account`, bound to `requestId`.
    func pin(_ account: Int64 = 116994755, requestId: String = "req-1", client: String = "flexitidemo") -> String {
        let (qid, answer) = Self.answers[account] ?? (4, "buddy")
        let r = api("POST", "/account/\(account)/verify", body: """
            {"format":"security_question","security_qid":\(qid),"security_answer":"\(answer)","request_id":"\(requestId)"}
            """, client: client)
        return r["verification_code"]?.scalarText ?? "no-pin"
    }

    func authBody(account: Int64 = 116994755, amount: String = "100.00", autoCapture: Bool = true, pin: String?,
                  requestId: String = "req-1", plan: Int = 4, term: Int = 12, extra: String = "") -> String {
        """
        {"account_number":\(account),"amount":\(amount),"auto_capture":\(autoCapture),\
        "financing_option":{"transaction_type":"promotional_purchase","plan_id":\(plan),"term":\(term)},\
        \(pin.map { "\"verification_code\":\($0)," } ?? "")"request_id":"\(requestId)","reference":"Order-1",\
        "external_location_id":"00-12345","external_employee_id":"12345-SMITH"\(extra)}
        """
    }

    /// An in-store promotional authorization on 116994755; returns the response.
    func authorize(amount: String = "100.00", autoCapture: Bool = true, account: Int64 = 116994755) -> HTTPResult {
        let p = pin(account)
        return api("POST", "/authorization", body: authBody(account: account, amount: amount, autoCapture: autoCapture, pin: p))
    }

    func applyBody(middle: String = "A-RR_L", first: String = "Jane", last: String = "Applicant", tos: String = "true",
                   extra: String = ",\"external_location_id\":\"00-12345\"", accountType: String = "consumer") -> String {
        """
        {"customer_identification":{"personal_information":{"first_name":"\(first)","middle_name":"\(middle)",\
        "last_name":"\(last)","dob":"1990-05-05","postal_code":"M5V2T6"}},"tos_agreement":\(tos),\
        "email":"jane@example.com","phone_number":"4165550199","address_1":"1 Test St","city":"Toronto",\
        "province":"ON","account_type":"\(accountType)"\(extra)}
        """
    }
}
