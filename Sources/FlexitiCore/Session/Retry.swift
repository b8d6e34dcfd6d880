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

    /// Whether a failed attempt of `call` may be repeated.
    package static func mayRetry(_ e: FlexitiError, call: APICall) -> Bool {
        guard e.retryable, e.code != .tls else { return false }
        // Never repeat a money-moving request without its idempotency key, even when it
        // apparently was not sent: only the key makes a repeat provably harmless.
        let failedRequestIsTheCall = e.method == call.endpoint.method.rawValue && e.endpoint == call.endpoint.template
        if failedRequestIsTheCall && call.endpoint.movesMoney && (call.idempotencyKey ?? "").isEmpty { return false }
        return true
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
