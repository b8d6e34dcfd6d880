import CFlexiti
import FlexitiCore

// Argument reading shared by the entry points, so each rule is written once.

/// An optional C string argument: NULL is nil (the value is left out, or a setter clears it);
/// anything else is read like every string argument (CInput.string: over-long or invalid
/// UTF-8 is an error). `nonEmpty` also refuses "", for values where an empty string cannot
/// mean anything (a file path, a URL).
func nullableString(_ p: UnsafePointer<CChar>?, _ name: String, nonEmpty: Bool = false) -> Result<String?, FlexitiError> {
    guard p != nil else { return .success(nil) }
    return (nonEmpty ? CInput.nonEmpty(p, name) : CInput.string(p, name)).map { Optional($0) }
}

/// A setter's NULL-or-string value: hands it to `assign` and returns nil, or returns the
/// argument error (the `body` result `withLive` expects).
func assignNullable(_ p: UnsafePointer<CChar>?, _ name: String, nonEmpty: Bool = false,
                    _ assign: (String?) -> Void) -> FlexitiError? {
    switch nullableString(p, name, nonEmpty: nonEmpty) {
    case let .failure(e): return e
    case let .success(v): assign(v); return nil
    }
}

/// The shape of a setter on a mutable handle (flx_config_*, flx_verify_request_*): the live
/// object of type T or FLX_E_MISUSE naming `handle`, then `body`, which checks the value,
/// assigns it and returns nil, or returns the argument error. The err rule comes before, in
/// the entry point itself.
func withLive<T: AnyObject>(_ p: OpaquePointer?, as type: T.Type, _ handle: String,
                            _ err: UnsafeMutablePointer<OpaquePointer?>?, _ body: (T) -> FlexitiError?) -> flx_code {
    guard let object = Handles.get(p, as: type) else { return misuse(handle, err) }
    if let e = body(object) { return fail(e, err) }
    return FLX_OK_CODE
}
