import FlexitiCore
import XCTest

final class MoneyTests: XCTestCase {
    func testFormat() {
        XCTAssertEqual(Money.format(cents: 1), "0.01")
        XCTAssertEqual(Money.format(cents: 10 + 20), "0.30")
        XCTAssertEqual(Money.format(cents: 100), "1.00")
        XCTAssertEqual(Money.format(cents: 123_456), "1234.56")
        XCTAssertEqual(Money.format(cents: 9_999_999_999_999_999), "99999999999999.99")
        XCTAssertEqual(Money.format(cents: -12_508), "-125.08")
        XCTAssertEqual(Money.format(cents: Int64.min), "-92233720368547758.08")
    }

    func testParseExact() {
        XCTAssertEqual(Money.parse("0.01"), 1)
        XCTAssertEqual(Money.parse("0.1"), 10)
        XCTAssertEqual(Money.parse("10"), 1000)
        XCTAssertEqual(Money.parse("1000.12"), 100_012)
        XCTAssertEqual(Money.parse("659.51"), 65_951)
        XCTAssertEqual(Money.parse("99999999999999.99"), 9_999_999_999_999_999)
        XCTAssertEqual(Money.parse("-71.85"), -7185)
        XCTAssertEqual(Money.parse("3.500"), 350)
    }

    func testParseRejects() {
        for bad in ["", "-", ".", "1.005", "1,00", "abc", "1e2", "100000000000000000.00", "1.2.3", " 1", "--1"] {
            XCTAssertNil(Money.parse(bad), bad)
        }
    }

    func testRoundTrip() {
        for c: Int64 in [0, 1, 9, 10, 99, 100, 101, 30, 123_456_789, 9_999_999_999_999_999] {
            XCTAssertEqual(Money.parse(Money.format(cents: c)), c)
        }
    }

    /// The digits are written by hand: held to the plain definition (whole "." two digits)
    /// over edges and a spread of magnitudes.
    func testFormatMatchesItsDefinition() {
        func plain(_ c: Int64) -> String {
            let m = c.magnitude
            return (c < 0 ? "-" : "") + String(m / 100) + "." + (m % 100 < 10 ? "0" : "") + String(m % 100)
        }
        var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, 101, -100, -101, .max, .min, .max - 1, .min + 1]
        var x: UInt64 = 1
        for i in 0..<20_000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            values.append(Int64(bitPattern: x) >> Int64(i % 63))
        }
        for c in values { XCTAssertEqual(Money.format(cents: c), plain(c)) }
    }
}
