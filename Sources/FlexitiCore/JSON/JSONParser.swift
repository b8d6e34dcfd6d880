import CAnswerPrepass
import CJansson
import CSecureMemory
import Glibc

/// Parses response bodies with jansson, keeping every number's exact text.
///
/// jansson would turn each number with a fraction or exponent into a C double, and money needs
/// the exact decimal. So one pass over the bytes first (Sources/CAnswerPrepass, in C: bulk copies
/// between numbers) (a) checks each number token against the RFC 8259 grammar and rewrites it,
/// unless it is an integer jansson keeps exactly, into a string carrying a private prefix, which
/// JSONNode reads back as a number, and (b)
/// refuses nesting deeper than `maxDepth`, because readers recurse once per level and must not
/// exhaust a small POS thread's stack. jansson does the rest of the validation, strictly:
/// invalid or overlong UTF-8, surrogates, control characters and `\u0000` in strings, duplicate
/// keys (found by counting: fewer members than the text's keys) and trailing bytes are refused (nil). The cost of this path is measured in
/// docs/performance.md.
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

    // The marks (Sources/CAnswerPrepass): a number becomes a string of DEL (U+007F) and its text;
    // a real string that itself begins with DEL gets a second one in front, so that no string
    // content can pass for a number. An integer of at most 18 digits (other than `-0`) is left
    // to jansson: it fits a 64-bit integer exactly and prints back as the same text, and costs
    // jansson one allocation instead of a string's two.

    /// jansson's tree takes a few bytes per byte of answer (about 4 for Flexiti's answers): the
    /// first chunk of a document's arena. A guess only: the arena grows when it is short.
    static let arenaBytesPerAnswerByte = 4

    /// An answer, kept as jansson's tree and read in place (JSONNode); nil when malformed.
    /// The tree lives in an arena of its own (SecureMemory) unless the application gave jansson
    /// its own allocator: one bump per value instead of a malloc, and one zeroing of the whole
    /// arena when the document goes instead of a free per value.
    package static func document(_ bytes: [UInt8]) -> JSONNode? { document(bytes, inArena: true) }

    static func document(_ bytes: [UInt8], inArena: Bool) -> JSONNode? {
        guard let (node, members) = answer(bytes, inArena: inArena) else { return nil }
        // A repeated key: jansson kept one member for it (answer_member_total).
        return answer_member_total(UnsafeMutableRawPointer(node.pointer), Int32(maxDepth)) == members ? node : nil
    }

    /// The same before the repeated-key check, and the number of members the text holds: the
    /// caller compares it with the members the tree kept, counted by a walk it makes anyway
    /// (AnswerNumbers.check); different counts mean a repeated key, a malformed answer.
    /// `scratch`: memory the pre-pass may write into instead of a buffer of its own (a session's,
    /// reused from call to call).
    package static func answer(_ bytes: [UInt8], inArena: Bool = true, scratch: AnswerScratch? = nil) -> (node: JSONNode, members: Int)? {
        SecureMemory.install()
        let n = bytes.count
        let values = valueAllowance + n / bytesPerValue, containers = valueAllowance + n / bytesPerContainer
        let capacity = answer_prepass_bound(n, values)
        if let scratch, let out = scratch.room(capacity) {
            var members = 0
            let written = bytes.withUnsafeBufferPointer { inp in
                answer_prepass(inp.baseAddress, n, out, capacity, Int32(maxDepth), values, containers, &members)
            }
            guard written >= 0 else { return nil }
            // jansson copies what it keeps: the text is zeroed as soon as it is parsed (it may hold a token).
            defer { explicit_bzero(out, written) }
            return parse(UnsafeBufferPointer(start: out, count: written), members: members, inArena: inArena)
        }
        guard let (quoted, members) = prepared(bytes) else { return nil }
        return quoted.withUnsafeBufferPointer { parse($0, members: members, inArena: inArena) }
    }

    /// The pre-pass's output parsed by jansson, in an arena of its own when `inArena`.
    private static func parse(_ text: UnsafeBufferPointer<UInt8>, members: Int, inArena: Bool) -> (node: JSONNode, members: Int)? {
        let arena = inArena && SecureMemory.installed
            ? flxsm_arena_new(text.count.multipliedReportingOverflow(by: arenaBytesPerAnswerByte).partialValue) : nil
        var error = json_error_t()
        flxsm_arena_enter(arena)
        let parsed: UnsafeMutablePointer<json_t>? = text.baseAddress.flatMap { base in
            base.withMemoryRebound(to: CChar.self, capacity: text.count) {
                json_loadb($0, text.count, Int(JSON_DECODE_ANY), &error)
            }
        }
        flxsm_arena_leave(arena)
        guard let parsed else {
            flxsm_arena_free(arena)
            return nil
        }
        return (JSONNode(root: parsed, arena: arena), members)
    }

    /// Memory for the pre-pass's output that a session keeps between its calls (one call at a
    /// time holds it): a usual answer then costs no allocation of its own. Zeroed after each use;
    /// an answer whose output could exceed `maxBytes` gets a buffer of its own instead.
    package final class AnswerScratch {
        static let maxBytes = 64 * 1024
        private var base: UnsafeMutablePointer<UInt8>? = nil
        private var capacity = 0

        package init() {}

        deinit { base?.deallocate() }  // zeroed after each use

        /// At least `count` bytes, or nil when that is more than this keeps.
        func room(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
            guard count <= AnswerScratch.maxBytes else { return nil }
            if let base, capacity >= count { return base }
            base?.deallocate()
            let size = max(count, 4096)
            base = .allocate(capacity: size)
            capacity = size
            return base
        }
    }

    /// A body as a JSONValue tree (error bodies, the journal, tests). The tree is converted
    /// member by member out of jansson's, so the two never both hold the whole body.
    /// Not in an arena: the conversion frees jansson's tree as it goes (peak memory).
    package static func parse(_ bytes: [UInt8]) -> JSONValue? {
        guard let doc = document(bytes, inArena: false) else { return nil }
        return withExtendedLifetime(doc) { convert(doc.pointer) }
    }

    /// The pre-pass (CAnswerPrepass): numbers become marked strings; nil for a malformed number,
    /// too deep a document or one over the value budget.
    static func prepare(_ input: [UInt8]) -> [UInt8]? { prepared(input)?.text }

    /// The same, and how many object members the text holds (its colons outside strings).
    static func prepared(_ input: [UInt8]) -> (text: [UInt8], members: Int)? {
        let n = input.count
        var members = 0
        let values = valueAllowance + n / bytesPerValue, containers = valueAllowance + n / bytesPerContainer
        let capacity = answer_prepass_bound(n, values)
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: capacity) { buf, initialized in
            let written = input.withUnsafeBufferPointer { inp in
                answer_prepass(inp.baseAddress, n, buf.baseAddress, capacity, Int32(maxDepth), values, containers, &members)
            }
            failed = written < 0
            initialized = failed ? 0 : written
        }
        return failed ? nil : (out, members)
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
            // The marks, as JSONNode reads them: DEL + text is a number, DEL + DEL + text a string.
            var utf8 = s.utf8.makeIterator()
            if utf8.next() == 0x7F {
                let rest = String(decoding: s.utf8.dropFirst(), as: UTF8.self)
                return utf8.next() == 0x7F ? .string(rest) : .number(rest)
            }
            return .string(s)
        case JSON_INTEGER: return .number(String(Int64(json_integer_value(j))))  // the token's own text (prepare())
        case JSON_TRUE: return .bool(true)
        case JSON_FALSE: return .bool(false)
        case JSON_NULL: return .null
        default: return nil  // reals cannot occur after prepare()
        }
    }
}
