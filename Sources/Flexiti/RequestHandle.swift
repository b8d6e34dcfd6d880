import CFlexiti
import FlexitiCore

/// The object behind flx_request: one money operation or listing filter, with its idempotency key.
/// The request lives in this box for the handle's life: setters change it in place.
final class RequestObject: LendsStrings {
    var request: PurchaseRequest
    /// What the request is: fixed at creation, checked by every setter.
    let kind: PurchaseKind
    /// The idempotency keys lent as C strings: `strings`, made on first use.
    var lentStrings: CStrings? = nil
    init(_ request: PurchaseRequest) {
        self.request = request
        self.kind = request.kind
    }
    deinit { request.verificationCode?.wipe() }
}

func requestObject(_ p: OpaquePointer?) -> RequestObject? { Handles.get(p, as: RequestObject.self) }

@c @implementation
public func flx_request_new(_ kind: flx_request_kind, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    guard let k = PurchaseKind(rawValue: Int32(truncatingIfNeeded: kind.rawValue)) else {
        return fail(.invalidArgument("unknown request kind \(kind.rawValue)"), err)
    }
    out.pointee = Handles.register(RequestObject(PurchaseRequest(k)))
    return FLX_OK_CODE
}

@c @implementation
public func flx_request_free(_ req: OpaquePointer?) { Handles.free(req, as: RequestObject.self) }

@c @implementation
public func flx_request_idempotency_key(_ req: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let r = requestObject(req) else { return UnsafePointer(CStrings.empty) }
    let key = r.request.idempotencyKey
    // Keyed by value: a pointer handed out before the key changed stays valid until free.
    return r.strings.get("idempotency:" + key, key)
}

@c @implementation
public func flx_request_set_idempotency_key(_ req: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let r = requestObject(req) else { return misuse("flx_request", err) }
    var text: String? = nil
    if key != nil {
        switch CInput.string(key, "key") {
        case let .failure(e): return fail(e, err)
        case let .success(s): text = s
        }
    }
    if let e = r.request.setIdempotencyKey(text) { return fail(e, err) }
    return FLX_OK_CODE
}
