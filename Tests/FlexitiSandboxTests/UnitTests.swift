import XCTest
@testable import FlexitiSandbox

final class UnitTests: XCTestCase {
    func testMoney() {
        XCTAssertEqual(try Money.parse("10").get(), 1000)
        XCTAssertEqual(try Money.parse("10.5").get(), 1050)
        XCTAssertEqual(try Money.parse("1000.12").get(), 100012)
        XCTAssertEqual(try Money.parse("0.01").get(), 1)
        XCTAssertEqual(try Money.parse("10.500").get(), 1050)
        XCTAssertEqual(Money.parse("10.505"), .failure(.length))
        XCTAssertEqual(Money.parse("10,50"), .failure(.invalid))
        XCTAssertEqual(Money.parse("0"), .failure(.invalid))
        XCTAssertEqual(Money.parse("-1"), .failure(.invalid))
        XCTAssertEqual(Money.parse("abc"), .failure(.type))
        XCTAssertEqual(Money.parse("12345678901234567"), .failure(.length))
        XCTAssertEqual(Money.format(1), "0.01")
        XCTAssertEqual(Money.format(1400000), "14000.00")
        XCTAssertEqual(Money.format(-505), "-5.05")
    }

    func testJSONRoundTrip() throws {
        let text = #"{"a":[1,2.50,"x\"y\u00e9"],"b":{"c":null,"d":true}}"#
        let v = try JSON.parse(text)
        XCTAssertEqual(v["a"]?.arrayValue?[1], .number("2.50"))
        XCTAssertEqual(v["a"]?.arrayValue?[2], .string("x\"yé"))
        XCTAssertEqual(try JSON.parse(v.serialized()), v)
        XCTAssertThrowsError(try JSON.parse("{\"a\":"))
        XCTAssertThrowsError(try JSON.parse("[1,]"))
    }

    func testDates() {
        XCTAssertEqual(Time.iso(0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Time.iso(1_672_574_400), "2023-01-01T12:00:00Z")
        XCTAssertEqual(Time.parseDate("2023-01-01"), 1_672_531_200)
        XCTAssertNil(Time.parseDate("2023-02-30"))
        XCTAssertNil(Time.parseDate("2023-1-01"))
    }
}
