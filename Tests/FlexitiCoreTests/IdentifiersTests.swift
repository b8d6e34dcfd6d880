import XCTest
@testable import FlexitiCore

final class IdentifiersTests: XCTestCase {
    private func isLowerHex(_ s: String) -> Bool { s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) } }

    /// Reference ids and keys: 32 lowercase hex digits (one getrandom call), never repeated.
    func testIdsAreThirtyTwoHexDigitsAndDiffer() {
        var seen = Set<String>()
        for _ in 0..<1_000 {
            for id in [Identifiers.referenceId(), Identifiers.idempotencyKey()] {
                XCTAssertEqual(id.utf8.count, 32)
                XCTAssertTrue(isLowerHex(id), id)
                XCTAssertTrue(seen.insert(id).inserted, "repeated \(id)")
            }
        }
    }

    /// Longer than the one-call buffer: the generator fills it, same form; nothing for 0 or less.
    func testOtherLengths() {
        let long = Identifiers.randomHex(bytes: 40)
        XCTAssertEqual(long.utf8.count, 80)
        XCTAssertTrue(isLowerHex(long))
        XCTAssertNotEqual(long, Identifiers.randomHex(bytes: 40))
        XCTAssertEqual(Identifiers.randomHex(bytes: 0), "")
        XCTAssertEqual(Identifiers.randomHex(bytes: -3), "")
        // Every nibble value shows up across a few keys (no stuck digit from the byte pool).
        let digits = Set((0..<50).flatMap { _ in Identifiers.randomHex(bytes: 16).utf8 })
        XCTAssertEqual(digits.count, 16)
    }
}
