import CFlexiti
import FlexitiCore

/// flx_customer: a Record<Customer> (Records.swift).

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

@c @implementation public func flx_customer_customer_id(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "customer_id") }
@c @implementation public func flx_customer_account_number(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "account_number") }
@c @implementation public func flx_customer_first_name(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "first_name") }
@c @implementation public func flx_customer_last_name(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "last_name") }
@c @implementation public func flx_customer_email(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "email") }
@c @implementation public func flx_customer_phone_number(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "phone_number") }
@c @implementation public func flx_customer_address_1(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "address_1") }
@c @implementation public func flx_customer_address_2(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "address_2") }
@c @implementation public func flx_customer_city(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "city") }
@c @implementation public func flx_customer_postal_code(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "postal_code") }
@c @implementation public func flx_customer_province(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "province") }
@c @implementation public func flx_customer_account_status(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "account_status") }
@c @implementation public func flx_customer_account_status_reason_code(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "account_status_reason_code") }
@c @implementation public func flx_customer_risk_rating(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "risk_rating") }
@c @implementation public func flx_customer_account_type(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self) { $0.accountTypeNode } }
@c @implementation public func flx_customer_preferred_language(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "preferred_language") }
@c @implementation public func flx_customer_card_ending_in(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "card_ending_in") }
@c @implementation public func flx_customer_security_question_text(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "security_qid", "text") }
@c @implementation public func flx_customer_security_question_id(_ c: OpaquePointer?) -> Int64 { RecordField.int(c, Customer.self, "security_qid", "id") }
@c @implementation public func flx_customer_credit_limit_cents(_ c: OpaquePointer?) -> Int64 { RecordField.cents(c, Customer.self, "credit_limit") }
@c @implementation public func flx_customer_available_credit_cents(_ c: OpaquePointer?) -> Int64 { RecordField.cents(c, Customer.self, "available_credit") }
@c @implementation public func flx_customer_payment_protection(_ c: OpaquePointer?) -> Int32 { RecordField.flag(c, Customer.self, "payment_protection") }

@c @implementation public func flx_customer_tos_agreement(_ c: OpaquePointer?) -> Int32 {
    guard let b = RecordField.node(c, Customer.self, "tos_agreement")?.bool else { return -1 }
    return b ? 1 : 0
}
@c @implementation public func flx_customer_originating_merchant_id(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "originating_merchant_id") }
@c @implementation public func flx_customer_originating_merchant_name(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "originating_merchant_name") }
@c @implementation public func flx_customer_creation_date(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Customer.self, "creation_date") }
@c @implementation public func flx_customer_contact_masked(_ c: OpaquePointer?) -> Int32 {
    Handles.get(c, as: CustomerObject.self)?.model.contactMasked == true ? 1 : 0
}

// offer_types[]
private func offer(_ c: OpaquePointer?, _ i: Int) -> JSONNode? { Handles.get(c, as: CustomerObject.self)?.model.offerTypes?.item(i) }
private func termOptions(_ o: JSONNode?) -> JSONNode? { o?["term_options"] }

@c @implementation public func flx_customer_offer_count(_ c: OpaquePointer?) -> Int { Handles.get(c, as: CustomerObject.self)?.model.offerTypes?.count ?? 0 }
@c @implementation public func flx_customer_offer_plan_name(_ c: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(offer(c, i), "plan_name") }
@c @implementation public func flx_customer_offer_plan_id(_ c: OpaquePointer?, _ i: Int) -> Int64 { offer(c, i)?["plan_id"]?.int64 ?? 0 }
@c @implementation public func flx_customer_offer_category(_ c: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(offer(c, i), "offer_category") }
@c @implementation public func flx_customer_offer_term_count(_ c: OpaquePointer?, _ i: Int) -> Int { termOptions(offer(c, i))?.count ?? 0 }
@c @implementation public func flx_customer_offer_term(_ c: OpaquePointer?, _ i: Int, _ t: Int) -> Int64 { termOptions(offer(c, i))?.item(t)?.int64 ?? 0 }
