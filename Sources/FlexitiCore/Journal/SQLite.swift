import CSQLite

/// The little of SQLite the journal needs: one connection, prepared statements, typed columns.
/// Every failure becomes a FlexitiError with a journal code and SQLite's own explanation.
final class SQLiteDB {
    let db: OpaquePointer

    /// Prepared statements by SQL text: the journal runs the same few on every money call, and
    /// preparing is most of SQLite's cost per call (bench/journal.sh).
    private var statements: [String: OpaquePointer] = [:]

    private init(_ db: OpaquePointer) { self.db = db }

    deinit {
        for (_, stmt) in statements { sqlite3_finalize(stmt) }
        sqlite3_close_v2(db)
    }

    /// Opens (creating if needed) a database file. Not a journal yet: see Journal.open.
    static func open(_ path: String) -> Result<SQLiteDB, FlexitiError> {
        var handle: OpaquePointer? = nil
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK, let handle else {
            let detail = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let handle { sqlite3_close_v2(handle) }
            return .failure(JournalError.make(rc, "cannot open or create the journal at \(path): \(detail)"))
        }
        sqlite3_extended_result_codes(handle, 1)
        return .success(SQLiteDB(handle))
    }

    var message: String { String(cString: sqlite3_errmsg(db)) }

    /// Runs statements without results (schema, pragmas, BEGIN/COMMIT).
    func exec(_ sql: String, _ what: String) -> FlexitiError? {
        let rc = sqlite3_exec(db, sql, nil, nil, nil)
        return rc == SQLITE_OK ? nil : JournalError.make(rc, "\(what): \(message)")
    }

    /// Prepares (once per SQL text), binds, steps through every row and resets.
    func query(_ sql: String, _ args: [SQLiteValue], _ what: String, row: (SQLiteRow) -> Void = { _ in }) -> FlexitiError? {
        var rc: Int32 = SQLITE_OK
        let stmt: OpaquePointer
        if let cached = statements[sql] {
            stmt = cached
        } else {
            var fresh: OpaquePointer? = nil
            rc = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &fresh, nil)
            guard rc == SQLITE_OK, let fresh else { return JournalError.make(rc, "\(what): \(message)") }
            statements[sql] = fresh
            stmt = fresh
        }
        defer {
            sqlite3_reset(stmt)
            sqlite3_clear_bindings(stmt)
        }
        for (i, a) in args.enumerated() {
            let index = Int32(i + 1)
            switch a {
            case .null: rc = sqlite3_bind_null(stmt, index)
            case let .int(v): rc = sqlite3_bind_int64(stmt, index, v)
            case let .text(s): rc = cshim_sqlite3_bind_text(stmt, index, s, -1)
            }
            guard rc == SQLITE_OK else { return JournalError.make(rc, "\(what): \(message)") }
        }
        while true {
            rc = sqlite3_step(stmt)
            if rc == SQLITE_ROW { row(SQLiteRow(stmt: stmt)); continue }
            if rc == SQLITE_DONE { return nil }
            return JournalError.make(rc, "\(what): \(message)")
        }
    }

    var changes: Int { Int(sqlite3_changes(db)) }
    var lastRowId: Int64 { sqlite3_last_insert_rowid(db) }
}

enum SQLiteValue {
    case null, int(Int64), text(String)
    static func opt(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
    static func opt(_ v: Int64?) -> SQLiteValue { v.map { .int($0) } ?? .null }
}

/// One result row; columns by index.
struct SQLiteRow {
    let stmt: OpaquePointer
    func int(_ i: Int32) -> Int64 { sqlite3_column_int64(stmt, i) }
    func optInt(_ i: Int32) -> Int64? { sqlite3_column_type(stmt, i) == SQLITE_NULL ? nil : sqlite3_column_int64(stmt, i) }
    func text(_ i: Int32) -> String? {
        guard let p = sqlite3_column_text(stmt, i) else { return nil }
        return String(cString: p)
    }
}

/// SQLite result codes to the library's journal codes, kept in one place.
enum JournalError {
    static func make(_ rc: Int32, _ message: String) -> FlexitiError {
        switch rc & 0xff {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return FlexitiError(.journalBusy, message + " (another process or handle has the journal open)")
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            return FlexitiError(.journalInvalid, message + " (the file is not a libflexiti journal, or is damaged)")
        case SQLITE_FULL:
            return FlexitiError(.journalFailed, message + " (the disk is full)")
        case SQLITE_READONLY:
            return FlexitiError(.journalFailed, message + " (the journal or its directory is read-only)")
        case SQLITE_NOMEM:
            return FlexitiError(.outOfMemory, message)
        default:
            return FlexitiError(.journalFailed, message)
        }
    }
}
