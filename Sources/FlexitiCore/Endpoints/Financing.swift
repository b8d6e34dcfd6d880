/// POST accounts/{account_number}/calculate-interest (v2.5.1, Flexiti's API reference): the regular
/// purchase and every promotional plan with its terms, fees and annual rates.
package struct FinancingOptions: AnswerRecord {
    package let json: JSONNode
    package init(json: JSONNode) { self.json = json }

    package var regularPurchase: JSONNode? { json["regular_purchase"] }
    package var plans: JSONNode? { json["promotional_purchase"] }

    package static func terms(_ plan: JSONNode) -> JSONNode? { plan["terms"] }
    package static func fees(_ entry: JSONNode) -> JSONNode? { entry["fees"] }

    /// `annual_rates` is documented as one object; a list of them is accepted too.
    package static func rateCount(_ term: JSONNode) -> Int {
        guard let r = term["annual_rates"] else { return 0 }
        return r.isObject ? 1 : r.count
    }
    package static func rate(_ term: JSONNode, _ index: Int) -> JSONNode? {
        guard let r = term["annual_rates"] else { return nil }
        return r.isObject ? (index == 0 ? r : nil) : r.item(index)
    }
}

/// Annual rates such as 0.3099 are ratios, not money: kept as exact text and offered as basis
/// points (0.3099 = 3099 bp) when that is exact.
package enum BasisPoints {
    /// Basis points of a decimal ratio ("0.3099" → 3099, "0" → 0); nil when the text is not a
    /// plain non-negative decimal, is above 100 (10000 %), or has a non-zero fifth decimal.
    package static func of(_ text: String) -> Int32? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 32 else { return nil }
        if bytes[0] == UInt8(ascii: "+") { bytes.removeFirst() }
        var whole: Int32 = 0, frac: Int32 = 0, places = 0, sawDot = false, digits = 0
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if sawDot { return nil }
                sawDot = true
                continue
            }
            guard b >= 48 && b <= 57 else { return nil }
            let d = Int32(b - 48)
            digits += 1
            if sawDot {
                if places < 4 { frac = frac * 10 + d } else if d != 0 { return nil }
                places += 1
            } else {
                guard whole <= 100 else { return nil }
                whole = whole * 10 + d
            }
        }
        guard digits > 0, whole <= 100 else { return nil }
        var p = places
        while p < 4 { frac *= 10; p += 1 }
        return whole * 10_000 + frac
    }
}

extension Session {
    package func calculateInterest(accountNumber: String, amountCents: Int64) -> Result<FinancingOptions, FlexitiError> {
        var call = APICall(Endpoints.calculateInterest)
        call.pathParams = ["client_id": configuration.clientId, "account_number": accountNumber]
        call.body = .object([("amount", .number(Money.format(cents: amountCents)))])
        return send(call).flatMap { $0.object("calculate-interest").map(FinancingOptions.init(json:)) }
    }
}
