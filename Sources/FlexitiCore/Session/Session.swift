import Glibc

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

/// The operation an idempotency key is bound to, as it was sent: method, path and query, body.
/// The bytes themselves, not a digest: comparing is cheaper than hashing. The path and query are
/// read from the sent URL, shared (they hold ids, never a secret); the body is the operation's
/// own copy, wiped when the last request holding it goes (it may carry a verification code).
final class BoundOperation: Equatable, @unchecked Sendable {
    private let method: HTTPMethod
    /// The URL sent; the target (path and query) is its UTF-8 from `targetStart` on.
    private let url: String
    private let targetStart: Int
    private var body: [UInt8]?

    init(method: HTTPMethod, url: String, targetStart: Int, body: [UInt8]?) {
        self.method = method
        self.url = url
        self.targetStart = targetStart
        self.body = body.map { b in b.withUnsafeBufferPointer { Array($0) } }  // its own storage, wiped below
    }

    /// Takes over `body` without a copy: its only other holder lets it go (PreparedCall.takeOperation).
    init(method: HTTPMethod, url: String, targetStart: Int, adopting body: [UInt8]?) {
        self.method = method
        self.url = url
        self.targetStart = targetStart
        self.body = body
    }

    deinit {
        body?.withUnsafeMutableBytes { Secret.zero($0) }
    }

    /// The bytes of `url` from `start` on (none when it is shorter).
    static func withTarget<R>(_ url: String, _ start: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var url = url
        return url.withUTF8 { all in body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[min(start, all.count)...]))) }
    }

    func equals(method: HTTPMethod, target: UnsafeRawBufferPointer, body: [UInt8]?) -> Bool {
        guard method == self.method, BoundOperation.withTarget(url, targetStart, { BoundOperation.same($0, target) }) else { return false }
        switch (self.body, body) {
        case (nil, nil): return true
        case let (a?, b?): return a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in BoundOperation.same(pa, pb) } }
        default: return false
        }
    }

    private static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }  // both empty
        return memcmp(pa, pb, a.count) == 0
    }

    static func == (a: BoundOperation, b: BoundOperation) -> Bool {
        withTarget(b.url, b.targetStart) { a.equals(method: b.method, target: $0, body: b.body) }
    }
}

/// A call ready to go: checked by the validator, cleaned up, its URL built and its body written
/// once. These bytes are what is sent, and what the idempotency key is bound to (sendMoney).
/// A class: the call is handed through several closures on its way out, and copying a struct
/// of strings and arrays at each step cost more than sharing one reference.
final class PreparedCall {
    let endpoint: Endpoint
    /// After the base URL, query excluded: "/v2.5/client-id/…".
    var path: String { ErrorContext.slice(url, pathStart, pathEnd) }
    /// The same after the base URL's path ("/flexiti/pos-api/v2.5/client-id/…"): what errors
    /// report, read from `url` when one asks (most calls never make it).
    var fullPath: String { ErrorContext.slice(url, basePathStart, pathEnd) }
    let url: String
    /// Where the path starts in `url` (after the base URL).
    let pathStart: Int
    /// Where the base URL's path starts in `url`, and where the path ends (the query's "?").
    let basePathStart: Int
    let pathEnd: Int
    var body: [UInt8]?
    let idempotencyKey: String
    /// What the validator found wrong: reported as wrong_inputs, and nothing is sent.
    let fieldErrors: [FieldError]

    /// The URL (base, path, query and `langQuery`) and the body written once.
    convenience init(_ call: APICall, baseURL: String, langQuery: String?, fieldErrors: [FieldError]) {
        var body: [UInt8]? = nil
        if let json = call.body {
            var out: [UInt8] = []
            out.reserveCapacity(512)
            JSONWriter.write(json, into: &out)
            body = out
        }
        self.init(call.endpoint, pathParams: call.pathParams, query: call.query, body: body, idempotencyKey: call.idempotencyKey ?? "",
                  baseURL: baseURL, langQuery: langQuery, fieldErrors: fieldErrors)
    }

    /// `body`: written already (a money request's typed fields, `checked`).
    convenience init(_ endpoint: Endpoint, pathParams: [String: String], query: [(String, String)], body: [UInt8]?, idempotencyKey: String,
         baseURL: String, langQuery: String?, fieldErrors: [FieldError]) {
        self.init(endpoint, path: { pathParams[$0] }, query: query, body: body, idempotencyKey: idempotencyKey,
                  baseURL: baseURL, langQuery: langQuery, fieldErrors: fieldErrors)
    }

    /// `path`: the value of a path placeholder (nil: empty).
    init(_ endpoint: Endpoint, path value: (String) -> String?, query: [(String, String)], body: [UInt8]?, idempotencyKey: String,
         baseURL: String, langQuery: String?, fieldErrors: [FieldError]) {
        self.endpoint = endpoint
        // One buffer for the whole URL: joining Strings cost more than filling the template.
        var out: [UInt8] = []
        out.reserveCapacity(baseURL.utf8.count + endpoint.template.utf8.count + 64)
        out.append(contentsOf: baseURL.utf8)
        pathStart = out.count
        out.append(contentsOf: endpoint.version.segment.utf8)
        endpoint.writePath(value, into: &out)
        // The base URL's own path part (from its third "/" on, as Session.pathPart) goes with it:
        // errors report the whole path, and this saves joining the two for every request.
        var slashes = 0, basePathStart = pathStart
        for i in 0..<pathStart where out[i] == UInt8(ascii: "/") {
            slashes += 1
            if slashes == 3 {
                basePathStart = i
                break
            }
        }
        self.basePathStart = basePathStart
        pathEnd = out.count
        if !query.isEmpty || langQuery != nil {
            out.append(UInt8(ascii: "?"))
            out.append(contentsOf: PercentEncoding.form(query).utf8)
            if let langQuery {
                if !query.isEmpty { out.append(UInt8(ascii: "&")) }
                out.append(contentsOf: langQuery.utf8)
            }
        }
        url = String(decoding: out, as: UTF8.self)
        self.body = body
        self.idempotencyKey = idempotencyKey
        self.fieldErrors = fieldErrors
    }

    /// The call validated, cleaned up and written (Session.prepare).
    static func checked(_ call: APICall, baseURL: String, langQuery: String?) -> PreparedCall {
        // Bad parameters fail offline, in the server's wrong_inputs shape; nothing is sent.
        let (fieldErrors, needsNormalizing) = RequestValidator.check(call)
        // What the validator checked (a phone without its dashes...).
        let call = fieldErrors.isEmpty && needsNormalizing ? RequestValidator.normalized(call) : call
        return PreparedCall(call, baseURL: baseURL, langQuery: langQuery, fieldErrors: fieldErrors)
    }

    /// A money request validated, cleaned up and written from its typed fields: the same field
    /// errors and bytes as `checked` on the call with `request.body()`, with no JSON tree built
    /// or walked (building, writing and re-walking the tree was most of the request side's cost).
    static func checked(_ request: PurchaseRequest, _ endpoint: Endpoint, pathParams: [String: String],
                        baseURL: String, langQuery: String?) -> PreparedCall {
        checked(request, endpoint, path: { pathParams[$0] }, baseURL: baseURL, langQuery: langQuery)
    }

    /// `path`: the value of a path placeholder, nil when not given (no dictionary built per call).
    static func checked(_ request: PurchaseRequest, _ endpoint: Endpoint, path value: (String) -> String?,
                        baseURL: String, langQuery: String?) -> PreparedCall {
        var pass = BodyCheckAndBytes(check: BodyCheck(endpoint, path: value))
        request.emit(into: &pass)
        let fieldErrors = pass.check.finish()
        var body = pass.bytes.out  // the buffer is zeroed when it goes (it may hold a verification code)
        if !fieldErrors.isEmpty && pass.bytes.cleaned {
            // Refused, so written as given (as `checked` on the JSON body does); rarely needed.
            var given = BodyBytes(normalize: false)
            request.emit(into: &given)
            body.withUnsafeMutableBytes { Secret.zero($0) }
            body = given.out
        }
        // A valid call sends its path values cleaned up, like its body.
        let cleaned = fieldErrors.isEmpty ? pass.check.cleanedPath(value) : nil
        return PreparedCall(endpoint, path: { name in cleaned?[name] ?? value(name) }, query: [], body: body,
                            idempotencyKey: request.idempotencyKey, baseURL: baseURL, langQuery: langQuery, fieldErrors: fieldErrors)
    }

    /// The operation these bytes perform: method, path and query, body.
    var operation: BoundOperation {
        BoundOperation(method: endpoint.method, url: url, targetStart: pathStart, body: body)
    }

    /// The same, taking over the body instead of copying it (the call is done: its scrub then
    /// has nothing left to zero, and the operation zeroes the body when it goes).
    func takeOperation() -> BoundOperation {
        let op = BoundOperation(method: endpoint.method, url: url, targetStart: pathStart, adopting: body)
        body = nil
        return op
    }

    /// Whether these bytes perform `op` (compared byte for byte, no copy made).
    func performs(_ op: BoundOperation) -> Bool {
        BoundOperation.withTarget(url, pathStart) { op.equals(method: endpoint.method, target: $0, body: body) }
    }

    /// The body may carry a verification code or a security answer.
    func scrub() { body?.withUnsafeMutableBytes { Secret.zero($0) } }
}

/// An authenticated connection to Flexiti: one libcurl handle (kept-alive connection) and one
/// cached token. Safe to share between threads: calls on one session run one at a time.
///
/// The session drives every call: the C entry point asks it for an operation, it builds the
/// request (prepare), sends it (runCall, exchange) and hands back the answer. One call at a time
/// holds the gate, and only the gate's holder touches the connection, the token and the call's
/// progress, so no lock is held across network I/O, backoff sleeps or the log callback; the
/// counters another thread may read meanwhile (flx_session_stats) have a lock of their own.
package final class Session: @unchecked Sendable {
    package let configuration: SessionConfiguration
    let baseURL: String
    /// The path part of the base URL, for error details ("/flexiti/pos-api").
    let basePath: String

    /// Owned by the gate's holder (a call, or close).
    /// nil once the session is closed (the connection is gone with it).
    private var transport: CurlTransport?
    private var token: Token?
    /// The running call's deadline and the HTTP requests it has sent so far.
    private var call = CallProgress()
    private let counters = Locked(SessionStats())

    /// The token request's fixed parts, made at the first token request (the configuration
    /// does not change; a session that is only created costs less). Owned by the gate's holder.
    private lazy var tokenForm = OAuth.Form(configuration, baseURL: baseURL, basePath: basePath)
    /// The validator's verdict on the credentials, made at the first token request (owned by
    /// the gate's holder, like the token). An enum of its own: read at every token request, an
    /// optional Result cost three copies and destroys of it each time.
    private enum CredentialsVerdict { case unchecked, accepted, refused(FlexitiError) }
    private var credentialsVerdict = CredentialsVerdict.unchecked
    /// "lang=…" for every call's query, or nil.
    private let langQuery: String?
    /// The answer pre-pass's output buffer (JSONParser.AnswerScratch). Owned by the gate's holder.
    private let answerScratch = JSONParser.AnswerScratch()

    struct CallProgress {
        var deadlineMs = Int64.max
        /// Requests sent for the call's own endpoint, and for the tokens got on the way (a call
        /// sends no other): an error reports the attempts of the request that failed.
        var callRequests = 0
        var tokenRequests = 0
        func count(_ e: Endpoint) -> Int { e.isToken ? tokenRequests : callRequests }
        mutating func add(_ e: Endpoint, _ n: Int) {
            if e.isToken { tokenRequests += n } else { callRequests += n }
        }
    }
    /// One call at a time, each waiting for its turn only until its own deadline.
    private let gate = CallGate()
    /// Injectable for tests: monotonic seconds.
    let now: @Sendable () -> Int64
    /// Injectable for tests: the retry loop's clock, sleep and jitter.
    let timing: CallTiming

    package init(configuration: SessionConfiguration, clock: @escaping @Sendable () -> Int64 = MonotonicClock.seconds,
                timing: CallTiming = .system) throws(FlexitiError) {
        let base = try configuration.validatedBaseURL()
        // Loads libcurl at the first session of the process (Sources/CCurl).
        if let e = CurlGlobal.initialize() { throw e }
        guard let transport = CurlTransport(options: configuration.transport) else {
            throw FlexitiError(.outOfMemory, "libcurl could not create a handle")
        }
        self.configuration = configuration
        self.baseURL = base
        self.basePath = Session.pathPart(of: base)
        self.transport = transport
        self.langQuery = configuration.lang.map { "lang=" + PercentEncoding.encode($0) }
        self.now = clock
        self.timing = timing
    }

    deinit {
        token?.wipe()
    }

    /// Ends the session for good, whoever still holds it (an iterator): wipes the token and the
    /// client secret and closes the connection. Every later call fails with `.misuse`. Waits
    /// for a running call to finish.
    package func close() {
        _ = gate.enter(waitMs: nil)
        token?.wipe()
        token = nil
        transport = nil
        gate.leave()
        configuration.clientSecret.wipe()
    }

    /// Never waits for a running call.
    package var stats: SessionStats { counters.withLock { $0 } }

    /// Gets a token now (otherwise the first call does).
    package func authenticate() -> Result<Void, FlexitiError> {
        runCall(Endpoints.token) {
            token?.wipe()
            token = nil
            return ensureToken().map { _ in () }
        }
    }

    /// Sends a call, authenticating first if needed and once more after a 401 invalid_token.
    package func send(_ call: APICall) -> Result<APIResponse, FlexitiError> {
        let prepared = prepare(call)
        defer { prepared.scrub() }
        return deliver(prepared)
    }

    /// Sends a money-moving call under the request's idempotency key. The key is bound to the
    /// bytes sent: a different operation under a key that may already have performed one is
    /// refused (nothing sent), and the operation is remembered once it may have happened.
    func sendMoney(_ request: inout PurchaseRequest, _ endpoint: Endpoint,
                   pathParams: [String: String]) -> Result<APIResponse, FlexitiError> {
        // The session's client id unless the caller gave one, read in place: no dictionary per call.
        let clientId = configuration.clientId
        // An empty dictionary still hashes the name on every lookup: authorize passes none.
        func value(_ name: String) -> String? {
            (pathParams.isEmpty ? nil : pathParams[name]) ?? (name == "client_id" ? clientId : nil)
        }
        let prepared = PreparedCall.checked(request, endpoint, path: value, baseURL: baseURL, langQuery: langQuery)
        defer { prepared.scrub() }
        if let e = request.conflict(prepared) { return .failure(e) }
        let result = Journal.around(configuration.journal, key: request.idempotencyKey, record: {
            var params = pathParams
            if params["client_id"] == nil { params["client_id"] = clientId }
            return request.journalRecord(endpoint, pathParams: params, body: request.body())
        }) {
            deliver(prepared)
        }
        request.settle(prepared, result)
        return result
    }

    /// Validates, cleans up and writes a call: the only place a request is built.
    func prepare(_ call: APICall) -> PreparedCall {
        PreparedCall.checked(call, baseURL: baseURL, langQuery: langQuery)
    }

    /// Sends a prepared call (or refuses it, when the validator found problems).
    private func deliver(_ p: PreparedCall) -> Result<APIResponse, FlexitiError> {
        if !p.fieldErrors.isEmpty {
            var e = ParameterCheck.wrongInputs(p.fieldErrors)
            e.method = p.endpoint.method.rawValue
            e.endpoint = p.endpoint.template
            return .failure(e)
        }
        var reauthenticated = false
        return runCall(p.endpoint) {
            while true {
                let authorization: String
                switch ensureToken() {
                case let .success(header): authorization = header.reveal()
                case let .failure(e): return .failure(e)
                }
                switch perform(p, authorization: authorization) {
                case let .failure(e) where e.code == .invalidToken && !reauthenticated:
                    // The token was revoked or expired early: get a new one and try once more.
                    configuration.logger?.log(.reauthenticate, method: p.endpoint.method.rawValue,
                                              endpoint: p.endpoint.template, referenceId: e.referenceId)
                    token?.wipe()
                    token = nil
                    reauthenticated = true
                    continue
                case let outcome:
                    return outcome
                }
            }
        }
    }

    /// Runs one call: alone on the session, within the total timeout (the wait for a busy shared
    /// session, every attempt and every backoff included), repeating failed attempts that
    /// Repeat.classify sends after a backoff while the budget and the deadline allow.
    private func runCall<T>(_ endpoint: Endpoint, _ attempt: () -> Result<T, FlexitiError>) -> Result<T, FlexitiError> {
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
        guard transport != nil else {
            return .failure(FlexitiError(.misuse, "the session was freed; nothing was sent").before(endpoint))
        }
        call = CallProgress(deadlineMs: deadline)
        defer { call = CallProgress() }
        var retries = 0
        // The first attempt of this call that may have performed it with no definite answer
        // (docs/errors.md, "Outcome of a call"): only a later success under the same key
        // settles it; no later failure downgrades it.
        var unknown: FlexitiError?
        while true {
            switch attempt() {
            case let .success(value):
                return .success(value)
            case var .failure(e):
                let isTheCall = e.method == endpoint.method.rawValue && e.endpoint == endpoint.template
                e.attempts = attempts(of: e, isTheCall: isTheCall, endpoint)
                if unknown == nil && isTheCall && e.code == .outcomeUnknown { unknown = e }
                if retries < policy.maxRetries && e.next == .afterBackoff {
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
                    e = Session.stillUnknown(first, last: e, attempts: call.count(endpoint))
                }
                logger?.log(.callFailed(attempts: e.attempts, code: e.code, elapsedMs: timing.nowMs() - start),
                            method: e.method, endpoint: e.endpoint, referenceId: e.referenceId)
                return .failure(e)
            }
        }
    }

    /// Requests sent so far for the request an error is about.
    private func attempts(of e: FlexitiError, isTheCall: Bool, _ endpoint: Endpoint) -> Int {
        if isTheCall { return call.count(endpoint) }
        if e.method == Endpoints.token.method.rawValue && e.endpoint == Endpoints.token.template { return call.tokenRequests }
        return 0
    }

    /// The call's error when an earlier attempt may have performed it and a later one failed:
    /// outcome unknown, with the request's context and key, and what the last attempt saw
    /// (its HTTP status, error string, transport detail and reference id) for diagnosis.
    static func stillUnknown(_ first: FlexitiError, last: FlexitiError, attempts: Int) -> FlexitiError {
        if last.code == .outcomeUnknown && last.method == first.method && last.endpoint == first.endpoint {
            var e = last
            e.attempts = attempts
            e.retryable = first.retryable
            e.next = first.next
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

    /// The authorization header's value ("Bearer " + a valid token), getting a token if needed.
    /// Revealed by the caller that sends it (authenticate only needs the token to exist).
    private func ensureToken() -> Result<Secret, FlexitiError> {
        if let t = token, now() < t.renewAt { return .success(t.authorization) }
        token?.wipe()
        token = nil
        switch requestToken() {
        case let .success(t):
            token = t
            return .success(t.authorization)
        case let .failure(e):
            return .failure(e)
        }
    }

    /// POST /oauth/token with the client credentials (OAuth builds it and reads the answer).
    private func requestToken() -> Result<Token, FlexitiError> {
        switch credentialsVerdict {
        case .accepted:
            break
        case let .refused(e):
            return .failure(e)
        case .unchecked:
            if let e = OAuth.Form.refusal(configuration) {
                credentialsVerdict = .refused(e)
                return .failure(e)
            }
            credentialsVerdict = .accepted
        }
        var (request, context) = tokenForm.request(secret: configuration.clientSecret)
        defer { request.body?.withUnsafeMutableBytes { Secret.zero($0) } }
        counters.withLock { $0.tokenRequests += 1 }
        let issuedAt = now()
        switch exchange(&request, context: context) {
        case let .failure(e):
            return .failure(e)
        case let .success(r):
            return OAuth.token(from: r.json, issuedAt: issuedAt).mapError { r.failure($0.code, $0.message) }
        }
    }

    // MARK: - One HTTP exchange

    /// `authorization`: the header's value (ensureToken).
    private func perform(_ p: PreparedCall, authorization: String) -> Result<APIResponse, FlexitiError> {
        let referenceId = Identifiers.referenceId()
        // The token was checked when it was cached (Token.isWellFormed), so "Bearer " + token is
        // a header the API takes (RequestValidator.validateAuthorization).
        var headers: [(String, String)] = []
        headers.reserveCapacity(5)  // one allocation for the array, whatever is added
        headers.append(("authorization", authorization))
        headers.append(("x-reference-id", referenceId))
        headers.append(("accept", "application/json"))
        if p.body != nil { headers.append(("content-type", "application/json")) }
        if !p.idempotencyKey.isEmpty { headers.append(("x-idempotency-key", p.idempotencyKey)) }
        var request = HTTPRequest(method: p.endpoint.method, url: p.url, headers: headers, body: p.body)
        request.sendAtMostOnce = Repeat.sendAtMostOnce(p.endpoint, idempotencyKey: p.idempotencyKey)
        let context = ErrorContext(endpoint: p.endpoint, url: p.url, pathStart: p.basePathStart, pathEnd: p.pathEnd,
                                   referenceId: referenceId, idempotencyKey: p.idempotencyKey)
        return exchange(&request, context: context)
    }

    /// Sends one request (with the time left before the call's deadline as its timeout), logs it
    /// and turns the answer into JSON or a FlexitiError.
    /// `request` is the caller's own, changed in place (its timeout, a fresh reference id): no copy.
    private func exchange(_ request: inout HTTPRequest, context: ErrorContext) -> Result<APIResponse, FlexitiError> {
        var context = context
        let logger = configuration.logger
        let endpoint = context.endpoint
        let method = endpoint.method.rawValue, template = endpoint.template
        let remaining = call.deadlineMs - timing.nowMs()
        guard remaining >= 1 else {
            let f = TransportFailure(code: .timeout, detail: "the call's total timeout was reached before this request was sent",
                                     requestMayHaveBeenSent: false)
            return .failure(ResponseMapping.transportError(f, context: context))
        }
        request.timeoutMs = remaining
        var freshConnection = false
        // The attempt given up for a new connection may have been delivered (then it counts).
        var earlierMaybeDelivered = false
        var result: Result<APIResponse, FlexitiError>
        var attempt = 0, started = Int64(0), extra = 0
        while true {
            guard let transport else {
                return .failure(context.error(.misuse, "the session was freed; nothing was sent"))
            }
            call.add(endpoint, 1)
            counters.withLock { $0.requests += 1 }
            attempt = call.count(endpoint)
            logger?.log(.requestStart(attempt: attempt), method: method, endpoint: template, referenceId: context.referenceId)
            started = timing.nowMs()
            let outcome = transport.perform(request, freshConnection: freshConnection)
            // libcurl may have sent the request again on its own (a reused connection that died):
            // every request that left counts.
            extra = max(transport.requestsSent, 1) - 1
            let opened: Bool
            if case let .success(r) = outcome { opened = r.newConnection } else { opened = false }
            if extra > 0 || opened {
                call.add(endpoint, extra)
                counters.withLock { c in
                    c.requests += extra
                    if opened { c.connectionsOpened += 1 }
                }
            }
            if !freshConnection, case let .failure(f) = outcome,
               Repeat.classify(.transport(f, code: f.code, canReconnect: true), endpoint: endpoint,
                               idempotencyKey: context.idempotencyKey, retriesOn: configuration.retry.maxRetries > 0).next == .freshConnectionNow {
                let left = call.deadlineMs - timing.nowMs()
                if left >= 1 {
                    // Not a retry of the policy: the connection, not the request, failed.
                    logger?.log(.freshConnection(attempt: attempt, code: f.code, delivered: !f.notDelivered),
                                method: method, endpoint: template, referenceId: context.referenceId)
                    earlierMaybeDelivered = !f.notDelivered
                    request.timeoutMs = left
                    freshConnection = true
                    // A new x-reference-id, as for every attempt: nginx or Flexiti logs each once.
                    let referenceId = Identifiers.referenceId()
                    request.headers = request.headers.map { $0.0 == "x-reference-id" ? ($0.0, referenceId) : $0 }
                    context = ErrorContext(endpoint: endpoint, path: context.path, referenceId: referenceId,
                                           idempotencyKey: context.idempotencyKey)
                    continue
                }
            }
            result = interpret(outcome, context: context)
            break
        }
        switch result {
        case var .success(r):
            r.attempts = call.count(endpoint)
            result = .success(r)
        case let .failure(e) where (extra > 0 || earlierMaybeDelivered) && endpoint.changesState && e.code != .outcomeUnknown:
            // libcurl re-sends only after a connection died with no answer: that earlier send
            // may have been performed, whatever the re-send then met. The same holds for an
            // attempt given up for a new connection that may have been delivered.
            var lost = context.error(.outcomeUnknown, "the request was sent on a kept-alive connection that died without an answer; it was sent again")
            lost.apply(Repeat.classify(.resent, endpoint: endpoint, idempotencyKey: context.idempotencyKey))
            result = .failure(Session.stillUnknown(lost, last: e, attempts: call.count(endpoint)))
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

    private func interpret(_ outcome: Result<HTTPResponse, TransportFailure>, context: ErrorContext) -> Result<APIResponse, FlexitiError> {
        switch outcome {
        case let .failure(f):
            return .failure(ResponseMapping.transportError(f, context: context))
        case let .success(response):
            if (200..<300).contains(response.status) {
                let empty = response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
                let json: JSONNode
                var keys: Int? = nil  // the members of the text, to compare with the tree's
                if empty, let nothing = JSONNode.emptyObject() {
                    json = nothing
                } else if let (parsed, members) = JSONParser.answer(response.body, scratch: answerScratch) {
                    json = parsed
                    keys = members
                } else {
                    return .failure(context.unusableSuccess(status: response.status, problem: "the answer is not valid JSON"))
                }
                // One walk checks the numbers and counts the members jansson kept: fewer than
                // the text's mean a repeated key (JSONParser.answer).
                let numbers = AnswerNumbers.check(json)
                if let keys, numbers.members != keys {
                    return .failure(context.unusableSuccess(status: response.status, problem: "the answer is not valid JSON"))
                }
                if let problem = AnswerCheck.problem(json, empty: empty, shape: context.endpoint.answerShape) {
                    return .failure(context.unusableSuccess(status: response.status, problem: problem, apiError: json["error"]?.text ?? ""))
                }
                if let bad = numbers.unreadable {
                    return .failure(context.unusableSuccess(status: response.status, problem: "the answer holds a number that cannot be read exactly (\(bad))"))
                }
                return .success(APIResponse(status: response.status, json: json, referenceId: context.referenceId, context: context))
            }
            return .failure(ResponseMapping.httpError(status: response.status, body: response.body, context: context))
        }
    }

    static func pathPart(of url: String) -> String {
        // "https://host:port/flexiti/pos-api" → "/flexiti/pos-api": from the third "/" on.
        var slashes = 0
        for i in url.utf8.indices where url.utf8[i] == UInt8(ascii: "/") {
            slashes += 1
            if slashes == 3 { return String(url.utf8[i...]) ?? "" }
        }
        return ""
    }
}

/// A cached access token. `renewAt` is in the session clock's seconds.
struct Token {
    let accessToken: Secret
    let renewAt: Int64
    /// "Bearer " + the token, the authorization header every call sends: written once per token.
    let authorization: Secret

    init(accessToken: Secret, renewAt: Int64) {
        self.accessToken = accessToken
        self.renewAt = renewAt
        self.authorization = Secret(prefix: "Bearer ", accessToken)
    }

    func wipe() {
        accessToken.wipe()
        authorization.wipe()
    }

    /// The longest token that fits the API's 1000-character authorization header ("Bearer " + token).
    static let maxLength = 1000 - 7

    /// What can be sent as a bearer token: 1 to maxLength printable ASCII characters.
    static func isWellFormed(_ token: String) -> Bool {
        var token = token
        return token.withUTF8 { b in b.count >= 1 && b.count <= maxLength && !b.contains { $0 <= 0x20 || $0 >= 0x7F } }
    }
}
