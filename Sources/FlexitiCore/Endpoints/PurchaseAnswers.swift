/// Answers of the money path. Response shapes are mostly undocumented; the readers below accept
/// both spellings seen or assumed (`authorization_id` / `id`, ...) and ignore unknown fields.

/// A result whose fields a getter reads by name (the C layer's record objects).
package protocol AnswerRecord: Sendable {
    var json: JSONNode { get }
    /// The value a getter reads for `key`: the answer's own member, unless the record maps it.
    func field(_ key: String) -> JSONNode?
}

extension AnswerRecord {
    package func field(_ key: String) -> JSONNode? { json[key] }

    /// The first of `keys` whose field is present and not null.
    package func first(_ keys: String...) -> JSONNode? {
        for k in keys { if let v = field(k), !v.isNull { return v } }
        return nil
    }

    /// The same for one or two keys, the usual case, without building an array of keys.
    package func first(_ key: String) -> JSONNode? {
        if let v = field(key), !v.isNull { return v }
        return nil
    }

    package func first(_ key: String, _ other: String) -> JSONNode? { first(key) ?? first(other) }
}

/// An authorization as returned by POST authorization or GET authorization(s).
package struct Authorization: AnswerRecord {
    package let json: JSONNode
    package init(json: JSONNode) { self.json = json }

    package var id: String? { idNode?.text }
    package var idNode: JSONNode? { json.first("authorization_id", "id") }
    package var status: String? { json.first("authorization_status", "status")?.text }
    package var amountCents: Int64? { json.first("amount", "authorized_amount")?.cents }
    package var remainingCents: Int64? { json.first("remaining_amount", "remaining_authorization_amount")?.cents }
    package var financing: JSONNode? { json["financing_option"] }
    package var purchaseType: JSONNode? { financing?["transaction_type"]?.withTextOnly ?? json["transaction_type"] }

    /// Captures: the objects of `captures[]`, else the top-level `capture_id` of an auto-captured
    /// authorization (read as a capture answer from the fields it has). Counted and read in
    /// place: no list is built.
    package var captureCount: Int {
        if let list = json["captures"], list.count > 0 { return list.objectCount }
        guard let cid = json["capture_id"], !cid.isNull else { return 0 }
        return 1
    }

    /// Every capture (the C getters read them one at a time instead).
    package var captures: [Capture] { (0..<captureCount).compactMap(capture) }

    /// The capture at `index` (0-based) of `captureCount`.
    package func capture(_ index: Int) -> Capture? {
        guard index >= 0 else { return nil }
        if let list = json["captures"], list.count > 0 { return list.object(index).map { Capture(json: $0, inside: self) } }
        guard index == 0, let cid = json["capture_id"], !cid.isNull else { return nil }
        return Capture(autoCapturedBy: self)
    }
}

/// A capture as returned by POST capture, GET captures or inside an authorization.
package struct Capture: AnswerRecord {
    package let json: JSONNode
    /// The authorization answer it was read from, if any: it supplies `authorization_id`.
    private let authorization: Authorization?
    /// An auto-captured authorization's answer stands for the capture (the `json` above).
    private let autoCaptured: Bool

    package init(json: JSONNode) { self.init(json: json, inside: nil) }
    init(json: JSONNode, inside authorization: Authorization?) {
        self.json = json
        self.authorization = authorization
        autoCaptured = false
    }
    init(autoCapturedBy a: Authorization) {
        json = a.json
        authorization = a
        autoCaptured = true
    }

    package func field(_ key: String) -> JSONNode? {
        guard autoCaptured else {
            if key == "authorization_id", let a = authorization, json.first("authorization_id") == nil { return a.idNode }
            return json[key]
        }
        // The fields a capture answer would have, from the authorization's.
        switch key {
        case "capture_id", "reference", "date": return json[key]
        case "authorization_id": return authorization?.idNode
        case "amount", "remaining_capture_amount": return json.first("captured_amount", "amount")
        case "remaining_authorization_amount": return json.first("remaining_amount", "remaining_authorization_amount")
        default: return nil
        }
    }

    package var id: String? { first("capture_id", "id")?.text }
    package var authorizationId: String? { first("authorization_id")?.text }
    package var amountCents: Int64? { first("amount", "captured_amount")?.cents }
    /// What may still be returned: `remaining_capture_amount`; a fresh capture's whole amount.
    package var remainingCents: Int64? { first("remaining_capture_amount", "remaining_amount")?.cents ?? amountCents }
}

/// The answer of release, return, refund or transactions: an id, amounts and a status.
package struct Receipt: AnswerRecord {
    package let json: JSONNode
    package let idempotencyKey: String
    package init(json: JSONNode, idempotencyKey: String) {
        self.json = json; self.idempotencyKey = idempotencyKey
    }
    package var idNode: JSONNode? { json.first("return_id", "refund_id", "transaction_id", "release_id", "id") }
    package var id: String? { idNode?.text }
}

/// One page of a listing: the items and, when the server says, the total.
package struct ListPage: Sendable {
    package let items: [JSONNode]
    package let total: Int64?
    /// The page size the server says it used (it may cap what was asked).
    package var pageSize: Int64? = nil
}
