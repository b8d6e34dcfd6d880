import CFlexiti
import FlexitiCore

/// The object behind every result read from a JSON answer (flx_customer, flx_authorization,
/// flx_capture, flx_receipt, flx_financing, ...): the answer's model, which keeps jansson's
/// parsed tree alive. Getters lend the tree's own strings, which stay valid and unchanged until
/// the record is freed (the tree is never changed once shared).
final class Record<Model: AnswerRecord>: LendsStrings {
    let model: Model
    /// Records lent by a list (flx_customer_list): their _free ignores them.
    let borrowed: Bool
    /// Texts the answer does not hold as such (an idempotency key, a parsed URL parameter):
    /// `strings`, made on first use.
    var lentStrings: CStrings? = nil

    init(_ model: Model, borrowed: Bool = false) {
        self.model = model
        self.borrowed = borrowed
    }

    var json: JSONNode { model.json }
}

typealias CustomerObject = Record<Customer>
typealias AuthorizationObject = Record<Authorization>
typealias CaptureObject = Record<Capture>
typealias ReceiptObject = Record<Receipt>
typealias FinancingObject = Record<FinancingOptions>
typealias WidgetObject = Record<WidgetSession>
typealias ApplicationObject = Record<Application>

/// Getter helpers shared by every record type: an invalid handle reads as "" or 0.
enum RecordField {
    /// "" for absent texts and invalid handles.
    static var empty: UnsafePointer<CChar>? { UnsafePointer(CStrings.empty) }

    /// The value at `key` (and `inner` inside it) of the record behind `p`.
    static func node<M: AnswerRecord>(_ p: OpaquePointer?, _ type: M.Type, _ key: String, _ inner: String? = nil) -> JSONNode? {
        guard let r = Handles.get(p, as: Record<M>.self), let v = r.model.field(key) else { return nil }
        guard let inner else { return v }
        return v[inner]
    }

    /// Text at a key (or key and inner key) such as "security_qid", "text"; "" when absent.
    static func text<M: AnswerRecord>(_ p: OpaquePointer?, _ type: M.Type, _ key: String, _ inner: String? = nil) -> UnsafePointer<CChar>? {
        node(p, type, key, inner)?.cString ?? empty
    }

    /// Text the model picks (fields with two possible names and the like); "" when absent.
    static func text<M: AnswerRecord>(_ p: OpaquePointer?, _ type: M.Type, _ pick: (M) -> JSONNode?) -> UnsafePointer<CChar>? {
        guard let r = Handles.get(p, as: Record<M>.self) else { return empty }
        return pick(r.model)?.cString ?? empty
    }

    static func cents<M: AnswerRecord>(_ p: OpaquePointer?, _ type: M.Type, _ key: String, _ inner: String? = nil) -> Int64 {
        node(p, type, key, inner)?.cents ?? 0
    }

    static func int<M: AnswerRecord>(_ p: OpaquePointer?, _ type: M.Type, _ key: String, _ inner: String? = nil) -> Int64 {
        node(p, type, key, inner)?.int64 ?? 0
    }

    static func flag<M: AnswerRecord>(_ p: OpaquePointer?, _ type: M.Type, _ key: String, _ inner: String? = nil) -> Int32 {
        node(p, type, key, inner)?.bool == true ? 1 : 0
    }

    /// A text of an entry found by `find` (an indexed getter): NULL when there is no such entry,
    /// "" when the entry lacks the field.
    static func entryText(_ entry: JSONNode?, _ field: String) -> UnsafePointer<CChar>? {
        guard let entry else { return nil }
        return entry[field]?.cString ?? empty
    }
}

extension Handles {
    /// free(_:as:) for records: the conditional conformance `Record: HoldsSecrets where Model ==
    /// Application` (Handles.swift) was looked up at run time on every free (about 280
    /// instructions); the same choice by type, known when compiled.
    static func free<M: AnswerRecord>(_ p: OpaquePointer?, as type: Record<M>.Type) {
        if M.self == Application.self {
            SecureMemory.freeing { _ = remove(p, as: type) }
        } else {
            remove(p, as: type)
        }
    }
}
