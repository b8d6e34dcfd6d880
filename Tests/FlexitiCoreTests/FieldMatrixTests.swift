@testable import FlexitiCore
import Foundation
import XCTest

/// The header documents which request kinds take which field in a hand-written table (above
/// flx_request_set_account_number); it must say exactly what `PurchaseField.allowed` enforces.
final class FieldMatrixTests: XCTestCase {
    static let header = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("include/flexiti.h")

    /// The header's setter name of each field (`flx_request_set_<name>`).
    static let setterName: [PurchaseField: String] = [
        .accountNumber: "account_number", .vccNumber: "vcc_number", .customerId: "customer_id", .amount: "amount_cents",
        .full: "full", .financing: "financing", .autoCapture: "auto_capture", .reference: "reference",
        .verificationCode: "verification_code", .requestId: "request_id", .externalLocationId: "external_location_id",
        .externalEmployeeId: "external_employee_id", .widgetSessionId: "widget_session_id", .captureId: "capture_id",
        .transactionType: "transaction_type", .skuData: "sku_data", .status: "status", .dateRange: "date_range",
        .pageSize: "page_size", .authorizationId: "authorization_id",
    ]
    static let kinds: [String: PurchaseKind] = [
        "AUTH": .authorization, "CAPT": .capture, "REL": .release, "RET": .returnCapture, "REF": .refund,
        "TXN": .transaction, "LA": .listAuthorizations, "LC": .listCaptures,
    ]

    /// Rows "name  KIND KIND ...  (comment)" between the legend and "Required fields".
    func headerMatrix() throws -> [String: Set<PurchaseKind>] {
        let text = try String(contentsOf: Self.header, encoding: .utf8)
        guard let start = text.range(of: "LA/LC = authorization/capture listings):"),
              let end = text.range(of: " * Required fields", range: start.upperBound..<text.endIndex) else {
            XCTFail("the field/kind table is not found in the header")
            return [:]
        }
        var rows: [String: Set<PurchaseKind>] = [:]
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init)
            guard words.first == "*", words.count >= 3, let name = words.dropFirst().first,
                  name.first?.isLetter == true, name == name.lowercased() else { continue }
            words.removeFirst(2)
            let listed = words.prefix { Self.kinds[$0] != nil }
            guard !listed.isEmpty else { continue }  // a comment's continuation line
            XCTAssertNil(rows[name], "row \(name) appears twice")
            rows[name] = Set(listed.compactMap { Self.kinds[$0] })
        }
        return rows
    }

    func testHeaderFieldKindTableMatchesTheCode() throws {
        let rows = try headerMatrix()
        XCTAssertEqual(Set(rows.keys), Set(Self.setterName.values), "every setter has one row, and only setters")
        XCTAssertEqual(Self.setterName.count, PurchaseField.allCases.count, "a field without a row in the header")
        for field in PurchaseField.allCases {
            guard let name = Self.setterName[field] else { XCTFail("\(field) has no header name here"); continue }
            let code = Set(PurchaseKind.allCases.filter { field.allowed(for: $0) })
            XCTAssertEqual(rows[name], code, "flexiti.h row \(name) vs PurchaseField.allowed")
        }
    }
}
