/// POST transactions (Flexiti's API reference): deposits, in-store payments, trade-ins.
/// ASSUMPTIONS (docs/sandbox.md): `instore_payment` is a payment (credits the account, counts toward
/// the $10,000 / rolling-24 h cap); `deposit` is a deposit on a purchase drawn from the credit line
/// (needs open-to-buy, else not_enough_credit); `tradein` credits the account.
enum Transactions {
    static let types = ["deposit", "instore_payment", "tradein"]
    static let dailyPaymentCap: Int64 = 1_000_000

    /// sku_data is informational (Flexiti does not validate it); only its shape is checked.
    static func validateSku(_ v: inout Validator, _ sku: JSON?) {
        guard let sku else { return }
        guard case .object = sku else {
            v.fail("sku_data", "type", "sku_data must be an object", sku)
            return
        }
        _ = v.string("purchase_order", sku["purchase_order"], maxLength: 10)
        _ = v.string("register_id", sku["register_id"], maxLength: 50)
        for k in ["shipping_total", "transaction_discount_total", "transaction_subtotal", "transaction_total", "gst_hst", "pst"] {
            if let x = sku[k], !x.isNull { _ = v.money(k, x, allowZero: true, allowNegative: true) }
        }
        if let p = sku["products"], !p.isNull, p.arrayValue == nil { v.fail("products", "type", "products must be a list", p) }
    }

    static func handle(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        _ = v.lang(req)
        let typeValue = req.field("transaction_type")
        if typeValue == nil { v.fail("transaction_type", "required", "transaction_type is required", nil) }
        else if typeValue?.stringValue == nil { v.fail("transaction_type", "type", "transaction_type must be a string", typeValue) }
        let amount = v.money("amount", req.field("amount"))
        let vcc = v.vcc("vcc_number", req.field("vcc_number"))
        let accountNumber = v.integer("account_number", req.field("account_number"), digits: 14, required: false)
        let customerId = v.string("customer_id", req.field("customer_id"), maxLength: 20, allowNumber: true)
        if req.field("verification_code") != nil { _ = v.integer("verification_code", req.field("verification_code"), digits: 8) }
        let requestId = v.string("request_id", req.field("request_id"), maxLength: 150, allowNumber: true)
        let location = v.string("external_location_id", req.field("external_location_id"), maxLength: 50, allowNumber: true)
        _ = v.string("external_employee_id", req.field("external_employee_id"), maxLength: 50, allowNumber: true)
        let given = [vcc != nil || req.field("vcc_number") != nil, accountNumber != nil || req.field("account_number") != nil,
                     customerId != nil || req.field("customer_id") != nil]
        if !given.contains(true) {
            v.fail("account_number", "required", "one of vcc_number, account_number or customer_id is required", nil)
        } else if given[2] && (given[0] || given[1]) {
            v.fail("customer_id", "invalid", "send customer_id alone, or account_number and/or vcc_number", req.field("customer_id"))
        }
        try v.check(route: req.route)
        guard let amount, let type = typeValue?.stringValue else { throw APIError.wrongInputs([], route: req.route) }
        guard types.contains(type) else {
            throw APIError.documented("invalid_transaction_type", route: req.route,
                                      message: "transaction_type must be deposit, instore_payment or tradein (got \(type))")
        }

        // Identify the account.
        var account: AccountState
        if let accountNumber {
            account = try Common.account(state, accountNumber, route: req.route)
            try Common.vcc(state, vcc, belongsTo: account, route: req.route)
        } else if let vcc {
            guard let (a, _) = state.account(vcc: vcc) else { throw APIError.notFound(route: req.route, message: "VCC \(vcc) not found") }
            account = a
        } else {
            guard let (a, _) = state.account(customerId: customerId ?? "") else {
                throw APIError.notFound(route: req.route, message: "Customer \(customerId ?? "") not found")
            }
            account = a
        }
        try Common.generalErrorTrigger(req, account: account)
        try Common.accountType(req.client, account, route: req.route)
        if !account.seed.activated { throw APIError.documented("user_not_active", route: req.route) }
        if account.status != "N" {
            throw APIError.documented("user_not_able_to_purchase", route: req.route,
                                      message: "Customer account status is \(account.status) (\(account.reasonCode)); only N (NNOR) may transact")
        }
        try Common.location(req.client, location, route: req.route)
        guard let code = req.field("verification_code")?.scalarText else {
            throw APIError.documented("verification_code_required", route: req.route)
        }
        let pin: PinState
        switch Verify.check(state, account: account.number, code: code, requestId: requestId, now: req.now) {
        case .ok(let p): pin = p
        case .wrongCode: throw APIError.documented("wrong_verification_code", route: req.route)
        case .wrongRequest:
            throw APIError.documented("not_verified", route: req.route,
                                      message: "request_id does not match the one sent to /verify for this verification code")
        }
        switch type {
        case "deposit":
            if amount > account.available {
                throw APIError.documented("not_enough_credit", route: req.route,
                                          message: "Deposit \(Common.dollars(amount)) exceeds the available credit \(Common.dollars(account.available))")
            }
            account.available -= amount
        case "instore_payment":
            let window = req.now - Time.day
            account.payments.removeAll { $0.0 <= window }
            let today = account.payments.reduce(Int64(0)) { $0 + $1.1 }
            if today + amount > dailyPaymentCap {
                throw APIError.documented("limit_payment_amount_24", route: req.route,
                                          message: "Payments of \(Common.dollars(today + amount)) in 24 h would exceed the $10,000.00 daily limit")
            }
            account.payments.append((req.now, amount))
            account.available = min(account.creditLimit, account.available + amount)
        default:
            account.available = min(account.creditLimit, account.available + amount)
        }
        Verify.consume(&state, pin)
        state.accounts[account.number] = account
        state.nextTransactionId += 1
        let id = state.nextTransactionId
        state.transactions.append(TransactionState(id: id, clientId: req.client?.id ?? "", accountNumber: account.number,
                                                   type: type, amount: amount, at: req.now))
        return Reply(body: .object([
            ("transaction_id", .int(id)), ("transaction_type", .string(type)), ("amount", .money(amount)),
            ("account_number", .int(account.number)), ("available_credit", .money(account.available)),
            ("date", .string(Time.iso(req.now))),
        ]))
    }
}
