/// Removes the secrets a request carried from the error its answer produced: a server that
/// echoes the request (in `message`, a field error, any field) must not put the client secret,
/// the token or a PIN into an error object. The library knows every secret it sent, so it looks
/// for their values, whatever field or name the server uses.
package enum Redaction {
    /// What replaces a secret in error text.
    package static let mark = "[redacted]"
    /// Shorter values are not searched for: they would blank ordinary text (no secret the API
    /// takes is this short).
    static let minimumLength = 3

    /// The secret values `request` carries: the bearer token, the client secret (also as the
    /// form-encoded text of the token request) and every string in the JSON body under a
    /// secret parameter's name (verification code, security answer, PIW, SIN...).
    static func secrets(of request: HTTPRequest, clientSecret: Secret) -> [String] {
        var out: [String] = []
        let secret = clientSecret.reveal()
        out.append(secret)
        out.append(PercentEncoding.encode(secret))
        for (name, value) in request.headers where name == "authorization" && value.hasPrefix("Bearer ") {
            out.append(String(value.dropFirst(7)))
        }
        if let body = request.body, request.headers.contains(where: { $0 == ("content-type", "application/json") }),
           let json = JSONParser.parse(body) {
            collect(json, into: &out)
        }
        return out.filter { $0.utf8.count >= minimumLength }
    }

    private static func collect(_ json: JSONValue, into out: inout [String]) {
        switch json {
        case let .object(members):
            for (key, value) in members {
                if SecretParameters.names.contains(key) || SecretParameters.names.contains(key.lowercased()), let t = value.text {
                    out.append(t)
                } else {
                    collect(value, into: &out)
                }
            }
        case let .array(items):
            for item in items { collect(item, into: &out) }
        default:
            break
        }
    }

    /// `error` with every occurrence of each secret replaced by `mark` in each of its strings.
    package static func scrub(_ error: FlexitiError, secrets: [String]) -> FlexitiError {
        let needles = secrets.filter { $0.utf8.count >= minimumLength }
        guard !needles.isEmpty else { return error }
        func clean(_ s: String) -> String { needles.reduce(s) { removing($1, from: $0) } }
        var e = error
        e.message = clean(e.message)
        e.apiError = clean(e.apiError)
        e.scenario = clean(e.scenario)
        e.path = clean(e.path)
        e.transportDetail = clean(e.transportDetail)
        e.fieldErrors = e.fieldErrors.map { f in
            FieldError(param: clean(f.param), msg: clean(f.msg), value: clean(f.value), type: clean(f.type))
        }
        return e
    }

    /// `text` with each occurrence of `needle` replaced by `mark` (byte-wise: both are valid
    /// UTF-8, so whole characters are replaced).
    static func removing(_ needle: String, from text: String) -> String {
        let n = Array(needle.utf8), t = Array(text.utf8)
        guard !n.isEmpty, var hit = TextSearch.index(of: n, in: t) else { return text }
        var out: [UInt8] = []
        var i = 0
        while true {
            out.append(contentsOf: t[i..<hit])
            out.append(contentsOf: mark.utf8)
            i = hit + n.count
            guard let next = TextSearch.index(of: n, in: t, from: i) else { break }
            hit = next
        }
        out.append(contentsOf: t[i...])
        return String(decoding: out, as: UTF8.self)
    }
}
