/// Per-endpoint rules in one place (docs/errors.md, "What a success must carry"): which
/// endpoints change state at Flexiti, and what a 2xx answer must contain to be a success.

/// What a 2xx answer must be.
package enum AnswerShape: Sendable, Equatable {
    /// The documented answer is `{}`: an empty body or any JSON object is a success.
    case emptyObject
    /// A JSON object, possibly `{}` (answers whose content is not relied on).
    case object
    /// A JSON object with at least one member (undocumented answers of calls that must say something).
    case nonEmptyObject
    /// A JSON object in which at least one of these keys has a non-empty text or number value.
    case objectWith([String])
    /// A JSON object in which every one of these keys has a non-empty text or number value.
    case objectWithAll([String])
    /// A listing page: a bare JSON array, or an object whose `key` (or items/data/results) is an array.
    case list(String)
    /// Customer search: a JSON array of objects, or one object with a customer_id.
    case search
}

extension Endpoint {
    /// What this endpoint's 2xx answer must carry.
    package var answerShape: AnswerShape {
        switch (method, template) {
        case (.post, Endpoints.token.template): return .objectWithAll(["access_token", "expires_in"])
        case (_, Endpoints.customersSearch.template): return .search
        case (_, Endpoints.customersLookup.template): return .objectWith(["account_number"])
        case (_, Endpoints.verify.template): return .objectWith(["verification_code"])
        case (_, Endpoints.calculateInterest.template): return .objectWith(["regular_purchase", "promotional_purchase"])
        case (_, Endpoints.transactions.template): return .nonEmptyObject
        case (_, Endpoints.authorize.template), (_, Endpoints.getAuthorization.template):
            return .objectWith(["authorization_id", "id"])
        case (_, Endpoints.release.template): return .nonEmptyObject
        case (_, Endpoints.capture.template): return .objectWith(["capture_id", "id"])
        case (_, Endpoints.returnCapture.template): return .objectWith(["return_id", "id"])
        case (_, Endpoints.refund.template), (_, Endpoints.close.template): return .emptyObject
        case (_, Endpoints.listAuthorizations.template): return .list("authorizations")
        case (_, Endpoints.listCaptures.template): return .list("captures")
        case (_, Endpoints.driversLicense.template): return .object
        case (_, Endpoints.i18n.template): return .nonEmptyObject
        case (_, Endpoints.termsAndConditions.template): return .objectWith(["terms_and_conditions"])
        case (_, Endpoints.widgetInit.template): return .objectWith(["redirection_url"])
        case (_, Endpoints.apply.template): return .objectWith(["decision", "status", "application_status"])
        default: return .object
        }
    }
}

enum AnswerCheck {
    /// Why a 2xx answer is not a success, or nil when it is. `empty`: the body had no content.
    static func problem(_ json: JSONNode, empty: Bool, shape: AnswerShape) -> String? {
        if let e = json["error"]?.text, !e.isEmpty { return "the answer carries the error \"\(e)\"" }
        if empty { return shape == .emptyObject ? nil : "the answer is empty" }
        func present(_ k: String) -> Bool {
            guard let v = json[k] else { return false }
            switch v.kind {
            case .string: return v.withText { !$0.isEmpty } ?? false
            case .number, .object: return true
            case .array: return v.count > 0
            default: return false
            }
        }
        switch shape {
        case .list(let key):
            if json.kind == .array { return nil }
            guard json.isObject else { return "the answer is not a JSON object or array" }
            return json.first(key, "items", "data", "results")?.kind == .array ? nil : "the answer has no list of \(key)"
        case .search:
            if json.kind == .array {
                return (0..<json.count).allSatisfy { json.item($0)?.isObject == true } ? nil : "the answer is not an array of accounts"
            }
            return json.isObject && present("customer_id") ? nil : "the answer is not an array of accounts"
        default:
            break
        }
        guard json.isObject else { return "the answer is not a JSON object" }
        switch shape {
        case .nonEmptyObject:
            return json.memberCount == 0 ? "the answer is an empty object" : nil
        case .objectWith(let keys):
            return keys.contains(where: present) ? nil : "the answer has no \(keys.joined(separator: " or "))"
        case .objectWithAll(let keys):
            let missing = keys.filter { !present($0) }
            return missing.isEmpty ? nil : "the answer has no \(missing.joined(separator: " or "))"
        default:
            return nil
        }
    }
}
