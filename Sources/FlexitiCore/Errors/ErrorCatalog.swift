/// One entry of the code catalogue.
package struct ErrorCodeInfo: Sendable {
    package let code: ErrorCode
    /// For API codes, the Flexiti `error` string exactly; for library codes, a snake_case name.
    package let name: String
    /// The C enumerator, e.g. `FLX_E_AUTH_AMOUNT_EXCEEDED`.
    package let symbol: String
    package let description: String
}

/// Lookups over the codes. The codes themselves (`all`, `aliases`, the `ErrorCode` constants) are
/// written into ErrorCode.swift by scripts/gen-error-codes.py from scripts/error-codes.tsv.
package enum ErrorCatalog {
    private static let byRaw: [Int32: ErrorCodeInfo] = {
        var d: [Int32: ErrorCodeInfo] = [:]
        for i in all { d[i.code.rawValue] = i }
        return d
    }()
    private static let byName: [String: ErrorCode] = {
        var d = aliases
        for i in all where (100..<200).contains(i.code.rawValue) { d[i.name] = i.code }
        return d
    }()

    package static func info(_ code: ErrorCode) -> ErrorCodeInfo? { byRaw[code.rawValue] }
    /// The API code for a Flexiti `error` string, or nil when this version does not know it.
    package static func code(forAPIError error: String) -> ErrorCode? { byName[error] }

    static func lib(_ code: ErrorCode, _ name: String, _ symbol: String, _ text: String) -> ErrorCodeInfo {
        ErrorCodeInfo(code: code, name: name, symbol: symbol, description: text)
    }
    /// An API code; without a description of its own, it is described by Flexiti's reference.
    static func api(_ code: ErrorCode, _ name: String, _ symbol: String, description: String? = nil) -> ErrorCodeInfo {
        ErrorCodeInfo(code: code, name: name, symbol: symbol, description: description ?? generalDescription(name))
    }

    /// The general description of an API error string: its scenario in general_errors.tsv, else
    /// the first endpoint scenario that mentions it.
    static func generalDescription(_ error: String) -> String {
        if let row = ErrorTables.general.first(where: { $0.error == error }) { return row.scenario }
        if let row = ErrorTables.endpoint.first(where: { $0.error == error }) { return row.scenario }
        return error
    }
}
