@testable import FlexitiCore
import XCTest

/// The C pre-pass (Sources/CAnswerPrepass) against the Swift one it replaced, kept below as the
/// reference, and the reading of its marks back (JSONNode).
final class AnswerPrepassTests: XCTestCase {
    func prepared(_ s: String) -> String? { JSONParser.prepare(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) } }
    func node(_ s: String) -> JSONNode? { JSONParser.document(Array(s.utf8)) }

    func testNumbersBecomeMarkedStringsAndNothingElseChanges() {
        XCTAssertEqual(prepared(#"{"a":1,"b":-0.5e+3,"c":"12","d":[0,true,null]}"#),
                       #"{"a":"\u0001#1","b":"\u0001#-0.5e+3","c":"12","d":["\u0001#0",true,null]}"#)
        XCTAssertEqual(prepared(#""x\"1\\" 2"#), #""x\"1\\" "\u0001#2""#, "digits after escaped quotes stay in the string")
        XCTAssertEqual(prepared(""), "")
        XCTAssertEqual(prepared("7"), #""\u0001#7""#)
        XCTAssertNil(prepared("[01]"))
        XCTAssertNil(prepared("1.e5"))
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

    /// Text that looks like a mark stays text: a string holding U+0001 or U+0002 (escaped) is
    /// tagged by the pre-pass and read back unchanged, never as a number.
    func testMarkerLikeStringsStayStrings() throws {
        let n = try XCTUnwrap(node(##"{"a":"\u0001#123","b":"\u0002x","c":"#1","d":"\u0001","e":"x\u0001#1"}"##))
        XCTAssertEqual(n["a"]?.kind, .string)
        XCTAssertEqual(n["a"]?.text, "\u{01}#123")
        XCTAssertNil(n["a"]?.cents)
        XCTAssertEqual(n["b"]?.text, "\u{02}x")
        XCTAssertEqual(n["c"]?.text, "#1")
        XCTAssertEqual(n["d"]?.text, "\u{01}")
        XCTAssertEqual(n["e"]?.text, "x\u{01}#1")
        XCTAssertEqual(n.value, .object([("a", .string("\u{01}#123")), ("b", .string("\u{02}x")), ("c", .string("#1")),
                                         ("d", .string("\u{01}")), ("e", .string("x\u{01}#1"))]))
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

    /// The C pre-pass writes exactly what the Swift one did, for documents, near-documents and
    /// noise, and refuses the same inputs (depth, value budget, malformed numbers).
    func testSameOutputAsTheSwiftReference() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["{", "}", "[", "]", ",", ":", " ", "\"", "\\", "\\u0001", "\\u0002", "\\u0003", "0", "1", "-", "+", ".", "e", "E",
                      "12.5", "true", "null", "f", "x", "é", "\\\"", "#"]
        var inputs: [[UInt8]] = [[], Array("[]".utf8), Array(#"{"a":[1,2,{"b":"\u0001#"}],"c":-0.0e-0}"#.utf8)]
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 0..<40, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            inputs.append(Array(s.utf8))
        }
        inputs.append(Array(String(repeating: "[", count: JSONParser.maxDepth + 1).utf8))
        inputs.append(Array(String(repeating: "[", count: JSONParser.maxDepth).utf8))
        inputs.append(Array(("[" + String(repeating: "1,", count: 5000) + "1]").utf8))  // over the value budget
        inputs.append(Array(("[" + String(repeating: "{},", count: 3000) + "{}]").utf8))  // over the container budget
        for input in inputs {
            let expected = SwiftReference.prepare(input, maxDepth: JSONParser.maxDepth, valueAllowance: JSONParser.valueAllowance,
                                                  bytesPerValue: JSONParser.bytesPerValue, bytesPerContainer: JSONParser.bytesPerContainer)
            XCTAssertEqual(JSONParser.prepare(input), expected, String(decoding: input, as: UTF8.self))
        }
    }
}

/// The pre-pass as it was written in Swift, the reference for the C one.
private enum SwiftReference {
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
                if startsWithMarkerControl(input, at: i) { out.append(contentsOf: literalEscape) }
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
            } else if c == UInt8(ascii: "-") || (c >= 48 && c <= 57) {
                let start = i
                while i < n, isNumberByte(input[i]) { i += 1 }
                guard isValidNumber(input[start..<i]) else { return nil }
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
