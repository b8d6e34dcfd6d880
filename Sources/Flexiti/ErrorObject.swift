import CFlexiti
import FlexitiCore

/// The object behind flx_error.
final class ErrorObject {
    let error: FlexitiError
    let strings = CStrings()
    init(_ error: FlexitiError) { self.error = error }
}

private func errorObject(_ p: OpaquePointer?) -> ErrorObject? { Handles.get(p, as: ErrorObject.self) }

private func text(_ p: OpaquePointer?, _ key: String, _ value: (FlexitiError) -> String) -> UnsafePointer<CChar>? {
    guard let e = errorObject(p) else { return UnsafePointer(CStrings.empty) }
    return e.strings.get(key, value(e.error))
}

private func field(_ p: OpaquePointer?, _ index: Int, _ name: String, _ value: (FieldError) -> String) -> UnsafePointer<CChar>? {
    guard let e = errorObject(p), index >= 0, index < e.error.fieldErrors.count else { return nil }
    return e.strings.get("\(name):\(index)", value(e.error.fieldErrors[index]))
}

@c @implementation
public func flx_error_free(_ err: OpaquePointer?) { Handles.free(err, as: ErrorObject.self) }

@c @implementation
public func flx_error_clear(_ err: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let err else { return }
    Handles.remove(err.pointee, as: ErrorObject.self)
    err.pointee = nil
}

@c @implementation
public func flx_error_code(_ err: OpaquePointer?) -> flx_code {
    flx_code(errorObject(err)?.error.code ?? .misuse)
}

@c @implementation
public func flx_error_http_status(_ err: OpaquePointer?) -> Int32 { Int32(clamping: errorObject(err)?.error.httpStatus ?? 0) }

@c @implementation
public func flx_error_api_error(_ err: OpaquePointer?) -> UnsafePointer<CChar>? { text(err, "api_error") { $0.apiError } }

@c @implementation
public func flx_error_message(_ err: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard errorObject(err) != nil else {
        return CStrings.permanent.get("misuse-message", "err is NULL or not an flx_error")
    }
    return text(err, "message") { $0.message }
}

@c @implementation
public func flx_error_scenario(_ err: OpaquePointer?) -> UnsafePointer<CChar>? { text(err, "scenario") { $0.scenario } }

@c @implementation
public func flx_error_method(_ err: OpaquePointer?) -> UnsafePointer<CChar>? { text(err, "method") { $0.method } }

@c @implementation
public func flx_error_endpoint(_ err: OpaquePointer?) -> UnsafePointer<CChar>? { text(err, "endpoint") { $0.endpoint } }

@c @implementation
public func flx_error_path(_ err: OpaquePointer?) -> UnsafePointer<CChar>? { text(err, "path") { $0.path } }

@c @implementation
public func flx_error_reference_id(_ err: OpaquePointer?) -> UnsafePointer<CChar>? { text(err, "reference_id") { $0.referenceId } }

@c @implementation
public func flx_error_idempotency_key(_ err: OpaquePointer?) -> UnsafePointer<CChar>? { text(err, "idempotency_key") { $0.idempotencyKey } }

@c @implementation
public func flx_error_transport_detail(_ err: OpaquePointer?) -> UnsafePointer<CChar>? { text(err, "transport") { $0.transportDetail } }

@c @implementation
public func flx_error_retryable(_ err: OpaquePointer?) -> Int32 { errorObject(err)?.error.retryable == true ? 1 : 0 }

@c @implementation
public func flx_error_attempts(_ err: OpaquePointer?) -> Int32 { Int32(clamping: errorObject(err)?.error.attempts ?? 0) }

@c @implementation
public func flx_error_field_count(_ err: OpaquePointer?) -> Int { errorObject(err)?.error.fieldErrors.count ?? 0 }

@c @implementation
public func flx_error_field_param(_ err: OpaquePointer?, _ index: Int) -> UnsafePointer<CChar>? { field(err, index, "param") { $0.param } }

@c @implementation
public func flx_error_field_msg(_ err: OpaquePointer?, _ index: Int) -> UnsafePointer<CChar>? { field(err, index, "msg") { $0.msg } }

@c @implementation
public func flx_error_field_value(_ err: OpaquePointer?, _ index: Int) -> UnsafePointer<CChar>? { field(err, index, "value") { $0.value } }

@c @implementation
public func flx_error_field_type(_ err: OpaquePointer?, _ index: Int) -> UnsafePointer<CChar>? { field(err, index, "type") { $0.type } }
