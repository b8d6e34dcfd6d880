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
        func write(_ out: UnsafeMutableRawBufferPointer) {
            guard let o = out.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            withUnsafeBytes(of: raw) { pool in
                var word: UInt64 = 0
                digits.withUTF8Buffer { d in
                    guard let hex = d.baseAddress else { return }
                    for k in 0..<n {
                        let b: Int
                        if filled {
                            b = Int(pool[k])
                        } else {
                            if k % 8 == 0 { word = rng.next() }
                            b = Int(word & 0xff)
                            word >>= 8
                        }
                        // Through pointers: out has room for 2 * n digits, b is one byte.
                        o[k &* 2] = hex[b >> 4]
                        o[k &* 2 &+ 1] = hex[b & 0x0f]
                    }
                }
            }
        }
        // The digits go to a buffer on the stack and become a String in one copy: a String
        // filled in place (init(unsafeUninitializedCapacity:)) is checked as UTF-8 byte by byte
        // afterwards, which cost more than making the digits (two identifiers per authorization).
        var stack: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        if n * 2 <= MemoryLayout.size(ofValue: stack) {
            return withUnsafeMutableBytes(of: &stack) { all in
                let out = UnsafeMutableRawBufferPointer(rebasing: all[0..<(n * 2)])
                write(out)
                return String(decoding: UnsafeRawBufferPointer(out).bindMemory(to: UInt8.self), as: UTF8.self)
            }
        }
        var text = [UInt8](repeating: 0, count: n * 2)
        text.withUnsafeMutableBytes { write($0) }
        return String(decoding: text, as: UTF8.self)
    }
}
