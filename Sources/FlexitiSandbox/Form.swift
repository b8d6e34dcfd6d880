import NIOCore

/// Query strings and request bodies (JSON or form-encoded) into `JSON` objects.
enum Form {
    static func percentDecode(_ s: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = Array(s.utf8)[...]
        while let b = it.first {
            it = it.dropFirst()
            if b == UInt8(ascii: "+") { bytes.append(0x20); continue }
            if b == UInt8(ascii: "%"), it.count >= 2, let h = hexVal(it[it.startIndex]), let l = hexVal(it[it.startIndex + 1]) {
                bytes.append(h << 4 | l)
                it = it.dropFirst(2)
                continue
            }
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexVal(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    static func parseQuery(_ q: String) -> [(String, String)] {
        q.split(separator: "&").map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (percentDecode(kv[0]), kv.count > 1 ? percentDecode(kv[1]) : "")
        }
    }

    /// JSON object for any body: JSON bodies as sent, form bodies as string fields.
    static func parseBody(_ buffer: ByteBuffer, contentType: String?, route: String) throws -> JSON {
        guard buffer.readableBytes > 0 else { return .object([]) }
        let bytes = Array(buffer.readableBytesView)
        let ct = (contentType ?? "").lowercased()
        let looksJSON = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }).map {
            $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[")
        } ?? false
        if ct.hasPrefix("application/x-www-form-urlencoded") || (!ct.contains("json") && !looksJSON) {
            let text = String(decoding: bytes, as: UTF8.self)
            return .object(parseQuery(text).map { ($0.0, .string($0.1)) })
        }
        do {
            let v = try JSON.parse(bytes)
            guard case .object = v else {
                throw APIError.wrongInputs([FieldError(param: "body", msg: "the request body must be a JSON object",
                                                       value: .null, type: "type")], route: route)
            }
            return v
        } catch let e as JSONParseError {
            throw APIError.wrongInputs([FieldError(param: "body", msg: "malformed JSON: \(e)", value: .null, type: "invalid")],
                                       route: route)
        }
    }
}
