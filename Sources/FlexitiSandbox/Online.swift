import Foundation

/// Online channel and customer-facing endpoints: widget/init, apply, i18n, terms-and-conditions,
/// customers/driverslicense, and the deprecated merchants/login (Flexiti's API reference).
enum Online {
    static let provinces = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]

    /// personal_information from customer_identification (init shape) or the top level (lenient).
    static func personal(_ req: APIRequest) -> JSON? {
        req.field("customer_identification")?["personal_information"] ?? req.field("personal_information")
    }

    static func validatePersonal(_ v: inout Validator, _ p: JSON?) -> (String, String, String, String)? {
        guard let p, case .object = p else {
            v.fail("personal_information", "required", "customer_identification.personal_information is required", p)
            return nil
        }
        let f = v.string("first_name", p["first_name"], maxLength: 80, required: true)
        let l = v.string("last_name", p["last_name"], maxLength: 130, required: true)
        let d = v.date("dob", p["dob"], required: true)
        let pc = v.string("postal_code", p["postal_code"], maxLength: 10)
        _ = v.string("middle_name", p["middle_name"], maxLength: 80)
        guard let f, let l, d != nil, let dob = p["dob"]?.stringValue else { return nil }
        return (f, l, dob, pc ?? "")
    }

    /// The apply-only contact fields shared by widget/init (flow=apply) and apply.
    static func validateContact(_ v: inout Validator, _ req: APIRequest) {
        let email = v.string("email", req.field("email"), maxLength: 100, required: true)
        if let email, !(email.contains("@") && email.split(separator: "@").count == 2 && email.contains(".")) {
            v.fail("email", "invalid", "email has a wrong format", req.field("email"))
        }
        if let ph = req.field("phone_number") {
            if let s = ph.scalarText, s.isAllASCIIDigits {
                if s.count != 10 { v.fail("phone_number", "length", "phone_number must have 10 digits", ph) }
            } else { v.fail("phone_number", "type", "phone_number must be a number", ph) }
        } else { v.fail("phone_number", "required", "phone_number is required", nil) }
        _ = v.string("address_1", req.field("address_1"), maxLength: 250, required: true)
        _ = v.string("address_2", req.field("address_2"), maxLength: 100)
        _ = v.string("city", req.field("city"), maxLength: 100, required: true)
        _ = v.oneOf("province", req.field("province"), provinces, required: true)
        _ = v.oneOf("account_type", req.field("account_type"), ["consumer", "business"])
    }

    // MARK: widget/init

    static func widgetInit(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        let lang = v.lang(req)
        let flow = v.oneOf("flow", req.field("flow"), ["purchase", "apply"], required: true)
        let ident = req.field("customer_identification")
        var accountNumber: Int64?
        var vcc: String?
        var personalInfo: JSON?
        if flow == "purchase" {
            if let ident, case .object(let pairs) = ident {
                let keys = pairs.map(\.0).filter { ["account_number", "vcc_number", "personal_information"].contains($0) }
                if keys.count != 1 {
                    v.fail("customer_identification", "invalid",
                           "send exactly one of account_number, vcc_number or personal_information", ident)
                }
                if ident["account_number"] != nil { accountNumber = v.integer("account_number", ident["account_number"], digits: 14) }
                if ident["vcc_number"] != nil { vcc = v.vcc("vcc_number", ident["vcc_number"]) }
                if ident["personal_information"] != nil {
                    _ = validatePersonal(&v, ident["personal_information"])
                    personalInfo = ident["personal_information"]
                }
            } else {
                v.fail("customer_identification", "required", "customer_identification is required for flow=purchase", ident)
            }
        } else if flow == "apply" {
            _ = validatePersonal(&v, personal(req))
            personalInfo = personal(req)
            if req.field("tos_agreement") == nil { v.fail("tos_agreement", "required", "tos_agreement is required", nil) }
            else if v.bool("tos_agreement", req.field("tos_agreement")) == false {
                v.fail("tos_agreement", "invalid", "tos_agreement must be true", req.field("tos_agreement"))
            }
            validateContact(&v, req)
        }
        try v.check(route: req.route)
        try Common.generalErrorTrigger(req, account: nil)
        if let vcc {
            guard let n = state.vccs[vcc]?.0 else { throw APIError.documented("not_found", route: req.route, message: "Customer Account number could not be found", status: 409) }
            accountNumber = n
        } else if let n = accountNumber, state.accounts[n] == nil {
            // general_errors.tsv: 409 not_found, "Customer Account number could not be found".
            throw APIError.documented("not_found", route: req.route, message: "Customer Account number could not be found",
                                      status: 409)
        }
        let id = UUID().uuidString.lowercased()
        state.widgetSessions[id] = WidgetSession(id: id, clientId: req.client?.id ?? "", accessToken: req.accessToken ?? "",
                                                 flow: flow ?? "purchase", accountNumber: accountNumber,
                                                 personalInformation: personalInfo, apply: flow == "apply" ? req.body : nil)
        let host = req.header("host") ?? "127.0.0.1"
        let url = "http://\(host)/#/widget/\(req.client?.id ?? "")/\(req.accessToken ?? "")?lang=\(lang)"
            + "&x-reference-id=\(req.referenceId)&widget_session_id=\(id)"
        // Extension: the sandbox has no widget UI; the session counts as completed at once, and its id
        // is also returned as a field so tests need not parse the URL.
        return Reply(body: .object([("redirection_url", .string(url)), ("widget_session_id", .string(id))]))
    }

    // MARK: apply

    static let limits: [String: Int64] = ["L": 1_000_000, "M": 750_000, "H": 500_000, "X": 300_000, "Y": 150_000, "Z": 100_000]

    static func apply(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        _ = v.lang(req)
        let p = validatePersonal(&v, personal(req))
        validateContact(&v, req)
        _ = v.oneOf("salutation", req.field("salutation"), ["mr", "ms", "mrs", "mss"])
        if let sin = req.field("sin") { _ = v.integer("sin", sin, digits: 9) }
        _ = v.oneOf("housing_type", req.field("housing_type"), ["own", "rent", "parents", "other"])
        for k in ["household_income", "personal_income", "monthly_housing_expenses"] where req.field(k) != nil {
            _ = v.money(k, req.field(k), allowZero: true)
        }
        let session = v.string("widget_session_id", req.field("widget_session_id"), maxLength: 64, allowNumber: true)
        let location = v.string("external_location_id", req.field("external_location_id"), maxLength: 50, allowNumber: true)
        let creditApp = v.integer("creditapp_id", req.field("creditapp_id"), digits: 16, required: false)
        if let tos = req.field("tos_agreement"), tos.boolValue == nil, tos.stringValue != "true", tos.stringValue != "false" {
            v.fail("tos_agreement", "invalid", "tos_agreement must be true or false", tos)
        }
        try v.check(route: req.route)
        guard let (first, last, dob, postal) = p else { throw APIError.wrongInputs([], route: req.route) }
        try Common.generalErrorTrigger(req, account: nil)
        let tos = req.field("tos_agreement")
        if !(tos?.boolValue == true || tos?.stringValue == "true") { throw APIError.documented("tos_agreement_required", route: req.route) }

        if let session {
            guard let s = state.widgetSessions[session], s.flow == "apply", s.accessToken == req.accessToken,
                  let initial = s.personalInformation, samePerson(initial, personal(req)) else {
                throw APIError.documented("not_verified", route: req.route)
            }
        } else if req.token?.scope == "customer" {
            throw APIError.documented("not_verified", route: req.route,
                                      message: "widget_session_id is required for the online channel")
        } else {
            guard let location else {
                throw APIError.wrongInputs([FieldError(param: "external_location_id", msg: "external_location_id is required in store",
                                                       value: .null, type: "required")], route: req.route)
            }
            try Common.location(req.client, location, route: req.route)
        }
        let accountType = req.field("account_type")?.stringValue ?? "consumer"
        if let m = req.client?.merchant, !m.acceptedAccountTypes.contains(accountType) {
            throw APIError.documented("account_type_not_permitted", route: req.route)
        }
        if let creditApp, state.applications[creditApp] == nil {
            throw APIError.documented("creditapp_id_not_found", route: req.route)
        }
        if state.accounts.values.contains(where: {
            $0.seed.firstName.lowercased() == first.lowercased() && $0.seed.lastName.lowercased() == last.lowercased()
                && $0.seed.dob == dob
        }) {
            throw APIError.documented("customer_already_exists", route: req.route)
        }

        // Test convention (Flexiti's API reference): the middle name picks the decision.
        let middle = (personal(req)?["middle_name"]?.stringValue ?? req.field("middle_name")?.stringValue ?? "").uppercased()
        let acceptsStandard = req.client?.merchant.acceptsNonprime ?? false
        var risk = "M"
        func pending(_ code: String) throws -> Never {
            state.nextAccountNumber += 1
            let appId = 5_000_000_000 + state.nextAccountNumber
            state.applications[appId] = req.body
            var e = APIError.documented(code, route: req.route)
            e.message += " (creditapp_id \(appId))"
            throw e
        }
        switch middle {
        case "D-MISSING_INFO", "D-NO_HIT", "D-NO_SCORE": throw APIError.documented("application_declined", route: req.route)
        case "D-DUPLICATE": throw APIError.documented("application_declined_2", route: req.route)
        case "D-FRAUD": throw APIError.documented("application_declined_3", route: req.route)
        case "P-REVIEW_MISC", "P-EXIST_CUST", "P-MISSING_INFO": try pending("application_marked_pending_1")
        case "P-CREDIT", "P-FRAUD": try pending("application_marked_pending_2")
        case "D-EMAIL_DBL_TIMEOUT": throw APIError.documented("application_create_error", route: req.route)
        case "A-RR_L": risk = "L"
        case "A-RR_M": risk = "M"
        case "A-RR_H": risk = "H"
        case "A-RR_X": risk = "X"
        case "A-RR_XX", "A-RR_XXX":
            guard acceptsStandard else { throw APIError.documented("application_declined", route: req.route) }
            risk = middle == "A-RR_XX" ? "Y" : "Z"
        default: risk = "M"
        }
        if let creditApp { state.applications[creditApp] = nil }

        state.nextAccountNumber += 1
        let number = state.nextAccountNumber
        let limit = limits[risk] ?? 500_000
        let vcc = "10700152" + String(number).suffix(8)
        let seed = SandboxSeed.Account(
            accountNumber: number, customerId: String(900_000 + number % 100_000), firstName: first, lastName: last, dob: dob,
            accountStatus: "N", accountStatusReasonCode: "NNOR", activated: true, riskRating: risk,
            province: req.field("province")?.stringValue ?? "ON", accountType: accountType,
            creditLimit: Money.format(limit), availableCredit: Money.format(limit), securityQid: 4, securityAnswer: "sandbox",
            piw: nil, phoneNumber: req.field("phone_number")?.scalarText, email: req.field("email")?.stringValue,
            address1: req.field("address_1")?.stringValue ?? "", address2: req.field("address_2")?.stringValue,
            city: req.field("city")?.stringValue ?? "", postalCode: postal, paymentProtection: false,
            preferredLanguage: req.query("lang") == "fr" ? "fr-CA" : "en-CA", tosAgreement: true,
            creationDate: Time.date(req.now), originatingMerchantId: req.client?.merchant.merchantId ?? 0,
            originatingMerchantName: req.client?.merchant.merchantName ?? "", vccs: [SandboxSeed.Vcc(vccNumber: vcc)],
            trigger: nil, note: "created by /apply")
        state.accounts[number] = AccountState(seed: seed, creditLimit: limit, available: limit, status: "N", reasonCode: "NNOR")
        state.vccs[vcc] = (number, nil)
        return Reply(body: .object([
            ("decision", .string("approved")), ("account_number", .int(number)), ("customer_id", .string(seed.customerId)),
            ("credit_limit", .money(limit)), ("available_credit", .money(limit)), ("vcc_number", .string(vcc)),
            ("risk_rating", .string(risk)), ("account_type", .string(accountType)),
        ]))
    }

    static func samePerson(_ a: JSON, _ b: JSON?) -> Bool {
        guard let b else { return false }
        func norm(_ j: JSON, _ k: String) -> String { (j[k]?.scalarText ?? "").lowercased().filter { $0 != " " } }
        return ["first_name", "last_name", "dob", "postal_code"].allSatisfy { norm(a, $0) == norm(b, $0) }
    }

    // MARK: i18n, terms-and-conditions

    static func formValues(_ state: State, lang: String) -> [(String, JSON)] {
        let fr = lang == "fr"
        func list(_ items: [(String, String, String)]) -> JSON {
            .array(items.map { .object([("value", .string($0.0)), ("text", .string(fr ? $0.2 : $0.1))]) })
        }
        let provinceNames: [(String, String, String)] = [
            ("AB", "Alberta", "Alberta"), ("BC", "British Columbia", "Colombie-Britannique"), ("MB", "Manitoba", "Manitoba"),
            ("NB", "New Brunswick", "Nouveau-Brunswick"), ("NL", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador"),
            ("NS", "Nova Scotia", "Nouvelle-Écosse"), ("NT", "Northwest Territories", "Territoires du Nord-Ouest"),
            ("NU", "Nunavut", "Nunavut"), ("ON", "Ontario", "Ontario"), ("PE", "Prince Edward Island", "Île-du-Prince-Édouard"),
            ("QC", "Quebec", "Québec"), ("SK", "Saskatchewan", "Saskatchewan"), ("YT", "Yukon", "Yukon"),
        ]
        return [
            ("salutation", list([("mr", "Mr.", "M."), ("ms", "Ms.", "Mme"), ("mrs", "Mrs.", "Mme"), ("mss", "Miss.", "Mlle")])),
            ("province", list(provinceNames)),
            ("security_qid", .array(state.securityQuestions.keys.sorted().compactMap { id in
                state.securityQuestions[id].map { .object([("value", .int($0.id)), ("text", .string(fr ? $0.fr : $0.en))]) }
            })),
            ("govid_type", list([("CADL", "Driver's Licence", "Permis de conduire"), ("CAHC", "Health Card", "Carte santé"),
                                 ("CAPID", "Provincial ID", "Carte d'identité provinciale"), ("CAP", "Passport", "Passeport"),
                                 ("CAPRC", "Permanent Resident Card", "Carte de résident permanent")])),
            ("housing_type", list([("own", "Own", "Propriétaire"), ("rent", "Rent", "Locataire"),
                                   ("parents", "Live with parents", "Chez les parents"), ("other", "Other", "Autre")])),
            ("preferred_language", list([("en-CA", "English", "Anglais"), ("fr-CA", "French", "Français")])),
        ]
    }

    static func i18n(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        let lang = v.lang(req)
        try v.check(route: "/client-id/{client_id}/i18n")
        try Common.generalErrorTrigger(req, account: nil)
        return Reply(body: .object([("lang", .string(lang)), ("form_values", .object(formValues(state, lang: lang)))]))
    }

    static func terms(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        let lang = v.lang(req)
        let province = v.oneOf("province", req.q("province"), provinces)
        _ = v.oneOf("account_type", req.q("account_type"), ["consumer", "business"])
        try v.check(route: req.route)
        let text = lang == "fr"
            ? "<h1>Convention du titulaire de carte Flexiti (bac à sable)</h1><p>Texte d'essai, sans valeur contractuelle.</p>"
            : "<h1>Flexiti Cardholder Agreement (sandbox)</h1><p>Test text with no contractual value.</p>"
        return Reply(body: .object([("lang", .string(lang)), ("province", province.map(JSON.string) ?? .null),
                                    ("version", .string("sandbox-1")), ("terms_and_conditions", .string(text))]))
    }

    // MARK: driverslicense

    /// Decodes the AAMVA PDF417 text (element ids DCS, DAC, DAD, DBB, DAG, DAI, DAJ, DAK, DAQ, DBA).
    static func driversLicense(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        let code = v.string("code", req.field("code"), maxLength: 4000, required: true)
        try v.check(route: req.route)
        var f: [String: String] = [:]
        for raw in (code ?? "").split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(raw)
            if line.hasPrefix("ANSI") || line.hasPrefix("@"), let r = line.range(of: "DL", options: .backwards) { line = line[r.upperBound...] }
            guard line.count > 3 else { continue }
            f[String(line.prefix(3))] = String(line.dropFirst(3)).trimmingWhitespace()
        }
        func date(_ s: String?) -> String? {
            guard let s, s.count == 8, s.isAllASCIIDigits else { return nil }
            let a = Array(s)
            // CCYYMMDD (Canada) or MMDDCCYY (US).
            if let y = Int(String(a[0..<4])), y > 1900 { return "\(String(a[0..<4]))-\(String(a[4..<6]))-\(String(a[6..<8]))" }
            return "\(String(a[4..<8]))-\(String(a[0..<2]))-\(String(a[2..<4]))"
        }
        guard let last = f["DCS"], let first = f["DAC"] ?? f["DCT"], let dob = date(f["DBB"]) else {
            throw APIError.wrongInputs([FieldError(param: "code", msg: "not a readable AAMVA PDF417 driver's licence",
                                                   value: .string(String((code ?? "").prefix(40))), type: "invalid")],
                                       route: req.route)
        }
        let province = f["DAJ"] ?? ""
        return Reply(body: .object([
            ("first_name", .string(first)), ("middle_name", .string(f["DAD"] ?? "")), ("last_name", .string(last)),
            ("dob", .string(dob)), ("address_1", .string(f["DAG"] ?? "")), ("city", .string(f["DAI"] ?? "")),
            ("province", .string(province)), ("postal_code", .string(f["DAK"] ?? "")), ("govid_type", .string("CADL")),
            ("govid_issuedby", .string(province)), ("govid_number", .string(f["DAQ"] ?? "")),
            ("govid_expiry", date(f["DBA"]).map(JSON.string) ?? .null),
        ]))
    }

    // MARK: merchants/login (deprecated since 20.3)

    static func merchantLogin(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        var v = Validator()
        let lang = v.lang(req)
        let user = v.string("merchant_username", req.field("merchant_username"), maxLength: 100)
        let pass = v.string("merchant_password", req.field("merchant_password"), maxLength: 100)
        try v.check(route: req.route)
        guard let client = req.client else { throw APIError.invalidToken("Invalid access token") }
        if user != nil || pass != nil {
            guard user == client.seed.merchantUsername, pass == client.seed.merchantPassword, user != nil else {
                throw APIError.documented("authentication_failure", route: req.route)
            }
        }
        return Reply(body: .object([("merchant_name", .string(client.merchant.merchantName)),
                                    ("merchant_id", .int(client.merchant.merchantId)),
                                    ("form_values", .object(formValues(state, lang: lang)))]))
    }
}
