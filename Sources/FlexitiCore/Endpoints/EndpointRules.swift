/// What a 2xx answer must contain to be a success (docs/errors.md, "What a success must carry"):
/// the shapes, and the check. Each endpoint's shape is in the Endpoints table (Endpoint.swift).

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

/// An endpoint's answer shape as a plain value (Endpoint stores it; Endpoints lists each one's).
enum AnswerRule: UInt8, Sendable {
    case emptyObject, object, nonEmptyObject, search
    case token, account, verification, interest, authorization, capture, returned
    case authorizations, captures, terms, widget, application

    var shape: AnswerShape {
        switch self {
        case .emptyObject: return .emptyObject
        case .object: return .object
        case .nonEmptyObject: return .nonEmptyObject
        case .search: return .search
        case .token: return AnswerRule.tokenShape
        case .account: return AnswerRule.accountShape
        case .verification: return AnswerRule.verificationShape
        case .interest: return AnswerRule.interestShape
        case .authorization: return AnswerRule.authorizationShape
        case .capture: return AnswerRule.captureShape
        case .returned: return AnswerRule.returnShape
        case .authorizations: return AnswerRule.authorizationsShape
        case .captures: return AnswerRule.capturesShape
        case .terms: return AnswerRule.termsShape
        case .widget: return AnswerRule.widgetShape
        case .application: return AnswerRule.applicationShape
        }
    }

    // Made once, not for every answer.
    private static let tokenShape: AnswerShape = .objectWithAll(["access_token", "expires_in"])
    private static let accountShape: AnswerShape = .objectWith(["account_number"])
    private static let verificationShape: AnswerShape = .objectWith(["verification_code"])
    private static let interestShape: AnswerShape = .objectWith(["regular_purchase", "promotional_purchase"])
    private static let authorizationShape: AnswerShape = .objectWith(["authorization_id", "id"])
    private static let captureShape: AnswerShape = .objectWith(["capture_id", "id"])
    private static let returnShape: AnswerShape = .objectWith(["return_id", "id"])
    private static let authorizationsShape: AnswerShape = .list("authorizations")
    private static let capturesShape: AnswerShape = .list("captures")
    private static let termsShape: AnswerShape = .objectWith(["terms_and_conditions"])
    private static let widgetShape: AnswerShape = .objectWith(["redirection_url"])
    private static let applicationShape: AnswerShape = .objectWith(["decision", "status", "application_status"])
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
