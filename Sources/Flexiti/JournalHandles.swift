import CFlexiti
import FlexitiCore

/// The object behind flx_journal: a reference to the shared Journal, which stays open while a
/// config or session also holds it.
final class JournalObject {
    let journal: Journal
    init(_ journal: Journal) { self.journal = journal }
}

/// The object behind flx_journal_entry: an immutable snapshot of one row.
final class JournalEntryObject {
    let entry: JournalEntry
    let strings = CStrings()
    init(_ entry: JournalEntry) { self.entry = entry }
}

/// The object behind flx_journal_iter: the entries read at creation.
final class JournalIterObject {
    private let entries: [JournalEntry]
    private let position = Locked(0)
    init(_ entries: [JournalEntry]) { self.entries = entries }
    func next() -> JournalEntry? {
        position.withLock { i in
            guard i < entries.count else { return nil }
            i += 1
            return entries[i - 1]
        }
    }
}

private func journalObject(_ p: OpaquePointer?) -> JournalObject? { Handles.get(p, as: JournalObject.self) }
private func entryObject(_ p: OpaquePointer?) -> JournalEntryObject? { Handles.get(p, as: JournalEntryObject.self) }

@c @implementation
public func flx_journal_open(_ path: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    switch CInput.nonEmpty(path, "path") {
    case let .failure(e): return fail(e, err)
    case let .success(p):
        guard p.utf8.count <= 4096 else { return fail(.invalidArgument("path is longer than 4096 bytes"), err) }
        return deliver(Journal.open(path: p), to: out, err) { JournalObject($0) }
    }
}

@c @implementation
public func flx_journal_free(_ journal: OpaquePointer?) { Handles.remove(journal, as: JournalObject.self) }

@c @implementation
public func flx_journal_prune(_ journal: OpaquePointer?, _ maxAge: Int64, _ maxEntries: Int64, _ removed: UnsafeMutablePointer<Int64>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let j = journalObject(journal) else { return misuse("flx_journal", err) }
    guard maxAge >= 0, maxEntries >= 0 else { return fail(.invalidArgument("max_age_seconds and max_entries must not be negative"), err) }
    switch j.journal.prune(olderThanSeconds: maxAge, keep: maxEntries) {
    case let .failure(e): return fail(e, err)
    case let .success(n):
        removed?.pointee = Int64(n)
        return FLX_OK_CODE
    }
}

@c @implementation
public func flx_journal_iter_new(_ journal: OpaquePointer?, _ unresolvedOnly: Int32, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let j = journalObject(journal) else { return misuse("flx_journal", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    return deliver(j.journal.entries(unresolvedOnly: unresolvedOnly != 0), to: out, err) { JournalIterObject($0) }
}

@c @implementation
public func flx_journal_iter_next(_ iter: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let i = Handles.get(iter, as: JournalIterObject.self) else { return misuse("flx_journal_iter", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    out.pointee = i.next().flatMap { Handles.register(JournalEntryObject($0)) }
    return FLX_OK_CODE
}

@c @implementation
public func flx_journal_iter_free(_ iter: OpaquePointer?) { Handles.remove(iter, as: JournalIterObject.self) }

@c @implementation
public func flx_journal_find(_ journal: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let j = journalObject(journal) else { return misuse("flx_journal", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    switch CInput.nonEmpty(key, "idempotency_key") {
    case let .failure(e): return fail(e, err)
    case let .success(k):
        let found = j.journal.entry(key: k).flatMap { e -> Result<JournalEntry, FlexitiError> in
            e.map { .success($0) } ?? .failure(FlexitiError(.notAvailable, "the journal has no entry with idempotency key \(k)"))
        }
        return deliver(found, to: out, err) { JournalEntryObject($0) }
    }
}

@c @implementation
public func flx_journal_resolve(_ session: OpaquePointer?, _ entry: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let e = entryObject(entry) else { return misuse("flx_journal_entry", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    return deliver(s.resolveJournalEntry(key: e.entry.key), to: out, err) { JournalEntryObject($0) }
}

@c @implementation
public func flx_journal_entry_free(_ entry: OpaquePointer?) { Handles.remove(entry, as: JournalEntryObject.self) }

private func text(_ p: OpaquePointer?, _ key: String, _ value: (JournalEntry) -> String?) -> UnsafePointer<CChar>? {
    guard let o = entryObject(p) else { return UnsafePointer(CStrings.empty) }
    return o.strings.get(key, value(o.entry) ?? "")
}

@c @implementation
public func flx_journal_entry_state(_ e: OpaquePointer?) -> flx_journal_state {
    flx_journal_state(rawValue: numericCast(entryObject(e)?.entry.state.rawValue ?? 0))
}

@c @implementation
public func flx_journal_entry_kind(_ e: OpaquePointer?) -> flx_request_kind {
    flx_request_kind(rawValue: numericCast(entryObject(e)?.entry.record.kind.rawValue ?? 0))
}

@c @implementation public func flx_journal_entry_idempotency_key(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "key") { $0.key } }
@c @implementation public func flx_journal_entry_method(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "method") { $0.record.method } }
@c @implementation public func flx_journal_entry_path(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "path") { $0.record.path } }
@c @implementation public func flx_journal_entry_reference(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "reference") { $0.record.reference } }
@c @implementation public func flx_journal_entry_authorization_id(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "authorization_id") { $0.record.authorizationId } }
@c @implementation public func flx_journal_entry_capture_id(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "capture_id") { $0.record.captureId } }
@c @implementation public func flx_journal_entry_account_number(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "account_number") { $0.record.accountNumber } }
@c @implementation public func flx_journal_entry_error_message(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "error_message") { $0.errorMessage } }
@c @implementation public func flx_journal_entry_amount_cents(_ e: OpaquePointer?) -> Int64 { entryObject(e)?.entry.record.amountCents ?? 0 }
@c @implementation public func flx_journal_entry_full(_ e: OpaquePointer?) -> Int32 { entryObject(e)?.entry.record.full == true ? 1 : 0 }
@c @implementation
public func flx_journal_entry_error_code(_ e: OpaquePointer?) -> flx_code {
    guard let o = entryObject(e) else { return flx_code(.misuse) }
    return flx_code(rawValue: numericCast(o.entry.errorCode))
}
@c @implementation public func flx_journal_entry_calls(_ e: OpaquePointer?) -> Int64 { entryObject(e)?.entry.calls ?? 0 }
@c @implementation public func flx_journal_entry_created_at(_ e: OpaquePointer?) -> Int64 { entryObject(e)?.entry.createdAt ?? 0 }
@c @implementation public func flx_journal_entry_updated_at(_ e: OpaquePointer?) -> Int64 { entryObject(e)?.entry.updatedAt ?? 0 }
@c @implementation public func flx_journal_entry_result_id(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "result_id") { $0.resultId } }
@c @implementation public func flx_journal_entry_result_authorization_id(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "result_authorization_id") { $0.resultAuthorizationId } }
@c @implementation public func flx_journal_entry_result_capture_id(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "result_capture_id") { $0.resultCaptureId } }
@c @implementation public func flx_journal_entry_result_amount_cents(_ e: OpaquePointer?) -> Int64 { entryObject(e)?.entry.resultAmountCents ?? 0 }
@c @implementation public func flx_journal_entry_result_status(_ e: OpaquePointer?) -> UnsafePointer<CChar>? { text(e, "result_status") { $0.resultStatus } }

// MARK: - Money calls by id

private func moneyById(_ session: OpaquePointer?, _ req: OpaquePointer?, _ kind: PurchaseKind, _ kindName: String,
                       _ ids: [(UnsafePointer<CChar>?, String)], _ err: UnsafeMutablePointer<OpaquePointer?>?,
                       _ call: (Session, RequestObject, [String]) -> flx_code) -> flx_code {
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let r = requestObject(req) else { return misuse("flx_request", err) }
    guard r.request.kind == kind else {
        return fail(.invalidArgument("req is a \(r.request.kind.name) request, not \(kindName)"), err)
    }
    var values: [String] = []
    for (p, name) in ids {
        switch CInput.nonEmpty(p, name) {
        case let .failure(e): return fail(e, err)
        case let .success(v):
            guard v.utf8.count <= 64 else { return fail(.invalidArgument("\(name) is longer than 64 bytes"), err) }
            values.append(v)
        }
    }
    return call(s, r, values)
}

@c @implementation
public func flx_capture_create(_ session: OpaquePointer?, _ authorizationId: UnsafePointer<CChar>?, _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return moneyById(session, req, .capture, "FLX_REQUEST_CAPTURE", [(authorizationId, "authorization_id")], err) { s, r, ids in
        guard let out else { return fail(.invalidArgument("out is NULL"), err) }
        return deliver(s.capture(authorizationId: ids[0], &r.request), to: out, err) { CaptureObject($0) }
    }
}

@c @implementation
public func flx_release_create(_ session: OpaquePointer?, _ authorizationId: UnsafePointer<CChar>?, _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return moneyById(session, req, .release, "FLX_REQUEST_RELEASE", [(authorizationId, "authorization_id")], err) { s, r, ids in
        deliverReceipt(s.release(authorizationId: ids[0], &r.request), out, err)
    }
}

@c @implementation
public func flx_return_create(_ session: OpaquePointer?, _ authorizationId: UnsafePointer<CChar>?, _ captureId: UnsafePointer<CChar>?, _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return moneyById(session, req, .returnCapture, "FLX_REQUEST_RETURN", [(authorizationId, "authorization_id"), (captureId, "capture_id")], err) { s, r, ids in
        deliverReceipt(s.returnCapture(authorizationId: ids[0], captureId: ids[1], &r.request), out, err)
    }
}
