import CFlexiti
import FlexitiCore

/// The names the API had before they followed flx_<object>_<verb> (docs/api-conventions.md).
/// Each is declared FLX_DEPRECATED in the header and runs through its new function (or, where
/// the arguments changed shape, the same internal path); this whole file goes away at 1.0, with
/// the soname change.

/// The positional form of flx_customer_verify: the optional arguments go into a request. As
/// before, security_qid 0 means "none" (the validator's "Not sent"), not the value 0.
@c @implementation
public func flx_verify(_ session: OpaquePointer?, _ accountNumber: UnsafePointer<CChar>?, _ fmt: flx_verify_format,
                       _ securityQid: Int64, _ securityAnswer: UnsafePointer<CChar>?, _ vccNumber: UnsafePointer<CChar>?,
                       _ requestId: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                       _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    guard let f = verifyFormat(fmt) else { return fail(.invalidArgument("unknown verify format \(fmt.rawValue)"), err) }
    let r = VerifyRequestObject()
    switch (nullableString(vccNumber, "vcc_number"), nullableString(requestId, "request_id"),
            nullableString(securityAnswer, "security_answer")) {
    case let (.failure(e), _, _), let (_, .failure(e), _), let (_, _, .failure(e)): return fail(e, err)
    case let (.success(v), .success(rid), .success(answer)):
        r.setVccNumber(v)
        r.setRequestId(rid)
        r.setSecurity(qid: securityQid == 0 ? nil : securityQid, answer: answer.map { Secret($0) })
    }
    return customerVerify(s, accountNumber, f, r, out, err)
}

@c @implementation
public func flx_calculate_interest(_ session: OpaquePointer?, _ accountNumber: UnsafePointer<CChar>?, _ amountCents: Int64,
                                   _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    flx_financing_calculate(session, accountNumber, amountCents, out, err)
}

/// The form with both ids side by side; as before, each may be NULL and both are passed on.
@c @implementation
public func flx_apply(_ session: OpaquePointer?, _ applicant: OpaquePointer?, _ widgetSessionId: UnsafePointer<CChar>?,
                      _ externalLocationId: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                      _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let a = Handles.get(applicant, as: ApplicantObject.self) else { return misuse("flx_applicant", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    switch (nullableString(widgetSessionId, "widget_session_id"), nullableString(externalLocationId, "external_location_id")) {
    case let (.failure(e), _), let (_, .failure(e)): return fail(e, err)
    case let (.success(w), .success(l)): return applicationCreate(s, a, widgetSessionId: w, externalLocationId: l, out, err)
    }
}

@c @implementation
public func flx_authorization_get_capture(_ a: OpaquePointer?, _ index: Int, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                                          _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    flx_authorization_capture_at(a, index, out, err)
}
