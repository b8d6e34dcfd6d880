import CFlexiti
import FlexitiCore

/// flx_capture: a Record<Capture> (Records.swift).

func captureObject(_ p: OpaquePointer?) -> CaptureObject? { Handles.get(p, as: CaptureObject.self) }

@c @implementation
public func flx_capture_free(_ capture: OpaquePointer?) { Handles.free(capture, as: CaptureObject.self) }

@c @implementation public func flx_capture_id(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Capture.self) { $0.first("capture_id", "id") } }
@c @implementation public func flx_capture_authorization_id(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Capture.self, "authorization_id") }
@c @implementation public func flx_capture_reference(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Capture.self, "reference") }
@c @implementation public func flx_capture_date(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Capture.self) { $0.first("date", "creation_date", "created_at") } }
@c @implementation public func flx_capture_transaction_type(_ c: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(c, Capture.self, "transaction_type") }
@c @implementation public func flx_capture_amount_cents(_ c: OpaquePointer?) -> Int64 { captureObject(c)?.model.amountCents ?? 0 }
@c @implementation public func flx_capture_remaining_cents(_ c: OpaquePointer?) -> Int64 { captureObject(c)?.model.remainingCents ?? 0 }
@c @implementation public func flx_capture_remaining_authorization_cents(_ c: OpaquePointer?) -> Int64 { RecordField.cents(c, Capture.self, "remaining_authorization_amount") }

@c @implementation
public func flx_capture_return(_ session: OpaquePointer?, _ capture: OpaquePointer?, _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let c = captureObject(capture) else { return misuse("flx_capture", err) }
    guard let r = requestObject(req) else { return misuse("flx_request", err) }
    guard r.request.kind == .returnCapture else {
        return fail(.invalidArgument("req is a \(r.request.kind.name) request, not FLX_REQUEST_RETURN"), err)
    }
    guard let id = c.model.id, let authId = c.model.authorizationId else {
        return fail(.invalidArgument("the capture has no capture_id or authorization_id"), err)
    }
    return deliverReceipt(s.returnCapture(authorizationId: authId, captureId: id, &r.request), out, err)
}
