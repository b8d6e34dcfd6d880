import CAnswerPrepass
import CJansson
@testable import FlexitiCore
import XCTest

/// The C pre-pass (Sources/CAnswerPrepass) and the reading of its marks back (JSONNode,
/// JSONParser), against the Swift pre-pass and reader they replaced, kept below as the reference.
final class AnswerPrepassTests: XCTestCase {
    func prepared(_ s: String) -> String? { JSONParser.prepare(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) } }
    func node(_ s: String) -> JSONNode? { JSONParser.document(Array(s.utf8)) }

    func testNumbersBecomeMarkedStringsAndNothingElseChanges() {
        XCTAssertEqual(prepared(#"{"a":1.0,"b":-0.5e+3,"c":"12","d":[0.5,true,null]}"#),
                       "{\"a\":\"\u{7F}1.0\",\"b\":\"\u{7F}-0.5e+3\",\"c\":\"12\",\"d\":[\"\u{7F}0.5\",true,null]}")
        XCTAssertEqual(prepared(#""x\"1\\" 2.5"#), "\"x\\\"1\\\\\" \"\u{7F}2.5\"", "digits after escaped quotes stay in the string")
        XCTAssertEqual(prepared(""), "")
        XCTAssertEqual(prepared("7E0"), "\"\u{7F}7E0\"")
        XCTAssertEqual(prepared("[\"\u{7F}1\",\"\\u007F2\",\"\\u007f\",\"1\u{7F}\"]"),
                       "[\"\u{7F}\u{7F}1\",\"\u{7F}\\u007F2\",\"\u{7F}\\u007f\",\"1\u{7F}\"]", "strings that begin with DEL get a second")
        XCTAssertNil(prepared("[01]"))
        XCTAssertNil(prepared("1.e5"))
    }

    /// An integer of at most 18 digits other than `-0` is left to jansson (an exact 64-bit
    /// integer whose decimal text is the token); any other number is marked.
    func testShortIntegersAreLeftToJanssonAndReadBackAsSent() throws {
        let eighteen = "-999999999999999999", nineteen = "1000000000000000000"
        XCTAssertEqual(prepared("[0,7,-12,\(eighteen),\(nineteen),-0,1.0,1e2]"),
                       "[0,7,-12,\(eighteen),\"\u{7F}\(nineteen)\",\"\u{7F}-0\",\"\u{7F}1.0\",\"\u{7F}1e2\"]")
        let n = try XCTUnwrap(node(#"{"a":0,"b":-12,"c":\#(eighteen),"d":\#(nineteen),"e":-0,"amount":5000,"big":922337203685477580}"#))
        let texts = ["a": "0", "b": "-12", "c": eighteen, "d": nineteen, "e": "-0", "amount": "5000", "big": "922337203685477580"]
        for (key, text) in texts {
            XCTAssertEqual(n[key]?.kind, .number, key)
            XCTAssertEqual(n[key]?.text, text, key)
            XCTAssertEqual(n[key]?.int64, Int64(text), key)
            XCTAssertEqual(n[key]?.cents, Money.parse(text), key)
            XCTAssertNil(n[key]?.bool, key)
            XCTAssertNotNil(n[key]?.withTextOnly, key)
            let p = try XCTUnwrap(n[key]?.cString, key)
            XCTAssertEqual(String(cString: p), text, key)
            XCTAssertEqual(n[key]?.cString, p, "the same lent bytes each time: \(key)")
        }
        XCTAssertEqual(n["amount"]?.cents, 500_000)
        XCTAssertEqual(n.value, .object(["a", "b", "c", "d", "e", "amount", "big"].map { ($0, .number(texts[$0] ?? "")) }))
        XCTAssertEqual(JSONParser.parse(Array("[-0,0,12,-7]".utf8)), .array([.number("-0"), .number("0"), .number("12"), .number("-7")]))
        XCTAssertNil(node(#"{"a":9223372036854775808}"#)?["a"]?.int64, "19 digits stay text, however read")
        XCTAssertEqual(node(#"{"a":-9223372036854775808}"#)?["a"]?.int64, Int64.min)
    }

    /// The texts of integers lent as C strings: one per node, the same pointer however many are
    /// asked for (the table grows, the texts never move), freed with the document.
    func testIntegerTextsStayPutAsMoreAreLent() throws {
        let values = (0..<1000).map { i -> Int64 in i % 2 == 0 ? Int64(i) * 1_000_003 : -(999_999_999_999_999_999 / Int64(i)) }
        let doc = try XCTUnwrap(node("[" + values.map(String.init).joined(separator: ",") + "]"))
        var lent: [UnsafePointer<CChar>] = []
        for i in 0..<values.count {
            let p = try XCTUnwrap(doc.item(i)?.cString)
            XCTAssertEqual(String(cString: p), String(values[i]))
            lent.append(p)
        }
        for i in 0..<values.count {
            XCTAssertEqual(doc.item(i)?.cString, lent[i])
            XCTAssertEqual(String(cString: lent[i]), String(values[i]))
        }
        XCTAssertEqual(Set(lent).count, values.count)
    }

    /// The amount check (AnswerNumbers, its walk in C): which keys it reads, integers jansson
    /// holds, and amounts out of range however they are written.
    func testAmountCheckReadsTheListedKeysWhateverTheirForm() throws {
        let amounts = ["amount", "authorized_amount", "captured_amount", "released_amount", "returned_amount", "refunded_amount",
                       "remaining_amount", "remaining_authorization_amount", "remaining_capture_amount", "credit_limit",
                       "available_credit", "term_amount"]
        let integers = ["expires_in", "page_size", "page_number", "total", "total_count", "total_elements", "plan_id", "term"]
        for k in amounts { XCTAssertEqual(answer_key_kind(k), Int32(ANSWER_AMOUNT), k) }
        for k in integers { XCTAssertEqual(answer_key_kind(k), Int32(ANSWER_INTEGER), k) }
        XCTAssertEqual(answer_key_kind("security_qid"), Int32(ANSWER_SECURITY_QUESTION))
        XCTAssertEqual(answer_key_kind("term_options"), Int32(ANSWER_TERMS))
        XCTAssertEqual(answer_key_kind("terms"), Int32(ANSWER_TERMS))
        for k in ["", "a", "amounts", "amoun", "Amount", "terms_", "tota", "plan", "id", "page", "expires", "security_qi", "xamount"] {
            XCTAssertEqual(answer_key_kind(k), 0, k)
        }
        func bad(_ s: String) throws -> String? { AnswerNumbers.firstUnreadable(try XCTUnwrap(node(s), s)) }
        for ok in [#"{"amount":99999999999999}"#, #"{"amount":-99999999999999}"#, #"{"amount":"12.5"}"#, #"{"amount":""}"#,
                   #"{"amount":null,"total":null}"#, #"{"total":922337203685477580}"#, #"{"total":"-9223372036854775808"}"#,
                   #"{"x":[{"page_size":10,"amount":0}],"security_qid":{"id":7},"terms":[6,12,null]}"#, #"{"plan":1.5,"x":true}"#,
                   #"{"amount":{"value":"x"},"total":[1.5]}"#, #"{"amount":99999999999999.99,"term_amount":-99999999999999.9}"#,
                   #"{"amount":12.340,"credit_limit":0.0,"available_credit":-0}"#] {
            XCTAssertNil(try bad(ok), ok)
        }
        for (doc, found) in [(#"{"amount":100000000000000}"#, "amount: 100000000000000"),
                             (#"{"x":[1,{"y":{"credit_limit":-100000000000000}}]}"#, "credit_limit: -100000000000000"),
                             (#"{"total":1.5}"#, "total: 1.5"), (#"{"total":true}"#, "total: true"),
                             (#"{"page_number":9223372036854775808}"#, "page_number: 9223372036854775808"),
                             (#"{"amount":12.345}"#, "amount: 12.345"), (#"{"amount":100000000000000.00}"#, "amount: 100000000000000.00"),
                             (#"{"amount":1.5e1}"#, "amount: 1.5e1"), ("{\"amount\":\"\u{7F}5\"}", "amount: \u{7F}5"), (#"{"security_qid":{"id":"x"}}"#, "security_qid.id: x"),
                             (#"{"terms":[6,"a"],"total":1.5}"#, "terms: a"), (#"{"term_options":[1e2]}"#, "term_options: 1e2"),
                             (#"{"a":{"amount":5},"b":{"amount":"x"},"total":"y"}"#, "amount: x")] {
            XCTAssertEqual(try bad(doc), found, doc)
        }
    }

    /// A repeated key is refused wherever it is (jansson keeps one member per key; the parser
    /// compares the members it kept with the keys of the text), and only a repeated one.
    func testRepeatedKeysAreRefusedAtAnyDepth() {
        let deep = String(repeating: "{\"k\":", count: JSONParser.maxDepth - 1)
        let closing = String(repeating: "}", count: JSONParser.maxDepth - 1)
        let refused = [#"{"a":1,"a":1}"#, #"{"a":1,"\u0061":2}"#, #"{"a":{"x":1,"y":{"z":[1,{"q":1,"q":2}]}},"b":2}"#,
                       #"[{"a":1},{"b":1,"b":{"c":1}}]"#, #"{"a":{"b":1,"b":2},"a":3}"#, #"{"a":{"x":{"y":1}},"a":{}}"#,
                       #"{"a":"x:y","b":1.5,"b":"\u007f"}"#, #"{"":1,"":2}"#, deep + #"{"d":1,"d":2}"# + closing]
        for doc in refused {
            XCTAssertNil(node(doc), doc)
            XCTAssertNil(JSONParser.parse(Array(doc.utf8)), doc)
            XCTAssertNil(SwiftReference.parse(Array(doc.utf8)), "the reference refuses it too: \(doc)")
        }
        let accepted = [#"{"a":1,"b":{"a":1,"b":[{"a":1},{"a":":"}]}}"#, #"{"a:b":1,"a":2}"#, #"{"A":1,"a":2}"#, "[]", "{}", "7",
                        deep + #"{"d":1,"e":2}"# + closing]
        for doc in accepted {
            XCTAssertNotNil(node(doc), doc)
            XCTAssertEqual(JSONParser.parse(Array(doc.utf8)), SwiftReference.parse(Array(doc.utf8)), doc)
        }
    }

    func testNumbersInsideStringsEscapesAndExponentsReadBack() throws {
        let n = try XCTUnwrap(node(#"{"s":"12.50","e":"a\"1,2\\","x":1E-7,"neg":-12.34,"huge":123456789012345678901234567890.5,"i":-9223372036854775808}"#))
        XCTAssertEqual(n["s"]?.kind, .string)
        XCTAssertEqual(n["s"]?.cents, 1250, "amounts sent as strings read too")
        XCTAssertEqual(n["e"]?.text, "a\"1,2\\")
        XCTAssertEqual(n["x"]?.kind, .number)
        XCTAssertEqual(n["x"]?.text, "1E-7")
        XCTAssertNil(n["x"]?.cents, "an exponent is never read as money")
        XCTAssertEqual(n["neg"]?.cents, -1234)
        XCTAssertEqual(n["huge"]?.text, "123456789012345678901234567890.5", "exact text, however long")
        XCTAssertNil(n["huge"]?.cents)
        XCTAssertEqual(n["i"]?.int64, Int64.min)
        XCTAssertNil(node(#"{"i":9223372036854775808}"#)?["i"]?.int64)
        XCTAssertEqual(node(#"{"i":"+5"}"#)?["i"]?.int64, 5, "as Swift's Int64(String)")
        XCTAssertNil(node(#"{"i":"-"}"#)?["i"]?.int64)
    }

    /// Text that looks like a mark stays text: a string that begins with DEL (raw or escaped,
    /// alone or followed by digits or by another DEL) is read back unchanged, never as a number.
    func testMarkerLikeStringsStayStrings() throws {
        let doc = "{\"a\":\"\u{7F}123\",\"b\":\"\\u007f45.6\",\"c\":\"\\u007F\",\"d\":\"\u{7F}\u{7F}7\",\"e\":\"x\u{7F}1\","
            + ##""f":"\u0001#123","g":"#1"}"##
        let n = try XCTUnwrap(node(doc))
        let expected: [(String, String)] = [("a", "\u{7F}123"), ("b", "\u{7F}45.6"), ("c", "\u{7F}"), ("d", "\u{7F}\u{7F}7"),
                                            ("e", "x\u{7F}1"), ("f", "\u{01}#123"), ("g", "#1")]
        for (key, text) in expected {
            XCTAssertEqual(n[key]?.kind, .string, key)
            XCTAssertEqual(n[key]?.text, text, key)
            XCTAssertEqual(n[key]?.cString.map { String(cString: $0) }, text, key)
            XCTAssertNil(n[key]?.cents, key)
        }
        XCTAssertEqual(n.value, .object(expected.map { ($0.0, .string($0.1)) }))
        XCTAssertEqual(JSONParser.parse(Array(doc.utf8)), n.value, "the tree copy reads the marks the same way")
    }

    /// Keys are never marked (a key that begins with DEL is found as sent), and a number where
    /// a key belongs is refused, as jansson alone would refuse it.
    func testKeysStayAsSent() throws {
        let n = try XCTUnwrap(node("{\"\u{7F}k\":1,\"\\u007fj\" : \"\u{7F}v\"}"))
        XCTAssertEqual(n["\u{7F}k"]?.text, "1")
        XCTAssertEqual(n["\u{7F}j"]?.text, "\u{7F}v")
        var keys: [String] = []
        n.forEachMember { k, _ in keys.append(String(cString: k)); return true }
        XCTAssertEqual(keys, ["\u{7F}k", "\u{7F}j"])
        for bad in ["{1:2}", "{\"a\":1,2 :3}", "{-1\n:\"x\"}", "[{0:0}]"] {
            XCTAssertNil(node(bad), bad)
            XCTAssertNil(JSONParser.parse(Array(bad.utf8)), bad)
        }
        XCTAssertNotNil(node("[1 ,2]"))
    }

    func testLentTextIsTheDocumentsAndStaysPut() throws {
        let n = try XCTUnwrap(node(#"{"name":"Québec","amount":10.05,"flag":true,"none":null,"obj":{}}"#))
        let p = try XCTUnwrap(n["name"]?.cString)
        XCTAssertEqual(String(cString: p), "Québec")
        XCTAssertEqual(n["name"]?.cString, p, "the same bytes each time: no copy")
        XCTAssertEqual(n["amount"]?.cString.map { String(cString: $0) }, "10.05")
        XCTAssertEqual(n["flag"]?.cString.map { String(cString: $0) }, "true")
        XCTAssertNil(n["none"]?.cString)
        XCTAssertNil(n["obj"]?.cString)
        XCTAssertNil(n["missing"])
        XCTAssertNil(n["name"]?["x"], "a string has no members")
        XCTAssertEqual(n["obj"]?.count, 0)
        XCTAssertNil(n.item(0), "an object has no items")
    }

    /// Parsing gives exactly what the Swift pre-pass and reader gave, for documents,
    /// near-documents and noise, and refuses the same inputs (depth, value budget, malformed
    /// numbers, anything jansson refuses).
    func testSameResultAsTheSwiftReference() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["\u{7F}", "\\u007f", "\\u007F", "{", "}", "[", "]", ",", ":", " ", "\"", "\\", "\\u0001", "\\u0002", "\\u0003", "0", "1", "-", "+", ".", "e", "E",
                      "12.5", "true", "null", "f", "x", "é", "\\\"", "#"]
        var inputs: [[UInt8]] = [[], Array("[]".utf8), Array(#"{"a":[1,2,{"b":"\u0001#"}],"c":-0.0e-0}"#.utf8)]
        for _ in 0..<1000 {  // noise
            var s = ""
            for _ in 0..<Int.random(in: 0..<40, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            inputs.append(Array(s.utf8))
        }
        // Documents with tricky strings and numbers, some with one byte changed.
        let numbers = ["0", "-0", "12", "-12.50", "1e5", "1E+05", "2.5e-3", "99999999999999999999.99", "01", "1.", "-"]
        let texts = ["a", "12", "\u{7F}", "\\u007f", "\\u007F", "\\u0001#", "\\u0002", "\\\"", "\\\\", "é", "#1", " ", "\\n"]
        func value(_ depth: Int) -> String {
            func text() -> String { "\"" + (0..<Int.random(in: 0...3, using: &rng)).map { _ in texts.randomElement(using: &rng) ?? "" }.joined() + "\"" }
            switch Int.random(in: 0..<(depth > 3 ? 3 : 5), using: &rng) {
            case 0: return numbers[Int.random(in: 0..<(Int.random(in: 0..<10, using: &rng) == 0 ? numbers.count : 8), using: &rng)]
            case 1: return text()
            case 2: return ["true", "false", "null"].randomElement(using: &rng) ?? "null"
            case 3: return "[" + (0..<Int.random(in: 0...3, using: &rng)).map { _ in value(depth + 1) }.joined(separator: ",") + "]"
            default: return "{" + (0..<Int.random(in: 0...3, using: &rng)).map { _ in text() + ":" + value(depth + 1) }.joined(separator: ",") + "}"
            }
        }
        for _ in 0..<3000 {
            var d = Array(value(0).utf8)
            if Int.random(in: 0..<4, using: &rng) == 0, !d.isEmpty { d[Int.random(in: 0..<d.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            inputs.append(d)
        }
        // Strings across the pre-pass's 16-byte blocks: an escape or the end at every position.
        for length in 0..<40 {
            for at in 0...length {
                for escape in ["\\\"", "\\\\", "\\u007f", "\u{7F}", "é"] {
                    let text = String(repeating: "a", count: at) + escape + String(repeating: "b", count: length - at)
                    inputs.append(Array("[\"\(text)\",1.5,{\"\(text)\":-2}]".utf8))
                    inputs.append(Array("\"\(text)".utf8))  // not closed
                }
            }
        }
        inputs.append(Array(String(repeating: "[", count: JSONParser.maxDepth + 1).utf8))
        inputs.append(Array(String(repeating: "[", count: JSONParser.maxDepth).utf8))
        inputs.append(Array(("[" + String(repeating: "1,", count: 5000) + "1]").utf8))  // over the value budget
        inputs.append(Array(("[" + String(repeating: "{},", count: 3000) + "{}]").utf8))  // over the container budget
        var accepted = 0
        for input in inputs {
            let expected = SwiftReference.parse(input)
            if expected != nil { accepted += 1 }
            XCTAssertEqual(JSONParser.parse(input), expected, String(decoding: input, as: UTF8.self))
            XCTAssertEqual(JSONParser.document(input)?.value, expected, String(decoding: input, as: UTF8.self))
        }
        XCTAssertGreaterThan(accepted, 1000, "enough of the random inputs are documents")
    }
}

/// The pre-pass and reader as they were written in Swift (numbers marked with an escaped
/// U+0001), the reference for the C pre-pass and its DEL marks.
private enum SwiftReference {
    static func parse(_ input: [UInt8]) -> JSONValue? {
        guard let quoted = prepare(input, maxDepth: JSONParser.maxDepth, valueAllowance: JSONParser.valueAllowance,
                                   bytesPerValue: JSONParser.bytesPerValue, bytesPerContainer: JSONParser.bytesPerContainer) else { return nil }
        var error = json_error_t()
        let root = quoted.withUnsafeBufferPointer { buf -> UnsafeMutablePointer<json_t>? in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    json_loadb($0, buf.count, Int(JSON_DECODE_ANY | JSON_REJECT_DUPLICATES), &error)
                }
            }
        }
        guard let root else { return nil }
        defer { cshim_json_decref(root) }
        return convert(root)
    }

    static func convert(_ j: UnsafeMutablePointer<json_t>) -> JSONValue? {
        switch json_type(rawValue: UInt32(bitPattern: cshim_json_type(j))) {
        case JSON_OBJECT:
            var members: [(String, JSONValue)] = []
            var it = json_object_iter(j)
            while let iter = it {
                guard let k = json_object_iter_key(iter), let v = json_object_iter_value(iter), let value = convert(v) else { return nil }
                members.append((String(cString: k), value))
                it = json_object_iter_next(j, iter)
            }
            return .object(members)
        case JSON_ARRAY:
            var items: [JSONValue] = []
            for i in 0..<json_array_size(j) {
                guard let v = json_array_get(j, i), let value = convert(v) else { return nil }
                items.append(value)
            }
            return .array(items)
        case JSON_STRING:
            guard let p = json_string_value(j) else { return nil }
            let s = String(decoding: UnsafeRawBufferPointer(start: p, count: json_string_length(j)), as: UTF8.self)
            let head = s.utf8.first
            if head == 0x01 { return .number(String(decoding: s.utf8.dropFirst(2), as: UTF8.self)) }
            if head == 0x02 { return .string(String(decoding: s.utf8.dropFirst(), as: UTF8.self)) }
            return .string(s)
        case JSON_TRUE: return .bool(true)
        case JSON_FALSE: return .bool(false)
        case JSON_NULL: return .null
        default: return nil
        }
    }

    static let markerEscape: [UInt8] = Array("\"\\u0001#".utf8)
    static let literalEscape: [UInt8] = Array("\\u0002".utf8)

    static func prepare(_ input: [UInt8], maxDepth: Int, valueAllowance: Int, bytesPerValue: Int, bytesPerContainer: Int) -> [UInt8]? {
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
                // Keys are not tagged (the C pre-pass decides at the string's end).
                let tagAt = startsWithMarkerControl(input, at: i) ? out.count : nil
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
                if let tagAt, !followedByColon(input, i) { out.insert(contentsOf: literalEscape, at: tagAt) }
            } else if c == UInt8(ascii: "-") || (c >= 48 && c <= 57) {
                let start = i
                while i < n, isNumberByte(input[i]) { i += 1 }
                guard isValidNumber(input[start..<i]), !followedByColon(input, i) else { return nil }
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

    static func followedByColon(_ input: [UInt8], _ from: Int) -> Bool {
        var i = from
        while i < input.count, [0x20, 0x09, 0x0A, 0x0D].contains(input[i]) { i += 1 }
        return i < input.count && input[i] == UInt8(ascii: ":")
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

}
