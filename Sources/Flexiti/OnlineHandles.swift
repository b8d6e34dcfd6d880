import CFlexiti
import FlexitiCore

/// The objects behind flx_applicant, flx_widget and flx_application (online channel).

final class ApplicantObject {
    let applicant = Locked(Applicant())
    deinit { applicant.withLock { $0.wipe() } }
}

// flx_widget and flx_application are records (Records.swift): WidgetObject, ApplicationObject.

@c @implementation
public func flx_applicant_new(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    create(out, err) { ApplicantObject() }
}

@c @implementation
public func flx_applicant_free(_ a: OpaquePointer?) { Handles.free(a, as: ApplicantObject.self) }

@c @implementation
public func flx_applicant_set(_ a: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?,
                              _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let o = Handles.get(a, as: ApplicantObject.self) else { return misuse("flx_applicant", err) }
    let n: String
    switch CInput.string(name, "name") {
    case let .failure(e): return fail(e, err)
    case let .success(s): n = s
    }
    guard Applicant.isValidName(n) else { return fail(.invalidArgument("field name must be lowercase letters, digits and '_'"), err) }
    switch nullableString(value, n) {
    case let .failure(e): return fail(e, err)
    case let .success(v): o.applicant.withLock { $0.set(n, v) }
    }
    return FLX_OK_CODE
}

@c @implementation
public func flx_applicant_set_tos_agreement(_ a: OpaquePointer?, _ agreed: Int32, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let o = Handles.get(a, as: ApplicantObject.self) else { return misuse("flx_applicant", err) }
    o.applicant.withLock { $0.tosAgreement = agreed != 0 }
    return FLX_OK_CODE
}

@c @implementation
public func flx_widget_init(_ session: OpaquePointer?, _ flow: flx_widget_flow, _ key: flx_customer_key, _ value: UnsafePointer<CChar>?,
                            _ applicant: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                            _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    let f: WidgetFlow
    switch flow {
    case FLX_WIDGET_PURCHASE: f = .purchase
    case FLX_WIDGET_APPLY: f = .apply
    default: return fail(.invalidArgument("unknown widget flow \(flow.rawValue)"), err)
    }
    let customer: WidgetCustomer
    if let applicant {
        guard key.rawValue == 0, value == nil else {
            return fail(.invalidArgument("give either key and value or an applicant, not both"), err)
        }
        guard let a = Handles.get(applicant, as: ApplicantObject.self) else { return misuse("flx_applicant", err) }
        customer = .personalInformation(a.applicant.withLock { $0 })
    } else {
        let text: String
        switch CInput.string(value, "value") {
        case let .failure(e): return fail(e, err)
        case let .success(t): text = t
        }
        switch key {
        case FLX_CUSTOMER_BY_ACCOUNT_NUMBER: customer = .accountNumber(text)
        case FLX_CUSTOMER_BY_VCC_NUMBER: customer = .vccNumber(text)
        default: return fail(.invalidArgument("widget/init identifies a customer by account number, VCC or personal information"), err)
        }
    }
    return deliver(s.widgetInit(flow: f, customer: customer), to: out, err) { WidgetObject($0) }
}

@c @implementation
public func flx_widget_free(_ w: OpaquePointer?) { Handles.free(w, as: WidgetObject.self) }

@c @implementation public func flx_widget_redirection_url(_ w: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(w, WidgetSession.self, "redirection_url") }
@c @implementation public func flx_widget_session_id(_ w: OpaquePointer?) -> UnsafePointer<CChar>? {
    // May come from the URL's query: a copy, made once.
    guard let o = Handles.get(w, as: WidgetObject.self) else { return RecordField.empty }
    return o.strings.get("widget_session_id", o.model.widgetSessionId ?? "")
}

/// The one path of a credit application, for flx_application_create and the deprecated flx_apply.
func applicationCreate(_ s: Session, _ a: ApplicantObject, widgetSessionId: String?, externalLocationId: String?,
                       _ out: UnsafeMutablePointer<OpaquePointer?>, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    let applicant = a.applicant.withLock { $0 }
    return deliver(s.apply(applicant, widgetSessionId: widgetSessionId, externalLocationId: externalLocationId), to: out, err) {
        ApplicationObject($0)
    }
}

@c @implementation
public func flx_application_create(_ session: OpaquePointer?, _ applicant: OpaquePointer?, _ channel: flx_apply_channel,
                                   _ channelId: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                                   _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let a = Handles.get(applicant, as: ApplicantObject.self) else { return misuse("flx_applicant", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    // The channel says what channel_id is, so the two ids can never be swapped or both given.
    let online: Bool
    switch channel {
    case FLX_APPLY_ONLINE: online = true
    case FLX_APPLY_IN_STORE: online = false
    default: return fail(.invalidArgument("unknown apply channel \(channel.rawValue)"), err)
    }
    switch CInput.string(channelId, online ? "widget_session_id" : "external_location_id") {
    case let .failure(e): return fail(e, err)
    case let .success(id):
        return applicationCreate(s, a, widgetSessionId: online ? id : nil, externalLocationId: online ? nil : id, out, err)
    }
}

@c @implementation
public func flx_application_free(_ a: OpaquePointer?) { Handles.free(a, as: ApplicationObject.self) }

@c @implementation public func flx_application_decision_of(_ a: OpaquePointer?) -> flx_application_decision {
    flx_application_decision(rawValue: UInt32(Handles.get(a, as: ApplicationObject.self)?.model.decision.rawValue ?? 0))
}
@c @implementation public func flx_application_decision_text(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Application.self) { $0.decisionNode } }
@c @implementation public func flx_application_account_number(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Application.self, "account_number") }
@c @implementation public func flx_application_customer_id(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Application.self, "customer_id") }
@c @implementation public func flx_application_vcc_number(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Application.self, "vcc_number") }
@c @implementation public func flx_application_risk_rating(_ a: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(a, Application.self, "risk_rating") }
@c @implementation public func flx_application_account_type(_ a: OpaquePointer?) -> UnsafePointer<CChar>? {
    RecordField.text(a, Application.self) { $0.json["customer_account_type"]?.withTextOnly ?? $0.json["account_type"] }
}
@c @implementation public func flx_application_credit_limit_cents(_ a: OpaquePointer?) -> Int64 { RecordField.cents(a, Application.self, "credit_limit") }
@c @implementation public func flx_application_available_credit_cents(_ a: OpaquePointer?) -> Int64 { RecordField.cents(a, Application.self, "available_credit") }
