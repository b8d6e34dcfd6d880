import CJansson
import Glibc

/// The numbers of an answer that the library reads as amounts or integers are checked once, when
/// the answer arrives: a value that cannot be read exactly (`1e400`, `9223372036854775808`,
/// `12.345`, `"abc"`) makes the answer malformed instead of reading as 0 later, the same as an
/// absent value. Absent, `null` and `""` stay "absent".
package enum AnswerNumbers {
    /// Read as cents (Money.parse: at most ±Money.maxCents, two decimals).
    static let amountKeys: Set<String> = [
        "amount", "authorized_amount", "captured_amount", "released_amount", "returned_amount", "refunded_amount",
        "remaining_amount", "remaining_authorization_amount", "remaining_capture_amount",
        "credit_limit", "available_credit", "term_amount",
    ]
    /// Read as Int64.
    static let integerKeys: Set<String> = [
        "expires_in", "page_size", "page_number", "total", "total_count", "total_elements", "plan_id", "term",
    ]

    private enum Check { case amount, integer, securityQuestion, terms }

    /// Every checked key as NUL-terminated bytes, grouped by length: an answer's keys are
    /// compared in place (jansson's C strings), without making a Swift String of each.
    private static let byLength: [[([UInt8], Check)]] = {
        var table = [[([UInt8], Check)]](repeating: [], count: 33)
        func add(_ key: String, _ check: Check) {
            let bytes = Array(key.utf8)
            if bytes.count < table.count { table[bytes.count].append((bytes + [0], check)) }
        }
        for k in amountKeys { add(k, .amount) }
        for k in integerKeys { add(k, .integer) }
        add("security_qid", .securityQuestion)
        add("term_options", .terms)
        add("terms", .terms)
        return table
    }()

    /// First bytes of the checked keys: most keys are told apart by one load.
    private static let firstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for group in byLength { for (bytes, _) in group { table[Int(bytes[0])] = true } }
        return table
    }()

    private static func check(for key: UnsafePointer<CChar>) -> Check? {
        guard firstBytes[Int(UInt8(bitPattern: key.pointee))] else { return nil }
        let n = strnlen(key, byLength.count)
        guard n < byLength.count else { return nil }
        for (bytes, check) in byLength[n] where bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memcmp($0, key, n) == 0 } ?? false }) {
            return check
        }
        return nil
    }

    /// The first unreadable number, as "key: value", or nil when every checked value is readable.
    package static func firstUnreadable(_ json: JSONNode) -> String? {
        withExtendedLifetime(json.document) { walk(json.pointer, json.document, depth: 0) }
    }

    /// Over jansson's nodes directly: a JSONNode (a reference to the document) is made only for
    /// the values checked.
    private static func walk(_ j: UnsafeMutablePointer<json_t>, _ doc: JSONDocument, depth: Int) -> String? {
        guard depth <= JSONParser.maxDepth else { return nil }
        switch json_type(rawValue: UInt32(bitPattern: cshim_json_type(j))) {
        case JSON_OBJECT:
            var it = json_object_iter(j)
            while let iter = it {
                guard let keyPtr = json_object_iter_key(iter), let v = json_object_iter_value(iter) else { return nil }
                if let check = check(for: keyPtr), let bad = firstUnreadable(JSONNode(doc, v), check, keyPtr) { return bad }
                if isContainer(v), let inner = walk(v, doc, depth: depth + 1) { return inner }
                it = json_object_iter_next(j, iter)
            }
        case JSON_ARRAY:
            for i in 0..<json_array_size(j) {
                if let v = json_array_get(j, i), isContainer(v), let inner = walk(v, doc, depth: depth + 1) { return inner }
            }
        default:
            break
        }
        return nil
    }

    @inline(__always) private static func isContainer(_ j: UnsafeMutablePointer<json_t>) -> Bool {
        let t = json_type(rawValue: UInt32(bitPattern: cshim_json_type(j)))
        return t == JSON_OBJECT || t == JSON_ARRAY
    }

    private static func firstUnreadable(_ value: JSONNode, _ check: Check, _ keyPtr: UnsafePointer<CChar>) -> String? {
        switch check {
        case .amount:
            return readable(value, { Money.parse(utf8: $0) != nil }) ? nil : describe(String(cString: keyPtr), value)
        case .integer:
            return readable(value, { JSONNode.integer($0) != nil }) ? nil : describe(String(cString: keyPtr), value)
        case .securityQuestion:
            // The security question's id is an integer too.
            if let id = value["id"], !readable(id, { JSONNode.integer($0) != nil }) { return describe("security_qid.id", id) }
            return nil
        case .terms:
            // An offer's terms are integers.
            for i in 0..<value.count {
                if let item = value.item(i), !readable(item, { JSONNode.integer($0) != nil }) { return describe(String(cString: keyPtr), item) }
            }
            return nil
        }
    }

    private static func readable(_ value: JSONNode, _ parse: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        switch value.kind {
        case .null: return true
        case .string: return value.withText { $0.isEmpty || parse($0) } ?? false
        case .number: return value.withText(parse) ?? false
        case .object, .array: return true  // a different shape, read as absent by the getters
        case .bool: return false
        }
    }

    private static func describe(_ key: String, _ value: JSONNode) -> String {
        let text = value.text ?? ""
        return key + ": " + (text.utf8.count > 40 ? String(decoding: text.utf8.prefix(40), as: UTF8.self) + "..." : text)
    }
}
