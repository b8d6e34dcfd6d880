/// A parsed JSON document. Numbers keep their exact text (`.number("1000.12")`) so that money is
/// never a binary double; objects keep their key order. Not `indirect`: arrays already box the
/// children, and a heap box per node was a visible cost in the benchmark's profile.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    package subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        // By index, lengths first: copying each (key, value) pair and comparing unequal strings
        // in full showed up in every getter of the benchmark's profile.
        let n = key.utf8.count
        for i in members.indices where members[i].0.utf8.count == n && members[i].0 == key { return members[i].1 }
        return nil
    }

    /// Text of a string, or of a number (the API sends some numbers as strings and vice versa).
    package var text: String? {
        switch self {
        case let .string(s): return s
        case let .number(n): return n
        case let .bool(b): return b ? "true" : "false"
        default: return nil
        }
    }

    package var int64: Int64? {
        guard let t = text else { return nil }
        return Int64(t)
    }

    /// An amount in cents, from a number or a numeric string.
    package var cents: Int64? {
        guard let t = text else { return nil }
        return Money.parse(t)
    }

    package var bool: Bool? {
        switch self {
        case let .bool(b): return b
        case let .string(s) where s == "true" || s == "false": return s == "true"
        default: return nil
        }
    }

    package var arrayValue: [JSONValue]? {
        if case let .array(a) = self { return a }
        return nil
    }

    package var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

/// Reading helpers shared by the response types: the first present key wins.
extension JSONValue {
    package func first(_ keys: String...) -> JSONValue? {
        for k in keys { if let v = self[k], v != .null { return v } }
        return nil
    }
}
