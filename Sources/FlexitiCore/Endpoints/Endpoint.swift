/// The API version segment of a path.
package enum APIVersion: String, Sendable {
    case v25 = "v2.5"
    case v251 = "v2.5.1"

    /// "/v2.5": what a path starts with.
    var segment: String {
        switch self {
        case .v25: return "/v2.5"
        case .v251: return "/v2.5.1"
        }
    }
}

/// One endpoint of the Flexiti POS API. `template` is spelled exactly as in endpoint_errors.tsv,
/// so the error tables are looked up by it.
package struct Endpoint: Sendable {
    package let method: HTTPMethod
    package let template: String
    package let version: APIVersion
    /// Requests that move money: never retried blindly, sent with an idempotency key, and a lost
    /// answer is "outcome unknown" rather than "failed".
    package let movesMoney: Bool
    /// The call changes something at Flexiti (money, an account, a verification attempt, a widget
    /// session), so a repeat is harmful unless an idempotency key protects it (Repeat).
    package let changesState: Bool
    /// POST /oauth/token, counted apart from the call it is made for.
    let isToken: Bool
    /// What this endpoint's 2xx answer must carry (EndpointRules). Stored as a plain value, not
    /// looked up by template: every answer reads it, and the endpoint stays cheap to copy.
    let answer: AnswerRule
    package var answerShape: AnswerShape { answer.shape }

    init(method: HTTPMethod, template: String, version: APIVersion, movesMoney: Bool, changesState: Bool = false,
         answer: AnswerRule = .object) {
        self.method = method
        self.template = template
        self.version = version
        self.movesMoney = movesMoney
        self.changesState = movesMoney || changesState
        self.isToken = method == .post && template == "/oauth/token"
        self.answer = answer
    }

    /// Fills `{name}` placeholders with percent-encoded values.
    func path(_ params: [String: String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(template.utf8.count + 32)
        writePath(params, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `path(params)` appended to `out`.
    func writePath(_ params: [String: String], into out: inout [UInt8]) {
        writePath({ params[$0] }, into: &out)
    }

    /// The same with each placeholder's value from `value` (nil: empty).
    func writePath(_ value: (String) -> String?, into out: inout [UInt8]) {
        // Byte-wise over the template's storage: walking Characters (or even UTF8View slices)
        // showed up in the benchmark's profile of every call.
        var t = template
        t.withUTF8 { tb in
            var literal = 0  // start of the text not yet copied
            var i = 0
            while i < tb.count {
                if tb[i] == UInt8(ascii: "{"), let close = tb[i...].firstIndex(of: UInt8(ascii: "}")) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: tb[literal..<i]))
                    let name = String(decoding: UnsafeBufferPointer(rebasing: tb[(i + 1)..<close]), as: UTF8.self)
                    PercentEncoding.write(value(name) ?? "", into: &out)
                    i = close + 1
                    literal = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: tb[literal..<tb.count]))
        }
    }
}

/// Every endpoint the library calls, in one table (Flexiti's API reference). Version choice follows the
/// Versions (an assumption, see docs/assumptions.md): v2.5.1 for calculate-interest, authorization (POST and GET), authorizations,
/// captures and transactions; v2.5 for the rest.
package enum Endpoints {
    package static let token = Endpoint(method: .post, template: "/oauth/token", version: .v25, movesMoney: false,
        answer: .token)
    package static let customersSearch = Endpoint(method: .get, template: "/client-id/{client_id}/customers/search", version: .v25, movesMoney: false,
        answer: .search)
    package static let customersLookup = Endpoint(method: .get, template: "/client-id/{client_id}/customers/lookup", version: .v25, movesMoney: false,
        answer: .account)
    package static let verify = Endpoint(method: .post, template: "/client-id/{client_id}/account/{account_number}/verify", version: .v25, movesMoney: false, changesState: true,
        answer: .verification)
    package static let calculateInterest = Endpoint(method: .post, template: "/client-id/{client_id}/accounts/{account_number}/calculate-interest", version: .v251, movesMoney: false,
        answer: .interest)
    package static let transactions = Endpoint(method: .post, template: "/client-id/{client_id}/transactions", version: .v251, movesMoney: true,
        answer: .nonEmptyObject)
    package static let authorize = Endpoint(method: .post, template: "/client-id/{client_id}/authorization", version: .v251, movesMoney: true,
        answer: .authorization)
    package static let release = Endpoint(method: .post, template: "/client-id/{client_id}/authorization/{authorizationId}/release", version: .v25, movesMoney: true,
        answer: .nonEmptyObject)
    package static let capture = Endpoint(method: .post, template: "/client-id/{client_id}/authorization/{authorizationId}/capture", version: .v25, movesMoney: true,
        answer: .capture)
    package static let returnCapture = Endpoint(method: .post, template: "/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return", version: .v25, movesMoney: true,
        answer: .returned)
    package static let refund = Endpoint(method: .post, template: "/client-id/{client_id}/accounts/{account_number}/refund", version: .v25, movesMoney: true,
        answer: .emptyObject)
    package static let listAuthorizations = Endpoint(method: .get, template: "/client-id/{client_id}/authorizations", version: .v251, movesMoney: false,
        answer: .authorizations)
    package static let getAuthorization = Endpoint(method: .get, template: "/client-id/{client_id}/authorization/{authorizationId}", version: .v251, movesMoney: false,
        answer: .authorization)
    package static let listCaptures = Endpoint(method: .get, template: "/client-id/{client_id}/captures", version: .v251, movesMoney: false,
        answer: .captures)
    package static let close = Endpoint(method: .post, template: "/client-id/{client_id}/accounts/{account_number}/close", version: .v25, movesMoney: false, changesState: true,
        answer: .emptyObject)
    package static let driversLicense = Endpoint(method: .post, template: "/client-id/{client_id}/customers/driverslicense", version: .v25, movesMoney: false,
        answer: .object)
    package static let i18n = Endpoint(method: .get, template: "/client-id/{client_id}/i18n", version: .v25, movesMoney: false,
        answer: .nonEmptyObject)
    package static let termsAndConditions = Endpoint(method: .get, template: "/client-id/{client_id}/terms-and-conditions", version: .v25, movesMoney: false,
        answer: .terms)
    package static let widgetInit = Endpoint(method: .post, template: "/client-id/{client_id}/widget/init", version: .v25, movesMoney: false, changesState: true,
        answer: .widget)
    package static let apply = Endpoint(method: .post, template: "/client-id/{client_id}/apply", version: .v25, movesMoney: false, changesState: true,
        answer: .application)

    package static let all: [Endpoint] = [
        token, customersSearch, customersLookup, verify, calculateInterest, transactions, authorize,
        release, capture, returnCapture, refund, listAuthorizations, getAuthorization, listCaptures,
        close, driversLicense, i18n, termsAndConditions, widgetInit, apply,
    ]
}

package enum PercentEncoding {
    /// RFC 3986 unreserved characters pass; every other byte is %XX.
    package static func encode(_ s: String) -> String {
        if s.utf8.allSatisfy(isUnreserved) { return s }  // the usual case: ids and digits
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            if isUnreserved(b) { out.append(b) } else {
                out.append(0x25); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `encode` of these bytes appended to `out` (a secret's, without a String copy of it).
    static func write(bytes b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if !b.contains(where: { !isUnreserved($0) }) { out.append(contentsOf: b); return }
        let hex: StaticString = "0123456789ABCDEF"
        hex.withUTF8Buffer { h in
            for c in b {
                if isUnreserved(c) { out.append(c) } else {
                    out.append(0x25); out.append(h[Int(c >> 4)]); out.append(h[Int(c & 0xF)])
                }
            }
        }
    }

    /// `encode(s)` appended to `out`.
    static func write(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            if b.allSatisfy(isUnreserved) { out.append(contentsOf: b); return }
            let hex: StaticString = "0123456789ABCDEF"
            hex.withUTF8Buffer { h in
                for c in b {
                    if isUnreserved(c) { out.append(c) } else {
                        out.append(0x25); out.append(h[Int(c >> 4)]); out.append(h[Int(c & 0xF)])
                    }
                }
            }
        }
    }

    static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
    }

    package static func form(_ pairs: [(String, String)]) -> String {
        var out = ""
        for (k, v) in pairs {
            if !out.isEmpty { out += "&" }
            out += encode(k)
            out += "="
            out += encode(v)
        }
        return out
    }
}
