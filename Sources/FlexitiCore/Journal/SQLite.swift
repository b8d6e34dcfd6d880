import CSQLite

/// libsqlite3, loaded the first time a journal is opened (Sources/CSQLite): a process without a
/// journal never loads it. Missing or too old, every journal open fails with FLX_E_JOURNAL and
/// says so.
package enum SQLiteLibrary {
    /// Immutable once loaded (swift_once), and the table it points to is never written again.
    nonisolated(unsafe) package static let shared: Result<UnsafePointer<flxsql_api>, FlexitiError> = load(FLXSQL_SONAME)

    /// Loads `soname` (tests name a missing one). The table lives as long as the process.
    package static func load(_ soname: String) -> Result<UnsafePointer<flxsql_api>, FlexitiError> {
        let api = UnsafeMutablePointer<flxsql_api>.allocate(capacity: 1)
        let errorSize = 512
        let error = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
        defer { error.deallocate() }
        error.initialize(to: 0)
        guard flxsql_load(soname, api, error, errorSize) == 0 else {
            api.deallocate()
            let message = String(cString: error)
            return .failure(FlexitiError(.journalFailed, message + " (install libsqlite3-0, or your distribution's SQLite 3 library)"))
        }
        return .success(UnsafePointer(api))
    }
}

/// The little of SQLite the journal needs: one connection, prepared statements, typed columns.
/// Every failure becomes a FlexitiError with a journal code and SQLite's own explanation.
final class SQLiteDB {
    let db: OpaquePointer
    private let sql: flxsql_api

    /// Prepared statements by SQL text: the journal runs the same few on every money call, and
    /// preparing is most of SQLite's cost per call (bench/journal.sh).
    private var statements: [String: OpaquePointer] = [:]

    private init(_ db: OpaquePointer, _ sql: flxsql_api) {
        self.db = db
        self.sql = sql
    }

    deinit {
        for (_, stmt) in statements { _ = sql.finalize(stmt) }
        _ = sql.close_v2(db)
    }

    /// Opens (creating if needed) a database file. Not a journal yet: see Journal.open.
    static func open(_ path: String) -> Result<SQLiteDB, FlexitiError> {
        let sql: flxsql_api
        switch SQLiteLibrary.shared {
        case let .failure(e): return .failure(e)
        case let .success(api): sql = api.pointee
        }
        var handle: OpaquePointer? = nil
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let rc = sql.open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK, let handle else {
            let detail = handle.map { String(cString: sql.errmsg($0)) } ?? "out of memory"
            if let handle { _ = sql.close_v2(handle) }
            return .failure(JournalError.make(rc, "cannot open or create the journal at \(path): \(detail)"))
        }
        _ = sql.extended_result_codes(handle, 1)
        return .success(SQLiteDB(handle, sql))
    }

    var message: String { String(cString: sql.errmsg(db)) }

    /// Runs statements without results (schema, pragmas, BEGIN/COMMIT).
    func exec(_ statements: String, _ what: String) -> FlexitiError? {
        let rc = sql.exec(db, statements, nil, nil, nil)
        return rc == SQLITE_OK ? nil : JournalError.make(rc, "\(what): \(message)")
    }

    /// Prepares (once per SQL text), binds, steps through every row and resets.
    func query(_ text: String, _ args: [SQLiteValue], _ what: String, row: (SQLiteRow) -> Void = { _ in }) -> FlexitiError? {
        var rc: Int32 = SQLITE_OK
        let stmt: OpaquePointer
        if let cached = statements[text] {
            stmt = cached
        } else {
            var fresh: OpaquePointer? = nil
            rc = sql.prepare_v3(db, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &fresh, nil)
            guard rc == SQLITE_OK, let fresh else { return JournalError.make(rc, "\(what): \(message)") }
            statements[text] = fresh
            stmt = fresh
        }
        defer {
            _ = sql.reset(stmt)
            _ = sql.clear_bindings(stmt)
        }
        for (i, a) in args.enumerated() {
            let index = Int32(i + 1)
            switch a {
            case .null: rc = sql.bind_null(stmt, index)
            case let .int(v): rc = sql.bind_int64(stmt, index, v)
            case let .text(s): rc = withUnsafePointer(to: sql) { flxsql_bind_text($0, stmt, index, s) }
            }
            guard rc == SQLITE_OK else { return JournalError.make(rc, "\(what): \(message)") }
        }
        while true {
            rc = sql.step(stmt)
            if rc == SQLITE_ROW { row(SQLiteRow(stmt: stmt, sql: sql)); continue }
            if rc == SQLITE_DONE { return nil }
            return JournalError.make(rc, "\(what): \(message)")
        }
    }

    var changes: Int { Int(sql.changes(db)) }
    var lastRowId: Int64 { sql.last_insert_rowid(db) }
}

enum SQLiteValue {
    case null, int(Int64), text(String)
    static func opt(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
    static func opt(_ v: Int64?) -> SQLiteValue { v.map { .int($0) } ?? .null }
}

/// One result row; columns by index.
struct SQLiteRow {
    let stmt: OpaquePointer
    let sql: flxsql_api
    func int(_ i: Int32) -> Int64 { sql.column_int64(stmt, i) }
    func optInt(_ i: Int32) -> Int64? { sql.column_type(stmt, i) == SQLITE_NULL ? nil : sql.column_int64(stmt, i) }
    func text(_ i: Int32) -> String? {
        guard let p = sql.column_text(stmt, i) else { return nil }
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
