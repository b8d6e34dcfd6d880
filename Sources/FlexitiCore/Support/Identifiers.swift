/// Random identifiers: x-reference-id (a GUID without hyphens, 32 characters as documented) and
/// idempotency keys.
package enum Identifiers {
    package static func referenceId() -> String { randomHex(bytes: 16) }
    package static func idempotencyKey() -> String { randomHex(bytes: 16) }

    static func randomHex(bytes: Int) -> String {
        // 8 random bytes per generator call: one getrandom() system call each, not one per byte;
        // the digits go straight into the String's storage (no intermediate array).
        var rng = SystemRandomNumberGenerator()
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: max(bytes, 0) * 2) { out in
            var word: UInt64 = 0
            digits.withUTF8Buffer { d in
                for k in 0..<max(bytes, 0) {
                    if k % 8 == 0 { word = rng.next() }
                    let b = Int(word & 0xff)
                    word >>= 8
                    out[2 * k] = d[b >> 4]
                    out[2 * k + 1] = d[b & 0x0f]
                }
            }
            return max(bytes, 0) * 2
        }
    }
}
