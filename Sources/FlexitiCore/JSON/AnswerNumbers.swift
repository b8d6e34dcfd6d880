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

    /// The first unreadable number, as "key: value", or nil when every checked value is readable.
    package static func firstUnreadable(_ json: JSONValue, depth: Int = 0) -> String? {
        guard depth <= JSONParser.maxDepth else { return nil }
        switch json {
        case let .object(members):
            for (key, value) in members {
                if amountKeys.contains(key), !readable(value, { Money.parse($0) != nil }) { return describe(key, value) }
                if integerKeys.contains(key), !readable(value, { Int64($0) != nil }) { return describe(key, value) }
                // The security question's id and an offer's terms are integers too.
                if key == "security_qid", let id = value["id"], !readable(id, { Int64($0) != nil }) { return describe("security_qid.id", id) }
                if key == "term_options" || key == "terms", let items = value.arrayValue,
                   let bad = items.first(where: { !readable($0, { Int64($0) != nil }) }) { return describe(key, bad) }
                if let inner = firstUnreadable(value, depth: depth + 1) { return inner }
            }
        case let .array(items):
            for item in items { if let inner = firstUnreadable(item, depth: depth + 1) { return inner } }
        default:
            break
        }
        return nil
    }

    private static func readable(_ value: JSONValue, _ parse: (String) -> Bool) -> Bool {
        switch value {
        case .null: return true
        case let .string(s): return s.isEmpty || parse(s)
        case let .number(n): return parse(n)
        case .object, .array: return true  // a different shape, read as absent by the getters
        case .bool: return false
        }
    }

    private static func describe(_ key: String, _ value: JSONValue) -> String {
        let text = value.text ?? ""
        return key + ": " + (text.utf8.count > 40 ? String(decoding: text.utf8.prefix(40), as: UTF8.self) + "..." : text)
    }
}
