import Glibc

/// When and how long to wait before repeating a failed request (stripe's rules).
///
/// Repeated: connect errors, timeouts, other network errors and HTTP 500/502/503/504, on
/// requests that change nothing (GETs, the token) and on money-moving POSTs that carry an
/// idempotency key (the server answers the first outcome again). A money-moving POST without
/// a key is never repeated; TLS errors never are. The whole call, retries and waits included,
/// stays within the total timeout (see `Session.send`).
package struct RetryPolicy: Sendable, Equatable {
    /// Extra attempts after the first (stripe: 2).
    package var maxRetries = Defaults.maxRetries
    /// Wait before the first retry; doubled each time, capped, then jittered.
    package var baseDelayMs = Defaults.retryBaseDelayMs
    package var maxDelayMs = Defaults.retryMaxDelayMs

    package init() {}

    package init(maxRetries: Int, baseDelayMs: Int, maxDelayMs: Int) {
        self.maxRetries = maxRetries
        self.baseDelayMs = baseDelayMs
        self.maxDelayMs = maxDelayMs
    }

    /// The wait before retry number `retry` (1-based): min(max, base * 2^(retry-1)) scaled by a
    /// random factor in [0.5, 1] so that many registers do not retry in lockstep.
    package func delayMs(retry: Int, random: Double) -> Int64 {
        let shift = min(max(retry - 1, 0), 30)
        let (grown, overflow) = Int64(max(baseDelayMs, 0)).multipliedReportingOverflow(by: Int64(1) << shift)
        let capped = min(overflow ? Int64.max : grown, Int64(max(maxDelayMs, 0)))
        // Integer halves: a Double near Int64.max would not convert back (a trap).
        let half = capped / 2
        return half + Int64(Double(capped - half) * min(max(random, 0), 1))
    }
}

/// Every decision about repeating a request, in one place: which requests libcurl may send
/// twice, what follows a failed attempt (a repeat on a fresh connection now, one after the
/// backoff, or none) and what the error tells the caller (`retryable`). docs/errors.md,
/// "Outcome of a call" and "Delivered or not", describes the rules.
package enum Repeat {
    /// What follows a failed attempt.
    package enum Next: Equatable, Sendable {
        /// The kept-alive connection, not the request, failed: send again at once on a new one
        /// (not a retry of the policy).
        case freshConnectionNow
        /// Send again after the policy's backoff, while retries and the deadline allow.
        case afterBackoff
        /// The attempt's error is the call's.
        case final
    }

    /// How an attempt failed, as far as repeating it is concerned.
    package enum Failure {
        /// No answer: the transport's failure, with the code the error carries (a lost answer to
        /// a call that changes state is outcome unknown). `canReconnect`: the attempt went out on
        /// a kept-alive connection and a new one may still be tried within the deadline.
        case transport(TransportFailure, code: ErrorCode, canReconnect: Bool = false)
        /// An HTTP error status.
        case http(status: Int)
        /// A 2xx answer that is not the success it should be; `code` is what the error carries.
        case unusableSuccess(code: ErrorCode)
        /// libcurl sent the request again after a kept-alive connection died without an answer.
        case resent
    }

    package struct Decision: Sendable {
        package let next: Next
        /// Reported as flx_error_retryable: sending the same request again cannot do harm and may succeed.
        package let retryable: Bool
        /// Why, for the reader of the code and of the debug log.
        package let reason: StaticString
    }

    /// A request that changes nothing, or one protected by an idempotency key: the server
    /// performs it at most once however often it arrives.
    package static func isHarmless(_ endpoint: Endpoint, idempotencyKey: String) -> Bool {
        !endpoint.changesState || !idempotencyKey.isEmpty
    }

    /// Must reach the server at most once: libcurl may not re-send it on its own (a fresh
    /// connection), and no repeat follows a failure that may have delivered it.
    package static func sendAtMostOnce(_ endpoint: Endpoint, idempotencyKey: String) -> Bool {
        !isHarmless(endpoint, idempotencyKey: idempotencyKey)
    }

    /// The one classification of a failed attempt of `endpoint` (sent with `idempotencyKey`).
    /// `retriesOn`: the policy allows repeats at all (maxRetries > 0).
    package static func classify(_ failure: Failure, endpoint: Endpoint, idempotencyKey: String,
                                 retriesOn: Bool = true) -> Decision {
        let harmless = isHarmless(endpoint, idempotencyKey: idempotencyKey)
        // Never repeat a money-moving request without its key by policy, even when it apparently
        // was not sent: only the key makes a repeat provably harmless.
        let policyMayRepeat = !(endpoint.movesMoney && idempotencyKey.isEmpty)
        switch failure {
        case let .transport(f, code, canReconnect):
            if canReconnect && f.staleConnection && (f.notDelivered || (harmless && retriesOn)) {
                return Decision(next: .freshConnectionNow, retryable: true,
                                reason: "a stale kept-alive connection failed before any answer, and the request provably never left or may be repeated")
            }
            guard code != .tls else { return Decision(next: .final, retryable: false, reason: "TLS errors are never repeated") }
            guard [.connect, .timeout, .transport, .outcomeUnknown].contains(code) else {
                return Decision(next: .final, retryable: false, reason: "not a transient failure")
            }
            if !f.requestMayHaveBeenSent {
                return policyMayRepeat
                    ? Decision(next: .afterBackoff, retryable: true, reason: "nothing was sent")
                    : Decision(next: .final, retryable: true, reason: "nothing was sent, but a money-moving request without key is never repeated by the library")
            }
            return harmless
                ? Decision(next: .afterBackoff, retryable: true, reason: "may have been sent, and repeating is harmless")
                : Decision(next: .final, retryable: false, reason: "may have been sent, and a repeat could perform it twice")
        case let .http(status):
            guard [500, 502, 503, 504].contains(status) else {
                return Decision(next: .final, retryable: false, reason: "a definite answer")
            }
            return harmless
                ? Decision(next: .afterBackoff, retryable: true, reason: "a server or gateway error, and repeating is harmless")
                : Decision(next: .final, retryable: false, reason: "a server or gateway error on a request that must not be repeated")
        case let .unusableSuccess(code):
            return code == .outcomeUnknown && harmless
                ? Decision(next: .afterBackoff, retryable: true, reason: "performed with an unusable answer; the key makes a repeat return the first outcome")
                : Decision(next: .final, retryable: false, reason: "an unusable answer")
        case .resent:
            return harmless
                ? Decision(next: .afterBackoff, retryable: true, reason: "sent twice on a dying connection, and repeating is harmless")
                : Decision(next: .final, retryable: false, reason: "sent twice on a dying connection")
        }
    }
}

/// Time for the retry loop: a monotonic clock, a sleep and a random source. Production uses
/// the real ones; tests inject a virtual clock whose sleep only moves time forward.
package struct CallTiming: Sendable {
    package var nowMs: @Sendable () -> Int64
    package var sleepMs: @Sendable (Int64) -> Void
    package var random: @Sendable () -> Double

    package init(nowMs: @escaping @Sendable () -> Int64, sleepMs: @escaping @Sendable (Int64) -> Void,
                random: @escaping @Sendable () -> Double) {
        self.nowMs = nowMs
        self.sleepMs = sleepMs
        self.random = random
    }

    package static let system = CallTiming(
        nowMs: { MonotonicClock.milliseconds() },
        sleepMs: { ms in
            guard ms > 0 else { return }
            var ts = timespec(tv_sec: Int(ms / 1000), tv_nsec: Int(ms % 1000) * 1_000_000)
            var rest = timespec()
            while nanosleep(&ts, &rest) != 0 && errno == EINTR { ts = rest }
        },
        random: { Double.random(in: 0...1) }
    )
}

extension MonotonicClock {
    package static func milliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

/// Lets one call at a time use a session, waiting for its turn at most until a deadline, so a
/// call stuck behind another call on a shared session still returns within its own budget.
/// A pthread mutex and condition variable (on CLOCK_MONOTONIC), which ThreadSanitizer understands.
final class CallGate: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var busy = false

    init() {
        pthread_mutex_init(mutex, nil)
        var attr = pthread_condattr_t()
        pthread_condattr_init(&attr)
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC)
        pthread_cond_init(cond, &attr)
        pthread_condattr_destroy(&attr)
    }

    deinit {
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        cond.deallocate()
        mutex.deallocate()
    }

    /// Waits for the session for at most `waitMs` (nil: as long as it takes). False on timeout.
    func enter(waitMs: Int64?) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if busy, let waitMs {
            var until = timespec()
            clock_gettime(CLOCK_MONOTONIC, &until)
            let ns = Int64(until.tv_nsec) + max(waitMs, 0) % 1000 * 1_000_000
            until.tv_sec += Int(max(waitMs, 0) / 1000 + ns / 1_000_000_000)
            until.tv_nsec = Int(ns % 1_000_000_000)
            while busy {
                if pthread_cond_timedwait(cond, mutex, &until) == ETIMEDOUT && busy { return false }
            }
        } else {
            while busy { pthread_cond_wait(cond, mutex) }
        }
        busy = true
        return true
    }

    func leave() {
        pthread_mutex_lock(mutex)
        busy = false
        pthread_cond_signal(cond)
        pthread_mutex_unlock(mutex)
    }
}
