/// Random identifiers: x-reference-id (a GUID without hyphens, 32 characters as documented) and
/// idempotency keys.
public enum Identifiers {
    public static func referenceId() -> String { randomHex(bytes: 16) }
    public static func idempotencyKey() -> String { randomHex(bytes: 16) }

    static func randomHex(bytes: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes * 2)
        for _ in 0..<bytes {
            let b = UInt8.random(in: 0...255, using: &rng)
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
