import CFlexiti
import FlexitiCore

/// The object behind flx_financing (calculate-interest).
final class FinancingObject: JSONRecord {
    let options: FinancingOptions
    let strings = CStrings()
    var json: JSONValue { options.json }
    init(_ o: FinancingOptions) { options = o }
}

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

private typealias F = RecordField
private let T = FinancingObject.self

private func bp(_ text: String?) -> Int32 { text.flatMap(BasisPoints.of) ?? -1 }

@c @implementation public func flx_financing_account_number(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(f, T, "account_number") }
@c @implementation public func flx_financing_account_type(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(f, T, "account_type") }
@c @implementation public func flx_financing_amount_cents(_ f: OpaquePointer?) -> Int64 { F.cents(f, T, "amount") }
@c @implementation public func flx_financing_customer_first_name(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(f, T, "customer", "first_name") }
@c @implementation public func flx_financing_customer_last_name(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(f, T, "customer", "last_name") }
@c @implementation public func flx_financing_customer_category(_ f: OpaquePointer?) -> UnsafePointer<CChar>? {
    // The older name was customer_category_type.
    F.text(f, T, key: "customer.category_type") { $0["customer"]?["category_type"]?.text ?? $0["customer"]?["customer_category_type"]?.text }
}
@c @implementation public func flx_financing_customer_available_credit_cents(_ f: OpaquePointer?) -> Int64 { F.cents(f, T, "customer", "available_credit") }
@c @implementation public func flx_financing_customer_air(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(f, T, "customer", "air") }
@c @implementation public func flx_financing_customer_air_bp(_ f: OpaquePointer?) -> Int32 {
    bp(Handles.get(f, as: T)?.json["customer"]?["air"]?.text)
}

// MARK: regular purchase

private func regular(_ f: OpaquePointer?) -> JSONValue? { Handles.get(f, as: T)?.options.regularPurchase }

@c @implementation public func flx_financing_has_regular(_ f: OpaquePointer?) -> Int32 { regular(f)?.isObject == true ? 1 : 0 }
@c @implementation public func flx_financing_regular_amount_cents(_ f: OpaquePointer?) -> Int64 { F.cents(f, T, "regular_purchase", "term_amount") }
@c @implementation public func flx_financing_regular_air(_ f: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(f, T, "regular_purchase", "air") }
@c @implementation public func flx_financing_regular_air_bp(_ f: OpaquePointer?) -> Int32 { bp(regular(f)?["air"]?.text) }
@c @implementation public func flx_financing_regular_verify(_ f: OpaquePointer?) -> Int32 { F.flag(f, T, "regular_purchase", "verify") }

/// The entry at `index` of `list`, with the object, for indexed getters; nil when out of range.
private func item(_ list: [JSONValue], _ index: Int) -> JSONValue? {
    guard index >= 0, index < list.count else { return nil }
    return list[index]
}

private func regularFee(_ f: OpaquePointer?, _ i: Int) -> (FinancingObject, JSONValue)? {
    guard let o = Handles.get(f, as: T), let r = o.options.regularPurchase, let fee = item(FinancingOptions.fees(r), i) else { return nil }
    return (o, fee)
}

private func feeText(_ found: (FinancingObject, JSONValue)?, _ key: String, _ field: String) -> UnsafePointer<CChar>? {
    guard let (o, fee) = found else { return nil }
    return o.strings.get(key + "." + field, fee[field]?.text ?? "")
}

@c @implementation public func flx_financing_regular_fee_count(_ f: OpaquePointer?) -> Int { regular(f).map { FinancingOptions.fees($0).count } ?? 0 }
@c @implementation public func flx_financing_regular_fee_description(_ f: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { feeText(regularFee(f, i), "rf.\(i)", "description") }
@c @implementation public func flx_financing_regular_fee_amount_cents(_ f: OpaquePointer?, _ i: Int) -> Int64 { regularFee(f, i)?.1["amount"]?.cents ?? 0 }
@c @implementation public func flx_financing_regular_fee_type(_ f: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { feeText(regularFee(f, i), "rf.\(i)", "type") }
@c @implementation public func flx_financing_regular_fee_message(_ f: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { feeText(regularFee(f, i), "rf.\(i)", "message") }

// MARK: plans and terms

private func plan(_ f: OpaquePointer?, _ p: Int) -> (FinancingObject, JSONValue)? {
    guard let o = Handles.get(f, as: T), let plan = item(o.options.plans, p) else { return nil }
    return (o, plan)
}

private func term(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> (FinancingObject, JSONValue)? {
    guard let (o, pl) = plan(f, p), let term = item(FinancingOptions.terms(pl), t) else { return nil }
    return (o, term)
}

private func termFee(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> (FinancingObject, JSONValue)? {
    guard let (o, tm) = term(f, p, t), let fee = item(FinancingOptions.fees(tm), i) else { return nil }
    return (o, fee)
}

private func termRate(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> (FinancingObject, JSONValue)? {
    guard let (o, tm) = term(f, p, t), let rate = item(FinancingOptions.rates(tm), i) else { return nil }
    return (o, rate)
}

@c @implementation public func flx_financing_plan_count(_ f: OpaquePointer?) -> Int { Handles.get(f, as: T)?.options.plans.count ?? 0 }
@c @implementation public func flx_financing_plan_id(_ f: OpaquePointer?, _ p: Int) -> Int64 { plan(f, p)?.1["plan_id"]?.int64 ?? 0 }
@c @implementation public func flx_financing_plan_name(_ f: OpaquePointer?, _ p: Int) -> UnsafePointer<CChar>? { feeText(plan(f, p), "p.\(p)", "plan_name") }
@c @implementation public func flx_financing_term_count(_ f: OpaquePointer?, _ p: Int) -> Int { plan(f, p).map { FinancingOptions.terms($0.1).count } ?? 0 }
@c @implementation public func flx_financing_term_months(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> Int64 { term(f, p, t)?.1["term"]?.int64 ?? 0 }
@c @implementation public func flx_financing_term_amount_cents(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> Int64 { term(f, p, t)?.1["term_amount"]?.cents ?? 0 }

@c @implementation public func flx_financing_term_fee_count(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> Int { term(f, p, t).map { FinancingOptions.fees($0.1).count } ?? 0 }
@c @implementation public func flx_financing_term_fee_description(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { feeText(termFee(f, p, t, i), "p.\(p).t.\(t).f.\(i)", "description") }
@c @implementation public func flx_financing_term_fee_amount_cents(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> Int64 { termFee(f, p, t, i)?.1["amount"]?.cents ?? 0 }
@c @implementation public func flx_financing_term_fee_type(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { feeText(termFee(f, p, t, i), "p.\(p).t.\(t).f.\(i)", "type") }
@c @implementation public func flx_financing_term_fee_message(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { feeText(termFee(f, p, t, i), "p.\(p).t.\(t).f.\(i)", "message") }

@c @implementation public func flx_financing_term_rate_count(_ f: OpaquePointer?, _ p: Int, _ t: Int) -> Int { term(f, p, t).map { FinancingOptions.rates($0.1).count } ?? 0 }
@c @implementation public func flx_financing_term_rate_description(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { feeText(termRate(f, p, t, i), "p.\(p).t.\(t).r.\(i)", "description") }
@c @implementation public func flx_financing_term_rate(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { feeText(termRate(f, p, t, i), "p.\(p).t.\(t).r.\(i)", "rate") }
@c @implementation public func flx_financing_term_rate_bp(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> Int32 { bp(termRate(f, p, t, i)?.1["rate"]?.text) }
@c @implementation public func flx_financing_term_rate_type(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { feeText(termRate(f, p, t, i), "p.\(p).t.\(t).r.\(i)", "type") }
@c @implementation public func flx_financing_term_rate_message(_ f: OpaquePointer?, _ p: Int, _ t: Int, _ i: Int) -> UnsafePointer<CChar>? { feeText(termRate(f, p, t, i), "p.\(p).t.\(t).r.\(i)", "message") }
