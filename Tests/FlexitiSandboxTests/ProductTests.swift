import Foundation
import XCTest
@testable import FlexitiSandbox

/// The sandbox as a shipped program: --version, strict seed and fault files (errors name the file
/// and the key), strict POST /_sandbox/faults, and the request journal with secrets redacted.
final class ProductTests: XCTestCase {
    var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("flexiti-sandbox")
    }

    /// Runs the sandbox binary to completion: exit status, stdout, stderr.
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("flexiti-sandbox not built") }
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid())-\(UUID().uuidString).json")
        try Data(contents.utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testVersionPrintsTheLibraryVersion() throws {
        let r = try run(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.out.trimmingCharacters(in: .whitespacesAndNewlines), sandboxVersion)
        XCTAssertTrue(sandboxVersion.split(separator: ".").count == 3 && sandboxVersion.allSatisfy { $0.isNumber || $0 == "." },
                      sandboxVersion)
    }

    func testFaultsFileWithUnknownKeyIsAUsageErrorNamingFileAndKey() throws {
        let file = try temporaryFile("faults", #"[{"fault":"delay","typo_key":1}]"#)
        let r = try run(["--port", "0", "--faults", file.path])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains(file.path), r.err)
        XCTAssertTrue(r.err.contains("unknown key \"typo_key\" in [0]"), r.err)
        XCTAssertFalse(r.out.contains("listening"), r.out)
    }

    func testFaultsFileWithUnknownKindListsTheKnownOnes() throws {
        let file = try temporaryFile("faults", #"[{"fault":"dealy"}]"#)
        let r = try run(["--port", "0", "--faults", file.path])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains(file.path) && r.err.contains("[0].fault") && r.err.contains("drop_response"), r.err)
    }

    func testSeedFileWithMisspeltNestedKeyNamesFileAndKeyPath() throws {
        let seed = try String(contentsOf: SeedTests.repoRoot.appendingPathComponent("Sources/FlexitiSandbox/seed.json"), encoding: .utf8)
        let broken = seed.replacingOccurrences(of: "\"pre_auth_allowed\"", with: "\"pre_auth_alowed\": true, \"pre_auth_allowed\"")
        XCTAssertNotEqual(seed, broken)
        let file = try temporaryFile("seed", broken)
        let r = try run(["--port", "0", "--seed", file.path])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("seed file \(file.path)"), r.err)
        XCTAssertTrue(r.err.contains("unknown key \"pre_auth_alowed\" in clients[0].merchant"), r.err)
    }

    func testSeedFileThatIsNotJSONOrMissingIsAUsageError() throws {
        let file = try temporaryFile("seed", "{not json")
        let r = try run(["--port", "0", "--seed", file.path])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.err.contains(file.path) && r.err.contains("not valid JSON"), r.err)
        let missing = try run(["--port", "0", "--seed", "/nonexistent/seed.json"])
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.err.contains("/nonexistent/seed.json"), missing.err)
    }

    func testStrictDecodingAcceptsTheBuiltInSeedAndNullOptionals() throws {
        let seed = try SandboxSeed.decode(Data(PackageResources.seed_json))
        XCTAssertEqual(seed, SandboxSeed.default)
        let fault = try StrictJSON.decode(SandboxFault.self, from: Data(#"{"fault":"close","method":null,"count":2}"#.utf8))
        XCTAssertEqual(fault.fault, .close)
        XCTAssertEqual(fault.count, 2)
    }

    func testPostFaultWithUnknownKeyIsRefusedAndArmsNothing() throws {
        let h = try Harness()
        let r = HTTP.send("POST", h.sandbox.rootURL + "/_sandbox/faults", body: #"{"fault":"delay","typo_key":1}"#)
        XCTAssertEqual(r.status, 400, r.text)
        XCTAssertTrue(r["message"]?.stringValue?.contains("unknown key \"typo_key\"") ?? false, r.text)
        let many = HTTP.send("POST", h.sandbox.rootURL + "/_sandbox/faults",
                             body: #"[{"fault":"close"},{"fault":"delay","delay":5}]"#)
        XCTAssertEqual(many.status, 400, many.text)
        XCTAssertTrue(many["message"]?.stringValue?.contains("\"delay\" in [1]") ?? false, many.text)
        XCTAssertEqual(h.sandbox.faults.count, 0)
        let good = HTTP.send("POST", h.sandbox.rootURL + "/_sandbox/faults", body: #"{"fault":"close","count":1}"#)
        XCTAssertEqual(good.status, 200, good.text)
        XCTAssertEqual(h.sandbox.faults.count, 1)
    }

    func testRequestJournalRecordsWhatWasSentWithSecretsRedacted() throws {
        let h = try Harness()
        let token = h.accessToken()
        XCTAssertNotEqual(token, "no-token")
        let lookup = h.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: token,
                            ref: "journal-ref")
        XCTAssertEqual(lookup.status, 200, lookup.text)
        let verify = h.call("POST", "/client-id/flexitidemo/account/116994755/verify", token: token,
                            body: #"{"format":"security_question","security_qid":5,"security_answer":"Toronto","piw":"maple"}"#,
                            headers: ["x-idempotency-key": "idem-1"], ref: "journal-verify")
        XCTAssertNotEqual(verify.status, 0)

        let j = HTTP.send("GET", h.sandbox.rootURL + "/_sandbox/requests")
        XCTAssertEqual(j.status, 200)
        let entries = j["requests"]?.arrayValue ?? []
        XCTAssertEqual(entries.count, 3, j.text)
        XCTAssertEqual(entries.map { $0["method"]?.stringValue ?? "" }, ["POST", "GET", "POST"])
        XCTAssertEqual(entries.map { $0["sequence"] }, [.number("1"), .number("2"), .number("3")])

        // The token request: client id kept, secret redacted.
        XCTAssertEqual(entries[0]["path"]?.stringValue, "/flexiti/pos-api/v2.5/oauth/token")
        XCTAssertEqual(entries[0]["body"]?["client_id"]?.stringValue, "flexitidemo")
        XCTAssertEqual(entries[0]["body"]?["client_secret"]?.stringValue, "[redacted]")
        XCTAssertEqual(entries[0]["status"]?.stringValue, "200")
        // The lookup: query and reference id as sent.
        XCTAssertEqual(entries[1]["query"]?["account_number"]?.stringValue, "116994755")
        XCTAssertEqual(entries[1]["x_reference_id"]?.stringValue, "journal-ref")
        // The verification: answer and PIW redacted, the rest and the idempotency key kept.
        XCTAssertEqual(entries[2]["body"]?["security_answer"]?.stringValue, "[redacted]")
        XCTAssertEqual(entries[2]["body"]?["piw"]?.stringValue, "[redacted]")
        XCTAssertEqual(entries[2]["body"]?["format"]?.stringValue, "security_question")
        XCTAssertEqual(entries[2]["x_idempotency_key"]?.stringValue, "idem-1")
        for secret in ["flexitidemo-secret", token, "Toronto", "maple", "Bearer"] {
            XCTAssertFalse(j.text.contains(secret), "journal contains \(secret): \(j.text)")
        }

        XCTAssertEqual(HTTP.send("DELETE", h.sandbox.rootURL + "/_sandbox/requests").status, 200)
        XCTAssertEqual(HTTP.send("GET", h.sandbox.rootURL + "/_sandbox/requests")["requests"]?.arrayValue?.count, 0)
    }

    func testSecretFieldNames() {
        for name in ["client_secret", "access_token", "refresh_token", "security_answer", "verification_code", "sin", "piw",
                     "merchant_password", "PIN"] {
            XCTAssertTrue(RequestJournal.isSecret(name), name)
        }
        for name in ["client_id", "account_number", "amount", "format", "security_qid", "business_name", "province"] {
            XCTAssertFalse(RequestJournal.isSecret(name), name)
        }
    }
}
