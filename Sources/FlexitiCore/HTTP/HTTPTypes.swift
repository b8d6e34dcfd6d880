package enum HTTPMethod: String, Sendable {
    case get = "GET"
    case post = "POST"
}

package struct HTTPRequest: Sendable {
    package var method: HTTPMethod
    package var url: String
    package var headers: [(String, String)]
    package var body: [UInt8]?
    /// The most this request may take, when less than the configured total (the call's
    /// deadline is nearer).
    package var timeoutMs: Int64?
    /// Must reach the server at most once (a call that changes state, without idempotency key).
    package var sendAtMostOnce = false

    package init(method: HTTPMethod, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

package struct HTTPResponse: Sendable {
    package var status: Int
    package var body: [UInt8]
    /// True when this transfer opened a new connection (false: an existing one was reused).
    package var newConnection: Bool
}

/// Why no HTTP response arrived. `requestMayHaveBeenSent` decides between "failed" and
/// "outcome unknown" for money-moving calls.
package struct TransportFailure: Error, Sendable {
    package var code: ErrorCode
    package var detail: String
    package var requestMayHaveBeenSent: Bool
    /// Provably never reached the server (docs/errors.md, "Delivered or not").
    package var notDelivered = false
    /// Failed on a kept-alive connection that had served earlier requests, before any byte of
    /// an answer: the server (or a balancer) had closed it while idle.
    package var staleConnection = false
}
