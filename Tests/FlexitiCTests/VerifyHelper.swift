import CFlexiti

/// flx_customer_verify with its optional inputs inline, so a table of cases stays one line each:
/// a flx_verify_request is made, filled, sent and freed when any optional input is given (qid
/// 0 and NULL strings mean "not given"), and NULL is passed otherwise, so both paths run.
/// The first failing step's code is returned, with its error in *err.
func verify(_ session: OpaquePointer?, _ account: UnsafePointer<CChar>?, _ format: flx_verify_format, _ qid: Int64,
            _ answer: UnsafePointer<CChar>?, _ vcc: UnsafePointer<CChar>?, _ requestId: UnsafePointer<CChar>?,
            _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    guard qid != 0 || answer != nil || vcc != nil || requestId != nil else {
        return flx_customer_verify(session, account, format, nil, out, err)
    }
    var req: OpaquePointer?
    var rc = flx_verify_request_new(&req, err)
    defer { flx_verify_request_free(req) }
    if rc == FLX_OK, qid != 0 || answer != nil { rc = flx_verify_request_set_security_answer(req, qid, answer, err) }
    if rc == FLX_OK { rc = flx_verify_request_set_vcc_number(req, vcc, err) }
    if rc == FLX_OK { rc = flx_verify_request_set_request_id(req, requestId, err) }
    if rc == FLX_OK { rc = flx_customer_verify(session, account, format, req, out, err) }
    return rc
}
