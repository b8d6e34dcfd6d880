// libFuzzer target: what a hostile or broken server can send, and what a careless caller can
// pass to the C entry points. Built and run by scripts/fuzz.sh (swiftc -sanitize=fuzzer,address).
// The first input byte picks the target; the rest is the payload.
import CFlexiti
import Glibc
@testable import Flexiti
@testable import FlexitiCore

private let endpoints = Endpoints.all
private let statuses = [200, 201, 204, 400, 401, 403, 404, 409, 422, 465, 466, 467, 500, 502, 503, 504, 299, 599]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 1 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let selector = Int(bytes[0])
    let payload = Array(bytes[1...])
    // 0xF0...0xFF: a token answer (the other selectors keep their meaning for the corpus).
    if selector >= 0xF0 { tokenAnswer(selector, payload); return 0 }
    switch selector % 3 {
    case 0: responses(selector, payload)
    case 1: records(payload)
    default: entryPoints(selector, payload)
    }
    return 0
}

/// Any body with any status, as Session.exchange would map it, for every endpoint.
private func responses(_ selector: Int, _ body: [UInt8]) {
    let endpoint = endpoints[(selector / 3) % endpoints.count]
    let status = statuses[(selector / 7) % statuses.count]
    let context = ErrorContext(endpoint: endpoint, path: "/flexiti/pos-api/v2.5/x", referenceId: "0123456789abcdef0123456789abcdef",
                               idempotencyKey: selector & 1 == 0 ? "" : "key")
    if (200..<300).contains(status) {
        if let json = JSONParser.document(body) {
            touch(json)
            _ = AnswerCheck.problem(json, empty: false, shape: endpoint.answerShape)
            _ = AnswerNumbers.firstUnreadable(json)
        }
        if let tree = JSONParser.parse(body) { _ = JSONWriter.write(tree).utf8.count }
    } else {
        let e = ResponseMapping.httpError(status: status, body: body, context: context)
        _ = e.message.utf8.count + e.scenario.utf8.count + e.fieldErrors.count
    }
    _ = ResponseMapping.transportError(TransportFailure(code: .transport, detail: String(decoding: body, as: UTF8.self),
                                                        requestMayHaveBeenSent: selector & 2 == 0), context: context)
}

/// A token answer as the token request reads it, at clock values up to Int64.max (the
/// renewal arithmetic), and the redaction of its text from an error that echoes it.
private func tokenAnswer(_ selector: Int, _ body: [UInt8]) {
    guard let json = JSONParser.document(body) else { return }
    let clocks: [Int64] = [0, 1, 3600, Int64.max - 1, Int64.max, Int64.min, Int64(selector) << 55]
    if case let .success(t) = OAuth.token(from: json, issuedAt: clocks[selector % clocks.count]) {
        let echoed = FlexitiError(.unknownAPIError, "echo: " + t.accessToken.reveal() + String(decoding: body, as: UTF8.self))
        _ = Redaction.scrub(echoed, secrets: [t.accessToken.reveal()]).message.utf8.count
        t.wipe()
    }
    _ = AnswerNumbers.firstUnreadable(json)
}

/// Reads every kind of value the getters read.
private func touch(_ json: JSONNode) {
    _ = json.text; _ = json.int64; _ = json.cents; _ = json.arrayValue?.count; _ = json.cString.map { strlen($0) }
    for key in ["credit_limit", "available_credit", "amount", "error", "field_errors", "security_qid", "account_number"] {
        if let v = json[key] { _ = v.text; _ = v.cents; _ = v.int64; _ = v["id"]?.int64; _ = v.arrayValue?.first?.text }
    }
    if let t = json.text { _ = Money.parse(t) }
}

/// A parsed answer wrapped as a C result object and read through every customer getter.
private func records(_ body: [UInt8]) {
    guard let json = JSONParser.document(body) else { return }
    let handle = Handles.register(CustomerObject(Customer(json: json)))
    for getter in [flx_customer_customer_id, flx_customer_account_number, flx_customer_first_name, flx_customer_email,
                   flx_customer_account_status, flx_customer_account_type, flx_customer_security_question_text] {
        _ = getter(handle).map { strlen($0) }
    }
    _ = flx_customer_credit_limit_cents(handle) &+ flx_customer_available_credit_cents(handle)
        &+ flx_customer_security_question_id(handle) &+ Int64(flx_customer_payment_protection(handle))
    flx_customer_free(handle)

    // The same answer read as an authorization (with its captures) and as financing options.
    let auth = Handles.register(AuthorizationObject(Authorization(json: json)))
    for getter in [flx_authorization_id, flx_authorization_status, flx_authorization_account_number, flx_authorization_date,
                   flx_authorization_annual_rate, flx_authorization_purchase_type] {
        _ = getter(auth).map { strlen($0) }
    }
    _ = flx_authorization_amount_cents(auth) &+ flx_authorization_remaining_cents(auth) &+ flx_authorization_term_amount_cents(auth)
    for i in 0..<min(flx_authorization_capture_count(auth), 4) {
        var cap: OpaquePointer?
        if flx_authorization_capture_at(auth, i, &cap, nil) == FLX_OK {
            _ = flx_capture_id(cap).map { strlen($0) }
            _ = flx_capture_amount_cents(cap)
            flx_capture_free(cap)
        }
    }
    flx_authorization_free(auth)

    let fin = Handles.register(FinancingObject(FinancingOptions(json: json)))
    _ = flx_financing_amount_cents(fin) &+ flx_financing_regular_amount_cents(fin) &+ Int64(flx_financing_customer_air_bp(fin))
    for plan in 0..<min(flx_financing_plan_count(fin), 4) {
        _ = flx_financing_plan_name(fin, plan).map { strlen($0) }
        for term in 0..<min(flx_financing_term_count(fin, plan), 4) {
            _ = flx_financing_term_months(fin, plan, term) &+ flx_financing_term_amount_cents(fin, plan, term)
        }
    }
    for fee in 0..<min(flx_financing_regular_fee_count(fin), 4) { _ = flx_financing_regular_fee_amount_cents(fin, fee) }
    flx_financing_free(fin)
}

/// The payload as a C string (NUL-terminated at its first NUL) into string-taking entry points
/// that do not reach the network, and the local validation every call runs.
private func entryPoints(_ selector: Int, _ payload: [UInt8]) {
    var cfg: OpaquePointer?
    guard flx_config_new(&cfg, nil) == FLX_OK else { return }
    defer { flx_config_free(cfg) }
    var text = payload.map { CChar(bitPattern: $0) }
    text.append(0)
    var err: OpaquePointer?
    let rc: flx_code = text.withUnsafeBufferPointer { buf in
        let s = buf.baseAddress
        switch (selector / 3) % 7 {
        case 0: return flx_config_set_base_url(cfg, s, &err)
        case 1: return flx_config_set_credentials(cfg, s, s, &err)
        case 2: return flx_config_set_lang(cfg, s, &err)
        case 3: return flx_config_set_ca_file(cfg, s, &err)
        case 4: return flx_config_set_proxy(cfg, s, &err)
        case 5:
            let value = String(decoding: payload, as: UTF8.self)
            let keys: [CustomerKey] = [.accountNumber(value), .vccNumber(value), .customerId(value)]
            // The lookup's own validation (cleaning typed input first), as Session.send runs it.
            var call = APICall(Endpoints.customersLookup)
            call.pathParams = ["client_id": "flexitidemo"]
            call.query = [(keys[selector % 3].param, keys[selector % 3].value)]
            return flx_code(RequestValidator.validate(RequestValidator.normalized(call)).isEmpty ? 0 : 1)
        default:
            _ = flx_code_name(flx_code(rawValue: UInt32(truncatingIfNeeded: payload.count &* 31 &+ selector)))
            return flx_config_set_timeouts(cfg, payload.count, selector &* 1000, &err)
        }
    }
    if rc != FLX_OK {
        _ = flx_error_message(err).map { strlen($0) }
        _ = flx_error_field_count(err)
        flx_error_free(err)
    }
}
