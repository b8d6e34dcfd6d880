/// The library's choices where the Flexiti documentation is silent, kept in one place.
/// docs/assumptions.md explains each; change them here.
package enum Defaults {
    package static let versionMajor = 0
    package static let versionMinor = 1
    package static let versionPatch = 0
    package static let versionString = "\(versionMajor).\(versionMinor).\(versionPatch)"
    package static let userAgent = "libflexiti/" + versionString

    package static let connectTimeoutMs = 10_000
    /// The budget of one whole call: every attempt, every backoff wait and the wait for a busy
    /// shared session included.
    package static let totalTimeoutMs = 60_000

    /// A kept-alive connection idle longer than this is not reused (CURLOPT_MAXAGE_CONN): below
    /// the idle timeouts of common load balancers (AWS ALB 60 s, nginx 75 s, Azure 4 min), so
    /// the library closes first instead of racing the balancer's close.
    package static let maxConnectionIdleSeconds = 50
    /// A connection older than this is not reused (CURLOPT_MAXLIFETIME_CONN, libcurl 7.80.0
    /// and later): spreads sessions over the balancer's back ends and follows DNS changes.
    package static let maxConnectionLifetimeSeconds = 300

    /// Retries of idempotent requests (stripe: 2, starting at 0.5 s, doubling, jittered).
    package static let maxRetries = 2
    package static let retryBaseDelayMs = 500
    package static let retryMaxDelayMs = 5_000

    /// Renew a token this many seconds before it expires ([S-REFRESH] recommends 60 s); for
    /// very short lifetimes (test sandboxes) a quarter of the lifetime instead.
    /// The longest token lifetime believed (a year); a longer `expires_in` is a broken answer.
    package static let maxTokenLifetime: Int64 = 366 * 24 * 3600

    package static func tokenRenewalMargin(expiresIn: Int64) -> Int64 {
        expiresIn >= 240 ? 60 : expiresIn / 4
    }

    /// The default token scope ([S-AUTH] leaves it unknown; merchant is valid on every endpoint).
    package static let scope = "merchant"

    /// A larger body is refused as malformed rather than buffered.
    package static let maxResponseBytes = 8 * 1024 * 1024
    /// page_size sent by the listing iterators (ASSUMPTION, Flexiti's API reference silent: default 10, max 100).
    package static let listPageSize = 50
    /// Longest C string the library accepts as an argument.
    package static let maxArgumentBytes = 64 * 1024
}

/// The Flexiti hosts ([S-OVERVIEW], Flexiti's API reference). The library appends `/v2.5/...` or `/v2.5.1/...`.
package enum Environment: Int32, Sendable {
    case training = 1
    case merchantIntegration = 2
    case production = 3

    package var baseURL: String {
        switch self {
        case .training: return "https://posapi-training.flexiti.fi/flexiti/pos-api"
        case .merchantIntegration: return "https://posapi-mi.flexiti.fi/flexiti/pos-api"
        case .production: return "https://posapi.flexiti.fi/flexiti/pos-api"
        }
    }
}
