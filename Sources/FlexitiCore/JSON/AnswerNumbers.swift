import CAnswerPrepass
import CJansson

/// The numbers of an answer that the library reads as amounts or integers are checked once, when
/// the answer arrives: a value that cannot be read exactly (`1e400`, `9223372036854775808`,
/// `12.345`, `"abc"`) makes the answer malformed instead of reading as 0 later, the same as an
/// absent value. Absent, `null` and `""` stay "absent".
///
/// The keys checked (amounts: `amount`, `authorized_amount`, `captured_amount`,
/// `released_amount`, `returned_amount`, `refunded_amount`, `remaining_amount`,
/// `remaining_authorization_amount`, `remaining_capture_amount`, `credit_limit`,
/// `available_credit`, `term_amount`; integers: `expires_in`, `page_size`, `page_number`, `total`,
/// `total_count`, `total_elements`, `plan_id`, `term`, `security_qid.id` and the items of
/// `term_options` / `terms`) are listed in Sources/CAnswerPrepass/answer_numbers.c, which walks
/// jansson's tree; only the values whose text must be read come back here.
package enum AnswerNumbers {
    /// The first unreadable number, as "key: value", or nil when every checked value is readable.
    package static func firstUnreadable(_ json: JSONNode) -> String? { check(json).unreadable }

    /// The same, and the number of object members of the whole answer (the walk counts them
    /// for the repeated-key check, JSONParser.answer).
    package static func check(_ json: JSONNode) -> (unreadable: String?, members: Int) {
        var found: String?
        var members = 0
        withExtendedLifetime(json.document) {
            _ = withUnsafeMutablePointer(to: &found) {
                answer_numbers_walk(UnsafeMutableRawPointer(json.pointer), Int32(JSONParser.maxDepth), checkText, $0, &members)
            }
        }
        return (found, members)
    }

    /// A value under a checked key that the walk could not accept by its type alone.
    private static let checkText: answer_check_fn = { ctx, kind, key, value in
        guard let ctx, let key, let value = value?.assumingMemoryBound(to: json_t.self) else { return 0 }
        let ok = kind == Int32(ANSWER_AMOUNT)
            ? readable(value) { Money.parse(utf8: $0) != nil }
            : readable(value) { JSONNode.integer($0) != nil }
        if ok { return 0 }
        ctx.assumingMemoryBound(to: String?.self).pointee = describe(key, value)
        return 1
    }

    private static func readable(_ value: UnsafeMutablePointer<json_t>, _ parse: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        switch JSONNode.kind(of: value) {
        case .null: return true
        case .string: return JSONNode.withText(of: value) { $0.isEmpty || parse($0) } ?? false
        case .number: return JSONNode.withText(of: value, parse) ?? false
        case .object, .array: return true  // a different shape, read as absent by the getters
        case .bool: return false
        }
    }

    private static func describe(_ key: UnsafePointer<CChar>, _ value: UnsafeMutablePointer<json_t>) -> String {
        let text = JSONNode.withText(of: value) { String(decoding: $0, as: UTF8.self) } ?? ""
        return String(cString: key) + ": " + (text.utf8.count > 40 ? String(decoding: text.utf8.prefix(40), as: UTF8.self) + "..." : text)
    }
}
