public enum HTTPMethod: String, Sendable {
    case get = "GET"
    case post = "POST"
}

public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]?
    /// The most this request may take, when less than the configured total (the call's
    /// deadline is nearer).
    public var timeoutMs: Int64?
    /// Must reach the server at most once (a call that changes state, without idempotency key).
    public var sendAtMostOnce = false

    public init(method: HTTPMethod, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: [UInt8]
    /// True when this transfer opened a new connection (false: an existing one was reused).
    public var newConnection: Bool
}

/// Why no HTTP response arrived. `requestMayHaveBeenSent` decides between "failed" and
/// "outcome unknown" for money-moving calls.
public struct TransportFailure: Error, Sendable {
    public var code: ErrorCode
    public var detail: String
    public var requestMayHaveBeenSent: Bool
}
