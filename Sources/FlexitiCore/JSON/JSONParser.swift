/// Parses response bodies (RFC 8259, UTF-8) straight into `JSONValue`.
///
/// Hand-written rather than jansson, for what the benchmark measured (docs/performance.md): money
/// needs each number's exact text, which jansson gives only if the input is rewritten first, and
/// parsing with jansson then copying its tree into `JSONValue` took more instructions than
/// libcurl's whole HTTP exchange (about 260k against 110k for a customer lookup; now about 37k).
/// Strict: invalid UTF-8, control characters in strings, `\u0000`, lone surrogates, duplicate
/// keys, trailing bytes and nesting deeper than `maxDepth` are refused (nil). Never a trap: every
/// read of the buffer comes after an explicit bounds check.
public enum JSONParser {
    /// At most this many nested objects/arrays (Flexiti's answers nest about 4 deep). The parser
    /// recurses once per level, so this also bounds its stack use on small host threads.
    public static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        bytes.withUnsafeBufferPointer { buf -> JSONValue? in
            var p = Parser(buf)
            guard let v = p.value(depth: 0) else { return nil }
            p.skipWhitespace()
            return p.i == buf.count ? v : nil
        }
    }
}

private struct Parser {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// The byte at i, or nil at the end.
    @inline(__always) func peek() -> UInt8? { i < b.count ? b[i] : nil }

    mutating func skipWhitespace() {
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    /// A value whose containers would be nested `depth + 1` deep.
    mutating func value(depth: Int) -> JSONValue? {
        skipWhitespace()
        guard let c = peek() else { return nil }
        switch c {
        case UInt8(ascii: "{"): return depth < JSONParser.maxDepth ? object(depth: depth) : nil
        case UInt8(ascii: "["): return depth < JSONParser.maxDepth ? array(depth: depth) : nil
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "-"), 0x30...0x39: return number()
        default: return nil
        }
    }

    mutating func literal(_ word: StaticString, _ v: JSONValue) -> JSONValue? {
        let n = word.utf8CodeUnitCount
        guard b.count - i >= n else { return nil }
        let w = word.utf8Start
        for k in 0..<n where b[i + k] != w[k] { return nil }
        i += n
        return v
    }

    mutating func object(depth: Int) -> JSONValue? {
        i += 1  // {
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(16)  // Flexiti's objects have 2 to 30 members; saves regrowing
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\""), let key = string() else { return nil }
            // Duplicate keys are refused; comparing lengths first keeps this cheap (profiled).
            let n = key.utf8.count
            for (k, _) in members where k.utf8.count == n && k == key { return nil }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let v = value(depth: depth + 1) else { return nil }
            members.append((key, v))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return .object(members)
            default: return nil
            }
        }
    }

    mutating func array(depth: Int) -> JSONValue? {
        i += 1  // [
        var items: [JSONValue] = []
        items.reserveCapacity(8)
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            guard let v = value(depth: depth + 1) else { return nil }
            items.append(v)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return .array(items)
            default: return nil
            }
        }
    }

    /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, kept as text.
    mutating func number() -> JSONValue? {
        let start = i
        if peek() == UInt8(ascii: "-") { i += 1 }
        guard let first = peek(), first >= 0x30, first <= 0x39 else { return nil }
        i += 1
        if first != 0x30 { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            i += 1
            guard skipDigits() > 0 else { return nil }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            i += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { i += 1 }
            guard skipDigits() > 0 else { return nil }
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
    }

    @discardableResult
    mutating func skipDigits() -> Int {
        let start = i
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        return i - start
    }

    /// A string starting at the opening quote; nil if malformed or not UTF-8.
    mutating func string() -> String? {
        i += 1  // opening quote
        let start = i
        var ascii = true
        // Fast path: no escapes. ASCII needs no validation (the generic validator was the largest
        // item of a lookup's profile); anything else is validated by the standard library. A
        // local index and the raw base pointer keep the loop in registers (profiled too).
        guard let base = b.baseAddress else { return nil }
        let n = b.count
        var j = i
        while j < n {
            let c = base[j]
            // Printable ASCII other than " and \ (one wrapping subtraction covers 0x20..<0x80).
            if c &- 0x20 < 0x60, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\") { j += 1; continue }
            if c == UInt8(ascii: "\"") {
                let bytes = UnsafeBufferPointer(start: base + start, count: j - start)
                i = j + 1
                return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { return nil }
            ascii = false  // 0x80 and above
            j += 1
        }
        i = j
        guard i < b.count else { return nil }
        var out = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                return String(validating: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let e = peek() else { return nil }
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    UTF8.encode(scalar) { out.append($0) }
                default: return nil
                }
            default:
                if c < 0x20 { return nil }
                out.append(c)
            }
        }
        return nil
    }

    /// After `\u`: four hex digits, or a surrogate pair written as two escapes. No U+0000.
    mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let hi = hex4() else { return nil }
        var code = hi
        if (0xD800...0xDBFF).contains(hi) {
            guard b.count - i >= 2, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else { return nil }
            i += 2
            guard let lo = hex4(), (0xDC00...0xDFFF).contains(lo) else { return nil }
            code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(hi) {
            return nil
        }
        guard code != 0 else { return nil }
        return Unicode.Scalar(code)
    }

    mutating func hex4() -> UInt32? {
        guard b.count - i >= 4 else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }
}
