import CFlexiti
import Glibc
import FlexitiCore

/// Live handles. The value handed to C is not an address: it encodes a slot of this table and
/// the slot's generation, `generation << 32 | (slot + 1)`. Freeing a handle bumps its slot's
/// generation, so a freed handle never matches again, even once its slot holds a newer object;
/// a slot whose generation is used up is retired, never reused. A value the library did not
/// hand out matches no live slot. Either way the answer is FLX_E_MISUSE, never a dereference.
enum Handles {
    private struct Slot {
        var generation: UInt32 = 1
        var object: AnyObject? = nil
    }
    /// The table and its own mutex, not a generic `Locked`: every entry point looks a handle up,
    /// and the generic lock's closure and indirect result cost more than the lookup (profile).
    private final class Table: @unchecked Sendable {  // slots and free only under `mutex`
        var slots: [Slot] = []
        var free: [Int] = []
        /// A pthread mutex: held for a lookup or an update of one slot. (A spin lock saved about
        /// 900 instructions per authorization, Synchronization's Mutex 400; the first can leave
        /// a waiter spinning against a preempted holder, the second ends the process when the
        /// kernel refuses its priority-inheriting futex. Neither is worth that.)
        let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
            let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(m, nil)
            return m
        }()

        /// The object in `index` while its generation is `generation`.
        func object(_ index: Int, _ generation: UInt32) -> AnyObject? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            guard index < slots.count, slots[index].generation == generation else { return nil }
            return slots[index].object
        }
    }
    private static let table = Table()
    /// Slots are numbered 1...maxSlots in the low 32 bits.
    private static let maxSlots = Int(UInt32.max) - 1

    static func register(_ object: AnyObject) -> OpaquePointer? {
        let t = table
        pthread_mutex_lock(t.mutex)
        defer { pthread_mutex_unlock(t.mutex) }
        let index: Int
        if let reused = t.free.popLast() {
            index = reused
        } else {
            guard t.slots.count < maxSlots else { return nil }
            t.slots.append(Slot())
            index = t.slots.count - 1
        }
        t.slots[index].object = object
        return OpaquePointer(bitPattern: UInt(t.slots[index].generation) << 32 | UInt(index + 1))
    }

    /// The slot index and generation a value names, if it could be one of ours.
    private static func decode(_ p: OpaquePointer?) -> (index: Int, generation: UInt32)? {
        guard let p else { return nil }
        let value = UInt(bitPattern: UnsafeRawPointer(p))
        let low = Int(value & 0xFFFF_FFFF)
        guard low >= 1 else { return nil }
        return (low - 1, UInt32(truncatingIfNeeded: value >> 32))
    }

    static func get<T: AnyObject>(_ p: OpaquePointer?, as: T.Type) -> T? {
        guard let (index, generation) = decode(p) else { return nil }
        return cast(table.object(index, generation), T.self)
    }

    /// The object as a T: a comparison of type metadata when it is exactly a T (every handle
    /// class is final, so that is the usual case), the general dynamic cast otherwise.
    @inline(__always)
    private static func cast<T: AnyObject>(_ object: AnyObject?, _: T.Type) -> T? {
        guard let object else { return nil }
        if ObjectIdentifier(type(of: object)) == ObjectIdentifier(T.self) { return unsafeDowncast(object, to: T.self) }
        return object as? T
    }

    /// For the _free functions: removes the object and lets it go. When it held a secret, the
    /// stack depth the library used since the last scrub is zeroed too (SecureMemory.freeing):
    /// the calls that used the secret ran within that depth. Other objects skip the scrub (it
    /// was a fifth of an authorization's cost); the next secret holder's free covers their calls.
    static func free<T: AnyObject>(_ p: OpaquePointer?, as: T.Type) {
        if T.self is HoldsSecrets.Type {
            SecureMemory.freeing { _ = remove(p, as: T.self) }
        } else {
            remove(p, as: T.self)
        }
    }

    /// Removes and returns the object (dropping the table's reference frees it after use).
    @discardableResult
    static func remove<T: AnyObject>(_ p: OpaquePointer?, as: T.Type) -> T? {
        guard let (index, generation) = decode(p) else { return nil }
        let t = table
        pthread_mutex_lock(t.mutex)
        defer { pthread_mutex_unlock(t.mutex) }
        guard index < t.slots.count, t.slots[index].generation == generation,
              let obj = cast(t.slots[index].object, T.self) else { return nil }
        t.slots[index].object = nil
        // A used-up generation retires the slot: its values could otherwise come back.
        if t.slots[index].generation < UInt32.max {
            t.slots[index].generation += 1
            t.free.append(index)
        }
        return obj
    }
}

/// An object whose C strings table is made on first use: most objects never lend a string of
/// their own. `lentStrings` is read and set only under `CStrings.locked`.
protocol LendsStrings: AnyObject {
    var lentStrings: CStrings? { get set }
}

extension LendsStrings {
    var strings: CStrings {
        CStrings.locked {
            if let made = lentStrings { return made }
            let made = CStrings()
            lentStrings = made
            return made
        }
    }
}

/// C strings handed out by an object; freed with it.
final class CStrings: @unchecked Sendable {  // byKey only under `lock`
    /// Every object carries one (each record), most never use it: one lock for all of them
    /// instead of a lock object and a mutex allocated per record.
    private var byKey: [String: UnsafeMutablePointer<CChar>] = [:]
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    /// Runs `body` under the lock of every CStrings (for a table made on first use: getters
    /// on one handle may race).
    static func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    /// A stable C copy of `text` for `key` (made once).
    func get(_ key: String, _ text: @autoclosure () -> String) -> UnsafePointer<CChar>? {
        pthread_mutex_lock(CStrings.lock)
        defer { pthread_mutex_unlock(CStrings.lock) }
        if let p = byKey[key] { return UnsafePointer(p) }
        guard let p = strdup(text()) else { return UnsafePointer(CStrings.empty) }
        byKey[key] = p
        return UnsafePointer(p)
    }

    deinit {
        // Under the lock too: the texts were made under it, maybe on another thread.
        pthread_mutex_lock(CStrings.lock)
        defer { pthread_mutex_unlock(CStrings.lock) }
        for (_, p) in byKey {
            memset(p, 0, strlen(p))
            free(p)
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
        if isASCII(UnsafeRawPointer(p), n) { return .success(String(decoding: buffer, as: UTF8.self)) }
        guard let s = String(validating: buffer, as: UTF8.self) else {
            return .failure(.invalidArgument("\(name) is not valid UTF-8"))
        }
        return .success(s)
    }

    /// Whether the n bytes at p are all below 0x80: eight at a time (a setter's argument is
    /// read this way on every call).
    private static func isASCII(_ p: UnsafeRawPointer, _ n: Int) -> Bool {
        var i = 0, high: UInt64 = 0
        while n - i >= 8 {
            high |= p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < n {
            high |= UInt64(p.load(fromByteOffset: i, as: UInt8.self))
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
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

/// An object that holds a secret (client secret, token, PIN or verification code, security
/// answer, SIN): freeing it zeroes the stack depth the library used (`Handles.free`).
protocol HoldsSecrets: AnyObject {}

// The entry points built on these helpers still look alike: what they repeat is the
// `@c @implementation` signature flexiti.h dictates, plus the reading of their own arguments.

/// The `_new` of a handle the caller fills (config, request, sku data, applicant, verify
/// request): the err rule, a non-NULL `out`, then a new empty object in *out.
func create(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?,
            _ make: () -> AnyObject) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    out.pointee = Handles.register(make())
    return FLX_OK_CODE
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

// The handles whose objects hold secrets; the session scrubs in flx_session_free itself.
extension ConfigObject: HoldsSecrets {}
extension RequestObject: HoldsSecrets {}
extension VerifyRequestObject: HoldsSecrets {}
extension VerificationObject: HoldsSecrets {}
extension ApplicantObject: HoldsSecrets {}
/// The answer to a credit application may echo what the applicant gave.
extension Record: HoldsSecrets where Model == Application {}
