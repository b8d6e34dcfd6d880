import Foundation
import XCTest
@testable import FlexitiSandbox

final class SeedTests: XCTestCase {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testBuiltInSeedIsTheSeedFile() throws {
        let fromFile = try SandboxSeed.load(path: Self.repoRoot.appendingPathComponent("Sources/FlexitiSandbox/seed.json").path)
        XCTAssertEqual(fromFile, SandboxSeed.default)
        XCTAssertFalse(SandboxSeed.default.accounts.isEmpty)
        let main = SandboxSeed.default.accounts.first { $0.accountNumber == 116994755 }
        XCTAssertEqual(main?.customerId, "123321")
        XCTAssertEqual(main?.vccs.first?.vccNumber, "1070015210367982")
    }

    func testSeedCoversTheDocumentedStatuses() {
        let s = SandboxSeed.default
        XCTAssertEqual(Set(s.accounts.map(\.accountStatus)), ["N", "A", "F", "Z", "C"])
        XCTAssertTrue(s.accounts.contains { !$0.activated })
        XCTAssertTrue(s.accounts.contains { $0.province == "QC" })
        XCTAssertTrue(s.accounts.contains { $0.vccs.contains { $0.authorizedUserId != nil } })
        XCTAssertTrue(s.clients.contains { !$0.provisioned })
    }

    func testBadSeedIsRejected() {
        XCTAssertThrowsError(try SandboxSeed.decode(Data("{\"clients\":[]}".utf8)))
        var s = SandboxSeed.default
        s.accounts[0].creditLimit = "12,00"
        XCTAssertThrowsError(try s.validate())
    }

    /// The rows come from FlexitiCore's ErrorTables, which ErrorTablesTests compares with the TSVs.
    func testErrorCatalogHasEveryReferenceRow() throws {
        XCTAssertEqual(ErrorCatalog.endpointRows.count, 133)
        XCTAssertEqual(ErrorCatalog.generalRows.count, 40)
    }
}
