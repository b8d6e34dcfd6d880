import CFlexiti
import Glibc
import FlexitiCore

/// Live handles by address. A pointer the library did not hand out, or already freed, is not in
/// the table, so it is answered with FLX_E_MISUSE instead of being dereferenced.
enum Handles {
    private static let live = Locked<[UInt: AnyObject]>([:])

    static func register(_ object: AnyObject) -> OpaquePointer {
        let raw = Unmanaged.passUnretained(object).toOpaque()
        live.withLock { $0[UInt(bitPattern: raw)] = object }
        return OpaquePointer(raw)
    }

    static func get<T: AnyObject>(_ p: OpaquePointer?, as: T.Type) -> T? {
        guard let p else { return nil }
        let key = UInt(bitPattern: UnsafeRawPointer(p))
        return live.withLock { $0[key] } as? T
    }

    /// Removes and returns the object (dropping the table's reference frees it after use).
    @discardableResult
    static func remove<T: AnyObject>(_ p: OpaquePointer?, as: T.Type) -> T? {
        guard let p else { return nil }
        let key = UInt(bitPattern: UnsafeRawPointer(p))
        return live.withLock { table -> T? in
            guard let obj = table[key] as? T else { return nil }
            table[key] = nil
            return obj
        }
    }
}

/// C strings handed out by an object; freed with it.
final class CStrings: @unchecked Sendable {
    /// The table lives inside its lock (not beside a Locked<Void>, whose zero-sized value
    /// ThreadSanitizer tracked as a shared 8-byte slot).
    private let byKey = Locked<[String: UnsafeMutablePointer<CChar>]>([:])

    /// A stable C copy of `text` for `key` (made once).
    func get(_ key: String, _ text: @autoclosure () -> String) -> UnsafePointer<CChar>? {
        byKey.withLock { table in
            if let p = table[key] { return UnsafePointer(p) }
            guard let p = strdup(text()) else { return UnsafePointer(CStrings.empty) }
            table[key] = p
            return UnsafePointer(p)
        }
    }

    deinit {
        byKey.withLock { table in
            for (_, p) in table {
                memset(p, 0, strlen(p))
                free(p)
            }
        }
    }

    /// "" for getters on invalid handles.
    nonisolated(unsafe) static let empty: UnsafeMutablePointer<CChar> = strdup("") ?? UnsafeMutablePointer<CChar>.allocate(capacity: 1)

    /// Process-lifetime strings (code names, version).
    static let permanent = CStrings()
}

/// Reads C string arguments: NULL, over-long and invalid UTF-8 are errors, never traps.
enum CInput {
    static func string(_ p: UnsafePointer<CChar>?, _ name: String) -> Result<String, FlexitiError> {
        guard let p else { return .failure(.invalidArgument("\(name) is NULL")) }
        let n = strnlen(p, Defaults.maxArgumentBytes + 1)
        guard n <= Defaults.maxArgumentBytes else {
            return .failure(.invalidArgument("\(name) is longer than \(Defaults.maxArgumentBytes) bytes"))
        }
        let bytes = UnsafeRawPointer(p).bindMemory(to: UInt8.self, capacity: n)
        let buffer = UnsafeBufferPointer(start: bytes, count: n)
        // ASCII (ids, amounts, codes) needs no validation; the generic validator is slow (profiled).
        if buffer.allSatisfy({ $0 < 0x80 }) { return .success(String(decoding: buffer, as: UTF8.self)) }
        guard let s = String(validating: buffer, as: UTF8.self) else {
            return .failure(.invalidArgument("\(name) is not valid UTF-8"))
        }
        return .success(s)
    }

    static func nonEmpty(_ p: UnsafePointer<CChar>?, _ name: String) -> Result<String, FlexitiError> {
        string(p, name).flatMap { $0.isEmpty ? .failure(.invalidArgument("\(name) is empty")) : .success($0) }
    }
}

/// Converts between the core's codes and the C enum.
extension flx_code {
    init(_ code: ErrorCode) { self.init(rawValue: numericCast(code.rawValue)) }
}

/// The `flx_error **err` rule (GLib's GError convention): err is NULL or points to NULL. A
/// non-NULL *err on entry (an error not freed and reset, or an uninitialised variable) is
/// refused with FLX_E_MISUSE before anything is done; *err is left as it is, so nothing is
/// overwritten and nothing leaks. Every public function taking err checks this first.
func errInUse(_ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code? {
    guard let err, err.pointee != nil else { return nil }
    return flx_code(.misuse)
}

/// Reports a failure: writes a new error object to *err (when err is not NULL and *err is
/// NULL, per the rule above), returns the code.
func fail(_ error: FlexitiError, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let err, err.pointee == nil { err.pointee = Handles.register(ErrorObject(error)) }
    return flx_code(error.code)
}

/// Hands a call's result to C: on success a new handle in *out, else an error object in *err.
func deliver<T>(_ result: Result<T, FlexitiError>, to out: UnsafeMutablePointer<OpaquePointer?>,
                _ err: UnsafeMutablePointer<OpaquePointer?>?, _ wrap: (T) -> AnyObject) -> flx_code {
    switch result {
    case let .failure(e): return fail(e, err)
    case let .success(value):
        out.pointee = Handles.register(wrap(value))
        return FLX_OK_CODE
    }
}

func misuse(_ what: String, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    fail(FlexitiError(.misuse, "\(what) is NULL, freed, or not a \(what)"), err)
}

let FLX_OK_CODE = flx_code(.ok)
