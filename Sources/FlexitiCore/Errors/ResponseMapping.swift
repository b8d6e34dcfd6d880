/// What the library knows about a request when it fails.
/// A class: the context goes with every request and answer (about eight copies a call), and
/// copying a struct of an endpoint and three strings retained and released each of them.
final class ErrorContext: Sendable {
    let endpoint: Endpoint
    let referenceId: String
    let idempotencyKey: String
    /// The path errors report: given, or the bytes pathStart..<pathEnd of the URL sent, made
    /// into a String only when an error asks for it (most calls succeed).
    private let pathText: String?
    private let url: String
    private let pathStart: Int, pathEnd: Int

    var path: String { pathText ?? ErrorContext.slice(url, pathStart, pathEnd) }

    init(endpoint: Endpoint, path: String, referenceId: String, idempotencyKey: String) {
        self.endpoint = endpoint
        self.pathText = path
        self.url = ""
        self.pathStart = 0
        self.pathEnd = 0
        self.referenceId = referenceId
        self.idempotencyKey = idempotencyKey
    }

    init(endpoint: Endpoint, url: String, pathStart: Int, pathEnd: Int, referenceId: String, idempotencyKey: String) {
        self.endpoint = endpoint
        self.pathText = nil
        self.url = url
        self.pathStart = pathStart
        self.pathEnd = pathEnd
        self.referenceId = referenceId
        self.idempotencyKey = idempotencyKey
    }

    /// The UTF-8 bytes start..<end of `text` (clamped to it) as a String.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        var text = text
        return text.withUTF8 { all in
            let to = min(max(end, 0), all.count), from = min(max(start, 0), to)
            return String(decoding: UnsafeBufferPointer(rebasing: all[from..<to]), as: UTF8.self)
        }
    }

    func apply(to error: FlexitiError) -> FlexitiError {
        var e = error
        e.method = endpoint.method.rawValue
        e.endpoint = endpoint.template
        e.path = path
        e.referenceId = referenceId
        e.idempotencyKey = idempotencyKey
        if e.attempts == 0 { e.attempts = 1 }
        return e
    }

    /// An error about this request: every field of the context set here, so no path can forget
    /// one (the call's attempts are set by Session.runCall).
    func error(_ code: ErrorCode, _ message: String, status: Int = 0) -> FlexitiError {
        var e = apply(to: FlexitiError(code, message))
        e.httpStatus = status
        return e
    }

    /// A 2xx answer that is not the success it should be (empty, wrong shape, missing its id,
    /// or carrying an `error`). The server said the call was performed, so for a call that
    /// changes state the outcome is unknown; for a read the answer is malformed.
    func unusableSuccess(status: Int, problem: String, apiError: String = "") -> FlexitiError {
        let what = "HTTP \(status) from \(endpoint.method.rawValue) \(endpoint.template), but \(problem)"
        var e = endpoint.changesState
            ? error(.outcomeUnknown, what + "; the operation may have happened: retry with the same request or read the state back", status: status)
            : error(.malformedResponse, what, status: status)
        e.apiError = apiError
        e.apply(Repeat.classify(.unusableSuccess(code: e.code), endpoint: endpoint, idempotencyKey: idempotencyKey))
        return e
    }
}

/// Parameters whose values are never copied into an error (Flexiti's API reference, STYLE.md "Secrets").
package enum SecretParameters {
    package static let names: Set<String> = [
        "client_secret", "access_token", "refresh_token", "authorization", "security_answer",
        "verification_code", "piw", "sin", "SIN", "password", "merchant_password", "bearer token",
    ]
    package static func redact(param: String, value: String) -> String {
        names.contains(param) || names.contains(param.lowercased()) ? "" : value
    }
}

/// Turns HTTP answers and transport failures into FlexitiError values.
enum ResponseMapping {
    static func transportError(_ f: TransportFailure, context: ErrorContext) -> FlexitiError {
        var e = FlexitiError(f.code, ErrorCatalog.info(f.code)?.description ?? f.detail)
        e.transportDetail = f.detail
        if context.endpoint.changesState && f.requestMayHaveBeenSent {
            e.code = .outcomeUnknown
            e.message = ErrorCatalog.info(.outcomeUnknown)?.description ?? ""
        }
        e.apply(Repeat.classify(.transport(f, code: e.code), endpoint: context.endpoint, idempotencyKey: context.idempotencyKey))
        return context.apply(to: e)
    }

    static func httpError(status: Int, body: [UInt8], context: ErrorContext) -> FlexitiError {
        var e: FlexitiError
        if let json = JSONParser.parse(body), let apiError = json["error"]?.text, !apiError.isEmpty {
            let code = ErrorCatalog.code(forAPIError: apiError) ?? .unknownAPIError
            let canonical = ErrorCatalog.info(code)?.name ?? apiError
            let serverMessage = json["message"]?.text ?? ""
            e = FlexitiError(code, serverMessage.isEmpty ? (ErrorCatalog.info(code)?.description ?? apiError) : serverMessage)
            e.apiError = apiError
            e.scenario = ScenarioLookup.scenario(method: context.endpoint.method.rawValue, endpoint: context.endpoint.template,
                                                 error: code == .unknownAPIError ? apiError : canonical, status: status)
            // The reference documents both names for the list.
            let list = json["field_errors"]?.arrayValue ?? json["error_fields"]?.arrayValue ?? []
            e.fieldErrors = list.compactMap { item in
                guard item.isObject else { return nil }
                let param = item["param"]?.text ?? ""
                return FieldError(param: param, msg: item["msg"]?.text ?? "",
                                  value: SecretParameters.redact(param: param, value: item["value"]?.text ?? ""),
                                  type: item["type"]?.text ?? "")
            }
        } else {
            let code: ErrorCode
            switch status {
            case 401: code = .httpUnauthorized
            case 403: code = .httpForbidden
            case 404: code = .httpNotFound
            case 465, 466, 467: code = .httpBlocked
            case 500: code = .httpServerError
            case 501...599: code = .httpUnavailable
            default: code = .httpOther
            }
            e = FlexitiError(code, ErrorCatalog.info(code)?.description ?? "HTTP \(status)")
        }
        e.httpStatus = status
        // A proxy or load balancer answering 502/503/504 may have passed the request on: for a
        // call that changes state the outcome is unknown, whatever the body says.
        if [502, 503, 504].contains(status) && context.endpoint.changesState {
            e.code = .outcomeUnknown
            e.message = "HTTP \(status) from a gateway: the request may have reached Flexiti; retry with the same request or read the state back"
            e.apiError = ""
            e.scenario = ""
            e.fieldErrors = []
        }
        e.apply(Repeat.classify(.http(status: status), endpoint: context.endpoint, idempotencyKey: context.idempotencyKey))
        return context.apply(to: e)
    }
}

extension FlexitiError {
    /// A refusal before anything was sent for `endpoint`: the method and endpoint template are
    /// known (no path, reference id or attempts yet).
    func before(_ endpoint: Endpoint) -> FlexitiError {
        var e = self
        e.method = endpoint.method.rawValue
        e.endpoint = endpoint.template
        return e
    }
}
