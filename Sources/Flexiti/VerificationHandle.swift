import CFlexiti
import FlexitiCore
import Glibc

/// The object behind flx_verification. The PIN lives in a Secret and in one C copy, both
/// zeroed when the object goes away; it never enters `strings`.
final class VerificationObject {
    let verification: Verification
    let strings = CStrings()
    private let pinBytes: Int
    private let pin: UnsafeMutablePointer<CChar>

    init(_ v: Verification) {
        verification = v
        let text = v.code.reveal()
        pinBytes = text.utf8.count + 1
        pin = UnsafeMutablePointer<CChar>.allocate(capacity: pinBytes)
        var i = 0
        for b in text.utf8 {
            pin[i] = CChar(bitPattern: b)
            i += 1
        }
        pin[i] = 0
    }

    var code: UnsafePointer<CChar> { UnsafePointer(pin) }

    deinit {
        explicit_bzero(pin, pinBytes)
        pin.deallocate()
        verification.code.wipe()
    }
}

func verifyFormat(_ f: flx_verify_format) -> VerifyFormat? {
    switch f {
    case FLX_VERIFY_SMS: return .sms
    case FLX_VERIFY_EMAIL: return .email
    case FLX_VERIFY_SECURITY_QUESTION: return .securityQuestion
    case FLX_VERIFY_MERCHANT_OVERRIDE: return .merchantOverride
    case FLX_VERIFY_REGULAR_PURCHASE_BYPASS: return .regularPurchaseBypass
    default: return nil
    }
}

/// The object behind flx_verify_request: the optional inputs of a verify call. The security
/// answer is a Secret, wiped when it is replaced and when the object goes away; each call sends
/// its own copy, so a request may be reused.
final class VerifyRequestObject {
    private struct Fields {
        var securityQid: Int64?
        var securityAnswer: Secret?
        var vccNumber: String?
        var requestId: String?
    }
    private let fields = Locked(Fields())

    deinit { fields.withLock { $0.securityAnswer?.wipe() } }

    func setSecurity(qid: Int64?, answer: Secret?) {
        fields.withLock { f in
            f.securityAnswer?.wipe()
            (f.securityQid, f.securityAnswer) = (qid, answer)
        }
    }

    func setVccNumber(_ v: String?) { fields.withLock { $0.vccNumber = v } }
    func setRequestId(_ v: String?) { fields.withLock { $0.requestId = v } }

    /// The core's request for one call, with its own copy of the answer (the caller wipes it).
    func request(accountNumber: String, format: VerifyFormat) -> VerifyRequest {
        fields.withLock { f in
            var r = VerifyRequest(accountNumber: accountNumber, format: format)
            r.securityQid = f.securityQid
            r.securityAnswer = f.securityAnswer.map { Secret($0.reveal()) }
            r.vccNumber = f.vccNumber
            r.requestId = f.requestId
            return r
        }
    }
}

/// The setter shape (withLive) on a live flx_verify_request.
private func withVerifyRequest(_ req: OpaquePointer?, _ err: UnsafeMutablePointer<OpaquePointer?>?,
                               _ body: (VerifyRequestObject) -> FlexitiError?) -> flx_code {
    withLive(req, as: VerifyRequestObject.self, "flx_verify_request", err, body)
}

/// The one path of a verification, for flx_customer_verify and the deprecated flx_verify. The
/// core refuses a security answer for another format (it is never sent where not asked for).
func customerVerify(_ s: Session, _ accountNumber: UnsafePointer<CChar>?, _ f: VerifyFormat, _ r: VerifyRequestObject?,
                    _ out: UnsafeMutablePointer<OpaquePointer?>, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    let account: String
    switch CInput.string(accountNumber, "account_number") {
    case let .failure(e): return fail(e, err)
    case let .success(a): account = a
    }
    let req = r?.request(accountNumber: account, format: f) ?? VerifyRequest(accountNumber: account, format: f)
    defer { req.securityAnswer?.wipe() }
    return deliver(s.verify(req), to: out, err) { VerificationObject($0) }
}

@c @implementation
public func flx_verify_request_new(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    create(out, err) { VerifyRequestObject() }
}

@c @implementation
public func flx_verify_request_free(_ req: OpaquePointer?) { Handles.free(req, as: VerifyRequestObject.self) }

@c @implementation
public func flx_verify_request_set_security_answer(_ req: OpaquePointer?, _ questionId: Int64, _ answer: UnsafePointer<CChar>?,
                                                   _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withVerifyRequest(req, err) { r in
        // Never an error message that contains the answer: only its name.
        switch nullableString(answer, "security_answer") {
        case let .failure(e): return e
        case .success(nil): r.setSecurity(qid: nil, answer: nil)
        case let .success(a?): r.setSecurity(qid: questionId, answer: Secret(a))
        }
        return nil
    }
}

@c @implementation
public func flx_verify_request_set_vcc_number(_ req: OpaquePointer?, _ vccNumber: UnsafePointer<CChar>?,
                                              _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withVerifyRequest(req, err) { r in
        assignNullable(vccNumber, "vcc_number") { r.setVccNumber($0) }
    }
}

@c @implementation
public func flx_verify_request_set_request_id(_ req: OpaquePointer?, _ requestId: UnsafePointer<CChar>?,
                                              _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withVerifyRequest(req, err) { r in
        assignNullable(requestId, "request_id") { r.setRequestId($0) }
    }
}

@c @implementation
public func flx_customer_verify(_ session: OpaquePointer?, _ accountNumber: UnsafePointer<CChar>?, _ fmt: flx_verify_format,
                                _ req: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                                _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    // NULL: no optional inputs; anything else must be a live request.
    let r = Handles.get(req, as: VerifyRequestObject.self)
    if req != nil && r == nil { return misuse("flx_verify_request", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    guard let f = verifyFormat(fmt) else { return fail(.invalidArgument("unknown verify format \(fmt.rawValue)"), err) }
    return customerVerify(s, accountNumber, f, r, out, err)
}

@c @implementation
public func flx_verification_free(_ v: OpaquePointer?) { Handles.free(v, as: VerificationObject.self) }

@c @implementation
public func flx_verification_request_id(_ v: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let o = Handles.get(v, as: VerificationObject.self) else { return UnsafePointer(CStrings.empty) }
    return o.strings.get("request_id", o.verification.requestId)
}

@c @implementation
public func flx_verification_format(_ v: OpaquePointer?) -> flx_verify_format {
    guard let o = Handles.get(v, as: VerificationObject.self) else { return flx_verify_format(rawValue: 0) }
    switch o.verification.format {
    case .sms: return FLX_VERIFY_SMS
    case .email: return FLX_VERIFY_EMAIL
    case .securityQuestion: return FLX_VERIFY_SECURITY_QUESTION
    case .merchantOverride: return FLX_VERIFY_MERCHANT_OVERRIDE
    case .regularPurchaseBypass: return FLX_VERIFY_REGULAR_PURCHASE_BYPASS
    }
}

@c @implementation
public func flx_verification_code_sent(_ v: OpaquePointer?) -> Int32 {
    Handles.get(v, as: VerificationObject.self)?.verification.sentTo != nil ? 1 : 0
}

@c @implementation
public func flx_verification_sent_to(_ v: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let o = Handles.get(v, as: VerificationObject.self) else { return UnsafePointer(CStrings.empty) }
    return o.strings.get("sent_to", o.verification.sentTo ?? "")
}

@c @implementation
public func flx_verification_code(_ v: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let o = Handles.get(v, as: VerificationObject.self) else { return UnsafePointer(CStrings.empty) }
    return o.code
}
