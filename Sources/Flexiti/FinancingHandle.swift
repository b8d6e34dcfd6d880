import CFlexiti
import FlexitiCore

/// flx_financing: a Record<FinancingOptions> (Records.swift), the answer of calculate-interest.

@c @implementation
public func flx_financing_calculate(_ session: OpaquePointer?, _ accountNumber: UnsafePointer<CChar>?, _ amountCents: Int64,
                                    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    let account: String
    switch CInput.string(accountNumber, "account_number") {
    case let .failure(e): return fail(e, err)
    case let .success(a): account = a
    }
    return deliver(s.calculateInterest(accountNumber: account, amountCents: amountCents), to: out, err) { FinancingObject($0) }
}

@c @implementation
public func flx_financing_free(_ f: OpaquePointer?) { Handles.free(f, as: FinancingObject.self) }

private func bp(_ node: JSONNode?) -> Int32 { node?.text.flatMap(BasisPoints.of) ?? -1 }
private func options(_ f: OpaquePointer?) -> FinancingOptions? { Handles.get(f, as: FinancingObject.self)?.model }

@c @implementation public func flx_financing_account_number(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(f, FinancingOptions.self, "account_number") }
@c @implementation public func flx_financing_account_type(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(f, FinancingOptions.self, "account_type") }
@c @implementation public func flx_financing_amount_cents(_ f: OpaquePointer?) -> Int64 { RecordField.cents(f, FinancingOptions.self, "amount") }
@c @implementation public func flx_financing_customer_first_name(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(f, FinancingOptions.self, "customer", "first_name") }
@c @implementation public func flx_financing_customer_last_name(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(f, FinancingOptions.self, "customer", "last_name") }
@c @implementation public func flx_financing_customer_category(_ f: OpaquePointer?) -> UnsafePointer<CChar>? {
    // The older name was customer_category_type.
    RecordField.text(f, FinancingOptions.self) { $0.json["customer"]?["category_type"]?.withTextOnly ?? $0.json["customer"]?["customer_category_type"] }
}
@c @implementation public func flx_financing_customer_available_credit_cents(_ f: OpaquePointer?) -> Int64 { RecordField.cents(f, FinancingOptions.self, "customer", "available_credit") }
@c @implementation public func flx_financing_customer_air(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(f, FinancingOptions.self, "customer", "air") }
@c @implementation public func flx_financing_customer_air_bp(_ f: OpaquePointer?) -> Int32 { bp(RecordField.node(f, FinancingOptions.self, "customer", "air")) }

// MARK: regular purchase

private func regular(_ f: OpaquePointer?) -> JSONNode? { options(f)?.regularPurchase }

@c @implementation public func flx_financing_has_regular(_ f: OpaquePointer?) -> Int32 { regular(f)?.isObject == true ? 1 : 0 }
@c @implementation public func flx_financing_regular_amount_cents(_ f: OpaquePointer?) -> Int64 { RecordField.cents(f, FinancingOptions.self, "regular_purchase", "term_amount") }
@c @implementation public func flx_financing_regular_air(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(f, FinancingOptions.self, "regular_purchase", "air") }
@c @implementation public func flx_financing_regular_air_bp(_ f: OpaquePointer?) -> Int32 { bp(regular(f)?["air"]) }
@c @implementation public func flx_financing_regular_verify(_ f: OpaquePointer?) -> Int32 { RecordField.flag(f, FinancingOptions.self, "regular_purchase", "verify") }

// Indexed entries: nil when out of range (text getters then read NULL).
private func regularFee(_ f: OpaquePointer?, _ i: Int) -> JSONNode? { regular(f).flatMap { FinancingOptions.fees($0)?.item(i) } }
private func plan(_ f: OpaquePointer?, _ p: Int) -> JSONNode? { options(f)?.plans?.item(p) }
private func term(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> JSONNode? { plan(f, p).flatMap { FinancingOptions.terms($0)?.item(t) } }
private func termFee(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> JSONNode? { term(f, p, t).flatMap { FinancingOptions.fees($0)?.item(i) } }
private func termRate(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> JSONNode? { term(f, p, t).flatMap { FinancingOptions.rate($0, i) } }

@c @implementation public func flx_financing_regular_fee_count(_ f: OpaquePointer?) -> Int { regular(f).flatMap { FinancingOptions.fees($0)?.count } ?? 0 }
@c @implementation public func flx_financing_regular_fee_description(_ f: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(regularFee(f, i), "description") }
@c @implementation public func flx_financing_regular_fee_amount_cents(_ f: OpaquePointer?, _ i: Int) -> Int64 { regularFee(f, i)?["amount"]?.cents ?? 0 }
@c @implementation public func flx_financing_regular_fee_type(_ f: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(regularFee(f, i), "type") }
@c @implementation public func flx_financing_regular_fee_message(_ f: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(regularFee(f, i), "message") }

// MARK: plans and terms

@c @implementation public func flx_financing_plan_count(_ f: OpaquePointer?) -> Int { options(f)?.plans?.count ?? 0 }
@c @implementation public func flx_financing_plan_id(_ f: OpaquePointer?, _ p: Int) -> Int64 { plan(f, p)?["plan_id"]?.int64 ?? 0 }
@c @implementation public func flx_financing_plan_name(_ f: OpaquePointer?, _ p: Int) -> UnsafePointer<CChar>? { RecordField.entryText(plan(f, p), "plan_name") }
@c @implementation public func flx_financing_term_count(_ f: OpaquePointer?, _ p: Int) -> Int { plan(f, p).flatMap { FinancingOptions.terms($0)?.count } ?? 0 }
@c @implementation public func flx_financing_term_months(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> Int64 { term(f, p, t)?["term"]?.int64 ?? 0 }
@c @implementation public func flx_financing_term_amount_cents(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> Int64 { term(f, p, t)?["term_amount"]?.cents ?? 0 }

@c @implementation public func flx_financing_term_fee_count(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> Int { term(f, p, t).flatMap { FinancingOptions.fees($0)?.count } ?? 0 }
@c @implementation public func flx_financing_term_fee_description(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(termFee(f, p, t, i), "description") }
@c @implementation public func flx_financing_term_fee_amount_cents(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> Int64 { termFee(f, p, t, i)?["amount"]?.cents ?? 0 }
@c @implementation public func flx_financing_term_fee_type(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(termFee(f, p, t, i), "type") }
@c @implementation public func flx_financing_term_fee_message(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(termFee(f, p, t, i), "message") }

@c @implementation public func flx_financing_term_rate_count(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> Int { term(f, p, t).map(FinancingOptions.rateCount) ?? 0 }
@c @implementation public func flx_financing_term_rate_description(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(termRate(f, p, t, i), "description") }
@c @implementation public func flx_financing_term_rate(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(termRate(f, p, t, i), "rate") }
@c @implementation public func flx_financing_term_rate_bp(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> Int32 { bp(termRate(f, p, t, i)?["rate"]) }
@c @implementation public func flx_financing_term_rate_type(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(termRate(f, p, t, i), "type") }
@c @implementation public func flx_financing_term_rate_message(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(termRate(f, p, t, i), "message") }
