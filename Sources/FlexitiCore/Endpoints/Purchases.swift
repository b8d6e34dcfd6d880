/// The money path (Flexiti's API reference): authorization, capture, release, return, refund and
/// transactions. Response shapes are mostly undocumented; the readers below accept both spellings
/// seen or assumed (`authorization_id` / `id`, ...) and ignore unknown fields.

/// Which operation a `PurchaseRequest` describes. Each kind accepts its own set of fields.
public enum PurchaseKind: Int32, Sendable, CaseIterable {
    case authorization = 1, capture, release, returnCapture, refund, transaction, listAuthorizations, listCaptures

    public var name: String {
        switch self {
        case .authorization: return "authorization"
        case .capture: return "capture"
        case .release: return "release"
        case .returnCapture: return "return"
        case .refund: return "refund"
        case .transaction: return "transaction"
        case .listAuthorizations: return "authorization list"
        case .listCaptures: return "capture list"
        }
    }

    public var movesMoney: Bool { self != .listAuthorizations && self != .listCaptures }
}

/// The fields a request may carry; `PurchaseRequest.set` refuses a field its kind does not take.
public enum PurchaseField: String, Sendable, CaseIterable {
    case accountNumber = "account_number", vccNumber = "vcc_number", customerId = "customer_id"
    case amount, full, financing = "financing_option", autoCapture = "auto_capture", reference
    case verificationCode = "verification_code", requestId = "request_id"
    case externalLocationId = "external_location_id", externalEmployeeId = "external_employee_id"
    case widgetSessionId = "widget_session_id", captureId = "capture_id", transactionType = "transaction_type"
    case skuData = "sku_data", status = "authorization_status", dateRange = "creation_date", pageSize = "page_size"
    case authorizationId = "authorization_id"

    /// Which kinds take the field (Flexiti's API reference; in-store fields on capture, release, return
    /// and refund are an ASSUMPTION, see docs/assumptions.md).
    func allowed(for kind: PurchaseKind) -> Bool {
        switch (self, kind) {
        case (.accountNumber, .authorization), (.accountNumber, .refund), (.accountNumber, .transaction),
             (.accountNumber, .listAuthorizations), (.accountNumber, .listCaptures):
            return true
        case (.vccNumber, .authorization), (.vccNumber, .returnCapture), (.vccNumber, .refund), (.vccNumber, .transaction):
            return true
        case (.customerId, .transaction): return true
        case (.amount, let k): return k.movesMoney
        case (.full, .release), (.full, .returnCapture): return true
        case (.financing, .authorization), (.financing, .listAuthorizations): return true
        case (.autoCapture, .authorization): return true
        case (.reference, let k): return k.movesMoney && k != .transaction
        case (.verificationCode, .authorization), (.verificationCode, .transaction): return true
        case (.requestId, .authorization), (.requestId, .transaction): return true
        case (.externalLocationId, let k), (.externalEmployeeId, let k): return k.movesMoney
        case (.widgetSessionId, .authorization): return true
        case (.captureId, .refund): return true
        case (.transactionType, .transaction): return true
        case (.skuData, .authorization), (.skuData, .capture), (.skuData, .returnCapture), (.skuData, .refund): return true
        case (.status, .listAuthorizations): return true
        case (.dateRange, .listAuthorizations), (.dateRange, .listCaptures): return true
        case (.pageSize, .listAuthorizations), (.pageSize, .listCaptures): return true
        case (.authorizationId, .listCaptures): return true
        default: return false
        }
    }
}

public enum PurchaseType: String, Sendable {
    case regular = "regular_purchase"
    case promotional = "promotional_purchase"
}

public enum TransactionType: String, Sendable {
    case deposit, instorePayment = "instore_payment", tradein
}

/// One line item of sku_data.
public struct SkuProduct: Sendable, Equatable {
    public var skuId: String, category: String, description: String
    public var quantity: Int64, unitPriceCents: Int64, extendedPriceCents: Int64
    public init(skuId: String, category: String, description: String, quantity: Int64, unitPriceCents: Int64, extendedPriceCents: Int64) {
        self.skuId = skuId; self.category = category; self.description = description
        self.quantity = quantity; self.unitPriceCents = unitPriceCents; self.extendedPriceCents = extendedPriceCents
    }
}

/// Optional line-item data printed on the customer's statement (Flexiti's API reference). Totals may be
/// negative (returns).
public struct SkuData: Sendable, Equatable {
    public var purchaseOrder: String?
    public var registerId: String?
    /// Totals by their API name (shipping_total, transaction_discount_total, ...), in cents.
    public var totals: [(String, Int64)] = []
    public var products: [SkuProduct] = []

    public init() {}

    public static func == (a: SkuData, b: SkuData) -> Bool {
        a.purchaseOrder == b.purchaseOrder && a.registerId == b.registerId && a.products == b.products
            && a.totals.count == b.totals.count && zip(a.totals, b.totals).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    public static let totalNames = ["shipping_total", "transaction_discount_total", "transaction_subtotal",
                                    "transaction_total", "gst_hst", "pst"]

    public mutating func setTotal(_ name: String, cents: Int64) {
        totals.removeAll { $0.0 == name }
        totals.append((name, cents))
    }

    public var json: JSONValue {
        var m: [(String, JSONValue)] = []
        if let purchaseOrder { m.append(("purchase_order", .string(purchaseOrder))) }
        if let registerId { m.append(("register_id", .string(registerId))) }
        for (name, cents) in totals { m.append((name, .number(Money.format(cents: cents)))) }
        if !products.isEmpty {
            m.append(("products", .array(products.map { p in
                .object([("sku_id", .string(p.skuId)), ("category", .string(p.category)),
                         ("description", .string(p.description)), ("quantity", .number(String(p.quantity))),
                         ("unit_price", .number(Money.format(cents: p.unitPriceCents))),
                         ("extended_price", .number(Money.format(cents: p.extendedPriceCents)))])
            })))
        }
        return .object(m)
    }
}

/// A request for one money operation or listing, filled field by field (the C layer's setters).
/// The idempotency key is made when the request is created, so every retry of the same request
/// sends the same key; see `commit`.
public struct PurchaseRequest: Sendable {
    public let kind: PurchaseKind
    public var accountNumber: String?
    public var vccNumber: String?
    public var customerId: String?
    public var amountCents: Int64?
    /// Release everything left / return the whole remaining captured amount.
    public var full = false
    public var purchaseType: PurchaseType?
    public var planId: Int64?
    public var term: Int64?
    public var autoCapture: Bool?
    public var reference: String?
    public var verificationCode: Secret?
    public var requestId: String?
    public var externalLocationId: String?
    public var externalEmployeeId: String?
    public var widgetSessionId: String?
    public var captureId: String?
    public var transactionType: TransactionType?
    public var skuData: SkuData?
    public var status: String?
    public var dateFrom: String?
    public var dateTo: String?
    public var pageSize: Int?
    public var authorizationId: String?

    /// Sent as x-idempotency-key by money-moving kinds.
    public private(set) var idempotencyKey: String
    /// A digest of the whole operation (method, path with its parameters, query and body) last
    /// sent with this key when it may have happened (success or unknown outcome). Sending a
    /// different operation with the same key would be answered with the first one's result by
    /// Flexiti, so it is refused locally. A digest, not the text: the body may hold the PIN,
    /// which must not outlive the request's Secret.
    private var committedOperation: Int?
    /// The account a refund's VCC was found to belong to (customers/lookup), kept for repeats.
    var accountOfVCC: (vcc: String, account: String)?

    public init(_ kind: PurchaseKind) {
        self.kind = kind
        self.idempotencyKey = kind.movesMoney ? Identifiers.idempotencyKey() : ""
    }

    /// Replaces the idempotency key (nil: a new random one). The request becomes a new operation.
    public mutating func setIdempotencyKey(_ key: String?) -> FlexitiError? {
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
    public func accepts(_ field: PurchaseField) -> FlexitiError? {
        field.allowed(for: kind) ? nil : .invalidArgument("\(kind.name) requests take no \(field.rawValue)")
    }

    /// The JSON body for the kind (absent fields are not sent).
    public func body() -> JSONValue {
        var m: [(String, JSONValue)] = []
        func add(_ k: String, _ v: String?) { if let v { m.append((k, .string(v))) } }
        func amount() { if let amountCents, !(full && (kind == .release || kind == .returnCapture)) { m.append(("amount", .number(Money.format(cents: amountCents)))) } }
        switch kind {
        case .authorization:
            add("account_number", accountNumber)
            add("vcc_number", vccNumber)
            add("reference", reference)
            if let purchaseType {
                var f: [(String, JSONValue)] = [("transaction_type", .string(purchaseType.rawValue))]
                if let planId { f.append(("plan_id", .number(String(planId)))) }
                if let term { f.append(("term", .number(String(term)))) }
                m.append(("financing_option", .object(f)))
            }
            amount()
            if let autoCapture { m.append(("auto_capture", .bool(autoCapture))) }
            if let verificationCode { m.append(("verification_code", .string(verificationCode.reveal()))) }
            add("request_id", requestId)
            add("external_location_id", externalLocationId)
            add("external_employee_id", externalEmployeeId)
            add("widget_session_id", widgetSessionId)
        case .capture, .release:
            amount()
            if kind == .release && full { m.append(("full_release", .bool(true))) }
            add("reference", reference)
            add("external_location_id", externalLocationId)
            add("external_employee_id", externalEmployeeId)
        case .returnCapture:
            add("reference", reference)
            add("vcc_number", vccNumber)
            m.append(("full_return", .bool(full)))
            amount()
            add("external_location_id", externalLocationId)
            add("external_employee_id", externalEmployeeId)
        case .refund:
            add("reference", reference)
            amount()
            add("external_location_id", externalLocationId)
            add("external_employee_id", externalEmployeeId)
            add("vcc_number", vccNumber)
            add("capture_id", captureId)
        case .transaction:
            if let verificationCode { m.append(("verification_code", .string(verificationCode.reveal()))) }
            if let transactionType { m.append(("transaction_type", .string(transactionType.rawValue))) }
            amount()
            add("account_number", accountNumber)
            add("vcc_number", vccNumber)
            add("customer_id", customerId)
            add("request_id", requestId)
            add("external_location_id", externalLocationId)
            add("external_employee_id", externalEmployeeId)
        case .listAuthorizations, .listCaptures:
            break
        }
        if let skuData, PurchaseField.skuData.allowed(for: kind) { m.append(("sku_data", skuData.json)) }
        return .object(m)
    }

    /// Query parameters of a listing page.
    public func query(page: Int) -> [(String, String)] {
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

    /// Sends a money-moving call with this request's key, refusing to reuse the key for a
    /// different operation, and remembers the operation when it may have happened.
    mutating func sendMoney(_ session: Session, _ endpoint: Endpoint, pathParams: [String: String]) -> Result<APIResponse, FlexitiError> {
        var call = APICall(endpoint)
        call.pathParams = pathParams.merging(["client_id": session.configuration.clientId]) { a, _ in a }
        call.body = body()
        call.idempotencyKey = idempotencyKey
        let operation = Self.digest(call)
        if let committedOperation, committedOperation != operation {
            var e = FlexitiError(.idempotencyConflict,
                                 "this \(kind.name) request was already sent with idempotency key \(idempotencyKey) and has changed since "
                                 + "(its path, query or body); nothing was sent. Create a new request (or set a new key) for a new "
                                 + "operation, or restore the fields and the target to retry")
            e.method = endpoint.method.rawValue
            e.endpoint = endpoint.template
            e.path = session.basePath + "/" + endpoint.version.rawValue + endpoint.path(call.pathParams)
            e.idempotencyKey = idempotencyKey
            return .failure(e)
        }
        let body = call.body ?? .object([])
        let result = Journal.around(session.configuration.journal, key: idempotencyKey,
                                    record: { journalRecord(endpoint, pathParams: call.pathParams, body: body) }) {
            session.send(call)
        }
        switch result {
        case .success:
            committedOperation = operation
        case let .failure(e):
            // A definite refusal (4xx, or failed before sending) did not happen: the request may be
            // corrected and sent again with the same key. An unknown outcome or a 5xx may have.
            if e.mayHaveHappened { committedOperation = operation }
        }
        return result
    }

    /// The operation a key is bound to: method, endpoint version and path with its parameters,
    /// query and body.
    static func digest(_ call: APICall) -> Int {
        var hasher = Hasher()
        hasher.combine(call.endpoint.method.rawValue)
        hasher.combine(call.endpoint.version.rawValue)
        hasher.combine(call.endpoint.path(call.pathParams))
        for (k, v) in call.query { hasher.combine(k); hasher.combine(v) }
        hasher.combine(call.body.map(JSONWriter.write) ?? "")
        return hasher.finalize()
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

/// Reading helpers shared by the response types: the first present key wins.
extension JSONValue {
    public func first(_ keys: String...) -> JSONValue? {
        for k in keys { if let v = self[k], v != .null { return v } }
        return nil
    }
}

/// An authorization as returned by POST authorization or GET authorization(s).
public struct Authorization: Sendable {
    public let json: JSONValue
    public init(json: JSONValue) { self.json = json }

    public var id: String? { json.first("authorization_id", "id")?.text }
    public var status: String? { json.first("authorization_status", "status")?.text }
    public var amountCents: Int64? { json.first("amount", "authorized_amount")?.cents }
    public var remainingCents: Int64? { json.first("remaining_amount", "remaining_authorization_amount")?.cents }
    public var financing: JSONValue? { json["financing_option"] }
    public var purchaseType: String? { financing?["transaction_type"]?.text ?? json["transaction_type"]?.text }

    /// Captures: `captures[]`, else the top-level `capture_id` of an auto-captured authorization
    /// (shaped like a capture answer from the fields it has).
    public var captures: [Capture] {
        if let list = json["captures"]?.arrayValue, !list.isEmpty {
            return list.filter(\.isObject).map { c in
                var m: [(String, JSONValue)] = []
                if case let .object(members) = c { m = members }
                if c.first("authorization_id") == nil, let id { m.append(("authorization_id", .string(id))) }
                return Capture(json: .object(m))
            }
        }
        guard let cid = json["capture_id"], cid != .null else { return [] }
        var m: [(String, JSONValue)] = [("capture_id", cid)]
        if let id { m.append(("authorization_id", .string(id))) }
        for k in ["reference", "date"] { if let v = json[k] { m.append((k, v)) } }
        if let v = json.first("captured_amount", "amount") { m.append(("amount", v)); m.append(("remaining_capture_amount", v)) }
        if let v = json.first("remaining_amount", "remaining_authorization_amount") { m.append(("remaining_authorization_amount", v)) }
        return [Capture(json: .object(m))]
    }
}

/// A capture as returned by POST capture, GET captures or inside an authorization.
public struct Capture: Sendable {
    public let json: JSONValue
    public init(json: JSONValue) { self.json = json }
    public var id: String? { json.first("capture_id", "id")?.text }
    public var authorizationId: String? { json.first("authorization_id")?.text }
    public var amountCents: Int64? { json.first("amount", "captured_amount")?.cents }
    /// What may still be returned: `remaining_capture_amount`; a fresh capture's whole amount.
    public var remainingCents: Int64? { json.first("remaining_capture_amount", "remaining_amount")?.cents ?? amountCents }
}

/// The answer of release, return, refund or transactions: an id, amounts and a status.
public struct Receipt: Sendable {
    public let json: JSONValue
    public let idempotencyKey: String
    public init(json: JSONValue, idempotencyKey: String) {
        self.json = json; self.idempotencyKey = idempotencyKey
    }
    public var id: String? { json.first("return_id", "refund_id", "transaction_id", "release_id", "id")?.text }
}

/// One page of a listing: the items and, when the server says, the total.
public struct ListPage: Sendable {
    public let items: [JSONValue]
    public let total: Int64?
    /// The page size the server says it used (it may cap what was asked).
    public var pageSize: Int64? = nil
}

extension Session {
    /// POST authorization (v2.5.1).
    public func authorize(_ request: inout PurchaseRequest) -> Result<Authorization, FlexitiError> {
        guard request.kind == .authorization else { return .failure(.invalidArgument("not an authorization request")) }
        return request.sendMoney(self, Endpoints.authorize, pathParams: [:]).flatMap { r in
            object(r, "authorization").map(Authorization.init(json:))
        }
    }

    /// GET authorization/{id} (v2.5.1).
    public func fetchAuthorization(id: String) -> Result<Authorization, FlexitiError> {
        var call = APICall(Endpoints.getAuthorization)
        call.pathParams = ["client_id": configuration.clientId, "authorizationId": id]
        return send(call).flatMap { r in object(r, "authorization", movesMoney: false).map(Authorization.init(json:)) }
    }

    /// POST authorization/{id}/capture.
    public func capture(authorizationId: String, _ request: inout PurchaseRequest) -> Result<Capture, FlexitiError> {
        guard request.kind == .capture else { return .failure(.invalidArgument("not a capture request")) }
        return request.sendMoney(self, Endpoints.capture, pathParams: ["authorizationId": authorizationId]).flatMap { r in
            object(r, "capture").map { j in
                var m: [(String, JSONValue)] = []
                if case let .object(members) = j { m = members }
                if j.first("authorization_id") == nil { m.append(("authorization_id", .string(authorizationId))) }
                return Capture(json: .object(m))
            }
        }
    }

    /// POST authorization/{id}/release.
    public func release(authorizationId: String, _ request: inout PurchaseRequest) -> Result<Receipt, FlexitiError> {
        guard request.kind == .release else { return .failure(.invalidArgument("not a release request")) }
        if let e = request.amountOrFullMissing(Endpoints.release) { return .failure(e) }
        let key = request.idempotencyKey
        return request.sendMoney(self, Endpoints.release, pathParams: ["authorizationId": authorizationId]).flatMap { r in
            object(r, "release").map { Receipt(json: $0, idempotencyKey: key) }
        }
    }

    /// POST authorization/{id}/capture/{capture}/return.
    public func returnCapture(authorizationId: String, captureId: String, _ request: inout PurchaseRequest) -> Result<Receipt, FlexitiError> {
        guard request.kind == .returnCapture else { return .failure(.invalidArgument("not a return request")) }
        if let e = request.amountOrFullMissing(Endpoints.returnCapture) { return .failure(e) }
        let key = request.idempotencyKey
        return request.sendMoney(self, Endpoints.returnCapture, pathParams: ["authorizationId": authorizationId, "captureId": captureId]).flatMap { r in
            object(r, "return").map { Receipt(json: $0, idempotencyKey: key) }
        }
    }

    /// POST accounts/{account}/refund. The account number of the request goes into the path; with
    /// only a VCC, the account is found first with customers/lookup (the VCC is sent too).
    public func refund(_ request: inout PurchaseRequest) -> Result<Receipt, FlexitiError> {
        guard request.kind == .refund else { return .failure(.invalidArgument("not a refund request")) }
        var account = request.accountNumber ?? ""
        if account.isEmpty, let vcc = request.vccNumber, !vcc.isEmpty {
            if let known = request.accountOfVCC, known.vcc == vcc {
                account = known.account  // a repeat: no second lookup, and a changed request sends nothing
            } else {
                switch lookupCustomer(.vccNumber(vcc)) {
                case let .failure(e): return .failure(e)
                case let .success(c): account = c.text("account_number") ?? ""
                }
                if !account.isEmpty { request.accountOfVCC = (vcc, account) }
            }
        }
        // Neither: the validator's account_number "Not sent", like any missing parameter.
        let key = request.idempotencyKey
        return request.sendMoney(self, Endpoints.refund, pathParams: ["account_number": account]).flatMap { r in
            object(r, "refund").map { Receipt(json: $0, idempotencyKey: key) }
        }
    }

    /// POST transactions (v2.5.1): deposit, instore_payment, tradein.
    public func transaction(_ request: inout PurchaseRequest) -> Result<Receipt, FlexitiError> {
        guard request.kind == .transaction else { return .failure(.invalidArgument("not a transaction request")) }
        let key = request.idempotencyKey
        return request.sendMoney(self, Endpoints.transactions, pathParams: [:]).flatMap { r in
            object(r, "transaction").map { Receipt(json: $0, idempotencyKey: key) }
        }
    }

    /// One page (1-based) of GET authorizations or GET captures. Accepts an envelope
    /// (`authorizations` / `captures` / `items` / `data` plus optional `total`) or a bare array.
    public func listPage(_ request: PurchaseRequest, page: Int) -> Result<ListPage, FlexitiError> {
        let endpoint: Endpoint
        let key: String
        switch request.kind {
        case .listAuthorizations: endpoint = Endpoints.listAuthorizations; key = "authorizations"
        case .listCaptures: endpoint = Endpoints.listCaptures; key = "captures"
        default: return .failure(.invalidArgument("not a listing request"))
        }
        var call = APICall(endpoint)
        call.pathParams = ["client_id": configuration.clientId]
        call.query = request.query(page: page)
        return send(call).flatMap { r in
            if let items = r.json.arrayValue { return .success(ListPage(items: items.filter(\.isObject), total: nil)) }
            guard let items = r.json.first(key, "items", "data", "results")?.arrayValue else {
                return .failure(r.failure(.malformedResponse, "the \(key) listing has no list of \(key)"))
            }
            return .success(ListPage(items: items.filter(\.isObject), total: r.json.first("total", "total_count", "total_elements")?.int64,
                                     pageSize: r.json["page_size"]?.int64))
        }
    }

    /// Purchase answers default to money-moving (see APIResponse.object).
    private func object(_ r: APIResponse, _ what: String, movesMoney: Bool = true) -> Result<JSONValue, FlexitiError> {
        r.object(what, movesMoney: movesMoney)
    }
}
