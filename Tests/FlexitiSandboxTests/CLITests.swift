import Foundation
import XCTest
@testable import FlexitiSandbox

/// The flexiti-sandbox executable: --help, the ready line, one log line per request, SIGTERM.
final class CLITests: XCTestCase {
    var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("flexiti-sandbox")
    }

    func testHelp() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("flexiti-sandbox not built") }
        let p = Process()
        p.executableURL = binary
        p.arguments = ["--help"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        for flag in ["--port", "--host", "--seed", "--token-lifetime", "--faults", "--quiet"] {
            XCTAssertTrue(text.contains(flag), flag)
        }
    }

    func testReadyLineLogAndSIGTERM() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("flexiti-sandbox not built") }
        let p = Process()
        p.executableURL = binary
        let faults = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-faults-\(getpid()).json")
        try Data(#"[{"fault":"http_503","path_suffix":"/oauth/token","count":1}]"#.utf8).write(to: faults)
        defer { try? FileManager.default.removeItem(at: faults) }
        p.arguments = ["--port", "0", "--seed", SeedTests.repoRoot.appendingPathComponent("Sources/FlexitiSandbox/seed.json").path,
                       "--faults", faults.path, "--token-lifetime", "60"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        let reader = out.fileHandleForReading
        var text = ""
        while !text.contains("\n") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix("flexiti-sandbox listening on http://127.0.0.1:"), first)
        XCTAssertTrue(first.hasSuffix("/flexiti/pos-api"), first)
        let base = String(first.dropFirst("flexiti-sandbox listening on ".count))
        let form = "client_id=flexitidemo&client_secret=flexitidemo-secret"
        XCTAssertEqual(HTTP.send("POST", base + "/v2.5/oauth/token", headers: ["x-reference-id": "cli"], body: form).status, 503)
        let r = HTTP.send("POST", base + "/v2.5/oauth/token", headers: ["x-reference-id": "cli"], body: form)
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r["expires_in"], .number("60"))
        while !text.contains("/oauth/token -> 200") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        XCTAssertTrue(text.contains("POST /flexiti/pos-api/v2.5/oauth/token -> 200"), text)
        p.terminate()   // SIGTERM
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertEqual(p.terminationReason, .exit)
    }
}
