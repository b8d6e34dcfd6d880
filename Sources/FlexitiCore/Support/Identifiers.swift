/// Random identifiers: x-reference-id (a GUID without hyphens, 32 characters as documented) and
/// idempotency keys.
package enum Identifiers {
    package static func referenceId() -> String { randomHex(bytes: 16) }
    package static func idempotencyKey() -> String { randomHex(bytes: 16) }

    static func randomHex(bytes: Int) -> String {
        // 8 random bytes per generator call: one getrandom() system call each, not one per byte.
        var rng = SystemRandomNumberGenerator()
        let digits: StaticString = "0123456789abcdef"
        var out: [UInt8] = []
        out.reserveCapacity(bytes * 2)
        var word: UInt64 = 0
        for k in 0..<bytes {
            if k % 8 == 0 { word = rng.next() }
            let b = Int(word & 0xff)
            word >>= 8
            digits.withUTF8Buffer { d in
                out.append(d[b >> 4])
                out.append(d[b & 0x0f])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
