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

    private static func check(for key: UnsafePointer<CChar>) -> Check? {
        let n = strnlen(key, byLength.count)
        guard n < byLength.count else { return nil }
        for (bytes, check) in byLength[n] where bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memcmp($0, key, n) == 0 } ?? false }) {
            return check
        }
        return nil
    }

    /// The first unreadable number, as "key: value", or nil when every checked value is readable.
    package static func firstUnreadable(_ json: JSONNode, depth: Int = 0) -> String? {
        guard depth <= JSONParser.maxDepth else { return nil }
        var found: String? = nil
        switch json.kind {
        case .object:
            json.forEachMember { keyPtr, value in
                switch check(for: keyPtr) {
                case .amount?:
                    if !readable(value, { Money.parse(utf8: $0) != nil }) { found = describe(String(cString: keyPtr), value) }
                case .integer?:
                    if !readable(value, { JSONNode.integer($0) != nil }) { found = describe(String(cString: keyPtr), value) }
                case .securityQuestion?:
                    // The security question's id is an integer too.
                    if let id = value["id"], !readable(id, { JSONNode.integer($0) != nil }) { found = describe("security_qid.id", id) }
                case .terms?:
                    // An offer's terms are integers.
                    for i in 0..<value.count {
                        if let item = value.item(i), !readable(item, { JSONNode.integer($0) != nil }) {
                            found = describe(String(cString: keyPtr), item)
                            break
                        }
                    }
                case nil:
                    break
                }
                if found == nil { found = firstUnreadable(value, depth: depth + 1) }
                return found == nil
            }
        case .array:
            for i in 0..<json.count {
                if let item = json.item(i), let inner = firstUnreadable(item, depth: depth + 1) { return inner }
            }
        default:
            break
        }
        return found
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
