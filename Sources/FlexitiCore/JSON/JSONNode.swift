import CAnswerPrepass
import CJansson
import CSecureMemory
import Glibc

/// A parsed answer: jansson's tree, kept as parsed (numbers as marked strings or exact 64-bit
/// integers, JSONParser) and read in place. Freed with the last node that refers to it: its arena
/// is zeroed and freed whole (SecureMemory), or, for a tree outside an arena, jansson's allocator
/// zeroes what it frees, so nothing of the answer stays in memory.
package final class JSONDocument: @unchecked Sendable {  // the tree is never changed after parsing; jansson's reads do not write
    let root: UnsafeMutablePointer<json_t>
    /// The arena the tree was parsed into, if any: jansson may change or free that tree only
    /// while the arena is entered (`changing`), and the tree goes with the arena, not json_decref.
    private let arena: OpaquePointer?
    /// The texts of integers lent as C strings (JSONNode.cString), made on first request and
    /// kept until the document goes (Sources/CAnswerPrepass/answer_texts.c). Only under `textLock`.
    private var integerTexts: OpaquePointer? = nil

    init(_ root: UnsafeMutablePointer<json_t>, arena: OpaquePointer? = nil) {
        self.root = root
        self.arena = arena
    }

    deinit {
        if let arena { flxsm_arena_free(arena) } else { cshim_json_decref(root) }
        // Under the lock too: the texts were made under it, maybe on another thread.
        pthread_mutex_lock(JSONDocument.textLock)
        let texts = integerTexts
        pthread_mutex_unlock(JSONDocument.textLock)
        if let texts { answer_texts_free(texts) }
    }

    /// Runs jansson calls that change the tree (only before the document is shared).
    func changing(_ body: () -> Void) {
        flxsm_arena_enter(arena)
        body()
        flxsm_arena_leave(arena)
    }

    /// One lock for every document: texts of integers are asked for rarely (a getter that
    /// returns an id as text), and a lock per document would cost every answer an allocation.
    nonisolated(unsafe) private static let textLock: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    /// A stable C string of the integer `node` (of this document), the same pointer each time.
    func integerText(_ node: UnsafeMutablePointer<json_t>) -> UnsafePointer<CChar>? {
        pthread_mutex_lock(JSONDocument.textLock)
        defer { pthread_mutex_unlock(JSONDocument.textLock) }
        return answer_integer_text(&integerTexts, UnsafeRawPointer(node), json_integer_value(node))
    }
}

/// A value inside a parsed answer. Reading it costs no copy: `cString` lends jansson's own bytes,
/// valid as long as the node (or any node of the same document) is kept.
package struct JSONNode: @unchecked Sendable {  // see JSONDocument
    package let document: JSONDocument
    let pointer: UnsafeMutablePointer<json_t>

    init(_ document: JSONDocument, _ pointer: UnsafeMutablePointer<json_t>) {
        self.document = document
        self.pointer = pointer
    }

    /// The root of a new document (takes over the reference, or the arena it was parsed into).
    init(root: UnsafeMutablePointer<json_t>, arena: OpaquePointer? = nil) {
        let d = JSONDocument(root, arena: arena)
        self.init(d, root)
    }

    /// `{}`: what an empty answer reads as.
    package static func emptyObject() -> JSONNode? { json_object().map { JSONNode(root: $0) } }

    package enum Kind { case null, bool, number, string, array, object }

    private var type: json_type { JSONNode.type(of: pointer) }

    private static func type(of p: UnsafeMutablePointer<json_t>) -> json_type { json_type(rawValue: UInt32(bitPattern: cshim_json_type(p))) }

    package var kind: Kind { JSONNode.kind(of: pointer) }

    /// The kind of a node of a parsed answer.
    static func kind(of pointer: UnsafeMutablePointer<json_t>) -> Kind {
        switch type(of: pointer) {
        case JSON_OBJECT: return .object
        case JSON_ARRAY: return .array
        case JSON_STRING:
            // A DEL, then anything but a second DEL: a number (JSONParser's mark).
            guard let p = json_string_value(pointer), p[0] == 0x7F else { return .string }
            return p[1] == 0x7F ? .string : .number
        case JSON_INTEGER: return .number  // an integer the pre-pass left to jansson: exact
        case JSON_TRUE, JSON_FALSE: return .bool
        default: return .null  // reals cannot occur after the pre-pass
        }
    }

    package var isObject: Bool { type == JSON_OBJECT }
    package var isNull: Bool { type == JSON_NULL }

    /// The member `key` of an object; nil for an absent key or when this is not an object.
    package subscript(key: String) -> JSONNode? {
        guard type == JSON_OBJECT else { return nil }
        // json_object_get, not getn: getn is jansson 2.14, newer than the oldest system we support.
        let found = key.withCString { json_object_get(pointer, $0) }
        return found.map { JSONNode(document, $0) }
    }

    /// The first of `keys` present and not null.
    package func first(_ keys: String...) -> JSONNode? {
        for k in keys { if let v = self[k], !v.isNull { return v } }
        return nil
    }

    /// The same for one or two keys, the usual case, without building an array of keys.
    package func first(_ key: String) -> JSONNode? {
        if let v = self[key], !v.isNull { return v }
        return nil
    }

    package func first(_ key: String, _ other: String) -> JSONNode? { first(key) ?? first(other) }

    /// Items of an array (0 for anything else).
    package var count: Int { type == JSON_ARRAY ? json_array_size(pointer) : 0 }

    /// The item at `index` of an array; nil out of range or when this is not an array.
    package func item(_ index: Int) -> JSONNode? {
        guard index >= 0, type == JSON_ARRAY, let p = json_array_get(pointer, index) else { return nil }
        return JSONNode(document, p)
    }

    /// How many items of an array are objects (lists of records skip anything else).
    package var objectCount: Int {
        (0..<count).reduce(0) { n, i in item(i)?.isObject == true ? n + 1 : n }
    }

    /// The object at `index` among the items that are objects.
    package func object(_ index: Int) -> JSONNode? {
        guard index >= 0 else { return nil }
        var seen = 0
        for i in 0..<count {
            guard let v = item(i), v.isObject else { continue }
            if seen == index { return v }
            seen += 1
        }
        return nil
    }

    package var arrayValue: [JSONNode]? {
        guard type == JSON_ARRAY else { return nil }
        let n = json_array_size(pointer)
        var items: [JSONNode] = []
        items.reserveCapacity(n)
        for i in 0..<n { if let p = json_array_get(pointer, i) { items.append(JSONNode(document, p)) } }
        return items
    }

    /// Calls `body` with each member's key (jansson's, NUL-terminated) and value, in order,
    /// until it returns false.
    package func forEachMember(_ body: (UnsafePointer<CChar>, JSONNode) -> Bool) {
        guard type == JSON_OBJECT else { return }
        var it = json_object_iter(pointer)
        while let iter = it {
            guard let key = json_object_iter_key(iter), let v = json_object_iter_value(iter) else { return }
            if !body(key, JSONNode(document, v)) { return }
            it = json_object_iter_next(pointer, iter)
        }
    }

    /// Sets the member `key` of an object to a string: only for an answer just parsed, before it
    /// is shared (a document is never changed once readers hold it). Ignored when this is not
    /// an object or the text cannot be a JSON string.
    package func setWhileParsing(_ key: String, _ text: String) {
        guard type == JSON_OBJECT else { return }
        document.changing {
            guard let s = text.withCString({ json_string($0) }) else { return }
            _ = key.withCString { json_object_set_new(pointer, $0, s) }
        }
    }

    package var memberCount: Int { type == JSON_OBJECT ? json_object_size(pointer) : 0 }

    /// Text of a string, number or boolean, lent from the document (no copy; NUL-terminated,
    /// since jansson refuses `\u0000` in strings); nil otherwise.
    /// An integer's text is made once, on first request (JSONDocument.integerText).
    package var cString: UnsafePointer<CChar>? {
        type == JSON_INTEGER ? document.integerText(pointer) : JSONNode.lent(pointer)?.start
    }

    /// The lent text of a string, number (marked) or boolean and its length in bytes.
    private static func lent(_ pointer: UnsafeMutablePointer<json_t>) -> (start: UnsafePointer<CChar>, count: Int)? {
        switch type(of: pointer) {
        case JSON_STRING:
            guard let p = json_string_value(pointer) else { return nil }
            let n = json_string_length(pointer)
            // A number (DEL and its text) or a real string that began with DEL (one DEL added).
            return p[0] == 0x7F && n >= 1 ? (p + 1, n - 1) : (p, n)
        case JSON_TRUE: return JSONNode.trueText.map { ($0, 4) }
        case JSON_FALSE: return JSONNode.falseText.map { ($0, 5) }
        default: return nil
        }
    }

    /// This node when it has a text (string, number, boolean), for "the first with a text" choices.
    package var withTextOnly: JSONNode? {
        switch type {
        case JSON_STRING, JSON_INTEGER, JSON_TRUE, JSON_FALSE: return self
        default: return nil
        }
    }

    /// The same text's bytes (an integer's printed on the stack).
    package func withText<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? { JSONNode.withText(of: pointer, body) }

    /// The same for a node of a parsed answer.
    static func withText<T>(of pointer: UnsafeMutablePointer<json_t>, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        if type(of: pointer) == JSON_INTEGER { return withDecimal(Int64(json_integer_value(pointer)), body) }
        guard let (p, n) = lent(pointer) else { return nil }
        return p.withMemoryRebound(to: UInt8.self, capacity: n) { body(UnsafeBufferPointer(start: $0, count: n)) }
    }

    /// Text of a string, or of a number (the API sends some numbers as strings and vice versa).
    package var text: String? { withText { String(decoding: $0, as: UTF8.self) } }

    package var int64: Int64? { type == JSON_INTEGER ? Int64(json_integer_value(pointer)) : withText(JSONNode.integer) }

    /// An amount in cents, from a number or a numeric string.
    package var cents: Int64? { withText { Money.parse(utf8: $0) } }

    package var bool: Bool? {
        switch type {
        case JSON_TRUE: return true
        case JSON_FALSE: return false
        case JSON_STRING:
            guard kind == .string, let t = cString else { return nil }
            if strcmp(t, "true") == 0 { return true }
            return strcmp(t, "false") == 0 ? false : nil
        default: return nil
        }
    }

    /// The whole value as a JSONValue tree (tests, and readers that need a copy).
    package var value: JSONValue {
        switch kind {
        case .null: return .null
        case .bool: return .bool(type == JSON_TRUE)
        case .number: return .number(text ?? "")
        case .string: return .string(text ?? "")
        case .array: return .array((0..<count).compactMap { item($0)?.value })
        case .object:
            var members: [(String, JSONValue)] = []
            forEachMember { k, v in members.append((String(cString: k), v.value)); return true }
            return .object(members)
        }
    }

    /// The decimal text of `v`, as the pre-pass saw it (an integer it leaves to jansson has no
    /// leading zeros, no `+` and is not `-0`), on the stack.
    static func withDecimal<T>(_ v: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buf -> T? in
            var m = v.magnitude
            var i = buf.count
            repeat {
                i -= 1
                buf[i] = UInt8(truncatingIfNeeded: m % 10) &+ 48
                m /= 10
            } while m > 0 && i > 1
            if v < 0 { i -= 1; buf[i] = UInt8(ascii: "-") }
            return body(UnsafeBufferPointer(rebasing: buf[i...]))
        }
    }

    /// Swift's `Int64(text)`: an optional sign and decimal digits, nil on overflow.
    static func integer(_ t: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var negative = false
        if i < t.count, t[i] == UInt8(ascii: "-") || t[i] == UInt8(ascii: "+") { negative = t[i] == UInt8(ascii: "-"); i += 1 }
        guard i < t.count else { return nil }
        var v: Int64 = 0
        while i < t.count {
            let b = t[i]
            guard b >= 48, b <= 57 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(b - 48)) : m.addingReportingOverflow(Int64(b - 48))
            guard !o1, !o2 else { return nil }
            v = s
            i += 1
        }
        return v
    }

    /// Process-lifetime texts of the booleans.
    nonisolated(unsafe) private static let trueText = UnsafePointer(strdup("true"))
    nonisolated(unsafe) private static let falseText = UnsafePointer(strdup("false"))
}

extension JSONNode: Equatable {
    /// Same JSON value (jansson's json_equal: strings by content, objects regardless of order).
    package static func == (a: JSONNode, b: JSONNode) -> Bool { json_equal(a.pointer, b.pointer) != 0 }
}

extension JSONNode {
    /// A document holding `value` (answers built by hand, in tests): written, then parsed back
    /// as an answer is.
    package init?(_ value: JSONValue) {
        guard let node = JSONParser.document(Array(JSONWriter.write(value).utf8)) else { return nil }
        self = node
    }
}
