/// The library's logging: off unless a sink is installed (flx_config_set_log_callback).
///
/// Redacted by construction: a record is built only from the typed fields below (method,
/// endpoint template, HTTP status, code, reference id, attempt, timings). There is no way to
/// log a header, a body, a path with its account number, a token or a secret, because no
/// field can hold one and the message is formatted from those fields only.
package enum LogLevel: Int32, Sendable, Comparable {
    case debug = 10
    case info = 20
    case warn = 30
    case error = 40

    package static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }
}

/// What happened, in typed fields only.
package enum LogEvent: Sendable {
    /// An HTTP request is about to be sent.
    case requestStart(attempt: Int)
    /// An HTTP answer arrived (any status) or the transfer failed (status 0).
    case requestEnd(attempt: Int, status: Int, code: ErrorCode, elapsedMs: Int64)
    /// The call will be repeated after `delayMs`.
    case retry(attempt: Int, code: ErrorCode, delayMs: Int64)
    /// A kept-alive connection failed before any answer; the request goes again at once on a new one.
    case freshConnection(attempt: Int, code: ErrorCode, delivered: Bool)
    /// The call gives up (budget, deadline or a non-repeatable failure).
    case callFailed(attempts: Int, code: ErrorCode, elapsedMs: Int64)
    /// The token was rejected; a new one is fetched and the call repeated once.
    case reauthenticate
    /// Waited for another call on the shared session past the call's deadline.
    case sessionBusy(waitedMs: Int64)
}

/// One record as handed to the sink. Every string is one of: an HTTP method, an endpoint
/// template from `Endpoints`, a code name, a 32-hex reference id, or the message built here.
package struct LogRecord: Sendable {
    package var level: LogLevel
    package var message: String
    package var method: String
    package var endpoint: String
    package var httpStatus: Int
    package var code: ErrorCode
    package var referenceId: String
    package var attempt: Int
    package var elapsedMs: Int64
}

/// A sink and its threshold. The sink runs synchronously on the calling thread.
package struct Logger: Sendable {
    package let minLevel: LogLevel
    let sink: @Sendable (LogRecord) -> Void

    package init(minLevel: LogLevel, sink: @escaping @Sendable (LogRecord) -> Void) {
        self.minLevel = minLevel
        self.sink = sink
    }

    /// `method` and `endpoint` come from `Endpoints` (a template, never a filled-in path).
    func log(_ event: LogEvent, method: String, endpoint template: String, referenceId: String = "") {
        let what = method.isEmpty ? "call" : method + " " + template
        var r = LogRecord(level: .debug, message: "", method: method, endpoint: template, httpStatus: 0, code: .ok,
                          referenceId: referenceId, attempt: 0, elapsedMs: 0)
        switch event {
        case let .requestStart(attempt):
            r.attempt = attempt
            r.message = "\(what): sending (attempt \(attempt))"
        case let .requestEnd(attempt, status, code, elapsedMs):
            r.attempt = attempt
            r.httpStatus = status
            r.code = code
            r.elapsedMs = elapsedMs
            r.level = code == .ok ? .debug : .warn
            let outcome = status > 0 ? "HTTP \(status)" : "no response"
            r.message = "\(what): \(outcome), \(Logger.name(code)) in \(elapsedMs) ms (attempt \(attempt))"
        case let .retry(attempt, code, delayMs):
            r.level = .info
            r.attempt = attempt
            r.code = code
            r.elapsedMs = delayMs
            r.message = "\(what): \(Logger.name(code)); retrying in \(delayMs) ms (attempt \(attempt + 1) next)"
        case let .freshConnection(attempt, code, delivered):
            r.level = .info
            r.attempt = attempt
            r.code = code
            let how = delivered ? "the request may have arrived and is safe to repeat" : "the request was not delivered"
            r.message = "\(what): \(Logger.name(code)) on a kept-alive connection the server had closed (\(how)); sending at once on a new connection (attempt \(attempt + 1) next)"
        case let .callFailed(attempts, code, elapsedMs):
            r.level = .error
            r.attempt = attempts
            r.code = code
            r.elapsedMs = elapsedMs
            r.message = "\(what): failed with \(Logger.name(code)) after \(attempts) attempt(s) in \(elapsedMs) ms"
        case .reauthenticate:
            r.level = .info
            r.code = .invalidToken
            r.message = "\(what): token rejected; fetching a new one and repeating the call once"
        case let .sessionBusy(waitedMs):
            r.level = .warn
            r.code = .timeout
            r.elapsedMs = waitedMs
            r.message = "\(what): the shared session stayed busy with another call until this call's deadline (\(waitedMs) ms)"
        }
        if !referenceId.isEmpty { r.message += " ref=" + referenceId }
        guard r.level >= minLevel else { return }
        sink(r)
    }

    static func name(_ code: ErrorCode) -> String { ErrorCatalog.info(code)?.name ?? "code \(code.rawValue)" }
}
