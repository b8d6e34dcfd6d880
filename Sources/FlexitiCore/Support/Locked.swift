import Glibc

/// A value guarded by a mutex. A pthread mutex rather than Synchronization.Mutex: on Linux the
/// latter is built on raw futex calls that ThreadSanitizer cannot see, so every access under it
/// would be reported as a race and hide real ones (scripts/tsan.sh).
package final class Locked<Value>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value

    package init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
