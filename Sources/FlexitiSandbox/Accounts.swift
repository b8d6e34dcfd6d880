import Foundation

/// POST accounts/{n}/calculate-interest, accounts/{n}/refund, accounts/{n}/close.
enum Accounts {
    /// Regular purchase (revolving) annual interest rate, 4 decimals.
    static let regularAIR: Int64 = 2999

    // MARK: calculate-interest (Flexiti's API reference)

    /// Monthly payment by plain amortisation (ASSUMPTION, Flexiti's API reference), rounded half-up to the cent.
    /// Deferred plans: the whole amount is the deferred amount.
    static func termAmount(amount: Int64, plan: SandboxSeed.Plan, term: Int) -> Int64 {
        guard term > 0 else { return amount }
        if plan.offerCategory == "deferred" { return amount }
        let rate = Decimal4.parse(plan.annualRate) ?? 0
        if rate == 0 { return (amount + Int64(term) - 1) / Int64(term) }  // round up so term × payment ≥ amount
        let p = Decimal(amount)
        let r = Decimal(rate) / Decimal(10000) / Decimal(12)
        let factor = pow(Decimal(1) + r, term)
        var payment = p * r * factor / (factor - Decimal(1))
        var rounded = Decimal()
        NSDecimalRound(&rounded, &payment, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    static func adminFee(_ plan: SandboxSeed.Plan) -> Int64? {
        plan.adminFee.flatMap { try? Money.parse($0).get() }
    }

    static func feesJSON(_ plan: SandboxSeed.Plan?) -> JSON {
        guard let plan, let fee = adminFee(plan) else { return .array([]) }
        return .array([.object([
            ("description", .string("Administrative fees:")), ("amount", .money(fee)), ("type", .string("admin_total")),
            ("message", .string("An administrative fee of \(Common.dollars(fee)) applies to this plan and is charged on the first statement.")),
        ])])
    }

    static func ratesJSON(_ rate: Int64, qc: Bool) -> JSON {
        .object([
            ("description", .string(qc ? "Annual Percentage Rate (credit rate)" : "Annual Percentage Rate")),
            ("rate", .number(Decimal4.format(rate))),
            ("type", .string("apr")),
            ("message", .string("Annual interest rate of \(Decimal4.format(rate * 100).dropLast(2))%"
                                 + (qc ? " (Quebec disclosure: credit rate includes all charges)." : "."))),
        ])
    }

    static func calculateInterest(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        let number = try Common.pathAccountNumber(req)
        var v = Validator()
        _ = v.lang(req)
        let amount = v.money("amount", req.field("amount"))
        try v.check(route: req.route)
        guard let amount else { throw APIError.wrongInputs([], route: req.route) }
        let a = try Common.account(state, number, route: req.route)
        try Common.generalErrorTrigger(req, account: a)
        let merchant = req.client?.merchant
        let v251 = req.version == "v2.5.1"
        let plans = merchant.map { Plans.available($0, for: a) } ?? []
        let promos: [JSON] = plans.map { plan in
            let rate = Decimal4.parse(plan.annualRate) ?? 0
            var entry: [(String, JSON)] = [("plan_id", .int(plan.planId))]
            if v251 { entry.append(("plan_name", .string(plan.planName))) }
            entry.append(("terms", .array(plan.terms.map { term in
                var t: [(String, JSON)] = [("term", .int(term)),
                                           ("term_amount", .money(termAmount(amount: amount, plan: plan, term: term))),
                                           ("fees", feesJSON(plan))]
                if v251 { t.append(("annual_rates", ratesJSON(rate, qc: a.isQC))) } else { t.append(("apr", .number(Decimal4.format(rate)))) }
                return .object(t)
            })))
            return .object(entry)
        }
        var body: [(String, JSON)] = [
            ("account_number", .int(a.number)),
            ("account_type", .string(a.seed.accountType)),
            ("amount", .money(amount)),
            ("customer", .object([
                ("air", .number(Decimal4.format(regularAIR))), ("available_credit", .money(a.available)),
                ("first_name", .string(a.seed.firstName)), ("last_name", .string(a.seed.lastName)),
                ("category_type", .string(a.categoryType)),
            ])),
        ]
        if merchant?.regularPurchaseAllowed == true {
            body.append(("regular_purchase", .object([
                ("term_amount", .money(amount)), ("air", .number(Decimal4.format(regularAIR))), ("fees", .array([])),
                ("verify", .bool(amount <= 20_000 && Verify.bypassQualifies(a, now: req.now))),
            ])))
        } else {
            body.append(("regular_purchase", .null))
        }
        body.append(("promotional_purchase", .array(promos)))
        return Reply(body: .object(body))
    }

    // MARK: refund (Flexiti's API reference)

    static func refund(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        let number = try Common.pathAccountNumber(req)
        var v = Validator()
        let amount = v.money("amount", req.field("amount"))
        let reference = v.string("reference", req.field("reference"), maxLength: 40)
        let location = v.string("external_location_id", req.field("external_location_id"), maxLength: 50, allowNumber: true)
        let employee = v.string("external_employee_id", req.field("external_employee_id"), maxLength: 50, allowNumber: true)
        let vcc = v.vcc("vcc_number", req.field("vcc_number"))
        let captureId = v.integer("capture_id", req.field("capture_id"), digits: 9, required: false)
        Transactions.validateSku(&v, req.field("sku_data"))
        try v.check(route: req.route)
        guard let amount else { throw APIError.wrongInputs([], route: req.route) }

        var a = try Common.account(state, number, route: req.route)
        try Common.generalErrorTrigger(req, account: a)
        try Common.accountType(req.client, a, route: req.route)
        try Common.location(req.client, location, route: req.route)
        try Common.employee(req.client, employee, may: "refund", route: req.route)
        try Common.vcc(state, vcc, belongsTo: a, route: req.route)
        var capture: CaptureState?
        if let captureId {
            guard let c = state.captures[captureId], let auth = state.authorizations[c.authorizationId],
                  auth.accountNumber == number, auth.clientId == req.client?.id else {
                throw APIError.notFound(route: req.route, message: "Capture \(captureId) not found for account \(number)")
            }
            if amount > c.remaining {
                throw APIError.documented("capture_amount_exceeded", route: req.route,
                                          message: "Refund amount \(Common.dollars(amount)) is greater than the remaining captured amount \(Common.dollars(c.remaining))")
            }
            capture = c
        }
        // ASSUMPTION (Flexiti's API reference is silent): a refund may not exceed the balance owed (credit_limit − available_credit).
        let owed = a.creditLimit - a.available
        if amount > owed {
            throw APIError.documented("refunds_limit_exceeded_amount", route: req.route,
                                      message: "Refund amount \(Common.dollars(amount)) exceeds the account balance \(Common.dollars(max(0, owed)))")
        }
        a.available += amount
        state.accounts[number] = a
        if var c = capture {
            c.remaining -= amount
            c.returns.append(ReturnState(id: nextReturnId(&state), amount: amount, at: req.now, reference: reference))
            state.captures[c.id] = c
        }
        state.refunds.append(RefundState(id: Int64(state.refunds.count + 1), clientId: req.client?.id ?? "",
                                         accountNumber: number, amount: amount, captureId: captureId, at: req.now,
                                         reference: reference))
        return Reply(body: .object([]))
    }

    static func nextReturnId(_ state: inout State) -> Int64 {
        state.nextReturnId += 1
        return state.nextReturnId
    }

    // MARK: close (Flexiti's API reference)

    static func close(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        let number = try Common.pathAccountNumber(req)
        var a = try Common.account(state, number, route: req.route)
        // ASSUMPTION: only Quebec accounts can be closed through the API; others → wrong_inputs.
        guard a.isQC else {
            throw APIError.wrongInputs([FieldError(param: "account_number", msg: "only Quebec (QC) accounts can be closed",
                                                   value: .int(number), type: "invalid")], route: req.route)
        }
        a.status = "C"
        a.reasonCode = "FCQC"
        state.accounts[number] = a
        return Reply(body: .object([]))
    }
}
