import CFlexiti
import FlexitiCore

/// The object behind flx_customer.
final class CustomerObject: JSONRecord {
    let customer: Customer
    let strings = CStrings()
    /// Records lent by a flx_customer_list: flx_customer_free ignores them.
    let borrowed: Bool
    var json: JSONValue { customer.json }
    init(_ customer: Customer, borrowed: Bool = false) {
        self.customer = customer
        self.borrowed = borrowed
    }
}

@c @implementation
public func flx_customer_lookup(_ session: OpaquePointer?, _ key: flx_customer_key, _ value: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    let text: String
    switch CInput.string(value, "value") {
    case let .failure(e): return fail(e, err)
    case let .success(t): text = t
    }
    let k: CustomerKey
    switch key {
    case FLX_CUSTOMER_BY_ACCOUNT_NUMBER: k = .accountNumber(text)
    case FLX_CUSTOMER_BY_VCC_NUMBER: k = .vccNumber(text)
    case FLX_CUSTOMER_BY_CUSTOMER_ID: k = .customerId(text)
    default: return fail(.invalidArgument("unknown customer key kind \(key.rawValue)"), err)
    }
    return deliver(s.lookupCustomer(k), to: out, err) { CustomerObject($0) }
}

@c @implementation
public func flx_customer_free(_ customer: OpaquePointer?) {
    guard let c = Handles.get(customer, as: CustomerObject.self), !c.borrowed else { return }
    Handles.remove(customer, as: CustomerObject.self)
}

private typealias F = RecordField
private let C = CustomerObject.self

@c @implementation public func flx_customer_customer_id(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "customer_id") }
@c @implementation public func flx_customer_account_number(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "account_number") }
@c @implementation public func flx_customer_first_name(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "first_name") }
@c @implementation public func flx_customer_last_name(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "last_name") }
@c @implementation public func flx_customer_email(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "email") }
@c @implementation public func flx_customer_phone_number(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "phone_number") }
@c @implementation public func flx_customer_address_1(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "address_1") }
@c @implementation public func flx_customer_address_2(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "address_2") }
@c @implementation public func flx_customer_city(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "city") }
@c @implementation public func flx_customer_postal_code(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "postal_code") }
@c @implementation public func flx_customer_province(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "province") }
@c @implementation public func flx_customer_account_status(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "account_status") }
@c @implementation public func flx_customer_account_status_reason_code(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "account_status_reason_code") }
@c @implementation public func flx_customer_risk_rating(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "risk_rating") }
@c @implementation public func flx_customer_account_type(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, key: "account_type") { Customer(json: $0).accountType } }
@c @implementation public func flx_customer_preferred_language(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "preferred_language") }
@c @implementation public func flx_customer_card_ending_in(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "card_ending_in") }
@c @implementation public func flx_customer_security_question_text(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "security_qid", "text") }
@c @implementation public func flx_customer_security_question_id(_ c: OpaquePointer?) -> Int64 { F.int(c, C, "security_qid", "id") }
@c @implementation public func flx_customer_credit_limit_cents(_ c: OpaquePointer?) -> Int64 { F.cents(c, C, "credit_limit") }
@c @implementation public func flx_customer_available_credit_cents(_ c: OpaquePointer?) -> Int64 { F.cents(c, C, "available_credit") }
@c @implementation public func flx_customer_payment_protection(_ c: OpaquePointer?) -> Int32 { F.flag(c, C, "payment_protection") }

@c @implementation public func flx_customer_tos_agreement(_ c: OpaquePointer?) -> Int32 {
    guard let r = Handles.get(c, as: C), let b = r.json["tos_agreement"]?.bool else { return -1 }
    return b ? 1 : 0
}
@c @implementation public func flx_customer_originating_merchant_id(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "originating_merchant_id") }
@c @implementation public func flx_customer_originating_merchant_name(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "originating_merchant_name") }
@c @implementation public func flx_customer_creation_date(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(c, C, "creation_date") }
@c @implementation public func flx_customer_contact_masked(_ c: OpaquePointer?) -> Int32 {
    Handles.get(c, as: C)?.customer.contactMasked == true ? 1 : 0
}

// offer_types[]
private func offer(_ c: OpaquePointer?, _ i: Int) -> (CustomerObject, JSONValue)? {
    guard let r = Handles.get(c, as: C) else { return nil }
    let offers = r.customer.offerTypes
    guard i >= 0, i < offers.count else { return nil }
    return (r, offers[i])
}
private func termOptions(_ o: JSONValue) -> [JSONValue] { o["term_options"]?.arrayValue ?? [] }

@c @implementation public func flx_customer_offer_count(_ c: OpaquePointer?) -> Int { Handles.get(c, as: C)?.customer.offerTypes.count ?? 0 }
@c @implementation public func flx_customer_offer_plan_name(_ c: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? {
    guard let (r, o) = offer(c, i) else { return nil }
    return r.strings.get("offer.\(i).plan_name", o["plan_name"]?.text ?? "")
}
@c @implementation public func flx_customer_offer_plan_id(_ c: OpaquePointer?, _ i: Int) -> Int64 { offer(c, i)?.1["plan_id"]?.int64 ?? 0 }
@c @implementation public func flx_customer_offer_category(_ c: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? {
    guard let (r, o) = offer(c, i) else { return nil }
    return r.strings.get("offer.\(i).offer_category", o["offer_category"]?.text ?? "")
}
@c @implementation public func flx_customer_offer_term_count(_ c: OpaquePointer?, _ i: Int) -> Int { offer(c, i).map { termOptions($0.1).count } ?? 0 }
@c @implementation public func flx_customer_offer_term(_ c: OpaquePointer?, _ i: Int, _ t: Int) -> Int64 {
    guard let (_, o) = offer(c, i) else { return 0 }
    let terms = termOptions(o)
    guard t >= 0, t < terms.count else { return 0 }
    return terms[t].int64 ?? 0
}
