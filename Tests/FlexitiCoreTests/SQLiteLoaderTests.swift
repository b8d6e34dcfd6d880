import CSQLite
import FlexitiCore
import XCTest

/// SQLite is loaded at the first journal open, not linked: what happens when it is missing or
/// is not SQLite at all, and that the system's own loads.
final class SQLiteLoaderTests: XCTestCase {
    func testTheSystemLibraryLoadsAndIsRecentEnough() throws {
        guard case let .success(api) = SQLiteLibrary.shared else {
            return XCTFail("libsqlite3.so.0 did not load: \(SQLiteLibrary.shared)")
        }
        XCTAssertGreaterThanOrEqual(api.pointee.libversion_number(), FLXSQL_MIN_VERSION)
    }

    func testAMissingLibraryIsAJournalErrorThatNamesIt() {
        guard case let .failure(e) = SQLiteLibrary.load("libflexiti-test-no-such-sqlite.so.0") else {
            return XCTFail("a library that does not exist was loaded")
        }
        XCTAssertEqual(e.code, .journalFailed)
        XCTAssertTrue(e.message.contains("libflexiti-test-no-such-sqlite.so.0"), e.message)
        XCTAssertTrue(e.message.contains("could not be loaded"), e.message)
        XCTAssertTrue(e.message.contains("install libsqlite3-0"), e.message)
    }

    func testALibraryWithoutSQLiteFunctionsIsRefused() {
        // jansson is loaded in every test process anyway; it has no sqlite3_open_v2.
        guard case let .failure(e) = SQLiteLibrary.load("libjansson.so.4") else {
            return XCTFail("libjansson was accepted as SQLite")
        }
        XCTAssertEqual(e.code, .journalFailed)
        XCTAssertTrue(e.message.contains("has no sqlite3_open_v2"), e.message)
    }
}
