/// POST account/{account_number}/verify (Flexiti's API reference): issues the one-time PIN ("dynamic PIN").
/// PINs are 4 digits, single use, valid 10 minutes, bound to account + request_id (ASSUMPTION).
/// sms/email PINs are not returned; in the sandbox they are always the test PIN 2222.
enum Verify {
    static let pinLifetime: Int64 = 600
    static let testPIN = "2222"
    static let formats = ["sms", "email", "security_question", "merchant_override", "regular_purchase_bypass"]

    static func handle(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        let number = try Common.pathAccountNumber(req)
        var v = Validator()
        let format = v.oneOf("format", req.field("format"), formats) ?? (req.field("format") == nil ? "sms" : "")
        var qid: Int64?
        var answer: String?
        if format == "security_question" {
            qid = v.integer("security_qid", req.field("security_qid"), digits: 5)
            answer = v.string("security_answer", req.field("security_answer"), maxLength: 50, required: true)
        }
        let requestId = v.string("request_id", req.field("request_id"), maxLength: 150, allowNumber: true)
        let vcc = v.vcc("vcc_number", req.field("vcc_number"))
        let piw = v.string("piw", req.field("piw"), maxLength: 50)
        try v.check(route: req.route)

        var a = try Common.account(state, number, route: req.route)
        if let vcc, state.vccs[vcc]?.0 != number {
            throw APIError.notFound(route: req.route, message: "VCC \(vcc) not found on account \(number)")
        }
        // ASSUMPTION: no piw field is documented; when one is sent it must match the seed's piw.
        if let piw, piw.lowercased() != (a.seed.piw ?? "").lowercased() {
            throw APIError.documented("piw_mismatch", route: req.route)
        }

        var code: String
        var returned: JSON
        var regularOnly = false
        switch format {
        case "sms":
            guard let phone = a.seed.phoneNumber, phone.count == 10, phone.isAllASCIIDigits else {
                throw APIError.documented("sms_not_valid_phone", route: req.route)
            }
            code = testPIN
            returned = .string("verification_sent_to_sms")
        case "email":
            guard let email = a.seed.email, email.contains("@") else {
                throw APIError.wrongInputs([FieldError(param: "format", msg: "no email address on file", value: .string("email"),
                                                       type: "invalid")], route: req.route)
            }
            code = testPIN
            returned = .string("verification_sent_to_email")
        case "security_question":
            let window = req.now - 48 * 3600
            a.wrongAnswers.removeAll { $0 <= window }
            // A fourth attempt after three wrong answers within 48 h is refused, right or wrong.
            if a.wrongAnswers.count >= 3 {
                if Int64(a.seed.securityQid) != qid || answer?.trimmingWhitespace().lowercased() != a.seed.securityAnswer.lowercased() {
                    a.wrongAnswers.append(req.now)
                }
                state.accounts[number] = a
                throw APIError.documented("tries_exceed", route: req.route)
            }
            guard Int64(a.seed.securityQid) == qid,
                  answer?.trimmingWhitespace().lowercased() == a.seed.securityAnswer.lowercased() else {
                a.wrongAnswers.append(req.now)
                state.accounts[number] = a
                throw APIError.documented("secret_answer_mismatch", route: req.route)
            }
            code = newPIN(&state)
            returned = .number(code)
        case "merchant_override":
            guard req.client?.merchant.merchantOverrideAllowed == true else {
                throw APIError.documented("merchant_override_is_not_allowed", route: req.route)
            }
            code = newPIN(&state)
            returned = .number(code)
        default: // regular_purchase_bypass
            guard req.token?.scope == "merchant", req.client?.merchant.regularPurchaseAllowed == true,
                  bypassQualifies(a, now: req.now) else {
                throw APIError.documented("regular_purchase_bypass_is_not_allowed", route: req.route)
            }
            code = newPIN(&state)
            returned = .number(code)
            regularOnly = true
        }
        state.accounts[number] = a
        state.pins["\(number)|\(code)|\(requestId ?? "")"] = PinState(
            code: code, accountNumber: number, requestId: requestId, regularOnly: regularOnly,
            expiresAt: req.now + pinLifetime)
        return Reply(body: .object([("verification_code", returned)]))
    }

    /// At most 3 regular purchases in the past 24 h (the amount ≤ $200 part is checked at authorization).
    static func bypassQualifies(_ a: AccountState, now: Int64) -> Bool {
        a.regularPurchases.filter { $0 > now - Time.day }.count <= 3
    }

    static func newPIN(_ state: inout State) -> String {
        state.pinCounter += 1
        // Deterministic but varied 4-digit PINs that never equal the test PIN.
        var pin = 1000 + (state.pinCounter * 7919) % 9000
        if pin == 2222 { pin = 2223 }
        return String(pin)
    }

    enum PinCheck { case ok(PinState), wrongCode, wrongRequest }

    /// Finds the PIN for account + code; distinguishes a wrong code from a request_id mismatch.
    static func check(_ state: State, account: Int64, code: String, requestId: String?, now: Int64) -> PinCheck {
        let candidates = state.pins.values.filter { $0.accountNumber == account && $0.code == code && $0.expiresAt > now }
        if let exact = candidates.first(where: { $0.requestId == requestId }) { return .ok(exact) }
        return candidates.isEmpty ? .wrongCode : .wrongRequest
    }

    static func consume(_ state: inout State, _ pin: PinState) {
        state.pins["\(pin.accountNumber)|\(pin.code)|\(pin.requestId ?? "")"] = nil
    }
}
