@testable import FlexitiCore
import XCTest

/// The response parser (jansson plus the exact-number pre-pass):
/// RFC 8259 strictness, exact numbers, and no trap on any input.
final class JSONParserTests: XCTestCase {
    func parse(_ s: String) -> JSONValue? { JSONParser.parse(Array(s.utf8)) }

    func testScalarsAndContainers() throws {
        XCTAssertEqual(parse(" true "), .bool(true))
        XCTAssertEqual(parse("false"), .bool(false))
        XCTAssertEqual(parse("null"), .null)
        XCTAssertEqual(parse("{}"), .object([]))
        XCTAssertEqual(parse("[ ]"), .array([]))
        let v = try XCTUnwrap(parse(" {\n\t\"a\" : [1, {\"b\": null}, \"x\"] ,\r\n \"c\":{} } "))
        XCTAssertEqual(v, .object([("a", .array([.number("1"), .object([("b", .null)]), .string("x")])), ("c", .object([]))]))
    }

    func testNumbersFollowTheGrammarAndKeepTheirText() {
        for ok in ["0", "-0", "12", "-12.50", "1e5", "1E+05", "2.5e-3", "99999999999999999999.99"] {
            XCTAssertEqual(parse(ok), .number(ok), ok)
        }
        for bad in ["01", "-", "1.", ".5", "1e", "1e+", "+1", "--1", "0x10", "1.2.3", "NaN", "Infinity"] {
            XCTAssertNil(parse(bad), bad)
        }
    }

    func testEscapesAndUnicode() {
        XCTAssertEqual(parse(#""a\"b\\c\/d\b\f\n\r\t""#), .string("a\"b\\c/d\u{08}\u{0C}\n\r\t"))
        XCTAssertEqual(parse(#""\u00e9\u20AC""#), .string("é€"))
        XCTAssertEqual(parse(#""\ud83d\ude00""#), .string("😀"))  // surrogate pair
        XCTAssertEqual(parse("\"Qu\u{e9}bec \u{1F600}\""), .string("Québec 😀"))  // raw UTF-8
        XCTAssertEqual(parse(#"{"k\u0065y": 1}"#)?["key"], .number("1"))
    }

    func testRejectsMalformedStrings() {
        for bad in [#""\ud83d""#, #""\ude00""#, #""\ud83d\u0041""#, #""\u0000""#, #""\x41""#, #""\u12""#,
                    #""\u12G4""#, "\"tab\there\"", "\"line\nbreak\"", #""unterminated"#, #""ends with \"#] {
            XCTAssertNil(parse(bad), bad)
        }
        XCTAssertNil(JSONParser.parse([0x22, 0xC0, 0xAF, 0x22]))  // overlong encoding
        XCTAssertNil(JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]))  // UTF-8 encoded surrogate
        XCTAssertNil(JSONParser.parse([0x22, 0xE2, 0x82, 0x22]))  // truncated sequence
        XCTAssertNil(JSONParser.parse([0x22, 0x61, 0x5C, 0x6E, 0xFF, 0x22]))  // invalid byte after an escape
    }

    func testRejectsMalformedDocuments() {
        for bad in ["", " ", "tru", "nul", "truex", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":}",
                    "[1 2]", "{} {}", "[1]x", "{\"a\":1}}", "[", "]", "{\"a\":{\"b\":1, \"b\":2}}"] {
            XCTAssertNil(parse(bad), bad)
        }
    }

    func testDepthLimit() {
        let limit = JSONParser.maxDepth
        let ok = String(repeating: "[", count: limit) + "1" + String(repeating: "]", count: limit)
        XCTAssertNotNil(parse(ok))
        let tooDeep = String(repeating: "{\"a\":", count: limit + 1) + "1" + String(repeating: "}", count: limit + 1)
        XCTAssertNil(parse(tooDeep))
    }

    /// Every prefix and many one-byte corruptions of a real answer parse or fail, never trap.
    func testTruncatedAndCorruptedInputNeverTraps() {
        let doc = Array(#"{"available_credit":4750.01,"security_qid":{"id":7,"text":"Rue \u00e9 \"x\""},"offer_types":[{"plan_id":4,"term_options":[6,12]}],"payment_protection":false,"email":null}"#.utf8)
        XCTAssertNotNil(JSONParser.parse(doc))
        for n in 0..<doc.count { _ = JSONParser.parse(Array(doc[..<n])) }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var d = doc
            d[Int.random(in: 0..<d.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            _ = JSONParser.parse(d)
        }
    }

    func testWriterOutputParsesBack() {
        let samples = ["", "plain", "quote\" backslash\\ slash/", "\u{01}\u{1F}\u{7F}", "é€😀", "\r\n\t"]
        for s in samples {
            let body = JSONValue.object([("s", .string(s)), ("n", .number("-12.34"))])
            XCTAssertEqual(parse(JSONWriter.write(body)), body, s)
        }
    }
}
