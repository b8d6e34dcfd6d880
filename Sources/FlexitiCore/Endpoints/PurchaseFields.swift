/// Which operation a `PurchaseRequest` describes. Each kind accepts its own set of fields.
package enum PurchaseKind: Int32, Sendable, CaseIterable {
    case authorization = 1, capture, release, returnCapture, refund, transaction, listAuthorizations, listCaptures

    package var name: String {
        switch self {
        case .authorization: return "authorization"
        case .capture: return "capture"
        case .release: return "release"
        case .returnCapture: return "return"
        case .refund: return "refund"
        case .transaction: return "transaction"
        case .listAuthorizations: return "authorization list"
        case .listCaptures: return "capture list"
        }
    }

    package var movesMoney: Bool { self != .listAuthorizations && self != .listCaptures }

    /// nil when this kind of request takes `field`, else the setter's refusal.
    package func refusal(of field: PurchaseField) -> FlexitiError? {
        field.allowed(for: self) ? nil : .invalidArgument("\(name) requests take no \(field.rawValue)")
    }
}

/// The fields a request may carry; `PurchaseRequest.set` refuses a field its kind does not take.
package enum PurchaseField: String, Sendable, CaseIterable {
    case accountNumber = "account_number", vccNumber = "vcc_number", customerId = "customer_id"
    case amount, full, financing = "financing_option", autoCapture = "auto_capture", reference
    case verificationCode = "verification_code", requestId = "request_id"
    case externalLocationId = "external_location_id", externalEmployeeId = "external_employee_id"
    case widgetSessionId = "widget_session_id", captureId = "capture_id", transactionType = "transaction_type"
    case skuData = "sku_data", status = "authorization_status", dateRange = "creation_date", pageSize = "page_size"
    case authorizationId = "authorization_id"

    /// Which kinds take the field (Flexiti's API reference; in-store fields on capture, release, return
    /// and refund are an ASSUMPTION, see docs/assumptions.md).
    package func allowed(for kind: PurchaseKind) -> Bool {
        switch (self, kind) {
        case (.accountNumber, .authorization), (.accountNumber, .refund), (.accountNumber, .transaction),
             (.accountNumber, .listAuthorizations), (.accountNumber, .listCaptures):
            return true
        case (.vccNumber, .authorization), (.vccNumber, .returnCapture), (.vccNumber, .refund), (.vccNumber, .transaction):
            return true
        case (.customerId, .transaction): return true
        case (.amount, let k): return k.movesMoney
        case (.full, .release), (.full, .returnCapture): return true
        case (.financing, .authorization), (.financing, .listAuthorizations): return true
        case (.autoCapture, .authorization): return true
        case (.reference, let k): return k.movesMoney && k != .transaction
        case (.verificationCode, .authorization), (.verificationCode, .transaction): return true
        case (.requestId, .authorization), (.requestId, .transaction): return true
        case (.externalLocationId, let k), (.externalEmployeeId, let k): return k.movesMoney
        case (.widgetSessionId, .authorization): return true
        case (.captureId, .refund): return true
        case (.transactionType, .transaction): return true
        case (.skuData, .authorization), (.skuData, .capture), (.skuData, .returnCapture), (.skuData, .refund): return true
        case (.status, .listAuthorizations): return true
        case (.dateRange, .listAuthorizations), (.dateRange, .listCaptures): return true
        case (.pageSize, .listAuthorizations), (.pageSize, .listCaptures): return true
        case (.authorizationId, .listCaptures): return true
        default: return false
        }
    }
}

package enum PurchaseType: String, Sendable {
    case regular = "regular_purchase"
    case promotional = "promotional_purchase"
}

package enum TransactionType: String, Sendable {
    case deposit, instorePayment = "instore_payment", tradein
}

