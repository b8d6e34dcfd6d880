import Foundation
import XCTest

/// The Flexiti reference tables in ../shared/flexiti beside the checkout (CI lays them there).
/// A checkout without that folder cannot compare against them: those tests skip, saying why.
enum ReferenceFiles {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/flexiti")

    static func text(_ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("\(url.path) is not present: the Flexiti reference tables are not beside this checkout")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
