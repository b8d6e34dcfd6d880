/// Answers of the money path. Response shapes are mostly undocumented; the readers below accept
/// both spellings seen or assumed (`authorization_id` / `id`, ...) and ignore unknown fields.

/// An authorization as returned by POST authorization or GET authorization(s).
package struct Authorization: Sendable {
    package let json: JSONValue
    package init(json: JSONValue) { self.json = json }

    package var id: String? { json.first("authorization_id", "id")?.text }
    package var status: String? { json.first("authorization_status", "status")?.text }
    package var amountCents: Int64? { json.first("amount", "authorized_amount")?.cents }
    package var remainingCents: Int64? { json.first("remaining_amount", "remaining_authorization_amount")?.cents }
    package var financing: JSONValue? { json["financing_option"] }
    package var purchaseType: String? { financing?["transaction_type"]?.text ?? json["transaction_type"]?.text }

    /// Captures: `captures[]`, else the top-level `capture_id` of an auto-captured authorization
    /// (shaped like a capture answer from the fields it has).
    package var captures: [Capture] {
        if let list = json["captures"]?.arrayValue, !list.isEmpty {
            return list.filter(\.isObject).map { c in
                var m: [(String, JSONValue)] = []
                if case let .object(members) = c { m = members }
                if c.first("authorization_id") == nil, let id { m.append(("authorization_id", .string(id))) }
                return Capture(json: .object(m))
            }
        }
        guard let cid = json["capture_id"], cid != .null else { return [] }
        var m: [(String, JSONValue)] = [("capture_id", cid)]
        if let id { m.append(("authorization_id", .string(id))) }
        for k in ["reference", "date"] { if let v = json[k] { m.append((k, v)) } }
        if let v = json.first("captured_amount", "amount") { m.append(("amount", v)); m.append(("remaining_capture_amount", v)) }
        if let v = json.first("remaining_amount", "remaining_authorization_amount") { m.append(("remaining_authorization_amount", v)) }
        return [Capture(json: .object(m))]
    }
}

/// A capture as returned by POST capture, GET captures or inside an authorization.
package struct Capture: Sendable {
    package let json: JSONValue
    package init(json: JSONValue) { self.json = json }
    package var id: String? { json.first("capture_id", "id")?.text }
    package var authorizationId: String? { json.first("authorization_id")?.text }
    package var amountCents: Int64? { json.first("amount", "captured_amount")?.cents }
    /// What may still be returned: `remaining_capture_amount`; a fresh capture's whole amount.
    package var remainingCents: Int64? { json.first("remaining_capture_amount", "remaining_amount")?.cents ?? amountCents }
}

/// The answer of release, return, refund or transactions: an id, amounts and a status.
package struct Receipt: Sendable {
    package let json: JSONValue
    package let idempotencyKey: String
    package init(json: JSONValue, idempotencyKey: String) {
        self.json = json; self.idempotencyKey = idempotencyKey
    }
    package var id: String? { json.first("return_id", "refund_id", "transaction_id", "release_id", "id")?.text }
}

/// One page of a listing: the items and, when the server says, the total.
package struct ListPage: Sendable {
    package let items: [JSONValue]
    package let total: Int64?
    /// The page size the server says it used (it may cap what was asked).
    package var pageSize: Int64? = nil
}

