import Glibc

/// The one seam between the money path and the journal: record before the first byte leaves,
/// record the outcome after. Used by every money call and by recovery's re-sends.
extension Journal {
    static func around(_ journal: Journal?, key: String, record: () -> Result<JournalRecord, FlexitiError>,
                       send: () -> Result<APIResponse, FlexitiError>) -> Result<APIResponse, FlexitiError> {
        guard let journal else { return send() }
        let r: JournalRecord
        switch record() {
        case let .failure(e): return .failure(e)
        case let .success(x): r = x
        }
        if var e = journal.recordPending(key: key, r) {
            // Not sent: a call the journal cannot see would be lost by a crash.
            e.message = "the money journal could not record this \(r.kind.name), so it was not sent: " + e.message
            e.method = r.method
            e.idempotencyKey = key
            return .failure(e)
        }
        CrashPoint.reached(.afterRecord)
        let result = send()
        CrashPoint.reached(.afterAnswer)
        // A failed update leaves the entry pending; recovery resolves it. The call's own result
        // is still the truth about the money, so it is returned unchanged.
        _ = journal.finish(key: key, outcome: result, kind: r.kind)
        return result
    }

    /// The outcome model's verdict, in journal states.
    func finish(key: String, outcome: Result<APIResponse, FlexitiError>, kind: PurchaseKind) -> FlexitiError? {
        switch outcome {
        case let .success(r):
            return finish(key: key, state: .succeeded, result: JournalResult(kind: kind, json: r.json))
        case let .failure(e):
            return finish(key: key, state: e.mayHaveHappened ? .unknown : .failed, error: e)
        }
    }
}

extension FlexitiError {
    /// A money call that failed this way may still have been performed: an unknown outcome, or a
    /// 5xx. The key binding (Session.sendMoney) and the journal both follow this rule.
    package var mayHaveHappened: Bool { code == .outcomeUnknown || httpStatus >= 500 }
}

extension PurchaseRequest {
    /// Body fields never written to the journal: the PIN, and the VCC (card data).
    static let unjournaled: Set<String> = ["verification_code", "vcc_number"]

    /// What the journal keeps of this request: everything needed to recognise and finish it, no secret.
    func journalRecord(_ endpoint: Endpoint, pathParams: [String: String], body: JSONValue) -> Result<JournalRecord, FlexitiError> {
        var kept: [(String, JSONValue)] = []
        var complete = true
        if case let .object(members) = body {
            for (k, v) in members {
                if PurchaseRequest.unjournaled.contains(k) { complete = false } else { kept.append((k, v)) }
            }
        }
        // A PIN-verified authorization cannot be re-sent without its PIN; it is found again by
        // its reference, so it must have one.
        if kind == .authorization && !complete && (reference ?? "").isEmpty {
            var e = FlexitiError.invalidArgument("with a money journal, an authorization needs a reference (flx_request_set_reference) so that it can be found again after a crash; nothing was sent")
            e.method = endpoint.method.rawValue
            e.endpoint = endpoint.template
            return .failure(e)
        }
        return .success(JournalRecord(
            kind: kind, method: endpoint.method.rawValue,
            path: "/" + endpoint.version.rawValue + endpoint.path(pathParams),
            authorizationId: pathParams["authorizationId"], captureId: pathParams["captureId"],
            accountNumber: pathParams["account_number"] ?? accountNumber, reference: reference,
            amountCents: amountCents, full: full, request: JSONWriter.write(.object(kept)), complete: complete))
    }
}

extension Session {
    /// Learns the truth about a pending or unknown journal entry without doing it twice, and
    /// records it (docs/journal.md, "Resolution per kind"). A finished entry is returned as is.
    package func resolveJournalEntry(key: String) -> Result<JournalEntry, FlexitiError> {
        guard let journal = configuration.journal else {
            return .failure(.invalidArgument("the session has no journal (flx_config_set_journal before flx_session_new)"))
        }
        let entry: JournalEntry
        switch journal.entry(key: key) {
        case let .failure(e): return .failure(e)
        case .success(nil): return .failure(FlexitiError(.notAvailable, "the journal has no entry with idempotency key \(key)"))
        case let .success(e?): entry = e
        }
        guard entry.state.needsResolution else { return .success(entry) }
        let outcome: FlexitiError?
        if entry.record.kind == .authorization && !entry.record.complete {
            outcome = findAuthorization(entry, journal)
        } else {
            outcome = resend(entry, journal)
        }
        if let outcome { return .failure(outcome) }
        return journal.entry(key: key).flatMap { e in
            e.map { .success($0) } ?? .failure(FlexitiError(.notAvailable, "the journal entry \(key) disappeared"))
        }
    }

    /// Re-sends the stored request with the same key: Flexiti answers a key it has seen with the
    /// first answer, and performs the operation once if the first attempt never reached it.
    private func resend(_ entry: JournalEntry, _ journal: Journal) -> FlexitiError? {
        let r = entry.record
        let endpoint: Endpoint
        switch r.kind {
        case .authorization: endpoint = Endpoints.authorize
        case .capture: endpoint = Endpoints.capture
        case .release: endpoint = Endpoints.release
        case .returnCapture: endpoint = Endpoints.returnCapture
        case .refund: endpoint = Endpoints.refund
        case .transaction: endpoint = Endpoints.transactions
        case .listAuthorizations, .listCaptures: return .invalidArgument("listings are never journaled")
        }
        guard let body = JSONParser.parse(Array(r.request.utf8)), body.isObject else {
            return FlexitiError(.journalInvalid, "the journal entry \(entry.key) holds an unreadable request")
        }
        var call = APICall(endpoint)
        call.pathParams = ["client_id": configuration.clientId]
        if let v = r.authorizationId { call.pathParams["authorizationId"] = v }
        if let v = r.captureId { call.pathParams["captureId"] = v }
        if endpoint.template.containsText("{account_number}"), let v = r.accountNumber { call.pathParams["account_number"] = v }
        call.body = body
        call.idempotencyKey = entry.key
        let result = Journal.around(journal, key: entry.key, record: { .success(r) }) { send(call) }
        if case let .failure(e) = result, e.mayHaveHappened { return e }
        return nil
    }

    /// Reads a PIN-verified authorization back: the listing of the days around its creation,
    /// filtered by account, matched on the POS's reference and the amount.
    private func findAuthorization(_ entry: JournalEntry, _ journal: Journal) -> FlexitiError? {
        let r = entry.record
        var filter = PurchaseRequest(.listAuthorizations)
        if let a = r.accountNumber, !a.isEmpty, a.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { filter.accountNumber = a }
        filter.dateFrom = Session.day(entry.createdAt &- 86_400)
        filter.dateTo = Session.day(entry.createdAt &+ 86_400)
        filter.pageSize = 100
        var matches: [JSONNode] = []
        var page = 1
        while page <= 10_000 {
            switch listPage(filter, page: page) {
            case let .failure(e): return e
            case let .success(p):
                for item in p.items where item["reference"]?.text == r.reference
                    && (r.amountCents == nil || Authorization(json: item).amountCents == r.amountCents) {
                    matches.append(item)
                }
                let seen = Int64(page) * 100
                if p.items.count < 100 || (p.total.map { seen >= $0 } ?? false) { page = Int.max - 1 }
            }
            page += 1
        }
        switch matches.count {
        case 0 where Journal.wallClock() < entry.updatedAt &+ settleSeconds:
            // The call may still be on its way or being processed: absent now is not absent.
            var e = FlexitiError(.outcomeUnknown, "recovery: no authorization with reference \(r.reference ?? "") yet, but the call "
                                 + "was made less than \(settleSeconds) s ago and may still be processed; resolve it again after that")
            e.idempotencyKey = entry.key
            e.retryable = true
            return e
        case 0:
            var e = FlexitiError(.notFound,
                                 "recovery: Flexiti has no authorization with reference \(r.reference ?? "") for this amount; it was not made")
            e.idempotencyKey = entry.key
            return journal.finish(key: entry.key, state: .failed, error: e)
        case 1:
            return journal.finish(key: entry.key, state: .succeeded, result: JournalResult(kind: .authorization, json: matches[0]))
        default:
            var e = FlexitiError(.outcomeUnknown, "recovery: \(matches.count) authorizations carry reference \(r.reference ?? ""); "
                                 + "the journal cannot tell which is this one (use a unique reference per sale)")
            e.idempotencyKey = entry.key
            return e
        }
    }

    /// How long after its last attempt a call can still be performed at Flexiti: the call's total
    /// timeout (ASSUMPTION: Flexiti finishes or drops a request within it), plus a second for the
    /// journal's whole-second timestamps.
    var settleSeconds: Int64 { Int64(max(configuration.transport.totalTimeoutMs, 0) / 1000) &+ 2 }

    /// YYYY-MM-DD (UTC) of a wall-clock time, as the listing filters take it.
    static func day(_ seconds: Int64) -> String {
        var t = time_t(seconds)
        var tm = Glibc.tm()
        gmtime_r(&t, &tm)
        func pad(_ v: Int32, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(tm.tm_year + 1900, 4) + "-" + pad(tm.tm_mon + 1, 2) + "-" + pad(tm.tm_mday, 2)
    }
}
