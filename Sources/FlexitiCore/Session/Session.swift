/// A call to make: an endpoint, its path parameters, query and body.
public struct APICall: Sendable {
    public var endpoint: Endpoint
    public var pathParams: [String: String] = [:]
    public var query: [(String, String)] = []
    public var body: JSONValue? = nil
    /// Sent as x-idempotency-key (money-moving POSTs).
    public var idempotencyKey: String? = nil

    public init(_ endpoint: Endpoint) { self.endpoint = endpoint }
}

/// A successful answer.
public struct APIResponse: Sendable {
    public var status: Int
    public var json: JSONValue
    public var referenceId: String
}

/// Counters for tests and benchmarks (connection reuse, token requests).
public struct SessionStats: Sendable, Equatable {
    public var requests = 0
    public var connectionsOpened = 0
    public var tokenRequests = 0
}

/// An authenticated connection to Flexiti: one libcurl handle (kept-alive connection) and one
/// cached token. Safe to share between threads: calls on one session run one at a time.
public final class Session: @unchecked Sendable {
    public let configuration: SessionConfiguration
    let baseURL: String
    /// The path part of the base URL, for error details ("/flexiti/pos-api").
    let basePath: String

    private struct State {
        var transport: CurlTransport
        var token: Token?
        var stats = SessionStats()
    }
    private let state: Locked<State>
    /// Injectable for tests: monotonic seconds.
    let now: @Sendable () -> Int64

    public init(configuration: SessionConfiguration, clock: @escaping @Sendable () -> Int64 = MonotonicClock.seconds) throws(FlexitiError) {
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
    }

    deinit {
        state.withLock { $0.token?.wipe() }
    }

    public var stats: SessionStats { state.withLock { $0.stats } }

    /// Gets a token now (otherwise the first call does).
    public func authenticate() -> Result<Void, FlexitiError> {
        state.withLock { s in
            s.token?.wipe()
            s.token = nil
            return ensureToken(&s).map { _ in () }
        }
    }

    /// Sends a call, authenticating first if needed and once more after a 401 invalid_token.
    public func send(_ call: APICall) -> Result<APIResponse, FlexitiError> {
        // Bad parameters fail here, offline, in the server's wrong_inputs shape; nothing is sent.
        let fieldErrors = RequestValidator.validate(call)
        if !fieldErrors.isEmpty {
            var e = ParameterCheck.wrongInputs(fieldErrors)
            e.method = call.endpoint.method.rawValue
            e.endpoint = call.endpoint.template
            return .failure(e)
        }
        return state.withLock { s in
            var reauthenticated = false
            var attempts = 0
            while true {
                let bearer: String
                switch ensureToken(&s) {
                case let .success(t): bearer = t
                case let .failure(e): return .failure(e)
                }
                attempts += 1
                let outcome = perform(call, bearer: bearer, state: &s)
                switch outcome {
                case let .failure(e) where e.code == .invalidToken && !reauthenticated:
                    // The token was revoked or expired early: get a new one and try once more.
                    s.token?.wipe()
                    s.token = nil
                    reauthenticated = true
                    continue
                case var .failure(e):
                    e.attempts = attempts
                    return .failure(e)
                case let .success(r):
                    return .success(r)
                }
            }
        }
    }

    // MARK: - Token

    private func ensureToken(_ s: inout State) -> Result<String, FlexitiError> {
        if let t = s.token, now() < t.renewAt { return .success(t.accessToken.reveal()) }
        s.token?.wipe()
        s.token = nil
        switch OAuth.requestToken(session: self, state: &s.transport, stats: &s.stats) {
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

        let request = HTTPRequest(method: call.endpoint.method, url: url, headers: headers, body: body)
        let context = ErrorContext(endpoint: call.endpoint, path: basePath + path, referenceId: referenceId,
                                   idempotencyKey: call.idempotencyKey ?? "")
        return exchange(request, context: context, state: &s.transport, stats: &s.stats)
    }

    /// Sends one request and turns the answer into JSON or a FlexitiError.
    func exchange(_ request: HTTPRequest, context: ErrorContext, state transport: inout CurlTransport,
                  stats: inout SessionStats) -> Result<APIResponse, FlexitiError> {
        stats.requests += 1
        switch transport.perform(request) {
        case let .failure(f):
            return .failure(ResponseMapping.transportError(f, context: context))
        case let .success(response):
            if response.newConnection { stats.connectionsOpened += 1 }
            if (200..<300).contains(response.status) {
                if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                    return .success(APIResponse(status: response.status, json: .object([]), referenceId: context.referenceId))
                }
                guard let json = JSONParser.parse(response.body) else {
                    var e = context.apply(to: FlexitiError(.malformedResponse, "the server's answer is not valid JSON"))
                    e.httpStatus = response.status
                    // A money-moving call answered 200 did happen; its details are unreadable.
                    if context.endpoint.movesMoney { e.code = .outcomeUnknown; e.message = "the operation was accepted (HTTP \(response.status)) but its answer is not valid JSON; read the state back" }
                    return .failure(e)
                }
                return .success(APIResponse(status: response.status, json: json, referenceId: context.referenceId))
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
    let refreshToken: Secret
    let renewAt: Int64

    func wipe() {
        accessToken.wipe()
        refreshToken.wipe()
    }
}
