/// A call to make: an endpoint, its path parameters, query and body.
package struct APICall: Sendable {
    package var endpoint: Endpoint
    package var pathParams: [String: String] = [:]
    package var query: [(String, String)] = []
    package var body: JSONValue? = nil
    /// Sent as x-idempotency-key (money-moving POSTs).
    package var idempotencyKey: String? = nil

    package init(_ endpoint: Endpoint) { self.endpoint = endpoint }
}

/// A successful answer.
package struct APIResponse: Sendable {
    package var status: Int
    package var json: JSONNode
    package var referenceId: String
    /// The request that got this answer, for errors found while reading it.
    var context: ErrorContext
    /// Requests the call sent, this one included.
    var attempts = 1

    init(status: Int, json: JSONNode, referenceId: String, context: ErrorContext) {
        self.status = status
        self.json = json
        self.referenceId = referenceId
        self.context = context
    }

    /// An error about this answer, with the full request context.
    func failure(_ code: ErrorCode, _ message: String) -> FlexitiError {
        var e = context.error(code, message, status: status)
        e.attempts = attempts
        return e
    }
}

extension APIResponse {
    /// The answer as a JSON object, which every single-record endpoint returns. Session checks
    /// each answer's shape (EndpointRules) before it gets here; this is the readers' last guard.
    package func object(_ what: String, movesMoney: Bool = false) -> Result<JSONNode, FlexitiError> {
        if json.isObject { return .success(json) }
        var e = context.unusableSuccess(status: status, problem: "the \(what) answer is not a JSON object")
        e.attempts = attempts
        return .failure(e)
    }
}

/// Counters for tests and benchmarks (connection reuse, token requests).
package struct SessionStats: Sendable, Equatable {
    package var requests = 0
    package var connectionsOpened = 0
    package var tokenRequests = 0
}

/// An authenticated connection to Flexiti: one libcurl handle (kept-alive connection) and one
/// cached token. Safe to share between threads: calls on one session run one at a time.
package final class Session: @unchecked Sendable {
    package let configuration: SessionConfiguration
    let baseURL: String
    /// The path part of the base URL, for error details ("/flexiti/pos-api").
    let basePath: String

    struct State {
        /// nil once the session is closed (the connection is gone with it).
        var transport: CurlTransport?
        var token: Token?
        var stats = SessionStats()
        /// The running call's deadline and the HTTP requests it has sent so far.
        var call = CallProgress()
    }
    struct CallProgress {
        var deadlineMs = Int64.max
        /// Requests sent, per "METHOD template": an error reports the attempts of the request
        /// that failed (a token request made on the way is counted apart).
        var attempts: [String: Int] = [:]
        func count(_ method: String, _ template: String) -> Int { attempts[method + " " + template] ?? 0 }
    }
    private let state: Locked<State>
    /// One call at a time, each waiting for its turn only until its own deadline.
    private let gate = CallGate()
    /// Injectable for tests: monotonic seconds.
    let now: @Sendable () -> Int64
    /// Injectable for tests: the retry loop's clock, sleep and jitter.
    let timing: CallTiming

    package init(configuration: SessionConfiguration, clock: @escaping @Sendable () -> Int64 = MonotonicClock.seconds,
                timing: CallTiming = .system) throws(FlexitiError) {
        if let e = configuration.validate() { throw e }
        guard case let .success(base) = configuration.resolvedBaseURL() else {
            throw FlexitiError.invalidArgument("base URL")
        }
        guard let transport = CurlTransport(options: configuration.transport) else {
            throw FlexitiError(.outOfMemory, "libcurl could not create a handle")
        }
        self.configuration = configuration
        self.baseURL = base
        self.basePath = Session.pathPart(of: base)
        self.state = Locked(State(transport: transport))
        self.now = clock
        self.timing = timing
    }

    deinit {
        state.withLock { $0.token?.wipe() }
    }

    /// Ends the session for good, whoever still holds it (an iterator): wipes the token and the
    /// client secret and closes the connection. Every later call fails with `.misuse`. Waits
    /// for a running call to finish.
    package func close() {
        state.withLock { s in
            s.token?.wipe()
            s.token = nil
            s.transport = nil
        }
        configuration.clientSecret.wipe()
    }

    package var stats: SessionStats { state.withLock { $0.stats } }

    /// Gets a token now (otherwise the first call does).
    package func authenticate() -> Result<Void, FlexitiError> {
        let tokenCall = APICall(Endpoints.token)
        return runCall(Endpoints.token, mayRetry: { RetryPolicy.mayRetry($0, call: tokenCall) }) { s in
            s.token?.wipe()
            s.token = nil
            return ensureToken(&s).map { _ in () }
        }
    }

    /// Sends a call, authenticating first if needed and once more after a 401 invalid_token.
    package func send(_ call: APICall) -> Result<APIResponse, FlexitiError> {
        // Bad parameters fail here, offline, in the server's wrong_inputs shape; nothing is sent.
        let fieldErrors = RequestValidator.validate(call)
        if !fieldErrors.isEmpty {
            var e = ParameterCheck.wrongInputs(fieldErrors)
            e.method = call.endpoint.method.rawValue
            e.endpoint = call.endpoint.template
            return .failure(e)
        }
        let call = RequestValidator.normalized(call)  // what the validator checked (a phone without its dashes...)
        var reauthenticated = false
        return runCall(call.endpoint, mayRetry: { RetryPolicy.mayRetry($0, call: call) }) { s in
            while true {
                let bearer: String
                switch ensureToken(&s) {
                case let .success(t): bearer = t
                case let .failure(e): return .failure(e)
                }
                switch perform(call, bearer: bearer, state: &s) {
                case let .failure(e) where e.code == .invalidToken && !reauthenticated:
                    // The token was revoked or expired early: get a new one and try once more.
                    configuration.logger?.log(.reauthenticate, method: call.endpoint.method.rawValue,
                                              endpoint: call.endpoint.template, referenceId: e.referenceId)
                    s.token?.wipe()
                    s.token = nil
                    reauthenticated = true
                    continue
                case let outcome:
                    return outcome
                }
            }
        }
    }

    /// Runs one call: alone on the session, within the total timeout (the wait for a busy shared
    /// session, every attempt and every backoff included), repeating failed attempts per the
    /// retry policy while the budget and the deadline allow.
    private func runCall<T>(_ endpoint: Endpoint, mayRetry: (FlexitiError) -> Bool,
                            _ attempt: (inout State) -> Result<T, FlexitiError>) -> Result<T, FlexitiError> {
        let logger = configuration.logger
        let policy = configuration.retry
        let start = timing.nowMs()
        let deadline = start + Int64(max(configuration.transport.totalTimeoutMs, 1))
        guard gate.enter(waitMs: deadline - start) else {
            logger?.log(.sessionBusy(waitedMs: timing.nowMs() - start), method: endpoint.method.rawValue, endpoint: endpoint.template)
            var e = FlexitiError(.timeout, "the shared session was busy with another call until this call's total timeout; nothing was sent")
            e.method = endpoint.method.rawValue
            e.endpoint = endpoint.template
            e.retryable = true
            return .failure(e)
        }
        defer { gate.leave() }
        return state.withLock { s in
            guard s.transport != nil else {
                return .failure(FlexitiError(.misuse, "the session was freed; nothing was sent").before(endpoint))
            }
            s.call = CallProgress(deadlineMs: deadline)
            defer { s.call = CallProgress() }
            var retries = 0
            // The first attempt of this call that may have performed it with no definite answer
            // (docs/errors.md, "Outcome of a call"): only a later success under the same key
            // settles it; no later failure downgrades it.
            var unknown: FlexitiError?
            while true {
                switch attempt(&s) {
                case let .success(value):
                    return .success(value)
                case var .failure(e):
                    e.attempts = s.call.count(e.method, e.endpoint)
                    let isTheCall = e.method == endpoint.method.rawValue && e.endpoint == endpoint.template
                    if unknown == nil && isTheCall && e.code == .outcomeUnknown { unknown = e }
                    if retries < policy.maxRetries && mayRetry(e) {
                        let delay = policy.delayMs(retry: retries + 1, random: timing.random())
                        // Wait only if an attempt can still start before the deadline.
                        if timing.nowMs() + delay < deadline {
                            retries += 1
                            logger?.log(.retry(attempt: e.attempts, code: e.code, delayMs: delay),
                                        method: e.method, endpoint: e.endpoint, referenceId: e.referenceId)
                            timing.sleepMs(delay)
                            continue
                        }
                    }
                    if let first = unknown {
                        e = Session.stillUnknown(first, last: e, attempts: s.call.count(first.method, first.endpoint))
                    }
                    logger?.log(.callFailed(attempts: e.attempts, code: e.code, elapsedMs: timing.nowMs() - start),
                                method: e.method, endpoint: e.endpoint, referenceId: e.referenceId)
                    return .failure(e)
                }
            }
        }
    }

    /// The call's error when an earlier attempt may have performed it and a later one failed:
    /// outcome unknown, with the request's context and key, and what the last attempt saw
    /// (its HTTP status, error string, transport detail and reference id) for diagnosis.
    static func stillUnknown(_ first: FlexitiError, last: FlexitiError, attempts: Int) -> FlexitiError {
        if last.code == .outcomeUnknown && last.method == first.method && last.endpoint == first.endpoint {
            var e = last
            e.attempts = attempts
            e.retryable = first.retryable
            return e
        }
        var e = first
        e.attempts = attempts
        e.httpStatus = last.httpStatus
        e.apiError = last.apiError
        e.transportDetail = last.transportDetail
        e.referenceId = last.referenceId.isEmpty ? first.referenceId : last.referenceId
        let lastCode = ErrorCatalog.info(last.code)?.symbol ?? "code \(last.code.rawValue)"
        e.message = "an earlier attempt may have reached Flexiti and no definite answer followed (\(first.message)); "
            + "the last attempt ended \(lastCode): \(last.message). Retry with the same request or read the state back"
        return e
    }

    // MARK: - Token

    private func ensureToken(_ s: inout State) -> Result<String, FlexitiError> {
        if let t = s.token, now() < t.renewAt { return .success(t.accessToken.reveal()) }
        s.token?.wipe()
        s.token = nil
        switch OAuth.requestToken(session: self, state: &s) {
        case let .success(t):
            s.token = t
            return .success(t.accessToken.reveal())
        case let .failure(e):
            return .failure(e)
        }
    }

    // MARK: - One HTTP exchange

    private func perform(_ call: APICall, bearer: String, state s: inout State) -> Result<APIResponse, FlexitiError> {
        let referenceId = Identifiers.referenceId()
        let path = "/" + call.endpoint.version.rawValue + call.endpoint.path(call.pathParams)
        var query = call.query
        if let lang = configuration.lang { query.append(("lang", lang)) }
        var url = baseURL + path
        if !query.isEmpty { url += "?" + PercentEncoding.form(query) }

        let authorization = "Bearer " + bearer
        // The token is the server's, but a malformed one would only earn a wrong_inputs answer.
        let bearerErrors = RequestValidator.validateAuthorization(authorization)
        if !bearerErrors.isEmpty {
            var e = ParameterCheck.wrongInputs(bearerErrors)
            e.method = call.endpoint.method.rawValue
            e.endpoint = call.endpoint.template
            return .failure(e)
        }
        var headers: [(String, String)] = [
            ("authorization", authorization),
            ("x-reference-id", referenceId),
            ("accept", "application/json"),
        ]
        var body: [UInt8]? = nil
        if let json = call.body {
            headers.append(("content-type", "application/json"))
            body = Array(JSONWriter.write(json).utf8)
        }
        if let key = call.idempotencyKey { headers.append(("x-idempotency-key", key)) }

        var request = HTTPRequest(method: call.endpoint.method, url: url, headers: headers, body: body)
        request.sendAtMostOnce = call.endpoint.changesState && (call.idempotencyKey ?? "").isEmpty
        let context = ErrorContext(endpoint: call.endpoint, path: basePath + path, referenceId: referenceId,
                                   idempotencyKey: call.idempotencyKey ?? "")
        let result = exchange(request, context: context, state: &s)
        // The body may carry a verification code or a security answer.
        request.body?.withUnsafeMutableBytes { raw in Secret.zero(raw) }
        return result
    }

    /// Sends one request (with the time left before the call's deadline as its timeout), logs it
    /// and turns the answer into JSON or a FlexitiError.
    func exchange(_ request: HTTPRequest, context: ErrorContext, state s: inout State) -> Result<APIResponse, FlexitiError> {
        var context = context
        let logger = configuration.logger
        let method = context.endpoint.method.rawValue, template = context.endpoint.template
        let remaining = s.call.deadlineMs - timing.nowMs()
        guard remaining >= 1 else {
            let f = TransportFailure(code: .timeout, detail: "the call's total timeout was reached before this request was sent",
                                     requestMayHaveBeenSent: false)
            return .failure(ResponseMapping.transportError(f, context: context))
        }
        var request = request
        request.timeoutMs = remaining
        var freshConnection = false
        // The attempt given up for a new connection may have been delivered (then it counts).
        var earlierMaybeDelivered = false
        var result: Result<APIResponse, FlexitiError>
        var attempt = 0, started = Int64(0), extra = 0
        while true {
            guard let transport = s.transport else {
                return .failure(context.error(.misuse, "the session was freed; nothing was sent"))
            }
            s.call.attempts[method + " " + template, default: 0] += 1
            s.stats.requests += 1
            attempt = s.call.count(method, template)
            logger?.log(.requestStart(attempt: attempt), method: method, endpoint: template, referenceId: context.referenceId)
            started = timing.nowMs()
            let outcome = transport.perform(request, freshConnection: freshConnection)
            // libcurl may have sent the request again on its own (a reused connection that died):
            // every request that left counts.
            extra = max(transport.requestsSent, 1) - 1
            if extra > 0 {
                s.call.attempts[method + " " + template, default: 0] += extra
                s.stats.requests += extra
            }
            if !freshConnection, case let .failure(f) = outcome, let delay = staleConnectionRetry(f, request, s.call.deadlineMs) {
                // Not a retry of the policy: the connection, not the request, failed.
                logger?.log(.freshConnection(attempt: attempt, code: f.code, delivered: !f.notDelivered),
                            method: method, endpoint: template, referenceId: context.referenceId)
                earlierMaybeDelivered = !f.notDelivered
                request.timeoutMs = delay
                freshConnection = true
                // A new x-reference-id, as for every attempt: nginx or Flexiti logs each once.
                let referenceId = Identifiers.referenceId()
                request.headers = request.headers.map { $0.0 == "x-reference-id" ? ($0.0, referenceId) : $0 }
                context = ErrorContext(endpoint: context.endpoint, path: context.path, referenceId: referenceId,
                                       idempotencyKey: context.idempotencyKey)
                continue
            }
            result = interpret(outcome, context: context, stats: &s.stats)
            break
        }
        switch result {
        case var .success(r):
            r.attempts = s.call.count(method, template)
            result = .success(r)
        case let .failure(e) where (extra > 0 || earlierMaybeDelivered) && context.endpoint.changesState && e.code != .outcomeUnknown:
            // libcurl re-sends only after a connection died with no answer: that earlier send
            // may have been performed, whatever the re-send then met. The same holds for an
            // attempt given up for a new connection that may have been delivered.
            var lost = context.error(.outcomeUnknown, "the request was sent on a kept-alive connection that died without an answer; it was sent again")
            lost.retryable = context.safeToRepeat
            result = .failure(Session.stillUnknown(lost, last: e, attempts: s.call.count(method, template)))
        default:
            break
        }
        if case let .failure(e) = result {
            // A server may echo what it was sent: no secret of this request goes into the error.
            result = .failure(Redaction.scrub(e, secrets: Redaction.secrets(of: request, clientSecret: configuration.clientSecret)))
        }
        if let logger {
            let elapsed = timing.nowMs() - started
            switch result {
            case let .success(r):
                logger.log(.requestEnd(attempt: attempt, status: r.status, code: .ok, elapsedMs: elapsed),
                           method: method, endpoint: template, referenceId: context.referenceId)
            case let .failure(e):
                logger.log(.requestEnd(attempt: attempt, status: e.httpStatus, code: e.code, elapsedMs: elapsed),
                           method: method, endpoint: template, referenceId: context.referenceId)
            }
        }
        return result
    }

    /// A request that failed on a stale kept-alive connection before any answer is sent again at
    /// once, on a new connection, when that is harmless: it provably never left, or it may be
    /// repeated (not a money-moving request without key) and retries are on. Returns the time
    /// left for it, or nil.
    private func staleConnectionRetry(_ f: TransportFailure, _ request: HTTPRequest, _ deadlineMs: Int64) -> Int64? {
        guard f.staleConnection else { return nil }
        guard f.notDelivered || (!request.sendAtMostOnce && configuration.retry.maxRetries > 0) else { return nil }
        let left = deadlineMs - timing.nowMs()
        return left >= 1 ? left : nil
    }

    private func interpret(_ outcome: Result<HTTPResponse, TransportFailure>, context: ErrorContext,
                           stats: inout SessionStats) -> Result<APIResponse, FlexitiError> {
        switch outcome {
        case let .failure(f):
            return .failure(ResponseMapping.transportError(f, context: context))
        case let .success(response):
            if response.newConnection { stats.connectionsOpened += 1 }
            if (200..<300).contains(response.status) {
                let empty = response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
                let json: JSONNode
                if empty, let nothing = JSONNode.emptyObject() {
                    json = nothing
                } else if let parsed = JSONParser.document(response.body) {
                    json = parsed
                } else {
                    return .failure(context.unusableSuccess(status: response.status, problem: "the answer is not valid JSON"))
                }
                if let problem = AnswerCheck.problem(json, empty: empty, shape: context.endpoint.answerShape) {
                    return .failure(context.unusableSuccess(status: response.status, problem: problem, apiError: json["error"]?.text ?? ""))
                }
                if let bad = AnswerNumbers.firstUnreadable(json) {
                    return .failure(context.unusableSuccess(status: response.status, problem: "the answer holds a number that cannot be read exactly (\(bad))"))
                }
                return .success(APIResponse(status: response.status, json: json, referenceId: context.referenceId, context: context))
            }
            return .failure(ResponseMapping.httpError(status: response.status, body: response.body, context: context))
        }
    }

    static func pathPart(of url: String) -> String {
        let afterScheme = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        // ["https:", "", "host:port", "flexiti/pos-api"]
        guard afterScheme.count == 4 else { return "" }
        return "/" + afterScheme[3]
    }
}

/// A cached access token. `renewAt` is in the session clock's seconds.
struct Token {
    let accessToken: Secret
    let renewAt: Int64

    func wipe() { accessToken.wipe() }

    /// The longest token that fits the API's 1000-character authorization header ("Bearer " + token).
    static let maxLength = 1000 - 7

    /// What can be sent as a bearer token: 1 to maxLength printable ASCII characters.
    static func isWellFormed(_ token: String) -> Bool {
        let n = token.utf8.count
        return n >= 1 && n <= maxLength && token.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
