import Glibc

/// Monotonic seconds, for token expiry (immune to wall-clock changes).
package enum MonotonicClock {
    package static func seconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec)
    }
}
