import CJansson

/// Parses response bodies with jansson, keeping every number's exact text.
///
/// jansson would turn each number into a C double or a 64-bit integer, and money needs the
/// exact decimal. So one pass over the bytes first (a) checks each number token against the
/// RFC 8259 grammar and rewrites it into a string carrying a private prefix, which the
/// conversion turns back into `.number(text)`, and (b) refuses nesting deeper than `maxDepth`,
/// because the conversion recurses once per level and must not exhaust a small POS thread's
/// stack. jansson does the rest of the validation, strictly: invalid or overlong UTF-8,
/// surrogates, control characters and `\u0000` in strings, duplicate keys and trailing bytes are
/// refused (nil). The cost of this path is measured in docs/performance.md.
package enum JSONParser {
    /// At most this many nested objects/arrays (Flexiti's answers nest about 4 deep). 512 was
    /// too many: a 512-deep answer overflowed a 512 KiB thread stack in a debug build
    /// (JSONTests.testDeepestAcceptedAnswerFitsASmallStack).
    package static let maxDepth = 64

    /// Parsing costs memory per value, not per byte: jansson spends about 100 bytes on an
    /// empty object, so an 8 MiB `[{},{},...]` once cost 430 MB. An answer may hold at most
    /// `allowance + bytes / bytesPerValue` values (strings, keys, numbers, literals, objects,
    /// arrays), of which at most `allowance + bytes / bytesPerContainer` objects and arrays.
    /// Real answers spend well over 10 bytes per value and 100 per object; the figures and the
    /// peak memory they bound are in docs/robustness.md (bench/parse_memory).
    package static let valueAllowance = 4096
    package static let bytesPerValue = 8
    package static let bytesPerContainer = 32


    /// `"\u0001#`: opens the string that carries a number (JSON text may not hold a raw U+0001).
    static let markerEscape: [UInt8] = Array("\"\\u0001#".utf8)
    static let markerPrefix = "\u{01}#"
    /// `"\u0002`: opens a real string that itself begins with U+0001 or U+0002 (escaped in the
    /// answer), so that no string content can pass for a number's marker.
    static let literalEscape: [UInt8] = Array("\\u0002".utf8)

    package static func parse(_ bytes: [UInt8]) -> JSONValue? {
        SecureMemory.install()
        guard let quoted = prepare(bytes) else { return nil }
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

    /// The pre-pass: numbers become marked strings; nil for a malformed number or too deep a
    /// document. Strings are copied as they are (jansson validates them).
    static func prepare(_ input: [UInt8]) -> [UInt8]? {
        var i = 0
        var depth = 0
        let n = input.count
        // Counted down as values are met, so an answer over budget stops early.
        var values = valueAllowance + n / bytesPerValue, containers = valueAllowance + n / bytesPerContainer
        // Room for every number the budget allows to gain its marker: growing by doubling
        // instead once cost a 32 MB buffer for a 17 MB result.
        var out: [UInt8] = []
        out.reserveCapacity(n + (markerEscape.count + 1) * min(values, n / 2 + 1) + 64)
        while i < n {
            let c = input[i]
            if c == UInt8(ascii: "\"") {  // copy a whole string, escapes included
                values -= 1
                if values < 0 { return nil }
                out.append(c)
                i += 1
                if startsWithMarkerControl(input, at: i) { out.append(contentsOf: literalEscape) }
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
                let start = i
                while i < n, isNumberByte(input[i]) { i += 1 }
                guard isValidNumber(input[start..<i]) else { return nil }
                values -= 1
                if values < 0 { return nil }
                out.append(contentsOf: markerEscape)
                out.append(contentsOf: input[start..<i])
                out.append(UInt8(ascii: "\""))
            } else {
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    depth += 1
                    values -= 1
                    containers -= 1
                    if depth > maxDepth || values < 0 || containers < 0 { return nil }
                } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    depth -= 1
                } else if c == UInt8(ascii: "t") || c == UInt8(ascii: "f") || c == UInt8(ascii: "n") {
                    values -= 1  // true, false, null: one of these letters each, outside strings
                    if values < 0 { return nil }
                }
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// `\u0001` or `\u0002` at `i` (a raw control character is invalid JSON; jansson refuses it).
    static func startsWithMarkerControl(_ input: [UInt8], at i: Int) -> Bool {
        guard input.count - i >= 6, input[i] == UInt8(ascii: "\\"), input[i + 1] == UInt8(ascii: "u"),
              input[i + 2] == 48, input[i + 3] == 48, input[i + 4] == 48 else { return false }
        return input[i + 5] == 49 || input[i + 5] == 50
    }

    @inline(__always) static func isNumberByte(_ d: UInt8) -> Bool {
        (d >= 48 && d <= 57) || d == UInt8(ascii: "-") || d == UInt8(ascii: "+") || d == UInt8(ascii: ".")
            || d == UInt8(ascii: "e") || d == UInt8(ascii: "E")
    }

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    static func isValidNumber(_ t: ArraySlice<UInt8>) -> Bool {
        var i = t.startIndex
        let end = t.endIndex
        func digits() -> Int {
            let s = i
            while i < end, t[i] >= 48, t[i] <= 57 { i += 1 }
            return i - s
        }
        if i < end, t[i] == UInt8(ascii: "-") { i += 1 }
        guard i < end else { return false }
        if t[i] == 48 { i += 1 } else if digits() == 0 { return false }
        if i < end, t[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < end, t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == end
    }

    /// Converts jansson's tree, releasing each member and item once converted, so the two trees
    /// never both hold the whole answer (peak memory, docs/robustness.md).
    private static func convert(_ j: UnsafeMutablePointer<json_t>) -> JSONValue? {
        switch json_type(rawValue: UInt32(bitPattern: cshim_json_type(j))) {
        case JSON_OBJECT:
            var members: [(String, JSONValue)] = []
            members.reserveCapacity(json_object_size(j))
            var it = json_object_iter(j)
            while let iter = it {
                guard let keyPtr = json_object_iter_key(iter), let v = json_object_iter_value(iter),
                      let value = convert(v) else { return nil }
                let key = String(cString: keyPtr)
                members.append((key, value))
                // The next member first: deleting the current one is safe then (json_object_foreach_safe).
                it = json_object_iter_next(j, iter)
                json_object_del(j, keyPtr)
            }
            return .object(members)
        case JSON_ARRAY:
            let count = json_array_size(j)
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            // From the end, where removing an item moves nothing.
            for i in stride(from: count - 1, through: 0, by: -1) {
                guard let v = json_array_get(j, i), let value = convert(v) else { return nil }
                items.append(value)
                json_array_remove(j, i)
            }
            items.reverse()
            return .array(items)
        case JSON_STRING:
            guard let p = json_string_value(j) else { return nil }
            let len = json_string_length(j)
            let s = p.withMemoryRebound(to: UInt8.self, capacity: len) {
                String(decoding: UnsafeBufferPointer(start: $0, count: len), as: UTF8.self)
            }
            let head = s.utf8.first
            if head == 0x01 { return .number(String(decoding: s.utf8.dropFirst(2), as: UTF8.self)) }
            if head == 0x02 { return .string(String(decoding: s.utf8.dropFirst(), as: UTF8.self)) }
            return .string(s)
        case JSON_TRUE: return .bool(true)
        case JSON_FALSE: return .bool(false)
        case JSON_NULL: return .null
        default: return nil  // reals and integers cannot occur after prepare()
        }
    }
}
