/// Every integer code of the C API, with its name and general description.
///
/// The numbers are part of the ABI and mirror the `flx_code` enum in include/flexiti.h
/// (a test compares the two). Never renumber; retire a code by leaving it in place.
/// 1–99 are the library's own conditions; 100–199 are Flexiti `error` strings, one code per
/// distinct string of general_errors.tsv and endpoint_errors.tsv, numbered in order of first
/// appearance (general table first).
package struct ErrorCode: RawRepresentable, Hashable, Sendable {
    package let rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    package static let ok = ErrorCode(rawValue: 0)
    package static let invalidArgument = ErrorCode(rawValue: 1)
    package static let outOfMemory = ErrorCode(rawValue: 2)
    package static let misuse = ErrorCode(rawValue: 3)
    package static let connect = ErrorCode(rawValue: 4)
    package static let timeout = ErrorCode(rawValue: 5)
    package static let tls = ErrorCode(rawValue: 6)
    package static let transport = ErrorCode(rawValue: 7)
    package static let outcomeUnknown = ErrorCode(rawValue: 8)
    package static let malformedResponse = ErrorCode(rawValue: 9)
    package static let httpUnauthorized = ErrorCode(rawValue: 10)
    package static let httpForbidden = ErrorCode(rawValue: 11)
    package static let httpNotFound = ErrorCode(rawValue: 12)
    package static let httpBlocked = ErrorCode(rawValue: 13)
    package static let httpServerError = ErrorCode(rawValue: 14)
    package static let httpUnavailable = ErrorCode(rawValue: 15)
    package static let httpOther = ErrorCode(rawValue: 16)
    package static let unknownAPIError = ErrorCode(rawValue: 17)
    package static let insecureURL = ErrorCode(rawValue: 18)
    package static let notAvailable = ErrorCode(rawValue: 19)
    package static let journalFailed = ErrorCode(rawValue: 20)
    package static let journalInvalid = ErrorCode(rawValue: 21)
    package static let journalBusy = ErrorCode(rawValue: 22)

    package static let notFound = ErrorCode(rawValue: 103)
    package static let invalidToken = ErrorCode(rawValue: 104)
    package static let wrongInputs = ErrorCode(rawValue: 139)
    /// Not in Flexiti's tables (see the catalogue below); also raised locally.
    package static let idempotencyConflict = ErrorCode(rawValue: 153)
}

/// One entry of the code catalogue.
package struct ErrorCodeInfo: Sendable {
    package let code: ErrorCode
    /// For API codes, the Flexiti `error` string exactly; for library codes, a snake_case name.
    package let name: String
    /// The C enumerator, e.g. `FLX_E_AUTH_AMOUNT_EXCEEDED`.
    package let symbol: String
    package let description: String
}

package enum ErrorCatalog {
    /// All codes, in numeric order.
    package static let all: [ErrorCodeInfo] = library + api

    static let library: [ErrorCodeInfo] = [
        lib(0, "ok", "FLX_OK", "Success"),
        lib(1, "invalid_argument", "FLX_E_INVALID_ARGUMENT", "An argument the API could never see: NULL, not valid UTF-8, too long for the library, an unknown enum value, a field the request does not take (a bad value of an API parameter is FLX_E_WRONG_INPUTS)"),
        lib(2, "out_of_memory", "FLX_E_OUT_OF_MEMORY", "Memory could not be allocated"),
        lib(3, "misuse", "FLX_E_MISUSE", "The handle is not a live object of the expected type (freed, or another type)"),
        lib(4, "connect_failed", "FLX_E_CONNECT", "Could not resolve or connect to the Flexiti host; the request was not sent"),
        lib(5, "timeout", "FLX_E_TIMEOUT", "The request timed out before an answer arrived (a request that changes state and may have been sent reports FLX_E_OUTCOME_UNKNOWN instead)"),
        lib(6, "tls_failed", "FLX_E_TLS", "TLS handshake or certificate verification failed; the request was not sent"),
        lib(7, "transport_failed", "FLX_E_TRANSPORT", "A network error other than connect, timeout or TLS"),
        lib(8, "outcome_unknown", "FLX_E_OUTCOME_UNKNOWN", "A request that changes state may have been performed at Flexiti and no definite answer followed; retry with the same request (money calls: same idempotency key) or read the state back"),
        lib(9, "malformed_response", "FLX_E_MALFORMED_RESPONSE", "The server answered a read with a body that is not the JSON expected (empty, wrong shape, missing what the endpoint promises, or carrying an error)"),
        lib(10, "http_unauthorized", "FLX_E_HTTP_UNAUTHORIZED", "HTTP 401 without a usable error body"),
        lib(11, "http_forbidden", "FLX_E_HTTP_FORBIDDEN", "HTTP 403 without a usable error body"),
        lib(12, "http_not_found", "FLX_E_HTTP_NOT_FOUND", "HTTP 404 without a usable error body"),
        lib(13, "http_blocked", "FLX_E_HTTP_BLOCKED", "HTTP 465/466/467: blocked by Flexiti's web firewall (malicious payload, access rule or geo-block); treat like 403"),
        lib(14, "http_server_error", "FLX_E_HTTP_SERVER_ERROR", "HTTP 500 without a usable error body"),
        lib(15, "http_unavailable", "FLX_E_HTTP_UNAVAILABLE", "HTTP 502, 503, 504 or another 5xx without a usable error body"),
        lib(16, "http_other", "FLX_E_HTTP_OTHER", "An HTTP status the API does not document, without a usable error body"),
        lib(17, "unknown_api_error", "FLX_E_UNKNOWN_API_ERROR", "Flexiti returned an error string this version does not know; see the raw string in the error object"),
        lib(18, "insecure_url", "FLX_E_INSECURE_URL", "Plain http:// to a host that is not loopback, without allow_insecure_http"),
        lib(19, "not_available", "FLX_E_NOT_AVAILABLE", "The requested value is not present in this response"),
        lib(20, "journal_failed", "FLX_E_JOURNAL", "The money journal could not be created, read or written (missing or read-only directory, full disk); a money call that could not be recorded was not sent"),
        lib(21, "journal_invalid", "FLX_E_JOURNAL_INVALID", "The file is not a libflexiti journal, is damaged, or was written by a newer version (schema); it was left untouched"),
        lib(22, "journal_busy", "FLX_E_JOURNAL_BUSY", "Another process or journal handle has this journal open; one journal serves one process at a time"),
    ]

    // The API codes. `general_error` and `generic_error` are different strings in the reference
    // and so different codes; `wrong_input` (a documented misspelling) maps to wrong_inputs.
    static let api: [ErrorCodeInfo] = [
        api(100, "invalid_account"), api(101, "invalid_client"), api(102, "invalid_request"),
        api(103, "not_found", nil, "The customer account, VCC, authorization or capture was not found"), api(104, "invalid_token"), api(105, "Unauthorized", "UNAUTHORIZED"),
        api(106, "customer_identity_not_found"), api(107, "application_create_error"),
        api(108, "application_declined"), api(109, "application_declined_2"),
        api(110, "application_declined_3"), api(111, "application_marked_pending_1"),
        api(112, "application_marked_pending_2"), api(113, "auth_amount_exceeded"),
        api(114, "auth_not_allowed"), api(115, "authentication_failure"),
        api(116, "authorization_ended"), api(117, "authorization_unauthorized"),
        api(118, "credit_exceeded"), api(119, "creditapp_id_not_found"),
        api(120, "customer_already_exists"), api(121, "generic_error"),
        api(122, "invalid_transaction_type"), api(123, "limit_payment_amount_24"),
        api(124, "merchant_override_is_not_allowed"), api(125, "not_enough_credit"),
        api(126, "not_permitted"), api(127, "piw_mismatch"), api(128, "plan_term_not_available"),
        api(129, "plan_term_not_set"), api(130, "refunds_limit_exceeded_amount"),
        api(131, "secret_answer_mismatch"), api(132, "tos_agreement_required"),
        api(133, "user_not_able_to_purchase"), api(134, "user_not_active"),
        api(135, "verification_code_required"), api(136, "wrong_transaction_type"),
        api(137, "wrong_verification_code"), api(138, "invalid_role"), api(139, "wrong_inputs"),
        api(140, "general_error"), api(141, "not_verified"), api(142, "external_location_id_not_found"),
        api(143, "account_type_not_permitted"),
        api(144, "Insufficient scope: authorized scope is insufficient", "INSUFFICIENT_SCOPE"),
        api(145, "merchant_not_support_nonprime_regularpurchase"), api(146, "sms_not_valid_phone"),
        api(147, "regular_purchase_bypass_is_not_allowed"), api(148, "tries_exceed"),
        api(149, "vcc_account_mismatch"), api(150, "date_from_bigger_than_date_to"),
        api(151, "capture_amount_exceeded"), api(152, "return_date_exceeded"),
        // Not in the reference tables: ASSUMPTION, Flexiti's API reference silent for an x-context-hash mismatch.
        api(153, "idempotency_conflict", nil, "The same idempotency key was sent with a different request body"),
    ]

    /// Error strings the server may send that mean an existing code.
    static let aliases: [String: ErrorCode] = ["wrong_input": .wrongInputs]

    private static let byRaw: [Int32: ErrorCodeInfo] = {
        var d: [Int32: ErrorCodeInfo] = [:]
        for i in all { d[i.code.rawValue] = i }
        return d
    }()
    private static let byName: [String: ErrorCode] = {
        var d = aliases
        for i in api { d[i.name] = i.code }
        return d
    }()

    package static func info(_ code: ErrorCode) -> ErrorCodeInfo? { byRaw[code.rawValue] }
    /// The API code for a Flexiti `error` string, or nil when this version does not know it.
    package static func code(forAPIError error: String) -> ErrorCode? { byName[error] }

    private static func lib(_ n: Int32, _ name: String, _ symbol: String, _ text: String) -> ErrorCodeInfo {
        ErrorCodeInfo(code: ErrorCode(rawValue: n), name: name, symbol: symbol, description: text)
    }
    private static func api(_ n: Int32, _ name: String, _ symbolTail: String? = nil, _ text: String? = nil) -> ErrorCodeInfo {
        let tail = symbolTail ?? name.uppercased()
        return ErrorCodeInfo(code: ErrorCode(rawValue: n), name: name, symbol: "FLX_E_" + tail,
                             description: text ?? ErrorCatalog.generalDescription(name))
    }

    /// The general description of an API error string: its scenario in general_errors.tsv, else
    /// the first endpoint scenario that mentions it.
    static func generalDescription(_ error: String) -> String {
        if let row = ErrorTables.general.first(where: { $0.error == error }) { return row.scenario }
        if let row = ErrorTables.endpoint.first(where: { $0.error == error }) { return row.scenario }
        return error
    }
}
