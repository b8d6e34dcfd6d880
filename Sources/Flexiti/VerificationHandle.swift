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

private func format(_ f: flx_verify_format) -> VerifyFormat? {
    switch f {
    case FLX_VERIFY_SMS: return .sms
    case FLX_VERIFY_EMAIL: return .email
    case FLX_VERIFY_SECURITY_QUESTION: return .securityQuestion
    case FLX_VERIFY_MERCHANT_OVERRIDE: return .merchantOverride
    case FLX_VERIFY_REGULAR_PURCHASE_BYPASS: return .regularPurchaseBypass
    default: return nil
    }
}

/// An optional C string argument: NULL is nil, anything else must be valid.
func nullableString(_ p: UnsafePointer<CChar>?, _ name: String) -> Result<String?, FlexitiError> {
    guard p != nil else { return .success(nil) }
    return CInput.string(p, name).map { Optional($0) }
}

@c @implementation
public func flx_verify(_ session: OpaquePointer?, _ accountNumber: UnsafePointer<CChar>?, _ fmt: flx_verify_format,
                       _ securityQid: Int64, _ securityAnswer: UnsafePointer<CChar>?, _ vccNumber: UnsafePointer<CChar>?,
                       _ requestId: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                       _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    guard let f = format(fmt) else { return fail(.invalidArgument("unknown verify format \(fmt.rawValue)"), err) }
    var req: VerifyRequest
    switch CInput.string(accountNumber, "account_number") {
    case let .failure(e): return fail(e, err)
    case let .success(a): req = VerifyRequest(accountNumber: a, format: f)
    }
    switch (nullableString(vccNumber, "vcc_number"), nullableString(requestId, "request_id")) {
    case let (.failure(e), _), let (_, .failure(e)): return fail(e, err)
    case let (.success(v), .success(r)):
        req.vccNumber = v
        req.requestId = r
    }
    // 0 is "none" in C: for the security question it reads "Not sent"; a negative id is sent
    // to the validator, which answers "Value zero or negative.".
    if securityQid != 0 { req.securityQid = securityQid }
    if let securityAnswer {
        // Never an error message that contains the answer: only its name.
        switch CInput.string(securityAnswer, "security_answer") {
        case let .failure(e): return fail(e, err)
        case let .success(a): req.securityAnswer = Secret(a)
        }
    }
    defer { req.securityAnswer?.wipe() }
    return deliver(s.verify(req), to: out, err) { VerificationObject($0) }
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
