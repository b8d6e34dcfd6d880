import CFlexiti
import FlexitiCore

/// flx_receipt: a Record<Receipt> (Records.swift), the answer of a release, return, refund or
/// transaction.

private func receiptObject(_ p: OpaquePointer?) -> ReceiptObject? { Handles.get(p, as: ReceiptObject.self) }

/// Hands a receipt to C. Unlike other results, `out` may be NULL: the caller may only want the code.
func deliverReceipt(_ result: Result<Receipt, FlexitiError>, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                    _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let out { return deliver(result, to: out, err) { ReceiptObject($0) } }
    if case let .failure(e) = result { return fail(e, err) }
    return FLX_OK_CODE
}

private func moneyCall(_ session: OpaquePointer?, _ req: OpaquePointer?, _ kind: PurchaseKind, _ kindName: String,
                       _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?,
                       _ send: (Session, inout PurchaseRequest) -> Result<Receipt, FlexitiError>) -> flx_code {
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let r = requestObject(req) else { return misuse("flx_request", err) }
    guard r.request.kind == kind else {
        return fail(.invalidArgument("req is a \(r.request.kind.name) request, not \(kindName)"), err)
    }
    return deliverReceipt(send(s, &r.request), out, err)
}

@c @implementation
public func flx_refund_create(_ session: OpaquePointer?, _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return moneyCall(session, req, .refund, "FLX_REQUEST_REFUND", out, err) { $0.refund(&$1) }
}

@c @implementation
public func flx_transaction_create(_ session: OpaquePointer?, _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return moneyCall(session, req, .transaction, "FLX_REQUEST_TRANSACTION", out, err) { $0.transaction(&$1) }
}

@c @implementation
public func flx_receipt_free(_ receipt: OpaquePointer?) { Handles.free(receipt, as: ReceiptObject.self) }

@c @implementation public func flx_receipt_id(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(r, Receipt.self) { $0.idNode } }
@c @implementation public func flx_receipt_authorization_id(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(r, Receipt.self, "authorization_id") }
@c @implementation public func flx_receipt_capture_id(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(r, Receipt.self, "capture_id") }
@c @implementation public func flx_receipt_status(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(r, Receipt.self) { $0.first("authorization_status", "status") } }
@c @implementation public func flx_receipt_reference(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(r, Receipt.self, "reference") }
@c @implementation public func flx_receipt_date(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(r, Receipt.self) { $0.first("date", "creation_date", "created_at") } }
@c @implementation public func flx_receipt_transaction_type(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(r, Receipt.self, "transaction_type") }
@c @implementation public func flx_receipt_account_number(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(r, Receipt.self, "account_number") }
@c @implementation public func flx_receipt_message(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(r, Receipt.self, "message") }
@c @implementation public func flx_receipt_idempotency_key(_ r: OpaquePointer?) -> UnsafePointer<CChar>? {
    // The key is the request's, not the answer's: the one text a receipt copies.
    guard let o = receiptObject(r) else { return RecordField.empty }
    return o.strings.get("idempotency_key", o.model.idempotencyKey)
}
@c @implementation public func flx_receipt_amount_cents(_ r: OpaquePointer?) -> Int64 { receiptObject(r)?.model.first("amount", "released_amount", "returned_amount", "refunded_amount")?.cents ?? 0 }
@c @implementation public func flx_receipt_remaining_authorization_cents(_ r: OpaquePointer?) -> Int64 { receiptObject(r)?.model.first("remaining_authorization_amount", "remaining_amount")?.cents ?? 0 }
@c @implementation public func flx_receipt_remaining_capture_cents(_ r: OpaquePointer?) -> Int64 { RecordField.cents(r, Receipt.self, "remaining_capture_amount") }
