/// POST account/{account_number}/verify (Flexiti's API reference): the in-store dynamic PIN.
package enum VerifyFormat: String, Sendable, CaseIterable {
    case sms
    case email
    case securityQuestion = "security_question"
    case merchantOverride = "merchant_override"
    case regularPurchaseBypass = "regular_purchase_bypass"
}

package struct VerifyRequest: Sendable {
    /// The primary account holder's account number.
    package var accountNumber: String
    package var format: VerifyFormat
    /// For .securityQuestion: the id from lookup's security_qid.id.
    package var securityQid: Int64?
    /// For .securityQuestion. A secret: sent, never echoed in errors, wiped with the request.
    package var securityAnswer: Secret?
    /// Ties the verification to the purchase; generated when nil.
    package var requestId: String?
    /// The authorized user's card of a business account, sent alongside the primary's number.
    package var vccNumber: String?

    package init(accountNumber: String, format: VerifyFormat) {
        self.accountNumber = accountNumber
        self.format = format
    }
}

/// The answer of verify. For sms and email the PIN went to the customer (`sentTo`); for the
/// other formats it is in `code`.
package struct Verification: Sendable {
    package let requestId: String
    package let format: VerifyFormat
    /// The PIN when the answer carried it (empty Secret when it was sent to the customer).
    package let code: Secret
    /// "sms" or "email" when the answer says the PIN was sent there; nil when it carried the PIN.
    package let sentTo: String?
}

extension Session {
    package func verify(_ req: VerifyRequest) -> Result<Verification, FlexitiError> {
        // Never send a security answer where it was not asked for. Values are the validator's
        // (Session.send): a missing question or answer is "Not sent", a qid of 0 or less
        // "Value zero or negative.", all of them at once.
        if req.format != .securityQuestion && (req.securityQid != nil || req.securityAnswer != nil) {
            return .failure(FlexitiError.invalidArgument("security_qid and security_answer are only for the security_question format").before(Endpoints.verify))
        }

        let requestId = req.requestId ?? Identifiers.verifyRequestId()
        var body: [(String, JSONValue)] = [("format", .string(req.format.rawValue)), ("request_id", .string(requestId))]
        if let q = req.securityQid { body.append(("security_qid", .number(String(q)))) }
        if let a = req.securityAnswer { body.append(("security_answer", .string(a.reveal()))) }
        if let v = req.vccNumber { body.append(("vcc_number", .string(v))) }
        var call = APICall(Endpoints.verify)
        call.pathParams = ["client_id": configuration.clientId, "account_number": req.accountNumber]
        call.body = .object(body)
        return send(call).flatMap { r in
            guard let value = r.json["verification_code"]?.text, !value.isEmpty else {
                return .failure(r.failure(.malformedResponse, "verify answer has no verification_code"))
            }
            // "verification_sent_to_sms" / "verification_sent_to_email" (the latter an assumption, see docs/assumptions.md).
            let sentPrefix = "verification_sent_to_"
            if value.hasPrefix(sentPrefix) {
                return .success(Verification(requestId: requestId, format: req.format, code: Secret(""),
                                             sentTo: String(value.dropFirst(sentPrefix.count))))
            }
            return .success(Verification(requestId: requestId, format: req.format, code: Secret(value), sentTo: nil))
        }
    }
}

extension Identifiers {
    /// A verify request_id when the caller gives none: 32 hex characters (ASCII(150) allowed).
    package static func verifyRequestId() -> String { randomHex(bytes: 16) }
}
