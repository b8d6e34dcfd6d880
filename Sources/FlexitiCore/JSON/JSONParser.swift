import CJansson

/// Parses response bodies with jansson.
///
/// jansson would turn every number into a C double or a 64-bit integer; money needs the exact
/// text. So a first pass rewrites each number token outside strings into a string carrying a
/// private prefix, and the conversion turns those back into `.number(text)`.
public enum JSONParser {
    /// `"\u0001#`: opens the string that carries a number (JSON text may not hold a raw U+0001).
    static let markerEscape: [UInt8] = Array("\"\\u0001#".utf8)
    static let markerPrefix = "\u{01}#"

    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        // The conversion below recurses once per level: a hostile answer nested thousands deep
        // must not exhaust a small POS thread's stack.
        guard nestingWithinLimit(bytes, limit: Defaults.maxJSONDepth) else { return nil }
        let quoted = quoteNumbers(bytes)
        var error = json_error_t()
        let root = quoted.withUnsafeBufferPointer { buf -> UnsafeMutablePointer<json_t>? in
            guard let base = buf.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                json_loadb($0, buf.count, Int(JSON_DECODE_ANY | JSON_REJECT_DUPLICATES), &error)
            }
        }
        guard let root else { return nil }
        defer { cshim_json_decref(root) }
        return convert(root)
    }

    /// False when arrays/objects nest deeper than `limit` (brackets inside strings do not count).
    static func nestingWithinLimit(_ input: [UInt8], limit: Int) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for c in input {
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                depth += 1
                if depth > limit { return false }
            } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                depth -= 1
            }
        }
        return true
    }

    /// Wraps number tokens outside strings in quotes with the marker prefix.
    static func quoteNumbers(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 64)
        var i = 0
        let n = input.count
        while i < n {
            let c = input[i]
            if c == UInt8(ascii: "\"") {  // copy a whole string, escapes included
                out.append(c)
                i += 1
                while i < n {
                    let d = input[i]
                    out.append(d)
                    i += 1
                    if d == UInt8(ascii: "\\") {
                        if i < n { out.append(input[i]); i += 1 }
                    } else if d == UInt8(ascii: "\"") {
                        break
                    }
                }
            } else if c == UInt8(ascii: "-") || (c >= 48 && c <= 57) {
                out.append(contentsOf: markerEscape)
                while i < n {
                    let d = input[i]
                    let isNumberByte = (d >= 48 && d <= 57) || d == UInt8(ascii: "-") || d == UInt8(ascii: "+")
                        || d == UInt8(ascii: ".") || d == UInt8(ascii: "e") || d == UInt8(ascii: "E")
                    guard isNumberByte else { break }
                    out.append(d)
                    i += 1
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private static func convert(_ j: UnsafeMutablePointer<json_t>) -> JSONValue? {
        switch json_type(rawValue: UInt32(bitPattern: cshim_json_type(j))) {
        case JSON_OBJECT:
            var members: [(String, JSONValue)] = []
            var it = json_object_iter(j)
            while let iter = it {
                guard let keyPtr = json_object_iter_key(iter), let v = json_object_iter_value(iter),
                      let value = convert(v) else { return nil }
                members.append((String(cString: keyPtr), value))
                it = json_object_iter_next(j, iter)
            }
            return .object(members)
        case JSON_ARRAY:
            let count = json_array_size(j)
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            for i in 0..<count {
                guard let v = json_array_get(j, i), let value = convert(v) else { return nil }
                items.append(value)
            }
            return .array(items)
        case JSON_STRING:
            guard let p = json_string_value(j) else { return nil }
            let len = json_string_length(j)
            let s = p.withMemoryRebound(to: UInt8.self, capacity: len) {
                String(decoding: UnsafeBufferPointer(start: $0, count: len), as: UTF8.self)
            }
            if s.hasPrefix(markerPrefix) { return .number(String(s.dropFirst(2))) }
            return .string(s)
        case JSON_TRUE: return .bool(true)
        case JSON_FALSE: return .bool(false)
        case JSON_NULL: return .null
        default: return nil  // reals and integers cannot occur after quoteNumbers
        }
    }
}
