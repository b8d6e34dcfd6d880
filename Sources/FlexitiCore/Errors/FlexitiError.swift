/// One field error of a `wrong_inputs` answer, in the server's shape.
public struct FieldError: Sendable, Equatable {
    public var param: String
    /// Human-readable message (for local validation: the case text of parameter_validations.tsv).
    public var msg: String
    /// The offending value as text; "" for secrets, which are never echoed.
    public var value: String
    /// The validation type: required, invalid, type or length.
    public var type: String

    public init(param: String, msg: String, value: String, type: String) {
        self.param = param
        self.msg = msg
        self.value = value
        self.type = type
    }
}

/// Everything known about one failed call. Immutable once built.
public struct FlexitiError: Error, Sendable {
    public var code: ErrorCode
    /// HTTP status of the response, or 0 when no response arrived.
    public var httpStatus: Int = 0
    /// The server's `error` string exactly as sent ("" when none).
    public var apiError: String = ""
    /// The server's `message`, or the library's own explanation.
    public var message: String
    /// The scenario text of this endpoint's row in the reference ("" when none applies).
    public var scenario: String = ""
    public var method: String = ""
    /// The endpoint template, e.g. `/client-id/{client_id}/customers/lookup`.
    public var endpoint: String = ""
    /// The request path actually sent (after the base URL), query string excluded.
    public var path: String = ""
    public var referenceId: String = ""
    public var idempotencyKey: String = ""
    /// libcurl's explanation for transport errors.
    public var transportDetail: String = ""
    /// True when sending the same request again cannot do harm and may succeed.
    public var retryable: Bool = false
    public var attempts: Int = 0
    public var fieldErrors: [FieldError] = []

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func invalidArgument(_ message: String) -> FlexitiError { FlexitiError(.invalidArgument, message) }
}

/// Finds the reference scenario for an error: the row of this endpoint first, then the general
/// table (matching the status too, since `not_found` has three general rows).
public enum ScenarioLookup {
    private static let endpointIndex: [String: String] = {
        var d: [String: String] = [:]
        for r in ErrorTables.endpoint {
            let k = key(r.method, r.path, r.error)
            if d[k] == nil { d[k] = r.scenario }
        }
        return d
    }()

    static func key(_ method: String, _ path: String, _ error: String) -> String {
        method + " " + path + " " + error
    }

    public static func scenario(method: String, endpoint: String, error: String, status: Int) -> String {
        if let s = endpointIndex[key(method, endpoint, error)] { return s }
        if let r = ErrorTables.general.first(where: { $0.error == error && $0.status == status }) { return r.scenario }
        if let r = ErrorTables.general.first(where: { $0.error == error }) { return r.scenario }
        return ""
    }
}
