import CJansson
import CSecureMemory
import Glibc

/// Memory that held secrets is zeroed when given back (Sources/CSecureMemory): jansson's
/// allocator is installed on first use; libcurl's in CurlGlobal; the library's own frees are
/// wrapped at link time (Makefile, --wrap=free). The stack depth a call used is zeroed when the
/// objects that held secrets are freed.
package enum SecureMemory {
    /// Not if the application gave jansson an allocator of its own: replacing it would free
    /// the application's blocks with the wrong function.
    static let installed: Bool = flxsm_install_jansson() == 1

    package static func install() { _ = installed }

    /// Runs `body` (which frees objects), then zeroes the stack depth the library used on this
    /// thread: dead frames may still hold short secrets (a PIN fits inside a Swift String).
    package static func freeing(_ body: () -> Void) {
        body()
        flxsm_scrub_stack()
    }
}

/// A secret (client secret, token, PIN, security answer) kept in a byte buffer that is zeroed
/// when the owner goes away. Swift Strings made from it for a request are short-lived copies;
/// the long-lived copy is this one.
package final class Secret: @unchecked Sendable {
    private var bytes: [UInt8]

    package init(_ text: String) { bytes = Array(text.utf8) }

    /// `prefix` followed by another secret's bytes, with no String made of them on the way.
    init(prefix: StaticString, _ secret: Secret) {
        var b: [UInt8] = []
        b.reserveCapacity(prefix.utf8CodeUnitCount + secret.bytes.count)
        prefix.withUTF8Buffer { b.append(contentsOf: $0) }
        b.append(contentsOf: secret.bytes)
        bytes = b
    }

    package var isEmpty: Bool { bytes.isEmpty }
    package var count: Int { bytes.count }

    /// The secret as a String, for building one request.
    package func reveal() -> String { String(decoding: bytes, as: UTF8.self) }

    /// The secret's bytes, lent for the duration of `body` (no copy is made).
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { bytes.withUnsafeBufferPointer(body) }

    package func wipe() {
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            // explicit_bzero cannot be optimised away, unlike a plain loop before deallocation.
            explicit_bzero(base, raw.count)
        }
        bytes = []
    }

    deinit { wipe() }

    /// Zeroes bytes that held a secret (a request body), in a way the optimiser keeps.
    package static func zero(_ raw: UnsafeMutableRawBufferPointer) {
        if let base = raw.baseAddress { explicit_bzero(base, raw.count) }
    }
}
