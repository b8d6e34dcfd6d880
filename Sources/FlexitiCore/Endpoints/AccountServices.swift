/// The other customer-facing endpoints (Flexiti's API reference): close, driverslicense, i18n,
/// terms-and-conditions. Their answers are kept as JSON and read by the C layer.

/// An answer whose shape is only partly documented (driver's licence, i18n, terms).
package struct JSONAnswer: AnswerRecord {
    package let json: JSONNode
    package init(json: JSONNode) { self.json = json }
}

extension Session {
    /// POST accounts/{account_number}/close: closes a Quebec account. No body; success is `{}`.
    package func closeAccount(accountNumber: String) -> Result<Void, FlexitiError> {
        var call = APICall(Endpoints.close)
        call.pathParams = ["client_id": configuration.clientId, "account_number": accountNumber]
        return send(call).map { _ in () }
    }

    /// POST customers/driverslicense: decodes the raw PDF417 (AAMVA) text of a licence.
    package func decodeDriversLicense(code: String) -> Result<JSONAnswer, FlexitiError> {
        var call = APICall(Endpoints.driversLicense)
        call.pathParams = ["client_id": configuration.clientId]
        call.body = .object([("code", .string(code))])
        return send(call).flatMap { $0.object("driverslicense").map(JSONAnswer.init(json:)) }
    }

    /// GET i18n (the error table's method). Assumption (docs/assumptions.md): `lang` (from the session) and an
    /// answer of named option lists like merchants/login's form_values.
    package func i18n() -> Result<JSONAnswer, FlexitiError> {
        var call = APICall(Endpoints.i18n)
        call.pathParams = ["client_id": configuration.clientId]
        return send(call).flatMap { $0.object("i18n").map(JSONAnswer.init(json:)) }
    }

    /// GET terms-and-conditions. Assumption (docs/assumptions.md): optional `province` and `account_type`
    /// queries (plus the session's lang); the answer carries `terms_and_conditions`.
    package func termsAndConditions(province: String?, accountType: String?) -> Result<JSONAnswer, FlexitiError> {
        var call = APICall(Endpoints.termsAndConditions)
        call.pathParams = ["client_id": configuration.clientId]
        if let p = province { call.query.append(("province", p)) }
        if let t = accountType { call.query.append(("account_type", t)) }
        return send(call).flatMap { $0.object("terms-and-conditions").map(JSONAnswer.init(json:)) }
    }
}
