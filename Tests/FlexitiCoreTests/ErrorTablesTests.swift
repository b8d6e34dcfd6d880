import FlexitiCore
import Foundation
import XCTest

/// The tables in code must be the reference, row for row, and every error string must have a
/// stable code that the header declares with the same number.
final class ErrorTablesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func tsv(_ name: String) throws -> [[String]] {
        let text = try ReferenceFiles.text(name)
        return text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func testGeneralTableMatchesReference() throws {
        let rows = try tsv("general_errors.tsv")
        XCTAssertEqual(rows.count, ErrorTables.general.count)
        for (row, mine) in zip(rows, ErrorTables.general) {
            XCTAssertEqual(Int(row[0]), mine.status)
            XCTAssertEqual(row[1], mine.error)
            XCTAssertEqual(row[2], mine.scenario)
        }
    }

    func testEndpointTableMatchesReference() throws {
        let rows = try tsv("endpoint_errors.tsv")
        XCTAssertEqual(rows.count, 133)
        XCTAssertEqual(rows.count, ErrorTables.endpoint.count)
        for (row, mine) in zip(rows, ErrorTables.endpoint) {
            XCTAssertEqual(row[0], mine.method)
            XCTAssertEqual(row[1], mine.path)
            XCTAssertEqual(Int(row[2]), mine.status)
            XCTAssertEqual(row[3], mine.error)
            XCTAssertEqual(row[4], mine.scenario, "\(row[0]) \(row[1]) \(row[3])")
        }
    }

    func testParameterTableMatchesReference() throws {
        let rows = try tsv("parameter_validations.tsv")
        XCTAssertEqual(rows.count, ErrorTables.parameterRules.count)
        for (row, mine) in zip(rows, ErrorTables.parameterRules) {
            XCTAssertEqual([row[0], row[1], row[2]], [mine.param, mine.scenario, mine.type])
        }
    }

    func testEveryErrorStringHasItsOwnCode() throws {
        let strings = Set(try tsv("general_errors.tsv").map { $0[1] } + tsv("endpoint_errors.tsv").map { $0[3] })
        var codes = Set<Int32>()
        for s in strings {
            let code = try XCTUnwrap(ErrorCatalog.code(forAPIError: s), "no code for \(s)")
            XCTAssertTrue((100..<200).contains(code.rawValue))
            XCTAssertEqual(ErrorCatalog.info(code)?.name, s)
            codes.insert(code.rawValue)
        }
        XCTAssertEqual(codes.count, strings.count, "two error strings share a code")
        XCTAssertEqual(ErrorCatalog.code(forAPIError: "wrong_input"), ErrorCatalog.code(forAPIError: "wrong_inputs"))
        XCTAssertNil(ErrorCatalog.code(forAPIError: "something_new"))
    }

    /// The header's enum and the catalogue are written from one table; a hand edit of either shows here.
    func testHeaderEnumMatchesCatalogue() throws {
        let header = try String(contentsOf: Self.root.appendingPathComponent("include/flexiti.h"), encoding: .utf8)
        var declared: [String: Int32] = [:]
        for line in header.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("FLX_OK") || t.hasPrefix("FLX_E_") else { continue }
            let parts = t.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let number = parts[1].trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }
            declared[name] = Int32(number)
        }
        XCTAssertEqual(declared.count, ErrorCatalog.all.count)
        for info in ErrorCatalog.all {
            XCTAssertEqual(declared[info.symbol], info.code.rawValue, info.symbol)
        }
    }

    func testScenarioIsTheEndpointsOwnRow() {
        XCTAssertEqual(ScenarioLookup.scenario(method: "POST", endpoint: Endpoints.capture.template, error: "auth_amount_exceeded", status: 409),
                       "Capture amount is greater than the remaining credit authorization amount.")
        XCTAssertEqual(ScenarioLookup.scenario(method: "POST", endpoint: Endpoints.release.template, error: "auth_amount_exceeded", status: 409),
                       "Release amount is greater than the remaining credit authorization amount.")
        // Falls back to the general table, choosing the row with the same status.
        XCTAssertEqual(ScenarioLookup.scenario(method: "GET", endpoint: "/unknown", error: "not_found", status: 400), "Authorization ID not found")
        XCTAssertEqual(ScenarioLookup.scenario(method: "GET", endpoint: "/unknown", error: "not_found", status: 409), "Customer Account number could not be found")
        XCTAssertEqual(ScenarioLookup.scenario(method: "GET", endpoint: "/unknown", error: "nope", status: 409), "")
    }

    /// Every endpoint template of the error table is one the library can call.
    func testEveryTableEndpointIsKnown() {
        let known = Set(Endpoints.all.map { $0.method.rawValue + " " + $0.template })
        for row in ErrorTables.endpoint {
            XCTAssertTrue(known.contains(row.method + " " + row.path), "\(row.method) \(row.path)")
        }
    }
}
