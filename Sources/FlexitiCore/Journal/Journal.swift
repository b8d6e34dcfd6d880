import CSQLite
import Glibc

/// Where a journaled money call stands (docs/journal.md). Numbers are part of the C ABI.
package enum JournalState: Int32, Sendable {
    /// Recorded before the first byte left; the call is running, or the process died in it.
    case pending = 1
    /// Flexiti answered success; the result fields are filled.
    case succeeded = 2
    /// Definitely not performed: refused by Flexiti, or stopped before anything was sent.
    case failed = 3
    /// The call ended FLX_E_OUTCOME_UNKNOWN (or a 5xx): it may have happened.
    case unknown = 4

    package var name: String {
        switch self {
        case .pending: return "pending"
        case .succeeded: return "succeeded"
        case .failed: return "failed"
        case .unknown: return "unknown"
        }
    }

    /// Pending and unknown entries are what a POS must resolve at start-up.
    package var needsResolution: Bool { self == .pending || self == .unknown }
}

/// What is recorded before a money call is sent. Never a secret: see `PurchaseRequest.journalRecord`.
package struct JournalRecord: Sendable {
    package var kind: PurchaseKind
    package var method: String
    /// The path as sent after the base URL, e.g. `/v2.5/client-id/x/authorization/17/capture`.
    package var path: String
    package var authorizationId: String?
    package var captureId: String?
    package var accountNumber: String?
    package var reference: String?
    package var amountCents: Int64?
    package var full: Bool
    /// The body's non-secret fields as JSON text: what a re-send with the same key carries.
    package var request: String
    /// False when a field was left out (verification code, VCC): the re-send is not the same request.
    package var complete: Bool
}

/// One journal row, as read back.
package struct JournalEntry: Sendable {
    package var key: String
    package var record: JournalRecord
    package var state: JournalState
    /// Calls that sent (or tried to send) this operation: the first one, retries, recovery.
    package var calls: Int64
    /// Wall-clock seconds since 1970 (UTC).
    package var createdAt: Int64
    package var updatedAt: Int64
    package var resultId: String?
    package var resultAuthorizationId: String?
    package var resultCaptureId: String?
    package var resultAmountCents: Int64?
    package var resultStatus: String?
    /// 0 unless the state is failed or unknown.
    package var errorCode: Int32
    package var errorMessage: String
}

/// The optional crash-safe money journal: an SQLite file in WAL mode with synchronous=FULL, one
/// transaction per state change, held with an exclusive lock by one process at a time.
/// Safe to share between sessions and threads (one connection behind a mutex).
package final class Journal: @unchecked Sendable {
    package static let schemaVersion: Int64 = 1
    /// PRAGMA application_id of every journal ("FLXJ"): tells a journal from another SQLite file.
    static let applicationId: Int64 = 0x464C_584A
    /// Finished entries older than this, or beyond this many, are pruned at open.
    package static let pruneAfterSeconds: Int64 = 90 * 86_400
    package static let pruneKeepEntries: Int64 = 100_000

    package let path: String
    private let db: Locked<SQLiteDB>

    private init(path: String, db: SQLiteDB) {
        self.path = path
        self.db = Locked(db)
    }

    /// Opens or creates the journal at `path` and takes its exclusive lock.
    package static func open(path: String) -> Result<Journal, FlexitiError> {
        guard !path.isEmpty else { return .failure(.invalidArgument("journal path is empty")) }
        // A directory would be "created" by nothing and fail later with an obscure message.
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG {
            return .failure(FlexitiError(.journalInvalid, "\(path) is not a regular file; a journal is one SQLite file"))
        }
        let db: SQLiteDB
        switch SQLiteDB.open(path) {
        case let .failure(e): return .failure(e)
        case let .success(d): db = d
        }
        // Exclusive locking mode before WAL: the lock is kept for the connection's life, and WAL
        // needs no shared-memory file. A second opener fails at once with BUSY.
        if let e = db.exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA busy_timeout=0;", "journal set-up") { return .failure(e) }
        // Is it a journal? Read before writing anything, so a foreign file is left untouched.
        var appId: Int64 = 0, userVersion: Int64 = 0, tables: Int64 = 0
        if let e = db.query("PRAGMA application_id", [], "reading \(path)", row: { appId = $0.int(0) }) { return .failure(e) }
        if let e = db.query("PRAGMA user_version", [], "reading \(path)", row: { userVersion = $0.int(0) }) { return .failure(e) }
        if let e = db.query("SELECT count(*) FROM sqlite_master", [], "reading \(path)", row: { tables = $0.int(0) }) { return .failure(e) }
        if appId != applicationId && (appId != 0 || tables != 0) {
            return .failure(FlexitiError(.journalInvalid, "\(path) is an SQLite database but not a libflexiti journal; it was left untouched"))
        }
        if let e = db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", "journal set-up") { return .failure(e) }
        // Takes the write lock now, so a second process learns at open, not at its first sale.
        if let e = db.exec("BEGIN EXCLUSIVE; COMMIT;", "locking \(path)") { return .failure(e) }
        if tables == 0 {
            if let e = createSchema(db) { return .failure(e) }
        } else {
            var version: Int64 = 0
            if let e = db.query("SELECT max(version) FROM schema_version", [], "reading the schema version", row: { version = $0.int(0) }) {
                return .failure(FlexitiError(.journalInvalid, e.message))
            }
            if version > schemaVersion || userVersion > schemaVersion {
                return .failure(FlexitiError(.journalInvalid,
                    "\(path) was written by a newer libflexiti (journal schema \(max(version, userVersion)); this version reads schema \(schemaVersion) and older); it was left untouched"))
            }
            // Upgrades from older schemas go here, one transaction per version step.
        }
        let journal = Journal(path: path, db: db)
        _ = journal.prune(olderThanSeconds: pruneAfterSeconds, keep: pruneKeepEntries)
        return .success(journal)
    }

    private static func createSchema(_ db: SQLiteDB) -> FlexitiError? {
        db.exec("""
            BEGIN IMMEDIATE;
            CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL);
            INSERT INTO schema_version VALUES (\(schemaVersion), \(wallClock()));
            CREATE TABLE operations (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                kind INTEGER NOT NULL,
                method TEXT NOT NULL,
                path TEXT NOT NULL,
                authorization_id TEXT,
                capture_id TEXT,
                account_number TEXT,
                reference TEXT,
                amount_cents INTEGER,
                full INTEGER NOT NULL,
                request TEXT NOT NULL,
                complete INTEGER NOT NULL,
                state INTEGER NOT NULL,
                calls INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                result_id TEXT,
                result_authorization_id TEXT,
                result_capture_id TEXT,
                result_amount_cents INTEGER,
                result_status TEXT,
                error_code INTEGER NOT NULL DEFAULT 0,
                error_message TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX operations_state ON operations(state);
            PRAGMA application_id=\(applicationId);
            PRAGMA user_version=\(schemaVersion);
            COMMIT;
            """, "creating the journal schema")
    }

    static func wallClock() -> Int64 { Int64(time(nil)) }

    // MARK: - State changes (one transaction each)

    /// Records the call as pending before it is sent. The same key again (a retry of the same
    /// request, or recovery) updates its entry; a key already used for another operation that may
    /// have happened is refused, nothing sent.
    package func recordPending(key: String, _ r: JournalRecord) -> FlexitiError? {
        db.withLock { db in
            if let e = db.query("BEGIN IMMEDIATE", [], "journal write") { return e }
            var prior: (state: Int64, kind: Int64, path: String, request: String)? = nil
            var e = db.query("SELECT state, kind, path, request FROM operations WHERE idempotency_key = ?", [.text(key)],
                             "journal read", row: { prior = ($0.int(0), $0.int(1), $0.text(2) ?? "", $0.text(3) ?? "") })
            if e == nil, let p = prior {
                let same = p.kind == Int64(r.kind.rawValue) && p.path == r.path && p.request == r.request
                if !same && p.state != Int64(JournalState.failed.rawValue) {
                    _ = db.query("ROLLBACK", [], "journal rollback")
                    var c = FlexitiError(.idempotencyConflict,
                                         "the journal already holds a different operation under idempotency key \(key); set a new key for a new operation")
                    c.idempotencyKey = key
                    return c
                }
                e = db.query("""
                    UPDATE operations SET kind=?, method=?, path=?, authorization_id=?, capture_id=?, account_number=?,
                      reference=?, amount_cents=?, full=?, request=?, complete=?, state=?, calls=calls+1, updated_at=?,
                      error_code=0, error_message='' WHERE idempotency_key=?
                    """, Journal.values(r) + [.int(Int64(JournalState.pending.rawValue)), .int(Journal.wallClock()), .text(key)],
                    "journal write")
            } else if e == nil {
                let now = Journal.wallClock()
                e = db.query("""
                    INSERT INTO operations (kind, method, path, authorization_id, capture_id, account_number, reference,
                      amount_cents, full, request, complete, state, calls, created_at, updated_at, idempotency_key)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)
                    """, Journal.values(r) + [.int(Int64(JournalState.pending.rawValue)), .int(now), .int(now), .text(key)],
                    "journal write")
            }
            if let e {
                _ = db.query("ROLLBACK", [], "journal rollback")
                return e
            }
            return db.query("COMMIT", [], "journal commit")
        }
    }

    private static func values(_ r: JournalRecord) -> [SQLiteValue] {
        [.int(Int64(r.kind.rawValue)), .text(r.method), .text(r.path), .opt(r.authorizationId), .opt(r.captureId),
         .opt(r.accountNumber), .opt(r.reference), .opt(r.amountCents), .int(r.full ? 1 : 0), .text(r.request),
         .int(r.complete ? 1 : 0)]
    }

    /// Records a call's final state: success with its result, a definite failure, or unknown.
    package func finish(key: String, state: JournalState, result: JournalResult? = nil, error: FlexitiError? = nil) -> FlexitiError? {
        db.withLock { db in
            db.query("""
                UPDATE operations SET state=?, updated_at=?, result_id=?, result_authorization_id=?, result_capture_id=?,
                  result_amount_cents=?, result_status=?, error_code=?, error_message=? WHERE idempotency_key=?
                """, [.int(Int64(state.rawValue)), .int(Journal.wallClock()), .opt(result?.id), .opt(result?.authorizationId),
                      .opt(result?.captureId), .opt(result?.amountCents), .opt(result?.status),
                      .int(Int64(error?.code.rawValue ?? 0)), .text(error?.message ?? ""), .text(key)],
                "journal update")
        }
    }

    // MARK: - Reading

    private static let columns = """
        idempotency_key, kind, method, path, authorization_id, capture_id, account_number, reference, amount_cents,
        full, request, complete, state, calls, created_at, updated_at, result_id, result_authorization_id,
        result_capture_id, result_amount_cents, result_status, error_code, error_message
        """

    private static func entry(_ row: SQLiteRow) -> JournalEntry? {
        guard let kind = PurchaseKind(rawValue: Int32(truncatingIfNeeded: row.int(1))),
              let state = JournalState(rawValue: Int32(truncatingIfNeeded: row.int(12))) else { return nil }
        let r = JournalRecord(kind: kind, method: row.text(2) ?? "", path: row.text(3) ?? "", authorizationId: row.text(4),
                              captureId: row.text(5), accountNumber: row.text(6), reference: row.text(7),
                              amountCents: row.optInt(8), full: row.int(9) != 0, request: row.text(10) ?? "{}",
                              complete: row.int(11) != 0)
        return JournalEntry(key: row.text(0) ?? "", record: r, state: state, calls: row.int(13), createdAt: row.int(14),
                            updatedAt: row.int(15), resultId: row.text(16), resultAuthorizationId: row.text(17),
                            resultCaptureId: row.text(18), resultAmountCents: row.optInt(19), resultStatus: row.text(20),
                            errorCode: Int32(truncatingIfNeeded: row.int(21)), errorMessage: row.text(22) ?? "")
    }

    /// Entries in the order they were first recorded; only those needing resolution if asked.
    package func entries(unresolvedOnly: Bool) -> Result<[JournalEntry], FlexitiError> {
        db.withLock { db in
            var out: [JournalEntry] = []
            let filter = unresolvedOnly ? "WHERE state IN (\(JournalState.pending.rawValue), \(JournalState.unknown.rawValue))" : ""
            if let e = db.query("SELECT \(Journal.columns) FROM operations \(filter) ORDER BY id", [], "journal read",
                                row: { if let x = Journal.entry($0) { out.append(x) } }) { return .failure(e) }
            return .success(out)
        }
    }

    package func entry(key: String) -> Result<JournalEntry?, FlexitiError> {
        db.withLock { db in
            var out: JournalEntry? = nil
            if let e = db.query("SELECT \(Journal.columns) FROM operations WHERE idempotency_key = ?", [.text(key)], "journal read",
                                row: { out = Journal.entry($0) }) { return .failure(e) }
            return .success(out)
        }
    }

    /// Deletes finished entries (succeeded, failed) older than `olderThanSeconds` and beyond the
    /// newest `keep`; never one that still needs resolution. Returns how many were removed.
    package func prune(olderThanSeconds: Int64, keep: Int64) -> Result<Int, FlexitiError> {
        db.withLock { db in
            let finished = "state IN (\(JournalState.succeeded.rawValue), \(JournalState.failed.rawValue))"
            let cutoff = Journal.wallClock() &- max(olderThanSeconds, 0)
            if let e = db.exec("BEGIN IMMEDIATE", "journal prune") { return .failure(e) }
            var removed = 0
            var e = db.query("DELETE FROM operations WHERE \(finished) AND updated_at < ?", [.int(cutoff)], "journal prune")
            removed += db.changes
            if e == nil {
                e = db.query("""
                    DELETE FROM operations WHERE \(finished) AND id NOT IN
                      (SELECT id FROM operations WHERE \(finished) ORDER BY id DESC LIMIT ?)
                    """, [.int(max(keep, 0))], "journal prune")
                removed += db.changes
            }
            if let e { _ = db.exec("ROLLBACK", "journal rollback"); return .failure(e) }
            if let e = db.exec("COMMIT", "journal commit") { return .failure(e) }
            return .success(removed)
        }
    }
}

/// The answer's ids and amounts, read from a success: what a POS prints on the receipt.
package struct JournalResult: Sendable {
    package var id: String?, authorizationId: String?, captureId: String?, amountCents: Int64?, status: String?
    package init(kind: PurchaseKind, json: JSONNode) {
        switch kind {
        case .capture: id = json.first("capture_id", "id")?.text
        case .authorization: id = json.first("authorization_id", "id")?.text
        default: id = json.first("return_id", "refund_id", "transaction_id", "release_id", "id")?.text
        }
        authorizationId = json.first("authorization_id")?.text
        captureId = json.first("capture_id")?.text ?? Authorization(json: json).capture(0)?.id
        amountCents = json.first("amount", "captured_amount", "released_amount", "returned_amount", "refunded_amount")?.cents
        status = json.first("authorization_status", "status")?.text
    }
}

/// A test hook for the kill test, read once from FLX_TEST_JOURNAL_CRASH: "after_record:N" or
/// "after_answer:N" makes the process SIGKILL itself at that point of its N-th journaled money
/// call (1-based), landing a crash exactly in a window an outside kill hits only by chance.
enum CrashPoint {
    enum Point: String { case afterRecord = "after_record", afterAnswer = "after_answer" }
    private static let setting: (Point, Int)? = {
        guard let raw = getenv("FLX_TEST_JOURNAL_CRASH") else { return nil }
        let parts = String(cString: raw).split(separator: ":")
        guard parts.count == 2, let p = Point(rawValue: String(parts[0])), let n = Int(parts[1]), n > 0 else { return nil }
        return (p, n)
    }()
    private static let calls = Locked(0)

    /// Counts journaled calls (at afterRecord) and dies when the setting says so.
    static func reached(_ point: Point) {
        guard let (p, n) = setting else { return }
        let count = point == .afterRecord ? calls.withLock { c in c += 1; return c } : calls.withLock { $0 }
        if p == point && count == n { kill(getpid(), SIGKILL) }
    }
}
