/// How a customer is identified for lookup (Flexiti's API reference: exactly one identifier).
package enum CustomerKey: Sendable {
    case accountNumber(String)
    case vccNumber(String)
    case customerId(String)

    var param: String {
        switch self {
        case .accountNumber: return "account_number"
        case .vccNumber: return "vcc_number"
        case .customerId: return "customer_id"
        }
    }
    var value: String {
        switch self {
        case let .accountNumber(v), let .vccNumber(v), let .customerId(v): return v
        }
    }
}

/// A customer account as returned by lookup or search. Unknown fields are kept in
/// `json` and ignored, as the compatibility policy asks.
package struct Customer: AnswerRecord {
    package let json: JSONNode

    package init(json: JSONNode) { self.json = json }

    package func text(_ key: String) -> String? { json[key]?.text }
    package var accountType: String? { accountTypeNode?.text }
    package var accountTypeNode: JSONNode? { json["customer_account_type"]?.withTextOnly ?? json["account_type"]?.withTextOnly }
    package var creditLimitCents: Int64? { json["credit_limit"]?.cents }
    package var availableCreditCents: Int64? { json["available_credit"]?.cents }
    package var securityQuestionId: Int64? { json["security_qid"]?["id"]?.int64 }
    package var securityQuestionText: String? { json["security_qid"]?["text"]?.text }
    /// offer_types[] of lookup: plan_name, plan_id, offer_category, term_options.
    package var offerTypes: JSONNode? { json["offer_types"] }
    /// Release 21.4 masks email and phone of authorized-user cards looked up by VCC; the masked
    /// values carry '*' in place of characters.
    package var contactMasked: Bool {
        func masked(_ key: String) -> Bool { json[key]?.withText { $0.contains(UInt8(ascii: "*")) } ?? false }
        return masked("email") || masked("phone_number")
    }
}

/// Search criteria: first name, last name and date of birth required, postal code optional.
package struct CustomerSearch: Sendable {
    package var firstName: String
    package var lastName: String
    /// YYYY-MM-DD
    package var dob: String
    /// Six characters without a space; nil to leave it out.
    package var postalCode: String?

    package init(firstName: String, lastName: String, dob: String, postalCode: String? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.dob = dob
        self.postalCode = postalCode
    }
}

extension Session {
    /// GET customers/lookup by one identifier.
    package func lookupCustomer(_ key: CustomerKey) -> Result<Customer, FlexitiError> {
        var call = APICall(Endpoints.customersLookup)
        call.pathParams = ["client_id": configuration.clientId]
        call.query = [(key.param, key.value)]
        return send(call).flatMap { $0.object("lookup").map(Customer.init(json:)) }
    }
}

extension Session {
    /// GET customers/search. At least one match on success: zero matches is always
    /// `not_found`, whether the server answers 404 (ASSUMPTION, Flexiti's API reference silent) or an empty array,
    /// so callers have one branch for "nobody found".
    package func searchCustomers(_ q: CustomerSearch) -> Result<[Customer], FlexitiError> {
        var call = APICall(Endpoints.customersSearch)
        call.pathParams = ["client_id": configuration.clientId]
        call.query = [("first_name", q.firstName), ("last_name", q.lastName), ("dob", q.dob)]
        if let p = q.postalCode { call.query.append(("postal_code", p)) }
        return send(call).flatMap(Session.searchMatches)
    }

    static func searchMatches(_ r: APIResponse) -> Result<[Customer], FlexitiError> {
        // One object instead of an array is accepted as one match (lookup's shape).
        let items = r.json.arrayValue ?? (r.json.isObject && r.json["customer_id"] != nil ? [r.json] : nil)
        guard let items, items.allSatisfy(\.isObject) else {
            return .failure(r.failure(.malformedResponse, "search answer is not a JSON array of accounts"))
        }
        guard !items.isEmpty else {
            var e = r.failure(.notFound, "no customer account matches (empty result)")
            e.scenario = ScenarioLookup.scenario(method: "GET", endpoint: Endpoints.customersSearch.template, error: "not_found", status: 404)
            return .failure(e)
        }
        return .success(items.map(Customer.init(json:)))
    }
}

/// The answer of a call refused before it leaves, shaped like the server's (wrong_inputs with
/// field errors) so callers handle one shape. The rules are in Validation/.
package enum ParameterCheck {
    static func wrongInputs(_ errors: [FieldError]) -> FlexitiError {
        var e = FlexitiError(.wrongInputs, "Some inputs are wrong!")
        e.apiError = "wrong_inputs"
        e.scenario = "Invalid parameter"
        e.fieldErrors = errors
        return e
    }
}
