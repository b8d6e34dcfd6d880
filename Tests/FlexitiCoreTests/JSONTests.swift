@testable import FlexitiCore
import Foundation
import XCTest

final class JSONTests: XCTestCase {
    func parse(_ s: String) -> JSONValue? { JSONParser.parse(Array(s.utf8)) }

    func testNumbersKeepTheirExactText() throws {
        let v = try XCTUnwrap(parse(#"{"a": 99999999999999.99, "b": [0.1, -2, 12345678901234567890], "c": "1.5"}"#))
        XCTAssertEqual(v["a"], .number("99999999999999.99"))
        XCTAssertEqual(v["a"]?.cents, 9_999_999_999_999_999)
        XCTAssertEqual(v["b"], .array([.number("0.1"), .number("-2"), .number("12345678901234567890")]))
        XCTAssertEqual(v["c"], .string("1.5"))
        XCTAssertEqual(v["c"]?.cents, 150)
    }

    func testStringsWithDigitsAndEscapesAreUntouched() throws {
        let v = try XCTUnwrap(parse(#"{"s": "a \"12\" b\\", "t": "-3", "u": "\u00e9"}"#))
        XCTAssertEqual(v["s"], .string(#"a "12" b\"#))
        XCTAssertEqual(v["t"], .string("-3"))
        XCTAssertEqual(v["u"], .string("é"))
    }

    func testRejectsInvalidDocuments() {
        XCTAssertNil(parse(#"{"a": 1"#))
        XCTAssertNil(parse("<html>blocked</html>"))
        XCTAssertNil(parse(#"{"a": 1, "a": 2}"#))
        XCTAssertNil(JSONParser.parse([0x22, 0xff, 0xfe, 0x22]))  // invalid UTF-8
        XCTAssertNil(parse(""))
    }

    func testDeepNestingDoesNotCrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertNil(parse(deep))  // refused beyond JSONParser.maxDepth
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        XCTAssertNotNil(parse(ok))
        XCTAssertNotNil(parse(#"{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}"#), "brackets in strings do not count")
    }

    /// A POS thread may have a small stack: the deepest accepted answer (JSONParser.maxDepth)
    /// must parse on a 256 KiB one (glibc's default is 8 MiB, musl's 128 KiB).
    func testDeepestAcceptedAnswerFitsASmallStack() {
        let n = JSONParser.maxDepth
        let deep = String(repeating: "[", count: n) + String(repeating: "]", count: n)
        let done = DispatchSemaphore(value: 0)
        let parsed = Locked(false)
        let t = Thread { parsed.withLock { $0 = JSONParser.parse(Array(deep.utf8)) != nil }; done.signal() }
        t.stackSize = 256 * 1024
        t.start()
        done.wait()
        XCTAssertTrue(parsed.withLock { $0 })
    }

    func testWriterEscapesAndKeepsOrder() {
        let body = JSONValue.object([("amount", .number("10.50")), ("reference", .string("a\"b\\c\n\u{01}")), ("auto_capture", .bool(true))])
        XCTAssertEqual(JSONWriter.write(body), #"{"amount":10.50,"reference":"a\"b\\c\n\u0001","auto_capture":true}"#)
        XCTAssertEqual(parse(JSONWriter.write(body))?["reference"], .string("a\"b\\c\n\u{01}"))
        // Runs between escapes, multi-byte UTF-8 and a string that needs no escape at all.
        XCTAssertEqual(JSONWriter.write(.array([.string("Café ✓ \"x\" end"), .string("plain"), .string("")])),
                       #"["Café ✓ \"x\" end","plain",""]"#)
    }
}
