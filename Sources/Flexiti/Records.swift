import CFlexiti
import FlexitiCore

/// A result object handed to C whose fields come from a JSON answer (customer, authorization,
/// capture, ...). Getters borrow C strings from `strings`, which lives as long as the object.
protocol JSONRecord: AnyObject {
    var json: JSONValue { get }
    var strings: CStrings { get }
}

/// Getter helpers shared by every record type: an invalid handle reads as "" or 0.
enum RecordField {
    /// Text at a key path such as ["security_qid", "text"]; "" when absent.
    static func text<R: JSONRecord>(_ p: OpaquePointer?, _ type: R.Type, _ path: String...) -> UnsafePointer<CChar>? {
        guard let r = Handles.get(p, as: type) else { return UnsafePointer(CStrings.empty) }
        let key = path.count == 1 ? path[0] : path.joined(separator: ".")  // the usual case: one key
        return r.strings.get(key, value(r.json, path)?.text ?? "")
    }

    /// Computed text (for fields with two possible names and the like).
    static func text<R: JSONRecord>(_ p: OpaquePointer?, _ type: R.Type, key: String, _ compute: (JSONValue) -> String?) -> UnsafePointer<CChar>? {
        guard let r = Handles.get(p, as: type) else { return UnsafePointer(CStrings.empty) }
        return r.strings.get(key, compute(r.json) ?? "")
    }

    static func cents<R: JSONRecord>(_ p: OpaquePointer?, _ type: R.Type, _ path: String...) -> Int64 {
        guard let r = Handles.get(p, as: type) else { return 0 }
        return value(r.json, path)?.cents ?? 0
    }

    static func int<R: JSONRecord>(_ p: OpaquePointer?, _ type: R.Type, _ path: String...) -> Int64 {
        guard let r = Handles.get(p, as: type) else { return 0 }
        return value(r.json, path)?.int64 ?? 0
    }

    static func flag<R: JSONRecord>(_ p: OpaquePointer?, _ type: R.Type, _ path: String...) -> Int32 {
        guard let r = Handles.get(p, as: type) else { return 0 }
        return value(r.json, path)?.bool == true ? 1 : 0
    }

    static func value(_ json: JSONValue, _ path: [String]) -> JSONValue? {
        var v: JSONValue? = json
        for key in path { v = v?[key] }
        return v
    }
}
