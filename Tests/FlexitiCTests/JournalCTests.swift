import CFlexiti
import CSQLite
import Flexiti
import FlexitiCore
import FlexitiSandbox
import Foundation
import XCTest

/// The money journal through the C header: what is recorded, recovery, and every bad input.
final class JournalCTests: PurchaseFixture {
    var dir = ""
    var journalPath: String { dir + "/till.journal" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        dir = NSTemporaryDirectory() + "flx-journal-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        super.tearDown()
        try? FileManager.default.removeItem(atPath: dir)
    }

    func openJournal(_ path: String? = nil, file: StaticString = #filePath, line: UInt = #line) -> OpaquePointer? {
        var j: OpaquePointer?
        var err: OpaquePointer?
        check(flx_journal_open(path ?? journalPath, &j, &err), err, file: file, line: line)
        return j
    }

    func openCode(_ path: String) -> (flx_code, String) {
        var j: OpaquePointer?
        var err: OpaquePointer?
        let rc = flx_journal_open(path, &j, &err)
        let msg = str(flx_error_message(err)) ?? ""
        flx_error_free(err)
        err = nil
        flx_journal_free(j)
        return (rc, msg)
    }

    /// A session on the sandbox that records into `journal`.
    func journaledSession(_ journal: OpaquePointer?, retries: Int32 = 0) -> OpaquePointer? {
        var cfg: OpaquePointer?
        XCTAssertEqual(flx_config_new(&cfg, nil), FLX_OK)
        defer { flx_config_free(cfg) }
        XCTAssertEqual(flx_config_set_retries(cfg, retries, 0, 0, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_base_url(cfg, sandbox.baseURL, nil), FLX_OK)
        XCTAssertEqual(flx_config_set_credentials(cfg, "flexitidemo", "flexitidemo-secret", nil), FLX_OK)
        XCTAssertEqual(flx_config_set_journal(cfg, journal, nil), FLX_OK)
        var s: OpaquePointer?
        XCTAssertEqual(flx_session_new(cfg, &s, nil), FLX_OK)
        return s
    }

    func entries(_ journal: OpaquePointer?, unresolvedOnly: Bool = false) -> [OpaquePointer] {
        var it: OpaquePointer?
        var err: OpaquePointer?
        check(flx_journal_iter_new(journal, unresolvedOnly ? 1 : 0, &it, &err), err)
        defer { flx_journal_iter_free(it) }
        var out: [OpaquePointer] = []
        while true {
            var e: OpaquePointer?
            XCTAssertEqual(flx_journal_iter_next(it, &e, nil), FLX_OK)
            guard let e else { break }
            out.append(e)
        }
        return out
    }

    func captureRequest(_ cents: Int64) -> OpaquePointer? {
        request(FLX_REQUEST_CAPTURE) { r in [flx_request_set_amount_cents(r, cents, nil), flx_request_set_reference(r, "Ship-9", nil)] }
    }

    /// Bytes of the journal and its WAL, for "never stored" checks.
    func journalBytes() -> Data {
        var d = Data()
        for suffix in ["", "-wal", "-journal"] { d.append((try? Data(contentsOf: URL(fileURLWithPath: journalPath + suffix))) ?? Data()) }
        return d
    }

    // MARK: - Recording

    func testEveryMoneyCallIsRecordedWithItsResultAndNoSecret() throws {
        let journal = openJournal()
        let s = journaledSession(journal)
        defer { flx_session_free(s); flx_journal_free(journal) }
        flx_session_free(session)
        session = s
        let req = try authorizationRequest(cents: 50_000, autoCapture: false)
        defer { flx_request_free(req) }
        var auth: OpaquePointer?
        var err: OpaquePointer?
        check(flx_authorization_create(s, req, &auth, &err), err)
        defer { flx_authorization_free(auth) }
        let authId = try XCTUnwrap(str(flx_authorization_id(auth)))

        // Capture and release by id, without the authorization object.
        let cap = captureRequest(20_000)
        defer { flx_request_free(cap) }
        var capture: OpaquePointer?
        check(flx_capture_create(s, authId, cap, &capture, &err), err)
        defer { flx_capture_free(capture) }
        XCTAssertEqual(str(flx_capture_authorization_id(capture)), authId)
        let rel = request(FLX_REQUEST_RELEASE) { r in [flx_request_set_full(r, 1, nil)] }
        defer { flx_request_free(rel) }
        check(flx_release_create(s, authId, rel, nil, &err), err)
        XCTAssertEqual(str(try stateOf(authorization: authId)["authorization_status"] as? String), "closed")

        let all = entries(journal)
        defer { all.forEach { flx_journal_entry_free($0) } }
        XCTAssertEqual(all.count, 3)
        XCTAssertEqual(all.map { flx_journal_entry_kind($0) }, [FLX_REQUEST_AUTHORIZATION, FLX_REQUEST_CAPTURE, FLX_REQUEST_RELEASE])
        XCTAssertEqual(all.map { flx_journal_entry_state($0) }, [FLX_JOURNAL_SUCCEEDED, FLX_JOURNAL_SUCCEEDED, FLX_JOURNAL_SUCCEEDED])
        XCTAssertEqual(str(flx_journal_entry_idempotency_key(all[0])), str(flx_request_idempotency_key(req)))
        XCTAssertEqual(str(flx_journal_entry_result_id(all[0])), authId)
        XCTAssertEqual(str(flx_journal_entry_reference(all[0])), "Order-50000")
        XCTAssertEqual(flx_journal_entry_amount_cents(all[0]), 50_000)
        XCTAssertEqual(str(flx_journal_entry_result_id(all[1])), str(flx_capture_id(capture)))
        XCTAssertEqual(flx_journal_entry_result_amount_cents(all[1]), 20_000)
        XCTAssertEqual(str(flx_journal_entry_authorization_id(all[1])), authId)
        XCTAssertEqual(str(flx_journal_entry_path(all[1])), "/v2.5/client-id/flexitidemo/authorization/\(authId)/capture")
        XCTAssertEqual(flx_journal_entry_full(all[2]), 1)
        XCTAssertEqual(entries(journal, unresolvedOnly: true).count, 0)

        // The PIN and the client secret are nowhere in the file.
        let bytes = journalBytes()
        XCTAssertGreaterThan(bytes.count, 0)
        for secret in ["flexitidemo-secret", "verification_code"] {
            XCTAssertNil(bytes.range(of: Data(secret.utf8)), "\(secret) found in the journal")
        }
    }

    func testACallThatCannotBeRecordedIsNotSent() throws {
        let journal = openJournal()
        let s = journaledSession(journal)
        defer { flx_session_free(s); flx_journal_free(journal) }
        let auth = try authorize(cents: 30_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let authId = try XCTUnwrap(str(flx_authorization_id(auth)))
        XCTAssertEqual(flx_session_authenticate(s, nil), FLX_OK)
        let capturePath = v25 + "/authorization/\(authId)/capture"

        // A full disk: the file may not grow any more (RLIMIT_FSIZE; SIGXFSZ ignored, writes fail).
        let walSize = (try? FileManager.default.attributesOfItem(atPath: journalPath + "-wal")[.size] as? Int) ?? 0
        var old = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
        signal(SIGXFSZ, SIG_IGN)
        var limit = old
        limit.rlim_cur = rlim_t(max(walSize, 1))
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit)
        let cap = captureRequest(10_000)
        defer { flx_request_free(cap) }
        var err: OpaquePointer?
        var out: OpaquePointer?
        let rc = flx_capture_create(s, authId, cap, &out, &err)
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
        XCTAssertEqual(rc, FLX_E_JOURNAL, str(flx_error_message(err)) ?? "")
        XCTAssertTrue(str(flx_error_message(err))?.contains("not sent") ?? false)
        flx_error_free(err)
        err = nil
        XCTAssertEqual(sandbox.requests(path: capturePath), 0, "nothing reached Flexiti")
        XCTAssertEqual(try stateOf(authorization: authId)["remaining_amount"] as? NSNumber, 300)

        // Room again: the same request is recorded and sent once.
        err = nil
        check(flx_capture_create(s, authId, cap, &out, &err), err)
        flx_capture_free(out)
        XCTAssertEqual(sandbox.requests(path: capturePath), 1)
    }

    func testAPinAuthorizationWithoutReferenceIsRefusedWithAJournal() throws {
        let journal = openJournal()
        let s = journaledSession(journal)
        defer { flx_session_free(s); flx_journal_free(journal) }
        let req = try authorizationRequest(cents: 10_000, autoCapture: true)
        defer { flx_request_free(req) }
        XCTAssertEqual(flx_request_set_reference(req, nil, nil), FLX_OK)
        var auth: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_authorization_create(s, req, &auth, &err), FLX_E_INVALID_ARGUMENT)
        XCTAssertTrue(str(flx_error_message(err))?.contains("reference") ?? false)
        flx_error_free(err)
        err = nil
        XCTAssertEqual(sandbox.requests(path: v251 + "/authorization"), 0)
    }

    func testAKeyAlreadyJournaledForAnotherOperationIsRefused() throws {
        let journal = openJournal()
        let s = journaledSession(journal)
        defer { flx_session_free(s); flx_journal_free(journal) }
        let auth = try authorize(cents: 30_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let authId = try XCTUnwrap(str(flx_authorization_id(auth)))
        let a = captureRequest(1_000), b = captureRequest(2_000)
        defer { flx_request_free(a); flx_request_free(b) }
        XCTAssertEqual(flx_request_set_idempotency_key(a, "till-7-sale-1", nil), FLX_OK)
        XCTAssertEqual(flx_request_set_idempotency_key(b, "till-7-sale-1", nil), FLX_OK)
        var out: OpaquePointer?
        var err: OpaquePointer?
        check(flx_capture_create(s, authId, a, &out, &err), err)
        flx_capture_free(out)
        XCTAssertEqual(flx_capture_create(s, authId, b, &out, &err), FLX_E_IDEMPOTENCY_CONFLICT)
        flx_error_free(err)
        err = nil
        XCTAssertEqual(sandbox.requests(path: v25 + "/authorization/\(authId)/capture"), 1)
    }

    // MARK: - Recovery

    func testALostCaptureAnswerIsResolvedByResendingWithTheSameKey() throws {
        let journal = openJournal()
        let auth = try authorize(cents: 40_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let authId = try XCTUnwrap(str(flx_authorization_id(auth)))
        // Twice: libcurl may repeat a request whose kept-alive connection closed without an answer.
        sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: "/capture", count: 2))
        let s = journaledSession(journal)
        let cap = captureRequest(15_000)
        var out: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_capture_create(s, authId, cap, &out, &err), FLX_E_OUTCOME_UNKNOWN)
        flx_error_free(err)
        err = nil
        flx_request_free(cap)
        flx_session_free(s)  // the till restarts

        let s2 = journaledSession(journal)
        defer { flx_session_free(s2); flx_journal_free(journal) }
        let open = entries(journal, unresolvedOnly: true)
        XCTAssertEqual(open.count, 1)
        guard open.count == 1 else { return }
        XCTAssertEqual(flx_journal_entry_state(open[0]), FLX_JOURNAL_UNKNOWN)
        XCTAssertEqual(flx_journal_entry_error_code(open[0]), FLX_E_OUTCOME_UNKNOWN)
        var resolved: OpaquePointer?
        check(flx_journal_resolve(s2, open[0], &resolved, &err), err)
        open.forEach { flx_journal_entry_free($0) }
        defer { flx_journal_entry_free(resolved) }
        XCTAssertEqual(flx_journal_entry_state(resolved), FLX_JOURNAL_SUCCEEDED)
        XCTAssertEqual(flx_journal_entry_result_amount_cents(resolved), 15_000)
        let captures = try XCTUnwrap(try stateOf(authorization: authId)["captures"] as? [Any])
        XCTAssertEqual(captures.count, 1, "captured once")
        XCTAssertEqual(entries(journal, unresolvedOnly: true).count, 0)
        // Resolving a finished entry returns it unchanged, without a request.
        let before = sandbox.requestCount
        var again: OpaquePointer?
        check(flx_journal_resolve(s2, resolved, &again, &err), err)
        XCTAssertEqual(str(flx_journal_entry_result_id(again)), str(flx_journal_entry_result_id(resolved)))
        flx_journal_entry_free(again)
        XCTAssertEqual(sandbox.requestCount, before)
    }

    /// Moves every entry's timestamps back, as if the till restarted that much later.
    func age(_ journal: inout OpaquePointer?, seconds: Int) {
        flx_journal_free(journal)
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(journalPath, &db), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(db, "UPDATE operations SET created_at = created_at - \(seconds), updated_at = updated_at - \(seconds)", nil, nil, nil), SQLITE_OK)
        sqlite3_close(db)
        journal = openJournal()
    }

    /// Refund, return and release with lost answers: each re-sent with its key, performed once.
    func testEveryResentKindIsResolvedOnce() throws {
        let journal = openJournal()
        defer { flx_journal_free(journal) }
        let auth = try authorize(cents: 30_000, autoCapture: true)
        defer { flx_authorization_free(auth) }
        var cap: OpaquePointer?
        check(flx_authorization_capture_at(auth, 0, &cap, nil), nil)
        defer { flx_capture_free(cap) }
        let authId = try XCTUnwrap(str(flx_authorization_id(auth))), capId = try XCTUnwrap(str(flx_capture_id(cap)))
        let open = try authorize(cents: 20_000, autoCapture: false)
        defer { flx_authorization_free(open) }
        let openId = try XCTUnwrap(str(flx_authorization_id(open)))
        let refundsBefore = (try JSONSerialization.jsonObject(with: Data(sandbox.stateJSON().utf8)) as? [String: Any])?["refunds"] as? Int ?? 0

        let s = journaledSession(journal)
        XCTAssertEqual(flx_session_authenticate(s, nil), FLX_OK)
        sandbox.addFault(SandboxFault(.dropResponse, method: "POST", count: 0))   // every answer lost from now on
        let refund = request(FLX_REQUEST_REFUND) { r in [flx_request_set_account_number(r, self.account, nil),
                                                         flx_request_set_amount_cents(r, 700, nil),
                                                         flx_request_set_reference(r, "Refund-1", nil)] }
        let ret = request(FLX_REQUEST_RETURN) { r in [flx_request_set_amount_cents(r, 1_000, nil)] }
        let rel = request(FLX_REQUEST_RELEASE) { r in [flx_request_set_full(r, 1, nil)] }
        defer { flx_request_free(refund); flx_request_free(ret); flx_request_free(rel) }
        XCTAssertEqual(flx_refund_create(s, refund, nil, nil), FLX_E_OUTCOME_UNKNOWN)
        XCTAssertEqual(flx_return_create(s, authId, capId, ret, nil, nil), FLX_E_OUTCOME_UNKNOWN)
        XCTAssertEqual(flx_release_create(s, openId, rel, nil, nil), FLX_E_OUTCOME_UNKNOWN)
        flx_session_free(s)
        sandbox.clearFaults()

        let s2 = journaledSession(journal)
        defer { flx_session_free(s2) }
        let pending = entries(journal, unresolvedOnly: true)
        XCTAssertEqual(pending.map { flx_journal_entry_kind($0) }, [FLX_REQUEST_REFUND, FLX_REQUEST_RETURN, FLX_REQUEST_RELEASE])
        for e in pending {
            var resolved: OpaquePointer?
            var err: OpaquePointer?
            check(flx_journal_resolve(s2, e, &resolved, &err), err)
            XCTAssertEqual(flx_journal_entry_state(resolved), FLX_JOURNAL_SUCCEEDED, "\(flx_journal_entry_kind(e))")
            flx_journal_entry_free(resolved)
            flx_journal_entry_free(e)
        }
        let state = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sandbox.stateJSON().utf8)) as? [String: Any])
        XCTAssertEqual(state["refunds"] as? Int, refundsBefore + 1, "one refund")
        let captures = try XCTUnwrap(try stateOf(authorization: authId)["captures"] as? [[String: Any]])
        XCTAssertEqual((captures.first?["returns"] as? [Any])?.count, 1, "one return")
        XCTAssertEqual((try stateOf(authorization: openId)["releases"] as? [Any])?.count, 1, "one release")
        XCTAssertEqual(entries(journal, unresolvedOnly: true).count, 0)
    }

    func testAPinAuthorizationIsResolvedByReadingItBack() throws {
        var journal = openJournal()
        defer { flx_journal_free(journal) }
        for (fault, performed) in [(SandboxFault.Kind.dropResponse, true), (.close, false)] {
            sandbox.addFault(SandboxFault(fault, method: "POST", pathSuffix: "/authorization", count: 2))
            let s = journaledSession(journal)
            let req = try authorizationRequest(cents: performed ? 12_300 : 45_600, autoCapture: true)
            var out: OpaquePointer?
            var err: OpaquePointer?
            XCTAssertEqual(flx_authorization_create(s, req, &out, &err), FLX_E_OUTCOME_UNKNOWN, "\(fault)")
            flx_error_free(err)
            err = nil
            let key = try XCTUnwrap(str(flx_request_idempotency_key(req)))
            flx_request_free(req)
            flx_session_free(s)

            var s2 = journaledSession(journal)
            var entry: OpaquePointer?
            check(flx_journal_find(journal, key, &entry, &err), err)
            XCTAssertEqual(flx_journal_entry_state(entry), FLX_JOURNAL_UNKNOWN)
            let posts = sandbox.requests(path: v251 + "/authorization")
            var resolved: OpaquePointer?
            if !performed {
                // Absent right after the call is not absent: it may still be processed.
                XCTAssertEqual(flx_journal_resolve(s2, entry, &resolved, &err), FLX_E_OUTCOME_UNKNOWN)
                XCTAssertTrue(str(flx_error_message(err))?.contains("may still be processed") ?? false, str(flx_error_message(err)) ?? "")
                flx_error_free(err)
                err = nil
                flx_session_free(s2)
                flx_journal_entry_free(entry)
                age(&journal, seconds: 120)   // the till comes back two minutes later
                s2 = journaledSession(journal)
                check(flx_journal_find(journal, key, &entry, &err), err)
            }
            check(flx_journal_resolve(s2, entry, &resolved, &err), err)
            XCTAssertEqual(sandbox.requests(path: v251 + "/authorization"), posts, "read back, never re-sent without its PIN")
            let state = try JSONSerialization.jsonObject(with: Data(sandbox.stateJSON().utf8)) as? [String: Any]
            let auths = (state?["authorizations"] as? [[String: Any]] ?? []).filter { ($0["amount"] as? NSNumber) == (performed ? 123 : 456) as NSNumber }
            if performed {
                XCTAssertEqual(flx_journal_entry_state(resolved), FLX_JOURNAL_SUCCEEDED)
                XCTAssertEqual(auths.count, 1)
                XCTAssertEqual(str(flx_journal_entry_result_id(resolved)), auths.first.map { "\($0["authorization_id"] ?? "")" })
                XCTAssertFalse(str(flx_journal_entry_result_capture_id(resolved))?.isEmpty ?? true, "the auto-capture's id")
            } else {
                XCTAssertEqual(flx_journal_entry_state(resolved), FLX_JOURNAL_FAILED)
                XCTAssertEqual(flx_journal_entry_error_code(resolved), FLX_E_NOT_FOUND)
                XCTAssertEqual(auths.count, 0)
            }
            flx_journal_entry_free(entry)
            flx_journal_entry_free(resolved)
            flx_session_free(s2)
        }
    }

    func testResolveNeedsASessionWithTheJournal() throws {
        let journal = openJournal()
        defer { flx_journal_free(journal) }
        let s = journaledSession(journal)
        let auth = try authorize(cents: 20_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let cap = captureRequest(1_000)
        defer { flx_request_free(cap) }
        var out: OpaquePointer?
        check(flx_capture_create(s, str(flx_authorization_id(auth)), cap, &out, nil), nil)
        flx_capture_free(out)
        flx_session_free(s)
        let all = entries(journal)
        defer { all.forEach { flx_journal_entry_free($0) } }
        guard all.count == 1 else { return XCTFail("one entry expected") }
        var err: OpaquePointer?
        var resolved: OpaquePointer?
        XCTAssertEqual(flx_journal_resolve(session, all[0], &resolved, &err), FLX_E_INVALID_ARGUMENT)
        flx_error_free(err)
        err = nil
        XCTAssertEqual(flx_journal_resolve(session, nil, &resolved, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_journal_resolve(nil, all[0], &resolved, nil), FLX_E_MISUSE)
    }

    // MARK: - Bad input

    func testBadPathsGetClearCodes() throws {
        XCTAssertEqual(openCode(dir + "/no/such/dir/till.journal").0, FLX_E_JOURNAL)
        XCTAssertEqual(openCode("/proc/flx-till.journal").0, FLX_E_JOURNAL, "a directory nobody may create files in")
        XCTAssertEqual(openCode(dir).0, FLX_E_JOURNAL_INVALID, "a directory")
        var j: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_journal_open(nil, &j, &err), FLX_E_INVALID_ARGUMENT)
        flx_error_free(err)
        err = nil
        XCTAssertEqual(flx_journal_open("", &j, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_journal_open(journalPath, nil, nil), FLX_E_INVALID_ARGUMENT)
        let invalidUTF8: [CChar] = [CChar(bitPattern: 0xFF), CChar(bitPattern: 0xFE), 0]
        XCTAssertEqual(flx_journal_open(invalidUTF8, &j, nil), FLX_E_INVALID_ARGUMENT)
        let huge = String(repeating: "a", count: 10_000)
        XCTAssertEqual(flx_journal_open(huge, &j, nil), FLX_E_INVALID_ARGUMENT)
        if geteuid() != 0 {
            let ro = dir + "/ro"
            try FileManager.default.createDirectory(atPath: ro, withIntermediateDirectories: false)
            chmod(ro, 0o555)
            XCTAssertEqual(openCode(ro + "/till.journal").0, FLX_E_JOURNAL, "a read-only directory")
            chmod(ro, 0o755)
        }
    }

    func testAFileThatIsNotAJournalIsLeftUntouched() throws {
        let text = dir + "/notes.txt"
        let content = Data(String(repeating: "this is not a journal\n", count: 300).utf8)
        try content.write(to: URL(fileURLWithPath: text))
        let (rc, msg) = openCode(text)
        XCTAssertEqual(rc, FLX_E_JOURNAL_INVALID, msg)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: text)), content)

        // Another application's SQLite database.
        let other = dir + "/other.db"
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(other, &db), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(db, "CREATE TABLE customers(id INTEGER); INSERT INTO customers VALUES (1);", nil, nil, nil), SQLITE_OK)
        sqlite3_close(db)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        let (rc2, msg2) = openCode(other)
        XCTAssertEqual(rc2, FLX_E_JOURNAL_INVALID, msg2)
        XCTAssertTrue(msg2.contains("not a libflexiti journal"), msg2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: other)), before)
    }

    func testAJournalFromANewerVersionIsRefusedAndKept() throws {
        flx_journal_free(openJournal())
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(journalPath, &db), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(db, "INSERT INTO schema_version VALUES (2, 0); PRAGMA user_version=2;", nil, nil, nil), SQLITE_OK)
        sqlite3_close(db)
        let before = journalBytes()
        let (rc, msg) = openCode(journalPath)
        XCTAssertEqual(rc, FLX_E_JOURNAL_INVALID)
        XCTAssertTrue(msg.contains("newer"), msg)
        XCTAssertEqual(journalBytes(), before)
    }

    func testOneJournalServesOneProcessAtATime() throws {
        let journal = openJournal()
        // The same file again, in this process: busy.
        XCTAssertEqual(openCode(journalPath).0, FLX_E_JOURNAL_BUSY)
        // Another process cannot read or write it either.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import sqlite3, sys
            try:
                sqlite3.connect(sys.argv[1], timeout=0).execute('SELECT count(*) FROM operations').fetchall()
                print('read')
            except sqlite3.OperationalError as e:
                print('refused:', e)
            """, journalPath]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        p.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(out.hasPrefix("refused: database is locked"), out)
        // The config and session keep it open after the caller's handle is freed.
        let s = journaledSession(journal)
        flx_journal_free(journal)
        XCTAssertEqual(openCode(journalPath).0, FLX_E_JOURNAL_BUSY)
        flx_session_free(s)
        XCTAssertEqual(openCode(journalPath).0, FLX_OK, "closed with the last session")

        // A process holding it keeps this one out.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN EXCLUSIVE')
            print('locked', flush=True)
            sys.stdin.readline()
            """, journalPath]
        let hold = Pipe(), input = Pipe()
        holder.standardOutput = hold
        holder.standardInput = input
        try holder.run()
        _ = hold.fileHandleForReading.availableData  // "locked"
        XCTAssertEqual(openCode(journalPath).0, FLX_E_JOURNAL_BUSY)
        input.fileHandleForWriting.write(Data("\n".utf8))
        holder.waitUntilExit()
        XCTAssertEqual(openCode(journalPath).0, FLX_OK)
    }

    func testPruneKeepsWhatNeedsResolution() throws {
        let journal = openJournal()
        defer { flx_journal_free(journal) }
        let auth = try authorize(cents: 40_000, autoCapture: false)
        defer { flx_authorization_free(auth) }
        let authId = try XCTUnwrap(str(flx_authorization_id(auth)))
        let s = journaledSession(journal)
        defer { flx_session_free(s) }
        for cents in [1_000, 2_000] as [Int64] {
            let r = captureRequest(cents)
            var out: OpaquePointer?
            check(flx_capture_create(s, authId, r, &out, nil), nil)
            flx_capture_free(out)
            flx_request_free(r)
        }
        sandbox.addFault(SandboxFault(.dropResponse, method: "POST", pathSuffix: "/capture", count: 2))
        let r = captureRequest(3_000)
        defer { flx_request_free(r) }
        var out: OpaquePointer?
        XCTAssertEqual(flx_capture_create(s, authId, r, &out, nil), FLX_E_OUTCOME_UNKNOWN)
        var removed: Int64 = -1
        var err: OpaquePointer?
        XCTAssertEqual(flx_journal_prune(journal, -1, 10, &removed, &err), FLX_E_INVALID_ARGUMENT)
        flx_error_free(err)
        err = nil
        XCTAssertEqual(flx_journal_prune(journal, 3600, 1, &removed, nil), FLX_OK)
        XCTAssertEqual(removed, 1, "the oldest finished entry beyond the newest one")
        XCTAssertEqual(flx_journal_prune(journal, 0, 0, &removed, nil), FLX_OK)
        XCTAssertEqual(removed, 1)
        let left = entries(journal)
        defer { left.forEach { flx_journal_entry_free($0) } }
        XCTAssertEqual(left.map { flx_journal_entry_state($0) }, [FLX_JOURNAL_UNKNOWN])
    }

    func testMoneyCallsByIdRefuseBadIds() throws {
        let cap = captureRequest(1_000)
        defer { flx_request_free(cap) }
        var out: OpaquePointer?
        var err: OpaquePointer?
        XCTAssertEqual(flx_capture_create(session, nil, cap, &out, &err), FLX_E_INVALID_ARGUMENT)
        flx_error_free(err)
        err = nil
        XCTAssertEqual(flx_capture_create(session, "", cap, &out, nil), FLX_E_INVALID_ARGUMENT)
        let invalidUTF8: [CChar] = [CChar(bitPattern: 0xFF), CChar(bitPattern: 0xFE), 0]
        XCTAssertEqual(flx_capture_create(session, invalidUTF8, cap, &out, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_capture_create(session, "1", cap, nil, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_release_create(session, "1", cap, nil, nil), FLX_E_INVALID_ARGUMENT, "a capture request")
        let ret = request(FLX_REQUEST_RETURN) { r in [flx_request_set_full(r, 1, nil)] }
        defer { flx_request_free(ret) }
        XCTAssertEqual(flx_return_create(session, "1", nil, ret, nil, nil), FLX_E_INVALID_ARGUMENT)
        XCTAssertEqual(flx_return_create(session, "1", "2", nil, nil, nil), FLX_E_MISUSE)
        XCTAssertEqual(flx_capture_create(session, "999999", cap, &out, &err), FLX_E_NOT_FOUND)
        flx_error_free(err)
        err = nil
        XCTAssertEqual(sandbox.requests(path: v25 + "/authorization/1/capture"), 0)
    }
}
