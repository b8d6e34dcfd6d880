/// What the library knows about a request when it fails.
struct ErrorContext {
    let endpoint: Endpoint
    let path: String
    let referenceId: String
    let idempotencyKey: String

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

    /// A request that changes nothing, or one protected by an idempotency key, may be repeated.
    var safeToRepeat: Bool { !endpoint.movesMoney || !idempotencyKey.isEmpty }
}

/// Parameters whose values are never copied into an error (api-notes, STYLE.md "Secrets").
public enum SecretParameters {
    public static let names: Set<String> = [
        "client_secret", "access_token", "refresh_token", "authorization", "security_answer",
        "verification_code", "piw", "sin", "SIN", "password", "merchant_password", "bearer token",
    ]
    public static func redact(param: String, value: String) -> String {
        names.contains(param) || names.contains(param.lowercased()) ? "" : value
    }
}

/// Turns HTTP answers and transport failures into FlexitiError values.
enum ResponseMapping {
    static func transportError(_ f: TransportFailure, context: ErrorContext) -> FlexitiError {
        var e = FlexitiError(f.code, ErrorCatalog.info(f.code)?.description ?? f.detail)
        e.transportDetail = f.detail
        if context.endpoint.movesMoney && f.requestMayHaveBeenSent {
            e.code = .outcomeUnknown
            e.message = ErrorCatalog.info(.outcomeUnknown)?.description ?? ""
        }
        let transient: Set<ErrorCode> = [.connect, .timeout, .transport, .outcomeUnknown]
        // Nothing sent (connect) is always safe to repeat; otherwise only an idempotent request.
        e.retryable = transient.contains(e.code) && (!f.requestMayHaveBeenSent || context.safeToRepeat)
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
        e.retryable = [500, 502, 503, 504].contains(status) && context.safeToRepeat
        return context.apply(to: e)
    }
}
