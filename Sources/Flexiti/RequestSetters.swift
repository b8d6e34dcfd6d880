import CFlexiti
import FlexitiCore

/// The field setters of flx_request.

private typealias ErrOut = UnsafeMutablePointer<OpaquePointer?>?

// Setters store what they are given. Whether a value is right for the API (an amount of 0, a
// plan_id of 1000, a purchase_order of 11 characters) is judged when the request is sent, by
// the validator, as FLX_E_WRONG_INPUTS with every failing field (docs/validation.md). A setter
// fails only on what the API could never see: NULL or freed handle, invalid UTF-8, an unknown
// enum value, a field the kind of request does not take.

/// Runs a setter on a live request after checking that its kind takes `field`.
private func withRequest(_ p: OpaquePointer?, _ field: PurchaseField, _ err: ErrOut,
                         _ body: (RequestObject) -> FlexitiError?) -> flx_code {
    guard let r = Handles.get(p, as: RequestObject.self) else { return misuse("flx_request", err) }
    // The usual case answered by a Bool: building the optional error cost as much as the check.
    if !field.allowed(for: r.kind), let e = r.kind.refusal(of: field) { return fail(e, err) }
    if let e = body(r) { return fail(e, err) }
    return FLX_OK_CODE
}

/// A text setter: NULL clears the field.
private func setText(_ p: OpaquePointer?, _ field: PurchaseField, _ value: UnsafePointer<CChar>?, _ err: ErrOut,
                     _ assign: (RequestObject, String?) -> Void) -> flx_code {
    withRequest(p, field, err) { r in
        assignNullable(value, field.rawValue) { assign(r, $0) }
    }
}

@c @implementation
public func flx_request_set_account_number(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .accountNumber, v, err) { $0.request.accountNumber = $1 }
}

@c @implementation
public func flx_request_set_vcc_number(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .vccNumber, v, err) { $0.request.vccNumber = $1 }
}

@c @implementation
public func flx_request_set_customer_id(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .customerId, v, err) { $0.request.customerId = $1 }
}

@c @implementation
public func flx_request_set_amount_cents(_ req: OpaquePointer?, _ cents: Int64, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withRequest(req, .amount, err) { r in r.request.amountCents = cents; return nil }
}

@c @implementation
public func flx_request_set_full(_ req: OpaquePointer?, _ full: Int32, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withRequest(req, .full, err) { r in r.request.full = full != 0; return nil }
}

@c @implementation
public func flx_request_set_financing(_ req: OpaquePointer?, _ type: flx_purchase_type, _ planId: Int64, _ term: Int64, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withRequest(req, .financing, err) { r in
        let listing = r.request.kind == .listAuthorizations
        switch type {
        case FLX_PURCHASE_REGULAR:
            guard listing || (planId == 0 && term == 0) else { return .invalidArgument("a regular purchase takes no plan_id or term (pass 0)") }
            r.request.purchaseType = .regular
            r.request.planId = nil
            r.request.term = nil
        case FLX_PURCHASE_PROMOTIONAL:
            r.request.purchaseType = .promotional
            if listing { return nil }
            r.request.planId = planId
            r.request.term = term
        default:
            return .invalidArgument("unknown purchase type \(type.rawValue)")
        }
        return nil
    }
}

@c @implementation
public func flx_request_set_auto_capture(_ req: OpaquePointer?, _ autoCapture: Int32, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withRequest(req, .autoCapture, err) { r in r.request.autoCapture = autoCapture != 0; return nil }
}

@c @implementation
public func flx_request_set_reference(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .reference, v, err) { $0.request.reference = $1 }
}

@c @implementation
public func flx_request_set_verification_code(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .verificationCode, v, err) { r, s in
        r.request.verificationCode?.wipe()
        r.request.verificationCode = s.map(Secret.init)
    }
}

@c @implementation
public func flx_request_set_request_id(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .requestId, v, err) { $0.request.requestId = $1 }
}

@c @implementation
public func flx_request_set_external_location_id(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .externalLocationId, v, err) { $0.request.externalLocationId = $1 }
}

@c @implementation
public func flx_request_set_external_employee_id(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .externalEmployeeId, v, err) { $0.request.externalEmployeeId = $1 }
}

@c @implementation
public func flx_request_set_widget_session_id(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .widgetSessionId, v, err) { $0.request.widgetSessionId = $1 }
}

@c @implementation
public func flx_request_set_capture_id(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .captureId, v, err) { $0.request.captureId = $1 }
}

@c @implementation
public func flx_request_set_transaction_type(_ req: OpaquePointer?, _ type: flx_transaction_type, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withRequest(req, .transactionType, err) { r in
        switch type {
        case FLX_TRANSACTION_DEPOSIT: r.request.transactionType = .deposit
        case FLX_TRANSACTION_INSTORE_PAYMENT: r.request.transactionType = .instorePayment
        case FLX_TRANSACTION_TRADEIN: r.request.transactionType = .tradein
        default: return .invalidArgument("unknown transaction type \(type.rawValue)")
        }
        return nil
    }
}

@c @implementation
public func flx_request_set_sku_data(_ req: OpaquePointer?, _ sku: OpaquePointer?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withRequest(req, .skuData, err) { r in
        guard sku != nil else { r.request.skuData = nil; return nil }
        guard let s = Handles.get(sku, as: SkuDataObject.self) else {
            return FlexitiError(.misuse, "flx_sku_data is freed, or not a flx_sku_data")
        }
        r.request.skuData = s.sku
        return nil
    }
}

@c @implementation
public func flx_request_set_status(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .status, v, err) { $0.request.status = $1 }
}

@c @implementation
public func flx_request_set_date_range(_ req: OpaquePointer?, _ from: UnsafePointer<CChar>?, _ to: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withRequest(req, .dateRange, err) { r in
        var values: [String?] = []
        for (p, name) in [(from, "date_from"), (to, "date_to")] {
            guard p != nil else { values.append(nil); continue }
            switch CInput.string(p, name) {
            case let .failure(e): return e
            case let .success(s): values.append(s)
            }
        }
        r.request.dateFrom = values[0]
        r.request.dateTo = values[1]
        return nil
    }
}

@c @implementation
public func flx_request_set_page_size(_ req: OpaquePointer?, _ size: Int32, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withRequest(req, .pageSize, err) { r in r.request.pageSize = Int(size); return nil }
}

@c @implementation
public func flx_request_set_authorization_id(_ req: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return setText(req, .authorizationId, v, err) { $0.request.authorizationId = $1 }
}
