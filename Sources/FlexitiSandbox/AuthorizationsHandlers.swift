/// POST authorization, release, capture, return (Flexiti's API reference).
extension Authorizations {
    static let regularBypassLimit: Int64 = 20_000

    // MARK: POST authorization

    static func create(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        _ = v.lang(req)
        let number = v.integer("account_number", req.field("account_number"), digits: 14)
        let vcc = v.vcc("vcc_number", req.field("vcc_number"))
        let reference = v.string("reference", req.field("reference"), maxLength: 40)
        let amount = v.money("amount", req.field("amount"))
        let autoCapture = v.bool("auto_capture", req.field("auto_capture"), required: true)
        let fo = req.field("financing_option")
        var type: String?
        var planId: Int64?
        var term: Int64?
        if let fo, case .object = fo {
            type = v.oneOf("transaction_type", fo["transaction_type"], ["promotional_purchase", "regular_purchase"], required: true)
            if type == "promotional_purchase" {
                planId = v.integer("plan_id", fo["plan_id"], digits: 3)
                term = v.integer("term", fo["term"], digits: 3)
            }
        } else if fo == nil {
            v.fail("transaction_type", "required", "financing_option.transaction_type is required", nil)
        } else {
            v.fail("financing_option", "type", "financing_option must be an object", fo)
        }
        if req.field("verification_code") != nil { _ = v.integer("verification_code", req.field("verification_code"), digits: 8) }
        let requestId = v.string("request_id", req.field("request_id"), maxLength: 150, allowNumber: true)
        let location = v.string("external_location_id", req.field("external_location_id"), maxLength: 50, allowNumber: true)
        let employee = v.string("external_employee_id", req.field("external_employee_id"), maxLength: 50, allowNumber: true)
        let session = v.string("widget_session_id", req.field("widget_session_id"), maxLength: 64, allowNumber: true)
        Transactions.validateSku(&v, req.field("sku_data"))
        try v.check(route: req.route)
        guard let number, let amount, let autoCapture, let type else { throw APIError.wrongInputs([], route: req.route) }

        var a = try Common.account(state, number, route: req.route)
        if let vcc {
            guard let (owner, _) = state.vccs[vcc] else { throw APIError.notFound(route: req.route, message: "VCC \(vcc) not found") }
            if owner != number { throw APIError.documented("vcc_account_mismatch", route: req.route) }
        }
        try Common.generalErrorTrigger(req, account: a)
        try Common.accountType(req.client, a, route: req.route)
        if a.status != "N" || !a.seed.activated {
            throw APIError.documented("user_not_able_to_purchase", route: req.route,
                                      message: "Customer account status is \(a.status) (\(a.reasonCode)); only N (NNOR) may purchase")
        }
        try Common.location(req.client, location, route: req.route)
        try Common.employee(req.client, employee, may: "authorize", route: req.route)

        // Channel: online (widget session) or in-store (PIN from /verify).
        var pin: PinState?
        if req.token?.scope == "customer", !state.widgetSessions.values.contains(where: { $0.accessToken == req.accessToken }) {
            throw APIError.documented("customer_identity_not_found", route: req.route)
        }
        if let session {
            guard let s = state.widgetSessions[session], s.clientId == req.client?.id, s.flow == "purchase",
                  s.accessToken == req.accessToken, s.accountNumber == nil || s.accountNumber == number else {
                throw APIError.documented("not_verified", route: req.route,
                                          message: "widget_session_id does not match the /widget/init session of this token and account")
            }
        } else if req.token?.scope == "customer" {
            throw APIError.documented("not_verified", route: req.route, message: "widget_session_id is required for the online channel")
        } else {
            guard let code = req.field("verification_code")?.scalarText else {
                throw APIError.wrongInputs([FieldError(param: "verification_code", msg: "verification_code is required in store",
                                                       value: .null, type: "required")], route: req.route)
            }
            switch Verify.check(state, account: number, code: code, requestId: requestId, now: req.now) {
            case .ok(let p):
                if p.regularOnly && (type != "regular_purchase" || amount > regularBypassLimit) {
                    throw APIError.documented("not_verified", route: req.route,
                                              message: "A regular purchase bypass PIN is valid only for regular purchases of $200.00 or less")
                }
                pin = p
            case .wrongCode:
                throw APIError.documented("not_verified", route: req.route,
                                          message: "verification_code does not match a /verify for this account")
            case .wrongRequest:
                throw APIError.documented("not_verified", route: req.route,
                                          message: "request_id does not match the one passed to /verify")
            }
        }
        guard let merchant = req.client?.merchant else { throw APIError.invalidToken("Invalid access token") }
        if !autoCapture && !merchant.preAuthAllowed { throw APIError.documented("auth_not_allowed", route: req.route) }

        var plan: SandboxSeed.Plan?
        var termAmount: Int64 = amount
        var interest: Int64 = 0
        if type == "promotional_purchase" {
            guard let p = merchant.plans.first(where: { Int64($0.planId) == planId }), let term,
                  p.terms.contains(Int(term)) else {
                throw APIError.documented("plan_term_not_set", route: req.route,
                                          message: "The merchant is not configured for plan \(planId ?? 0) with term \(term ?? 0)")
            }
            guard Plans.isAvailable(p, for: a) else {
                throw APIError.documented("plan_term_not_available", route: req.route,
                                          message: "Plan \"\(p.planName)\" is not available for this customer")
            }
            plan = p
            termAmount = Accounts.termAmount(amount: amount, plan: p, term: Int(term))
            if p.offerCategory == "equal_billing" { interest = max(0, termAmount * term - amount) }
            interest += Accounts.adminFee(p) ?? 0
        } else if !merchant.regularPurchaseAllowed {
            throw APIError.documented("plan_term_not_set", route: req.route,
                                      message: "The merchant is not configured for regular purchases")
        }
        if amount + interest > a.available {
            throw APIError.documented("credit_exceeded", route: req.route,
                                      message: "Amount plus interest \(Common.dollars(amount + interest)) is greater than the available credit \(Common.dollars(a.available))")
        }

        // Commit.
        if let pin { Verify.consume(&state, pin) }
        a.available -= amount
        if type == "regular_purchase" { a.regularPurchases.append(req.now) }
        state.accounts[number] = a
        state.nextAuthorizationId += 1
        var auth = AuthorizationState(
            id: state.nextAuthorizationId, clientId: req.client?.id ?? "", accountNumber: number, vccNumber: vcc,
            transactionType: type, planId: planId.map(Int.init), term: term.map(Int.init), amount: amount, remaining: amount,
            status: "opened", reference: reference, createdAt: req.now)
        auth.termAmount = termAmount
        auth.annualRate = plan.flatMap { Decimal4.parse($0.annualRate) } ?? Accounts.regularAIR
        auth.adminFee = plan.flatMap(Accounts.adminFee)
        var captureId: Int64?
        if autoCapture {
            let c = newCapture(&state, auth: &auth, amount: amount, reference: reference, now: req.now)
            captureId = c.id
        }
        state.authorizations[auth.id] = auth

        var body: [(String, JSON)] = [
            ("authorization_id", .int(auth.id)), ("account_number", .int(number)),
            ("reference", reference.map(JSON.string) ?? .null), ("amount", .money(amount)),
            ("remaining_amount", .money(auth.remaining)), ("authorization_status", .string(auth.status)),
            ("financing_option", financingJSON(auth)), ("term_amount", .money(termAmount)),
        ]
        let rate = auth.annualRate ?? 0
        if req.version == "v2.5.1" { body.append(("annual_rates", Accounts.ratesJSON(rate, qc: a.isQC))) }
        else { body.append(("apr", .number(Decimal4.format(rate)))) }
        body.append(("fees", Accounts.feesJSON(plan)))
        if let captureId { body.append(("capture_id", .int(captureId))) }
        body.append(("available_credit", .money(a.available)))
        body.append(("date", .string(Time.iso(req.now))))
        body.append(("message", .string(autoCapture ? "Purchase approved and captured." : "Purchase authorized.")))
        return Reply(body: .object(body))
    }

    static func financingJSON(_ a: AuthorizationState) -> JSON {
        var f: [(String, JSON)] = [("transaction_type", .string(a.transactionType))]
        if let p = a.planId { f.append(("plan_id", .int(p))) }
        if let t = a.term { f.append(("term", .int(t))) }
        return .object(f)
    }

    static func newCapture(_ state: inout State, auth: inout AuthorizationState, amount: Int64, reference: String?,
                           now: Int64) -> CaptureState {
        state.nextCaptureId += 1
        let c = CaptureState(id: state.nextCaptureId, authorizationId: auth.id, amount: amount, remaining: amount,
                             createdAt: now, reference: reference ?? auth.reference)
        state.captures[c.id] = c
        auth.captureIds.append(c.id)
        auth.remaining -= amount
        if auth.remaining == 0 { auth.status = "closed" }
        return c
    }

    /// The path's authorization, owned by the caller: non-numeric id → wrong_inputs; unknown → not_found.
    static func pathAuthorization(_ state: State, _ req: APIRequest) throws -> AuthorizationState {
        var v = Validator()
        let raw = req.pathParams["authorizationId"] ?? ""
        if !raw.isAllASCIIDigits || raw.count > 16 {
            v.fail("authorization_id", "invalid", "authorization_id must be a number of up to 16 digits", .string(raw))
        }
        try v.check(route: req.route)
        guard let id = Int64(raw), let a = state.authorizations[id], a.clientId == req.client?.id else {
            throw APIError.notFound(route: req.route, message: "Authorization ID \(raw) not found")
        }
        return a
    }

    // MARK: release

    static func release(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        let amountField = req.field("amount")
        let full = v.bool("full_release", req.field("full_release")) ?? false
        let amount = amountField == nil ? nil : v.money("amount", amountField)
        let reference = v.string("reference", req.field("reference"), maxLength: 40)
        let location = v.string("external_location_id", req.field("external_location_id"), maxLength: 50, allowNumber: true)
        let employee = v.string("external_employee_id", req.field("external_employee_id"), maxLength: 50, allowNumber: true)
        var auth = try pathAuthorization(state, req)
        try v.check(route: req.route)
        var a = try Common.account(state, auth.accountNumber, route: req.route)
        try Common.generalErrorTrigger(req, account: a)
        try Common.location(req.client, location, route: req.route)
        try Common.employee(req.client, employee, may: "release", route: req.route)
        if auth.status == "closed" { throw APIError.documented("authorization_ended", route: req.route) }
        if auth.status == "unauthorized" { throw APIError.documented("authorization_unauthorized", route: req.route) }
        // ASSUMPTION (Flexiti's API reference is silent): no amount, or full_release=true, releases everything left.
        let releasing = (full || amount == nil) ? auth.remaining : (amount ?? 0)
        if releasing > auth.remaining {
            throw APIError.documented("auth_amount_exceeded", route: req.route,
                                      message: "Release amount \(Common.dollars(releasing)) is greater than the remaining authorization amount \(Common.dollars(auth.remaining))")
        }
        auth.remaining -= releasing
        auth.releases.append(ReleaseState(amount: releasing, at: req.now, reference: reference))
        if auth.remaining == 0 { auth.status = "closed" }
        state.authorizations[auth.id] = auth
        a.available = min(a.creditLimit, a.available + releasing)
        state.accounts[a.number] = a
        return Reply(body: .object([
            ("authorization_id", .int(auth.id)), ("amount", .money(releasing)),
            ("remaining_authorization_amount", .money(auth.remaining)),
            ("authorization_status", .string(auth.status)), ("date", .string(Time.iso(req.now))),
        ]))
    }

    // MARK: capture

    static func capture(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        let amount = v.money("amount", req.field("amount"))
        let reference = v.string("reference", req.field("reference"), maxLength: 40)
        let location = v.string("external_location_id", req.field("external_location_id"), maxLength: 50, allowNumber: true)
        let employee = v.string("external_employee_id", req.field("external_employee_id"), maxLength: 50, allowNumber: true)
        Transactions.validateSku(&v, req.field("sku_data"))
        var auth = try pathAuthorization(state, req)
        try v.check(route: req.route)
        guard let amount else { throw APIError.wrongInputs([], route: req.route) }
        let a = try Common.account(state, auth.accountNumber, route: req.route)
        try Common.generalErrorTrigger(req, account: a)
        try Common.location(req.client, location, route: req.route)
        try Common.employee(req.client, employee, may: "capture", route: req.route)
        if auth.status == "closed" { throw APIError.documented("authorization_ended", route: req.route) }
        if auth.status == "unauthorized" || auth.status == "onhold" {
            throw APIError.documented("not_permitted", route: req.route,
                                      message: "Credit authorization has \"\(auth.status)\" status")
        }
        if amount > auth.remaining {
            throw APIError.documented("auth_amount_exceeded", route: req.route,
                                      message: "Capture amount \(Common.dollars(amount)) is greater than the remaining authorization amount \(Common.dollars(auth.remaining))")
        }
        let c = newCapture(&state, auth: &auth, amount: amount, reference: reference, now: req.now)
        state.authorizations[auth.id] = auth
        return Reply(body: .object([
            ("capture_id", .int(c.id)), ("authorization_id", .int(auth.id)),
            ("reference", c.reference.map(JSON.string) ?? .null), ("date", .string(Time.iso(c.createdAt))),
            ("amount", .money(amount)), ("remaining_authorization_amount", .money(auth.remaining)),
            ("authorization_status", .string(auth.status)),
        ]))
    }

    // MARK: return

    static let returnWindowDays: Int64 = 100

    static func returnCapture(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        let full = v.bool("full_return", req.field("full_return")) ?? false
        let amountField = req.field("amount")
        let amount = (full && amountField == nil) ? nil : v.money("amount", amountField)
        let reference = v.string("reference", req.field("reference"), maxLength: 40)
        let vcc = v.vcc("vcc_number", req.field("vcc_number"))
        let location = v.string("external_location_id", req.field("external_location_id"), maxLength: 50, allowNumber: true)
        let employee = v.string("external_employee_id", req.field("external_employee_id"), maxLength: 50, allowNumber: true)
        Transactions.validateSku(&v, req.field("sku_data"))
        let rawCapture = req.pathParams["captureId"] ?? ""
        if !rawCapture.isAllASCIIDigits || rawCapture.count > 9 {
            v.fail("capture_id", "invalid", "capture_id must be a number of up to 9 digits", .string(rawCapture))
        }
        var auth = try pathAuthorization(state, req)
        try v.check(route: req.route)
        guard let cid = Int64(rawCapture), var capture = state.captures[cid], capture.authorizationId == auth.id else {
            throw APIError.notFound(route: req.route, message: "Capture ID \(rawCapture) not found on authorization \(auth.id)")
        }
        var a = try Common.account(state, auth.accountNumber, route: req.route)
        try Common.generalErrorTrigger(req, account: a)
        try Common.accountType(req.client, a, route: req.route)
        try Common.location(req.client, location, route: req.route)
        try Common.employee(req.client, employee, may: "return", route: req.route)
        try Common.vcc(state, vcc, belongsTo: a, route: req.route)
        if auth.transactionType != "promotional_purchase" {
            throw APIError.documented("wrong_transaction_type", route: req.route,
                                      message: "Capture \(cid) is a regular purchase; use POST accounts/{account_number}/refund")
        }
        if req.now - capture.createdAt > returnWindowDays * Time.day {
            throw APIError.documented("return_date_exceeded", route: req.route,
                                      message: "Capture \(cid) was created on \(Time.date(capture.createdAt)), more than 100 days ago")
        }
        let returning = full ? capture.remaining : (amount ?? 0)
        if returning > capture.remaining || returning == 0 {
            throw APIError.documented("capture_amount_exceeded", route: req.route,
                                      message: "Return amount \(Common.dollars(returning)) is greater than the remaining captured amount \(Common.dollars(capture.remaining))")
        }
        capture.remaining -= returning
        let rid = Accounts.nextReturnId(&state)
        capture.returns.append(ReturnState(id: rid, amount: returning, at: req.now, reference: reference))
        state.captures[cid] = capture
        a.available = min(a.creditLimit, a.available + returning)
        state.accounts[a.number] = a
        auth = state.authorizations[auth.id] ?? auth
        return Reply(body: .object([
            ("return_id", .int(rid)), ("reference", (reference ?? capture.reference).map(JSON.string) ?? .null),
            ("capture_id", .int(cid)), ("date", .string(Time.iso(req.now))), ("amount", .money(returning)),
            ("remaining_capture_amount", .money(capture.remaining)),
            ("remaining_authorization_amount", .money(auth.remaining)),
        ]))
    }
}
