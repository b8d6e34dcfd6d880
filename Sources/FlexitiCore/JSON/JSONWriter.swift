/// Writes request bodies. jansson can only emit numbers from binary doubles, and an amount must
/// leave as its exact decimal text, so bodies are written here (responses: JSONParser).
///
/// Into a byte buffer, then one String: appending to a String scalar by scalar cost more than
/// the whole HTTP exchange of an authorization (benchmark profile, docs/performance.md).
package enum JSONWriter {
    package static func write(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case let .number(n): out.append(contentsOf: n.utf8)
        case let .string(s): writeString(s, into: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for i in items.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(items[i], into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            out.append(UInt8(ascii: "{"))
            for i in members.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(members[i].0, into: &out)
                out.append(UInt8(ascii: ":"))
                write(members[i].1, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Quotes and escapes; bytes of multi-byte UTF-8 pass through unchanged.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        // Runs of bytes that need no escape are copied in one go, not byte by byte (profiled).
        s.withUTF8 { buf in
            var start = 0
            for i in 0..<buf.count where buf[i] < 0x20 || buf[i] == UInt8(ascii: "\"") || buf[i] == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i]))
                escape(buf[i], into: &out)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<buf.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// One byte that cannot appear as it is inside a JSON string.
    static func escape(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            out.append(UInt8(ascii: "\\"))
            out.append(b)
        case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            out.append(contentsOf: "\\u00".utf8)
            hex.withUTF8Buffer { h in
                out.append(h[Int(b >> 4)])
                out.append(h[Int(b & 0x0F)])
            }
        default:
            out.append(b)
        }
    }
}
