import CFlexiti
import FlexitiCore

/// The object behind flx_receipt: the answer of a release, return, refund or transaction.
final class ReceiptObject: JSONRecord {
    let receipt: Receipt
    let strings = CStrings()
    var json: JSONValue { receipt.json }
    init(_ receipt: Receipt) { self.receipt = receipt }
}

private typealias F = RecordField
private let R = ReceiptObject.self

private func receiptObject(_ p: OpaquePointer?) -> ReceiptObject? { Handles.get(p, as: ReceiptObject.self) }

/// Hands a receipt to C; `out` may be NULL when the caller only wants the code.
func deliverReceipt(_ result: Result<Receipt, FlexitiError>, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                    _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    switch result {
    case let .failure(e): return fail(e, err)
    case let .success(r):
        if let out { out.pointee = Handles.register(ReceiptObject(r)) }
        return FLX_OK_CODE
    }
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

@c @implementation public func flx_receipt_id(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, key: "id") { _ in receiptObject(r)?.receipt.id } }
@c @implementation public func flx_receipt_authorization_id(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, "authorization_id") }
@c @implementation public func flx_receipt_capture_id(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, "capture_id") }
@c @implementation public func flx_receipt_status(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, key: "status") { $0.first("authorization_status", "status")?.text } }
@c @implementation public func flx_receipt_reference(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, "reference") }
@c @implementation public func flx_receipt_date(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, key: "date") { $0.first("date", "creation_date", "created_at")?.text } }
@c @implementation public func flx_receipt_transaction_type(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, "transaction_type") }
@c @implementation public func flx_receipt_account_number(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, "account_number") }
@c @implementation public func flx_receipt_message(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, "message") }
@c @implementation public func flx_receipt_idempotency_key(_ r: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(r, R, key: "idempotency_key") { _ in receiptObject(r)?.receipt.idempotencyKey } }
@c @implementation public func flx_receipt_amount_cents(_ r: OpaquePointer?) -> Int64 { receiptObject(r)?.json.first("amount", "released_amount", "returned_amount", "refunded_amount")?.cents ?? 0 }
@c @implementation public func flx_receipt_remaining_authorization_cents(_ r: OpaquePointer?) -> Int64 { receiptObject(r)?.json.first("remaining_authorization_amount", "remaining_amount")?.cents ?? 0 }
@c @implementation public func flx_receipt_remaining_capture_cents(_ r: OpaquePointer?) -> Int64 { F.cents(r, R, "remaining_capture_amount") }
