/// A request for one money operation or listing, filled field by field (the C layer's setters).
/// The idempotency key is made when the request is created, so every retry of the same request
/// sends the same key; see `conflict` and `settle`.
package struct PurchaseRequest: Sendable {
    package let kind: PurchaseKind
    package var accountNumber: String?
    package var vccNumber: String?
    package var customerId: String?
    package var amountCents: Int64?
    /// Release everything left / return the whole remaining captured amount.
    package var full = false
    package var purchaseType: PurchaseType?
    package var planId: Int64?
    package var term: Int64?
    package var autoCapture: Bool?
    package var reference: String?
    package var verificationCode: Secret?
    package var requestId: String?
    package var externalLocationId: String?
    package var externalEmployeeId: String?
    package var widgetSessionId: String?
    package var captureId: String?
    package var transactionType: TransactionType?
    package var skuData: SkuData?
    package var status: String?
    package var dateFrom: String?
    package var dateTo: String?
    package var pageSize: Int?
    package var authorizationId: String?

    /// Sent as x-idempotency-key by money-moving kinds.
    package private(set) var idempotencyKey: String
    /// The whole operation (method, path with its parameters, query and body bytes) last sent
    /// with this key when it may have happened (success or unknown outcome). Sending a different
    /// operation with the same key would be answered with the first one's result by Flexiti, so
    /// it is refused locally. Wiped when the last copy of the request goes (it may hold the PIN).
    private var committedOperation: BoundOperation?
    /// The account a refund's VCC was found to belong to (customers/lookup), kept for repeats.
    var accountOfVCC: (vcc: String, account: String)?

    package init(_ kind: PurchaseKind) {
        self.kind = kind
        self.idempotencyKey = kind.movesMoney ? Identifiers.idempotencyKey() : ""
    }

    /// Replaces the idempotency key (nil: a new random one). The request becomes a new operation.
    package mutating func setIdempotencyKey(_ key: String?) -> FlexitiError? {
        guard kind.movesMoney else { return .invalidArgument("\(kind.name) requests move no money and take no idempotency key") }
        if let key {
            guard !key.isEmpty, key.utf8.count <= 255, key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                return .invalidArgument("idempotency key must be 1 to 255 printable ASCII characters without spaces")
            }
            idempotencyKey = key
        } else {
            idempotencyKey = Identifiers.idempotencyKey()
        }
        committedOperation = nil
        return nil
    }

    /// Checks that the field belongs to this kind of request.
    package func accepts(_ field: PurchaseField) -> FlexitiError? { kind.refusal(of: field) }

    /// The JSON body for the kind (absent fields are not sent), as a tree (tests, the journal).
    package func body() -> JSONValue {
        var tree = BodyTree()
        emit(into: &tree)
        return tree.value
    }

    /// The body member by member, in the order it is sent: the one description of it that the
    /// tree (`body`), the bytes sent (`BodyBytes`) and the validator (`BodyCheck`) all follow, so
    /// a send writes and checks the typed fields without building or re-walking a JSON tree.
    func emit<S: BodySink>(into s: inout S) {
        func add(_ k: BodyKey, _ v: String?) { if let v { s.string(k, v) } }
        func amount() { if let amountCents, !(full && (kind == .release || kind == .returnCapture)) { s.number(.amount, Money.format(cents: amountCents)) } }
        s.beginObject(.root)
        switch kind {
        case .authorization:
            add(.accountNumber, accountNumber)
            add(.vccNumber, vccNumber)
            add(.reference, reference)
            if let purchaseType {
                s.beginObject(.financingOption)
                s.string(.transactionType, purchaseType.rawValue)
                if let planId { s.number(.planId, String(planId)) }
                if let term { s.number(.term, String(term)) }
                s.endObject()
            }
            amount()
            if let autoCapture { s.bool(.autoCapture, autoCapture) }
            if let verificationCode { s.string(.verificationCode, verificationCode.reveal()) }
            add(.requestId, requestId)
            add(.externalLocationId, externalLocationId)
            add(.externalEmployeeId, externalEmployeeId)
            add(.widgetSessionId, widgetSessionId)
        case .capture, .release:
            amount()
            if kind == .release && full { s.bool(.fullRelease, true) }
            add(.reference, reference)
            add(.externalLocationId, externalLocationId)
            add(.externalEmployeeId, externalEmployeeId)
        case .returnCapture:
            add(.reference, reference)
            add(.vccNumber, vccNumber)
            s.bool(.fullReturn, full)
            amount()
            add(.externalLocationId, externalLocationId)
            add(.externalEmployeeId, externalEmployeeId)
        case .refund:
            add(.reference, reference)
            amount()
            add(.externalLocationId, externalLocationId)
            add(.externalEmployeeId, externalEmployeeId)
            add(.vccNumber, vccNumber)
            add(.captureId, captureId)
        case .transaction:
            if let verificationCode { s.string(.verificationCode, verificationCode.reveal()) }
            if let transactionType { s.string(.transactionType, transactionType.rawValue) }
            amount()
            add(.accountNumber, accountNumber)
            add(.vccNumber, vccNumber)
            add(.customerId, customerId)
            add(.requestId, requestId)
            add(.externalLocationId, externalLocationId)
            add(.externalEmployeeId, externalEmployeeId)
        case .listAuthorizations, .listCaptures:
            break
        }
        if let skuData, PurchaseField.skuData.allowed(for: kind) { skuData.emit(into: &s) }
        s.endObject()
    }

    /// Query parameters of a listing page.
    package func query(page: Int) -> [(String, String)] {
        var q: [(String, String)] = []
        if let accountNumber { q.append(("account_number", accountNumber)) }
        if let authorizationId { q.append(("authorization_id", authorizationId)) }
        if let purchaseType { q.append(("transaction_type", purchaseType.rawValue)) }
        if let status { q.append(("authorization_status", status)) }
        if let dateFrom { q.append(("creation_date_from", dateFrom)) }
        if let dateTo { q.append(("creation_date_to", dateTo)) }
        q.append(("page_number", String(page)))
        q.append(("page_size", String(pageSize ?? Defaults.listPageSize)))
        return q
    }

    /// The refusal to send `call` (Session.sendMoney) when this key may already have performed
    /// a different operation: Flexiti would answer with the first one's result.
    func conflict(_ call: PreparedCall) -> FlexitiError? {
        guard let committedOperation, !call.performs(committedOperation) else { return nil }
        var e = FlexitiError(.idempotencyConflict,
                             "this \(kind.name) request was already sent with idempotency key \(idempotencyKey) and has changed since "
                             + "(its path, query or body); nothing was sent. Create a new request (or set a new key) for a new "
                             + "operation, or restore the fields and the target to retry")
        e.method = call.endpoint.method.rawValue
        e.endpoint = call.endpoint.template
        e.path = call.fullPath
        e.idempotencyKey = idempotencyKey
        return e
    }

    /// Remembers what `call` performs once it may have happened under the key (taking over its
    /// body: the call is done).
    mutating func settle(_ call: PreparedCall, _ result: Result<APIResponse, FlexitiError>) {
        let mayHaveHappened: Bool
        switch result {
        case .success: mayHaveHappened = true
        // A definite refusal (4xx, or failed before sending) did not happen: the request may be
        // corrected and sent again with the same key. An unknown outcome or a 5xx may have.
        case let .failure(e): mayHaveHappened = e.mayHaveHappened
        }
        guard mayHaveHappened else { return }
        if let committedOperation, call.performs(committedOperation) { return }  // a repeat: already bound
        committedOperation = call.takeOperation()
    }

    /// The operation a key is bound to: method, endpoint version and path with its parameters,
    /// query and body, as written for sending (Session.sendMoney binds the bytes it sends).
    static func operation(_ call: APICall) -> BoundOperation {
        PreparedCall(call, baseURL: "", langQuery: nil, fieldErrors: []).operation
    }

    /// Release and return say what they give back: an amount, or the whole rest with `full`.
    /// Neither is refused before sending (the server would take it as "everything").
    func amountOrFullMissing(_ endpoint: Endpoint) -> FlexitiError? {
        guard (kind == .release || kind == .returnCapture) && amountCents == nil && !full else { return nil }
        var e = ParameterCheck.wrongInputs([FieldError(
            param: "amount", msg: "Not sent: set an amount, or full to \(kind == .release ? "release" : "return") everything left",
            value: "", type: "required")])
        e.method = endpoint.method.rawValue
        e.endpoint = endpoint.template
        e.idempotencyKey = idempotencyKey
        return e
    }
}
