import CFlexiti
import FlexitiCore

/// The object behind flx_authorization.
final class AuthorizationObject: JSONRecord {
    let authorization: Authorization
    let strings = CStrings()
    var json: JSONValue { authorization.json }
    init(_ authorization: Authorization) { self.authorization = authorization }

    /// Rates and fees sit at the top level (ASSUMPTION, Flexiti's API reference silent) or inside financing_option.
    func nested(_ key: String) -> JSONValue? { json[key] ?? json["financing_option"]?[key] }
    var fees: [JSONValue] { nested("fees")?.arrayValue?.filter(\.isObject) ?? [] }
}

private typealias F = RecordField
private let A = AuthorizationObject.self

func authorizationObject(_ p: OpaquePointer?) -> AuthorizationObject? { Handles.get(p, as: AuthorizationObject.self) }

/// Sends an authorization-returning call and hands the result to C.
private func deliver(_ result: Result<Authorization, FlexitiError>, _ out: UnsafeMutablePointer<OpaquePointer?>,
                     _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    return deliver(result, to: out, err) { AuthorizationObject($0) }
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
    return deliver(s.authorize(&r.request), out, err)
}

@c @implementation
public func flx_authorization_fetch(_ session: OpaquePointer?, _ id: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    switch CInput.string(id, "authorization_id") {
    case let .failure(e): return fail(e, err)
    case let .success(text): return deliver(s.fetchAuthorization(id: text), out, err)
    }
}

@c @implementation
public func flx_authorization_refresh(_ session: OpaquePointer?, _ auth: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let a = authorizationObject(auth) else { return misuse("flx_authorization", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    guard let id = a.authorization.id else { return fail(.invalidArgument("the authorization has no id"), err) }
    return deliver(s.fetchAuthorization(id: id), out, err)
}

@c @implementation
public func flx_authorization_free(_ auth: OpaquePointer?) { Handles.free(auth, as: AuthorizationObject.self) }

@c @implementation public func flx_authorization_id(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(a, A, key: "id") { Authorization(json: $0).id } }
@c @implementation public func flx_authorization_status(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(a, A, key: "status") { Authorization(json: $0).status } }
@c @implementation public func flx_authorization_account_number(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(a, A, "account_number") }
@c @implementation public func flx_authorization_reference(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(a, A, "reference") }
@c @implementation public func flx_authorization_date(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(a, A, key: "date") { $0.first("date", "creation_date", "created_at")?.text } }
@c @implementation public func flx_authorization_message(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(a, A, "message") }
@c @implementation public func flx_authorization_purchase_type(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { F.text(a, A, key: "purchase_type") { Authorization(json: $0).purchaseType } }

private func rate(_ a: OpaquePointer?, _ field: String) -> UnsafePointer<CChar>? {
    guard let o = authorizationObject(a) else { return UnsafePointer(CStrings.empty) }
    return o.strings.get("annual_rates." + field, o.nested("annual_rates")?[field]?.text ?? "")
}

@c @implementation public func flx_authorization_annual_rate_description(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { rate(a, "description") }
@c @implementation public func flx_authorization_annual_rate(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { rate(a, "rate") }
@c @implementation public func flx_authorization_annual_rate_type(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { rate(a, "type") }
@c @implementation public func flx_authorization_annual_rate_message(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { rate(a, "message") }

@c @implementation public func flx_authorization_amount_cents(_ a: OpaquePointer?) -> Int64 { authorizationObject(a)?.authorization.amountCents ?? 0 }
@c @implementation public func flx_authorization_remaining_cents(_ a: OpaquePointer?) -> Int64 { authorizationObject(a)?.authorization.remainingCents ?? 0 }
@c @implementation public func flx_authorization_term_amount_cents(_ a: OpaquePointer?) -> Int64 { authorizationObject(a)?.nested("term_amount")?.cents ?? 0 }
@c @implementation public func flx_authorization_plan_id(_ a: OpaquePointer?) -> Int64 { F.int(a, A, "financing_option", "plan_id") }
@c @implementation public func flx_authorization_term(_ a: OpaquePointer?) -> Int64 { F.int(a, A, "financing_option", "term") }

@c @implementation
public func flx_authorization_fee_count(_ a: OpaquePointer?) -> Int { authorizationObject(a)?.fees.count ?? 0 }

private func fee(_ a: OpaquePointer?, _ index: Int, _ field: String) -> UnsafePointer<CChar>? {
    guard let o = authorizationObject(a), index >= 0 else { return nil }
    let fees = o.fees
    guard index < fees.count else { return nil }
    return o.strings.get("fees.\(index).\(field)", fees[index][field]?.text ?? "")
}

@c @implementation public func flx_authorization_fee_description(_ a: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { fee(a, i, "description") }
@c @implementation public func flx_authorization_fee_type(_ a: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { fee(a, i, "type") }
@c @implementation public func flx_authorization_fee_message(_ a: OpaquePointer?, _ i: Int) -> UnsafePointer<CChar>? { fee(a, i, "message") }

@c @implementation
public func flx_authorization_fee_amount_cents(_ a: OpaquePointer?, _ index: Int) -> Int64 {
    guard let fees = authorizationObject(a)?.fees, index >= 0, index < fees.count else { return 0 }
    return fees[index]["amount"]?.cents ?? 0
}

@c @implementation
public func flx_authorization_capture_count(_ a: OpaquePointer?) -> Int { authorizationObject(a)?.authorization.captures.count ?? 0 }

@c @implementation
public func flx_authorization_capture_at(_ a: OpaquePointer?, _ index: Int, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let o = authorizationObject(a) else { return misuse("flx_authorization", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    let captures = o.authorization.captures
    guard index >= 0, index < captures.count else {
        return fail(FlexitiError(.notAvailable, "the authorization has \(captures.count) capture(s); index \(index) does not exist"), err)
    }
    out.pointee = Handles.register(CaptureObject(captures[index]))
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
    guard let id = a.authorization.id else { return fail(.invalidArgument("the authorization has no id"), err) }
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
    guard let id = a.authorization.id else { return fail(.invalidArgument("the authorization has no id"), err) }
    return deliverReceipt(s.release(authorizationId: id, &r.request), out, err)
}
