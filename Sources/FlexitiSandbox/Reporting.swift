/// GET authorizations, GET authorization/{id}, GET captures (Flexiti's API reference).
/// ASSUMPTIONS: envelope {page_number, page_size, total, <items>}; page_number is required
/// (parameter_validations.tsv), page_size defaults to 10, at most 100; dates filter on creation
/// date (inclusive, UTC); newest first.
enum Reporting {
    struct Page { var number: Int; var size: Int }

    static func filters(_ req: APIRequest, _ v: inout Validator) -> (Page, Int64?, Int64?) {
        let pn = v.integer("page_number", req.q("page_number"), digits: 6)
        var size: Int64 = 10
        if let ps = req.q("page_size") {
            if let s = v.integer("page_size", ps, digits: 6) {
                if s > 100 { v.fail("page_size", "invalid", "page_size must be between 1 and 100", ps) } else { size = s }
            }
        }
        let from = v.date("creation_date_from", req.q("creation_date_from"))
        let to = v.date("creation_date_to", req.q("creation_date_to"))
        return (Page(number: Int(pn ?? 1), size: Int(size)), from, to)
    }

    static func checkRange(_ req: APIRequest, _ from: Int64?, _ to: Int64?) throws {
        if let from, let to, from > to { throw APIError.documented("date_from_bigger_than_date_to", route: req.route) }
    }

    static func inRange(_ t: Int64, _ from: Int64?, _ to: Int64?) -> Bool {
        if let from, t < from { return false }
        if let to, t >= to + Time.day { return false }
        return true
    }

    static func page(_ items: [JSON], _ p: Page, key: String) -> JSON {
        let start = (p.number - 1) * p.size
        let slice = start < items.count ? Array(items[start..<min(items.count, start + p.size)]) : []
        return .object([("page_number", .int(p.number)), ("page_size", .int(p.size)), ("total", .int(items.count)),
                        (key, .array(slice))])
    }

    static func listAuthorizations(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        _ = v.lang(req)
        let account = v.integer("account_number", req.q("account_number"), digits: 14, required: false)
        let type = v.oneOf("transaction_type", req.q("transaction_type"), ["promotional_purchase", "regular_purchase"])
        let status = v.oneOf("authorization_status", req.q("authorization_status"), ["opened", "closed", "unauthorized", "onhold"])
        let (p, from, to) = filters(req, &v)
        try v.check(route: req.route)
        try Common.generalErrorTrigger(req, account: account.flatMap { state.accounts[$0] })
        try checkRange(req, from, to)
        let items = state.authorizations.values
            .filter { a in
                a.clientId == req.client?.id && (account == nil || a.accountNumber == account)
                    && (type == nil || a.transactionType == type) && (status == nil || a.status == status)
                    && inRange(a.createdAt, from, to)
            }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
            .map { Authorizations.json(state, $0) }
        return Reply(body: page(items, p, key: "authorizations"))
    }

    static func getAuthorization(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        _ = v.lang(req)
        try v.check(route: req.route)
        let auth = try Authorizations.pathAuthorization(state, req)
        try Common.generalErrorTrigger(req, account: state.accounts[auth.accountNumber])
        return Reply(body: Authorizations.json(state, auth))
    }

    static func listCaptures(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        _ = v.lang(req)
        let account = v.integer("account_number", req.q("account_number"), digits: 14, required: false)
        let authId = v.integer("authorization_id", req.q("authorization_id"), digits: 16, required: false)
        let (p, from, to) = filters(req, &v)
        try v.check(route: req.route)
        try Common.generalErrorTrigger(req, account: account.flatMap { state.accounts[$0] })
        try checkRange(req, from, to)
        let items = state.captures.values
            .compactMap { c -> (CaptureState, AuthorizationState)? in
                guard let a = state.authorizations[c.authorizationId], a.clientId == req.client?.id else { return nil }
                return (c, a)
            }
            .filter { c, a in
                (account == nil || a.accountNumber == account) && (authId == nil || a.id == authId)
                    && inRange(c.createdAt, from, to)
            }
            .sorted { ($0.0.createdAt, $0.0.id) > ($1.0.createdAt, $1.0.id) }
            .map { c, a in Authorizations.captureJSON(c, a) }
        return Reply(body: page(items, p, key: "captures"))
    }
}
