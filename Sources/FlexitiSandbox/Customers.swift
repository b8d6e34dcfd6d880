/// GET customers/search and GET customers/lookup (Flexiti's API reference).
enum Customers {
    // MARK: lookup

    static func lookup(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        let lang = v.lang(req)
        let ids = ["vcc_number", "account_number", "customer_id"].filter { req.query($0) != nil }
        if ids.isEmpty {
            for p in ["vcc_number", "account_number", "customer_id"] {
                v.fail(p, "required", "one of vcc_number, account_number or customer_id is required", nil)
            }
        } else if ids.count > 1 {
            for p in ids { v.fail(p, "invalid", "send only one of vcc_number, account_number or customer_id", req.q(p)) }
        }
        for p in ["vcc_number", "account_number", "customer_id"] where req.queryCount(p) > 1 {
            v.fail(p, "invalid", "\(p) was sent more than once", req.q(p))
        }
        var found: (AccountState, String?, String?)?   // account, authorized user id, vcc used
        if ids.count == 1 {
            switch ids[0] {
            case "vcc_number":
                if let vcc = v.vcc("vcc_number", req.q("vcc_number")) {
                    try v.check(route: req.route)
                    if let (a, au) = state.account(vcc: vcc) { found = (a, au, vcc) }
                }
            case "account_number":
                if let n = v.integer("account_number", req.q("account_number"), digits: 14) {
                    try v.check(route: req.route)
                    if let a = state.accounts[n] { found = (a, nil, nil) }
                }
            default:
                if let c = v.string("customer_id", req.q("customer_id"), maxLength: 20, required: true, allowNumber: true) {
                    try v.check(route: req.route)
                    if let (a, au) = state.account(customerId: c) { found = (a, au, nil) }
                }
            }
        }
        try v.check(route: req.route)
        guard let (account, authorizedUser, vccUsed) = found else {
            throw APIError.notFound(route: req.route, message: "Customer Account not found")
        }
        try requireActiveNormal(account, route: req.route)
        if let client = req.client, !account.isPrime, !client.merchant.acceptsNonprime {
            throw APIError.documented("merchant_not_support_nonprime_regularpurchase", route: req.route)
        }
        return Reply(body: lookupJSON(state, account, authorizedUser: authorizedUser, vccUsed: vccUsed,
                                      client: req.client, lang: lang))
    }

    /// user_not_active, then user_not_able_to_purchase (status other than N/NNOR).
    static func requireActiveNormal(_ a: AccountState, route: String) throws {
        if !a.seed.activated {
            throw APIError.documented("user_not_active", route: route)
        }
        if a.status != "N" {
            throw APIError.documented("user_not_able_to_purchase", route: route,
                                      message: "Customer account status is \(a.status) (\(a.reasonCode)); only N (NNOR) may purchase")
        }
    }

    static func maskEmail(_ e: String?) -> JSON {
        guard let e, let at = e.firstIndex(of: "@") else { return e.map(JSON.string) ?? .null }
        return .string(String(e[..<at].prefix(1)) + "***" + String(e[at...]))
    }

    static func maskPhone(_ p: String?) -> JSON {
        guard let p else { return .null }
        return .string(String(repeating: "*", count: max(0, p.count - 4)) + String(p.suffix(4)))
    }

    static func lookupJSON(_ state: State, _ a: AccountState, authorizedUser: String?, vccUsed: String?,
                           client: ClientState?, lang: String) -> JSON {
        let s = a.seed
        let q = state.securityQuestions[s.securityQid]
        let vcc = vccUsed ?? s.vccs.first(where: { $0.authorizedUserId == nil })?.vccNumber ?? s.vccs.first?.vccNumber
        let au = authorizedUser.flatMap { id in s.vccs.first { $0.authorizedUserId == id } }
        // Release 21.4: child (authorized-user) cards looked up by VCC get masked email and phone.
        let masked = au != nil && vccUsed != nil
        let offers: [JSON] = (client.map { Plans.available($0.merchant, for: a) } ?? []).map { p in
            .object([("plan_name", .string(p.planName)), ("plan_id", .int(p.planId)),
                     ("offer_category", .string(p.offerCategory)), ("term_options", .array(p.terms.map { .int($0) }))])
        }
        return .object([
            ("available_credit", .money(a.available)),
            ("credit_limit", .money(a.creditLimit)),
            ("account_number", .int(a.number)),
            ("customer_id", .string(au.map { "\(s.customerId)-\($0.authorizedUserId ?? "")" } ?? s.customerId)),
            ("security_qid", .object([("id", .int(s.securityQid)),
                                      ("text", .string((lang == "fr" ? q?.fr : q?.en) ?? ""))])),
            ("email", masked ? maskEmail(s.email) : s.email.map(JSON.string) ?? .null),
            ("phone_number", masked ? maskPhone(s.phoneNumber) : s.phoneNumber.map(JSON.string) ?? .null),
            ("address_1", .string(s.address1)),
            ("address_2", .string(s.address2 ?? "")),
            ("city", .string(s.city)),
            ("postal_code", .string(s.postalCode)),
            ("province", .string(s.province)),
            ("payment_protection", .bool(s.paymentProtection)),
            ("risk_rating", .string(s.riskRating)),
            ("offer_types", .array(offers)),
            ("card_ending_in", vcc.map { .string(String($0.suffix(4))) } ?? .null),
            ("preferred_language", .string(s.preferredLanguage)),
            ("account_type", .string(s.accountType)),
            ("customer_account_type", .string(s.accountType)),
            ("account_status", .string(a.status)),
            ("account_status_reason_code", .string(a.reasonCode)),
            ("first_name", .string(au?.firstName ?? s.firstName)),
            ("last_name", .string(au?.lastName ?? s.lastName)),
            ("tos_agreement", .bool(s.tosAgreement)),
        ])
    }

    // MARK: search

    static func search(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        _ = v.lang(req)
        let first = v.string("first_name", req.q("first_name"), maxLength: 80, required: true)
        let last = v.string("last_name", req.q("last_name"), maxLength: 130, required: true)
        let dob = v.date("dob", req.q("dob"), required: true)
        let postal = v.string("postal_code", req.q("postal_code"), maxLength: 10)
        try v.check(route: req.route)
        guard let first, let last, let dob else { throw APIError.wrongInputs([], route: req.route) }
        func norm(_ s: String) -> String { s.filter { $0 != " " }.uppercased() }
        let matches = state.accounts.values
            .filter { a in
                a.seed.firstName.lowercased() == first.lowercased() && a.seed.lastName.lowercased() == last.lowercased()
                    && Time.parseDate(a.seed.dob) == dob && (postal.map { norm($0) == norm(a.seed.postalCode) } ?? true)
            }
            .sorted { $0.number < $1.number }
        // ASSUMPTION (Flexiti's API reference is silent): no match → 404 not_found rather than [].
        guard !matches.isEmpty else {
            throw APIError.notFound(route: req.route, message: "Customer Account not found")
        }
        return Reply(body: .array(matches.map { a in
            let s = a.seed
            return .object([
                ("customer_id", .string(s.customerId)),
                ("account_status", .string(a.status)),
                ("account_status_reason_code", .string(a.reasonCode)),
                ("tos_agreement", .bool(s.tosAgreement)),
                ("risk_rating", .string(s.riskRating)),
                ("account_number", .int(a.number)),
                ("account_type", .string(s.accountType)),
                ("customer_account_type", .string(s.accountType)),
                ("credit_limit", .money(a.creditLimit)),
                ("available_credit", .money(a.available)),
                ("originating_merchant_id", .int(s.originatingMerchantId)),
                ("originating_merchant_name", .string(s.originatingMerchantName)),
                ("creation_date", .string(s.creationDate)),
                ("first_name", .string(s.firstName)),
                ("last_name", .string(s.lastName)),
                ("card_ending_in", s.vccs.first.map { .string(String($0.vccNumber.suffix(4))) } ?? .null),
                ("preferred_language", .string(s.preferredLanguage)),
            ])
        }))
    }
}

/// Which of a merchant's plans a customer may use (prime-only plans, QC/ROC-only plans).
enum Plans {
    static func available(_ m: SandboxSeed.Merchant, for a: AccountState) -> [SandboxSeed.Plan] {
        m.plans.filter { isAvailable($0, for: a) }
    }

    static func isAvailable(_ p: SandboxSeed.Plan, for a: AccountState) -> Bool {
        if p.primeOnly && !a.isPrime { return false }
        if p.region == "qc" && !a.isQC { return false }
        if p.region == "roc" && a.isQC { return false }
        return true
    }
}
