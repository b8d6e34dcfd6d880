/// The online channel (Flexiti's API reference): POST widget/init and POST apply.

/// Personal information, contact and address of a customer, for widget/init (purchase by
/// personal information, or the apply flow) and for apply. Fields are named as in the API.
package struct Applicant: Sendable {
    /// The four fields of customer_identification.personal_information.
    package static let personalFields = ["first_name", "last_name", "dob", "postal_code"]
    /// The extra top-level fields of widget/init's apply flow.
    package static let initApplyFields = ["email", "phone_number", "address_1", "address_2", "city", "province", "account_type"]

    /// Field name → value, in the order set (set again: replaced in place).
    package private(set) var fields: [(String, String)] = []
    /// Secret fields (sin and the like): never echoed in errors, wiped with the applicant.
    package private(set) var secrets: [(String, Secret)] = []
    package var tosAgreement: Bool?

    package init() {}

    package mutating func set(_ name: String, _ value: String?) {
        fields.removeAll { $0.0 == name }
        if let old = secrets.first(where: { $0.0 == name }) { old.1.wipe() }
        secrets.removeAll { $0.0 == name }
        guard let value else { return }
        if SecretParameters.names.contains(name) || SecretParameters.names.contains(name.lowercased()) {
            secrets.append((name, Secret(value)))
        } else {
            fields.append((name, value))
        }
    }

    package func value(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }

    package func wipe() { for (_, s) in secrets { s.wipe() } }

    /// A field name as the API spells them: lowercase letters, digits and underscores.
    package static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }

    var personalInformation: JSONValue {
        .object(Applicant.personalFields.compactMap { k in value(k).map { (k, JSONValue.string($0)) } })
    }
}

package enum WidgetFlow: String, Sendable {
    case purchase
    case apply
}

/// How widget/init identifies the customer of a purchase (exactly one).
package enum WidgetCustomer: Sendable {
    case accountNumber(String)
    case vccNumber(String)
    case personalInformation(Applicant)
}

/// The answer of widget/init.
package struct WidgetSession: AnswerRecord {
    package let json: JSONNode
    package init(json: JSONNode) { self.json = json }
    package var redirectionURL: String? { json["redirection_url"]?.text }
    /// widget_session_id: a field of the answer when present, else the URL's query parameter.
    package var widgetSessionId: String? {
        if let s = json["widget_session_id"]?.text, !s.isEmpty { return s }
        guard let url = redirectionURL, let q = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in q.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2 && kv[0] == "widget_session_id" { return String(kv[1]) }
        }
        return nil
    }
}

/// The answer of apply. Assumption (docs/assumptions.md): the decision is in `decision` (else `status` or
/// `application_status`); an approval carries the new account's fields.
package struct Application: AnswerRecord {
    package enum Decision: Int32, Sendable { case unknown = 0, approved = 1, declined = 2, pending = 3 }
    package let json: JSONNode
    package init(json: JSONNode) { self.json = json }
    package var decisionText: String? { decisionNode?.text }
    package var decisionNode: JSONNode? {
        json["decision"]?.withTextOnly ?? json["status"]?.withTextOnly ?? json["application_status"]?.withTextOnly
    }
    package var decision: Decision {
        switch decisionText?.lowercased() {
        case "approved", "approve", "a": return .approved
        case "declined", "decline", "d": return .declined
        case "pending", "p", "review": return .pending
        default: return .unknown
        }
    }
}

extension Session {
    package func widgetInit(flow: WidgetFlow, customer: WidgetCustomer) -> Result<WidgetSession, FlexitiError> {
        var body: [(String, JSONValue)] = [("flow", .string(flow.rawValue))]
        switch (flow, customer) {
        case let (.purchase, .accountNumber(n)):
            body.append(("customer_identification", .object([("account_number", .string(n))])))
        case let (.purchase, .vccNumber(v)):
            body.append(("customer_identification", .object([("vcc_number", .string(v))])))
        case let (.purchase, .personalInformation(a)):
            body.append(("customer_identification", .object([("personal_information", a.personalInformation)])))
        case let (.apply, .personalInformation(a)):
            body.append(("customer_identification", .object([("personal_information", a.personalInformation)])))
            if let t = a.tosAgreement { body.append(("tos_agreement", .bool(t))) }
            for k in Applicant.initApplyFields { if let v = a.value(k) { body.append((k, .string(v))) } }
        case (.apply, _):
            return .failure(FlexitiError.invalidArgument("the apply flow identifies the applicant by personal information").before(Endpoints.widgetInit))
        }
        var call = APICall(Endpoints.widgetInit)
        call.pathParams = ["client_id": configuration.clientId]
        call.body = .object(body)
        return send(call).flatMap { r in
            let w = WidgetSession(json: r.json)
            guard let url = w.redirectionURL, !url.isEmpty else {
                return .failure(r.failure(.malformedResponse, "widget/init answer has no redirection_url"))
            }
            return .success(w)
        }
    }

    /// POST apply. Assumption (docs/assumptions.md; request withdrawn from the docs): the body repeats
    /// widget/init's apply layout, plus every other applicant field at the top level, plus
    /// widget_session_id (online) or external_location_id (in store).
    package func apply(_ a: Applicant, widgetSessionId: String?, externalLocationId: String?) -> Result<Application, FlexitiError> {
        // tos_agreement is left to the server, which answers tos_agreement_required.
        var body: [(String, JSONValue)] = [
            ("customer_identification", .object([("personal_information", a.personalInformation)])),
        ]
        if let t = a.tosAgreement { body.append(("tos_agreement", .bool(t))) }
        for (k, v) in a.fields where !Applicant.personalFields.contains(k) { body.append((k, .string(v))) }
        for (k, s) in a.secrets { body.append((k, .string(s.reveal()))) }
        if let w = widgetSessionId { body.append(("widget_session_id", .string(w))) }
        if let l = externalLocationId { body.append(("external_location_id", .string(l))) }
        var call = APICall(Endpoints.apply)
        call.pathParams = ["client_id": configuration.clientId]
        call.body = .object(body)
        return send(call).flatMap { $0.object("apply").map(Application.init(json:)) }
    }
}
