/// The money path (Flexiti's API reference): authorization, capture, release, return, refund and
/// transactions. The request is `PurchaseRequest`, the answers are in PurchaseAnswers.swift.
extension Session {
    /// POST authorization (v2.5.1).
    package func authorize(_ request: inout PurchaseRequest) -> Result<Authorization, FlexitiError> {
        guard request.kind == .authorization else { return .failure(.invalidArgument("not an authorization request")) }
        return sendMoney(&request, Endpoints.authorize, pathParams: [:]).flatMap { r in
            object(r, "authorization").map(Authorization.init(json:))
        }
    }

    /// GET authorization/{id} (v2.5.1).
    package func fetchAuthorization(id: String) -> Result<Authorization, FlexitiError> {
        var call = APICall(Endpoints.getAuthorization)
        call.pathParams = ["client_id": configuration.clientId, "authorizationId": id]
        return send(call).flatMap { r in object(r, "authorization", movesMoney: false).map(Authorization.init(json:)) }
    }

    /// POST authorization/{id}/capture.
    package func capture(authorizationId: String, _ request: inout PurchaseRequest) -> Result<Capture, FlexitiError> {
        guard request.kind == .capture else { return .failure(.invalidArgument("not a capture request")) }
        return sendMoney(&request, Endpoints.capture, pathParams: ["authorizationId": authorizationId]).flatMap { r in
            object(r, "capture").map { j in
                if j.first("authorization_id") == nil { j.setWhileParsing("authorization_id", authorizationId) }
                return Capture(json: j)
            }
        }
    }

    /// POST authorization/{id}/release.
    package func release(authorizationId: String, _ request: inout PurchaseRequest) -> Result<Receipt, FlexitiError> {
        guard request.kind == .release else { return .failure(.invalidArgument("not a release request")) }
        if let e = request.amountOrFullMissing(Endpoints.release) { return .failure(e) }
        let key = request.idempotencyKey
        return sendMoney(&request, Endpoints.release, pathParams: ["authorizationId": authorizationId]).flatMap { r in
            object(r, "release").map { Receipt(json: $0, idempotencyKey: key) }
        }
    }

    /// POST authorization/{id}/capture/{capture}/return.
    package func returnCapture(authorizationId: String, captureId: String, _ request: inout PurchaseRequest) -> Result<Receipt, FlexitiError> {
        guard request.kind == .returnCapture else { return .failure(.invalidArgument("not a return request")) }
        if let e = request.amountOrFullMissing(Endpoints.returnCapture) { return .failure(e) }
        let key = request.idempotencyKey
        return sendMoney(&request, Endpoints.returnCapture, pathParams: ["authorizationId": authorizationId, "captureId": captureId]).flatMap { r in
            object(r, "return").map { Receipt(json: $0, idempotencyKey: key) }
        }
    }

    /// POST accounts/{account}/refund. The account number of the request goes into the path; with
    /// only a VCC, the account is found first with customers/lookup (the VCC is sent too).
    package func refund(_ request: inout PurchaseRequest) -> Result<Receipt, FlexitiError> {
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
        return sendMoney(&request, Endpoints.refund, pathParams: ["account_number": account]).flatMap { r in
            object(r, "refund").map { Receipt(json: $0, idempotencyKey: key) }
        }
    }

    /// POST transactions (v2.5.1): deposit, instore_payment, tradein.
    package func transaction(_ request: inout PurchaseRequest) -> Result<Receipt, FlexitiError> {
        guard request.kind == .transaction else { return .failure(.invalidArgument("not a transaction request")) }
        let key = request.idempotencyKey
        return sendMoney(&request, Endpoints.transactions, pathParams: [:]).flatMap { r in
            object(r, "transaction").map { Receipt(json: $0, idempotencyKey: key) }
        }
    }

    /// One page (1-based) of GET authorizations or GET captures. Accepts an envelope
    /// (`authorizations` / `captures` / `items` / `data` plus optional `total`) or a bare array.
    package func listPage(_ request: PurchaseRequest, page: Int) -> Result<ListPage, FlexitiError> {
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
    private func object(_ r: APIResponse, _ what: String, movesMoney: Bool = true) -> Result<JSONNode, FlexitiError> {
        r.object(what, movesMoney: movesMoney)
    }
}
