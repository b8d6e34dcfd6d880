import Glibc

/// Random identifiers: x-reference-id (a GUID without hyphens, 32 characters as documented) and
/// idempotency keys.
package enum Identifiers {
    package static func referenceId() -> String { randomHex(bytes: 16) }
    package static func idempotencyKey() -> String { randomHex(bytes: 16) }

    static func randomHex(bytes: Int) -> String {
        let n = max(bytes, 0)
        // One system call (getentropy, glibc 2.25) for an identifier of up to 32 bytes (every one
        // the library makes); the generator (getrandom, 8 bytes a call) only when that fails.
        var raw: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let filled = n <= MemoryLayout.size(ofValue: raw)
            && withUnsafeMutableBytes(of: &raw) { getentropy($0.baseAddress, n) } == 0
        var rng = SystemRandomNumberGenerator()
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: n * 2) { out in
            withUnsafeBytes(of: raw) { pool in
                var word: UInt64 = 0
                digits.withUTF8Buffer { d in
                    for k in 0..<n {
                        let b: Int
                        if filled {
                            b = Int(pool[k])
                        } else {
                            if k % 8 == 0 { word = rng.next() }
                            b = Int(word & 0xff)
                            word >>= 8
                        }
                        out[2 * k] = d[b >> 4]
                        out[2 * k + 1] = d[b & 0x0f]
                    }
                }
            }
            return n * 2
        }
    }
}
