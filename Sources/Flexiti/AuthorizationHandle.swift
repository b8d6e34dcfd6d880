import CFlexiti
import FlexitiCore

/// flx_authorization: a Record<Authorization> (Records.swift).

func authorizationObject(_ p: OpaquePointer?) -> AuthorizationObject? { Handles.get(p, as: AuthorizationObject.self) }

extension Authorization {
    /// Rates and fees sit at the top level (ASSUMPTION, Flexiti's API reference silent) or inside financing_option.
    func nested(_ key: String) -> JSONNode? { json[key] ?? json["financing_option"]?[key] }

    /// The fee at `index` of the fees that are objects.
    func fee(_ index: Int) -> JSONNode? { nested("fees")?.object(index) }
    var feeCount: Int { nested("fees")?.objectCount ?? 0 }
}

@c @implementation
public func flx_authorization_create(_ session: OpaquePointer?, _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let r = requestObject(req) else { return misuse("flx_request", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    guard r.request.kind == .authorization else {
        return fail(.invalidArgument("req is a \(r.request.kind.name) request, not FLX_REQUEST_AUTHORIZATION"), err)
    }
    return deliver(s.authorize(&r.request), to: out, err) { AuthorizationObject($0) }
}

@c @implementation
public func flx_authorization_fetch(_ session: OpaquePointer?, _ id: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    switch CInput.string(id, "authorization_id") {
    case let .failure(e): return fail(e, err)
    case let .success(text): return deliver(s.fetchAuthorization(id: text), to: out, err) { AuthorizationObject($0) }
    }
}

@c @implementation
public func flx_authorization_refresh(_ session: OpaquePointer?, _ auth: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let a = authorizationObject(auth) else { return misuse("flx_authorization", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    guard let id = a.model.id else { return fail(.invalidArgument("the authorization has no id"), err) }
    return deliver(s.fetchAuthorization(id: id), to: out, err) { AuthorizationObject($0) }
}

@c @implementation
public func flx_authorization_free(_ auth: OpaquePointer?) { Handles.free(auth, as: AuthorizationObject.self) }

@c @implementation public func flx_authorization_id(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Authorization.self) { $0.idNode } }
@c @implementation public func flx_authorization_status(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Authorization.self) { $0.first("authorization_status", "status") } }
@c @implementation public func flx_authorization_account_number(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Authorization.self, "account_number") }
@c @implementation public func flx_authorization_reference(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Authorization.self, "reference") }
@c @implementation public func flx_authorization_date(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Authorization.self) { $0.first("date", "creation_date", "created_at") } }
@c @implementation public func flx_authorization_message(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Authorization.self, "message") }
@c @implementation public func flx_authorization_purchase_type(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Authorization.self) { $0.purchaseType } }

private func rate(_ a: OpaquePointer?, _ field: String) -> UnsafePointer<CChar>? {
    RecordField.text(a, Authorization.self) { $0.nested("annual_rates")?[field] }
}

@c @implementation public func flx_authorization_annual_rate_description(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { rate(a, "description") }
@c @implementation public func flx_authorization_annual_rate(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { rate(a, "rate") }
@c @implementation public func flx_authorization_annual_rate_type(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { rate(a, "type") }
@c @implementation public func flx_authorization_annual_rate_message(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { rate(a, "message") }

@c @implementation public func flx_authorization_amount_cents(_ a: OpaquePointer?) -> Int64 { authorizationObject(a)?.model.amountCents ?? 0 }
@c @implementation public func flx_authorization_remaining_cents(_ a: OpaquePointer?) -> Int64 { authorizationObject(a)?.model.remainingCents ?? 0 }
@c @implementation public func flx_authorization_term_amount_cents(_ a: OpaquePointer?) -> Int64 { authorizationObject(a)?.model.nested("term_amount")?.cents ?? 0 }
@c @implementation public func flx_authorization_plan_id(_ a: OpaquePointer?) -> Int64 { RecordField.int(a, Authorization.self, "financing_option", "plan_id") }
@c @implementation public func flx_authorization_term(_ a: OpaquePointer?) -> Int64 { RecordField.int(a, Authorization.self, "financing_option", "term") }

@c @implementation
public func flx_authorization_fee_count(_ a: OpaquePointer?) -> Int { authorizationObject(a)?.model.feeCount ?? 0 }

private func fee(_ a: OpaquePointer?, _ index: Int) -> JSONNode? { authorizationObject(a)?.model.fee(index) }

@c @implementation public func flx_authorization_fee_description(_ a: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(fee(a, i), "description") }
@c @implementation public func flx_authorization_fee_type(_ a: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(fee(a, i), "type") }
@c @implementation public func flx_authorization_fee_message(_ a: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { RecordField.entryText(fee(a, i), "message") }
@c @implementation public func flx_authorization_fee_amount_cents(_ a: OpaquePointer?, _ i: Int) -> Int64 { fee(a, i)?["amount"]?.cents ?? 0 }

@c @implementation
public func flx_authorization_capture_count(_ a: OpaquePointer?) -> Int { authorizationObject(a)?.model.captureCount ?? 0 }

@c @implementation
public func flx_authorization_capture_at(_ a: OpaquePointer?, _ index: Int, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let o = authorizationObject(a) else { return misuse("flx_authorization", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    guard let capture = o.model.capture(index) else {
        return fail(FlexitiError(.notAvailable, "the authorization has \(o.model.captureCount) capture(s); index \(index) does not exist"), err)
    }
    out.pointee = Handles.register(CaptureObject(capture))
    return FLX_OK_CODE
}

@c @implementation
public func flx_authorization_capture(_ session: OpaquePointer?, _ auth: OpaquePointer?, _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let a = authorizationObject(auth) else { return misuse("flx_authorization", err) }
    guard let r = requestObject(req) else { return misuse("flx_request", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    guard r.request.kind == .capture else {
        return fail(.invalidArgument("req is a \(r.request.kind.name) request, not FLX_REQUEST_CAPTURE"), err)
    }
    guard let id = a.model.id else { return fail(.invalidArgument("the authorization has no id"), err) }
    return deliver(s.capture(authorizationId: id, &r.request), to: out, err) { CaptureObject($0) }
}

@c @implementation
public func flx_authorization_release(_ session: OpaquePointer?, _ auth: OpaquePointer?, _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let a = authorizationObject(auth) else { return misuse("flx_authorization", err) }
    guard let r = requestObject(req) else { return misuse("flx_request", err) }
    guard r.request.kind == .release else {
        return fail(.invalidArgument("req is a \(r.request.kind.name) request, not FLX_REQUEST_RELEASE"), err)
    }
    guard let id = a.model.id else { return fail(.invalidArgument("the authorization has no id"), err) }
    return deliverReceipt(s.release(authorizationId: id, &r.request), out, err)
}
