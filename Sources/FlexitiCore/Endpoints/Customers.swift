/// How a customer is identified for lookup (api-notes.md §6: exactly one identifier).
public enum CustomerKey: Sendable {
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

/// A customer account as returned by lookup (§6) or search (§5). Unknown fields are kept in
/// `json` and ignored, as the compatibility policy asks.
public struct Customer: Sendable {
    public let json: JSONValue

    public init(json: JSONValue) { self.json = json }

    public func text(_ key: String) -> String? { json[key]?.text }
    public var accountType: String? { text("customer_account_type") ?? text("account_type") }
    public var creditLimitCents: Int64? { json["credit_limit"]?.cents }
    public var availableCreditCents: Int64? { json["available_credit"]?.cents }
    public var securityQuestionId: Int64? { json["security_qid"]?["id"]?.int64 }
    public var securityQuestionText: String? { json["security_qid"]?["text"]?.text }
}

extension Session {
    /// GET customers/lookup by one identifier.
    public func lookupCustomer(_ key: CustomerKey) -> Result<Customer, FlexitiError> {
        var call = APICall(Endpoints.customersLookup)
        call.pathParams = ["client_id": configuration.clientId]
        call.query = [(key.param, key.value)]
        return send(call).flatMap { r in
            guard r.json.isObject else {
                return .failure(FlexitiError(.malformedResponse, "lookup answer is not a JSON object"))
            }
            return .success(Customer(json: r.json))
        }
    }
}

/// Checks made before a request leaves, answering like the server would (wrong_inputs with
/// field errors) so callers handle one shape. The rules are in Validation/.
public enum ParameterCheck {
    static func isDigits(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }

    static func wrongInputs(_ errors: [FieldError]) -> FlexitiError {
        var e = FlexitiError(.wrongInputs, "Some inputs are wrong!")
        e.apiError = "wrong_inputs"
        e.scenario = "Invalid parameter"
        e.fieldErrors = errors
        return e
    }

    /// The lookup key checked by the table-driven validator (RequestValidator), as lookup sends it.
    public static func customerKey(_ key: CustomerKey) -> FlexitiError? {
        var call = APICall(Endpoints.customersLookup)
        call.query = [(key.param, key.value)]
        var errors = RequestValidator.validate(call)
        errors.removeAll { $0.param == "client_id" }  // the session's, not the key's
        return errors.isEmpty ? nil : wrongInputs(errors)
    }
}
