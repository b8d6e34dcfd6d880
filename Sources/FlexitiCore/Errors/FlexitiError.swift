/// One field error of a `wrong_inputs` answer, in the server's shape.
package struct FieldError: Sendable, Equatable {
    package var param: String
    /// Human-readable message (for local validation: the case text of parameter_validations.tsv).
    package var msg: String
    /// The offending value as text; "" for secrets, which are never echoed.
    package var value: String
    /// The validation type: required, invalid, type or length.
    package var type: String

    package init(param: String, msg: String, value: String, type: String) {
        self.param = param
        self.msg = msg
        self.value = value
        self.type = type
    }
}

/// Everything known about one failed call. Immutable once built.
package struct FlexitiError: Error, Sendable {
    package var code: ErrorCode
    /// HTTP status of the response, or 0 when no response arrived.
    package var httpStatus: Int = 0
    /// The server's `error` string exactly as sent ("" when none).
    package var apiError: String = ""
    /// The server's `message`, or the library's own explanation.
    package var message: String
    /// The scenario text of this endpoint's row in the reference ("" when none applies).
    package var scenario: String = ""
    package var method: String = ""
    /// The endpoint template, e.g. `/client-id/{client_id}/customers/lookup`.
    package var endpoint: String = ""
    /// The request path actually sent (after the base URL), query string excluded.
    package var path: String = ""
    package var referenceId: String = ""
    package var idempotencyKey: String = ""
    /// libcurl's explanation for transport errors.
    package var transportDetail: String = ""
    /// True when sending the same request again cannot do harm and may succeed.
    package var retryable: Bool = false
    /// What the session does next about the failed attempt (Repeat.classify); not shown to C.
    package var next: Repeat.Next = .final
    package var attempts: Int = 0
    package var fieldErrors: [FieldError] = []

    package init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Takes the verdict of Repeat.classify.
    package mutating func apply(_ d: Repeat.Decision) {
        retryable = d.retryable
        next = d.next
    }

    package static func invalidArgument(_ message: String) -> FlexitiError { FlexitiError(.invalidArgument, message) }
}

/// Finds the reference scenario for an error: the row of this endpoint first, then the general
/// table (matching the status too, since `not_found` has three general rows).
package enum ScenarioLookup {
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

    package static func scenario(method: String, endpoint: String, error: String, status: Int) -> String {
        if let s = endpointIndex[key(method, endpoint, error)] { return s }
        if let r = ErrorTables.general.first(where: { $0.error == error && $0.status == status }) { return r.scenario }
        if let r = ErrorTables.general.first(where: { $0.error == error }) { return r.scenario }
        return ""
    }
}
