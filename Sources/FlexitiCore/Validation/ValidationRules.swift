/// The client-side rule table: the format of every parameter the library checks (by name,
/// wherever it appears in a call) and the parameters each endpoint requires.
///
/// Messages and validation types are not written here: a check reports a `Failure`, and
/// `ValidationRules.fieldError` names it with the case text and type of the parameter's row in
/// ErrorTables.parameterRules (parameter_validations.tsv). docs/validation.md explains every
/// choice below; the numbers marked ASSUMPTION are ours, not Flexiti's.

/// What a check found wrong, before it is named with the reference's words.
enum Failure: Sendable {
    case notSent          // "Not sent"                                   required
    case notString        // "Value different to a string."               type
    case tooLong          // "Value with higher length"                   length
    case notNumber        // "Value different to a number."               type
    case hasDecimals      // "Value with decimals."                       invalid
    case notPositive      // "Value zero or negative."                    invalid
    case negative         // "Value negative."                            invalid
    case tooManyDigits    // "Value with higher precision"                length
    case decimalComma     // "Decimal point different to period."         invalid
    case tooPrecise       // "Value with higher precision and/or scale"   length
    case wrongFormat      // "Value with wrong format"                    invalid
    case pastDate         // "Value with a date less than the current date" invalid
    case notAllowed       // "Different to the available values."         invalid
    case tokenPrefix      // bearer token: not "Bearer " + token
    case tokenLength      // bearer token: longer than 1000 characters
    case tokenInvalid     // bearer token: characters a token cannot have

    /// The reference's usual wording and type for this failure.
    var text: String {
        switch self {
        case .notSent: return "Not sent"
        case .notString: return "Value different to a string."
        case .tooLong: return "Value with higher length"
        case .notNumber: return "Value different to a number."
        case .hasDecimals: return "Value with decimals."
        case .notPositive: return "Value zero or negative."
        case .negative: return "Value negative."
        case .tooManyDigits: return "Value with higher precision"
        case .decimalComma: return "Decimal point different to period."
        case .tooPrecise: return "Value with higher precision and/or scale"
        case .wrongFormat: return "Value with wrong format"
        case .pastDate: return "Value with a date less than the current date"
        case .notAllowed: return "Different to the available values."
        case .tokenPrefix: return "Value not started with \"Bearer\" followed by a space"
        case .tokenLength: return "Token length different to 1000 characters"
        case .tokenInvalid: return "Token not valid."
        }
    }
    var defaultType: String {
        switch self {
        case .notSent: return "required"
        case .notString, .notNumber: return "type"
        case .tooLong, .tooManyDigits, .tooPrecise: return "length"
        default: return "invalid"
        }
    }
    /// When a parameter's rows lack this case, the nearer case the reference does list for it
    /// (household_income has "Value with higher precision", not "... and/or scale").
    var fallback: Failure? {
        switch self {
        case .decimalComma, .hasDecimals: return .notNumber
        case .negative: return .notPositive
        case .tooPrecise: return .tooManyDigits
        default: return nil
        }
    }
}

/// How a parameter's value must look.
enum Format: Sendable {
    /// A JSON string of at most `max` characters (nil: the reference gives no maximum). With
    /// `numbersAllowed`, a JSON number is accepted as its text (request_id 34561234).
    case text(max: Int?, numbersAllowed: Bool = false)
    /// A positive whole number, as a JSON number or a string of digits. `maxDigits` counts
    /// significant digits (all characters when dashes or letters are allowed); `exactDigits`
    /// counts characters (a VCC keeps its leading zeros).
    /// `dashGroups`: digit groups joined by "-" (customer_id "1234567-12345"); `letters`: letters
    /// allowed too (govid_number "D61014070123456" from a decoded licence).
    case wholeNumber(maxDigits: Int? = nil, exactDigits: Int? = nil, dashGroups: Bool = false, letters: Bool = false)
    /// Digits only, any count up to `max` (identifiers whose only documented case is "not a number").
    case digits(max: Int? = nil)
    /// number(18,2): at most 16 integer digits and 2 decimals (extra zero decimals are fine).
    case amount(sign: AmountSign)
    /// YYYY-MM-DD, a real calendar date; `notPast`: not before today (see `CivilDate.earliestCanadianToday`).
    case date(notPast: Bool = false)
    /// One of the listed strings, exactly. `typed`: a non-string is "Value different to a string."
    case choice([String], typed: Bool = false)
    /// true or false (also the strings "true"/"false", which the API's form bodies carry).
    case boolean
    case email(max: Int)
    /// Exactly `count` digits, anything else "Value with wrong format" (employer_phone).
    case phone(count: Int)
    /// A string without control characters (employer_name: the reference names only a format case).
    case printable
    /// Flexiti's client id: 1 to 100 visible ASCII characters (Flexiti's API reference).
    case clientId
    /// govid_type: the reference lists codes "e.g." and its copy is cut off ("CADGSNF…"), so the
    /// client checks their shape, CA followed by 1 to 8 capital letters (CADL, CAPRC, CADPPEI).
    case govIdType
    /// Checked only by the server (allowed values not documented); listed so the name is known.
    case serverOnly
}

enum AmountSign: Sendable {
    case positive, nonNegative, any
}

/// A clean-up of what a cashier types or a scanner reads, applied before a value is checked
/// and sent (docs/validation.md, "Input as typed"). Each keeps the value's meaning; anything
/// else is left as given, for the check to refuse.
enum Normalization: Sendable {
    /// Ten digits written with spaces, `-`, `.`, parentheses, or after the country code `+1`/`1`:
    /// `(416) 555-0100`, `+1 416 555 0100` → `4165550100`.
    case phone
    /// Digits with spaces or scanner whitespace (tabs, line ends) anywhere: `1234 5678 9012 3456`.
    case spacedDigits
    /// Surrounding whitespace removed.
    case trimmed
    /// A two-letter code in capitals, surrounding whitespace removed: `on` → `ON`.
    case upperCode

    /// The cleaned text, or nil when the clean-up does not apply or changes nothing.
    func apply(_ s: String) -> String? {
        // Nothing to clean, the usual case: answered without copying the text (profiled).
        var s = s
        let clean = s.withUTF8 { u -> Bool in  // contiguous bytes: a UTF8View cost several times more
            switch self {
            case .spacedDigits, .trimmed: return !u.contains(where: Normalization.isSpace)
            case .upperCode: return u.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })
            case .phone: return u.allSatisfy(Checks.isDigit) && !(u.count == 11 && u.first == UInt8(ascii: "1"))
            }
        }
        if clean { return nil }
        let b = Array(s.utf8)
        let out: [UInt8]
        switch self {
        case .phone:
            var digits: [UInt8] = []
            var plus = false
            for (i, c) in Normalization.trim(b).enumerated() {
                if Checks.isDigit(c) { digits.append(c) }
                else if c == UInt8(ascii: "+") && i == 0 { plus = true }
                else if !(c == 0x20 || c == 0x09 || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
                          || c == UInt8(ascii: "(") || c == UInt8(ascii: ")")) { return nil }
            }
            // North American numbers: an area code never starts with 1, so 1 + ten digits is +1.
            if digits.count == 11 && digits[0] == UInt8(ascii: "1") { digits.removeFirst() }
            else if plus { return nil }
            out = digits
        case .spacedDigits:
            let kept = b.filter { !Normalization.isSpace($0) }
            guard !kept.isEmpty, kept.allSatisfy(Checks.isDigit) else { return nil }
            out = kept
        case .trimmed:
            out = Array(Normalization.trim(b))
        case .upperCode:
            let t = Normalization.trim(b)
            guard t.count == 2, t.allSatisfy(Checks.isLetter) else { return nil }
            out = t.map { $0 >= 0x61 ? $0 - 0x20 : $0 }
        }
        guard !out.isEmpty, out != b else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    static func trim(_ b: [UInt8]) -> ArraySlice<UInt8> {
        var t = b[...]
        while let f = t.first, isSpace(f) { t = t.dropFirst() }
        while let l = t.last, isSpace(l) { t = t.dropLast() }
        return t
    }
}

/// One parameter's rule. `overrides` replaces the reference's usual wording where this
/// parameter's row says something else ("Value different to a number" without the period).
struct ParamRule: Sendable {
    let format: Format
    let overrides: [Failure: String]
    init(_ format: Format, _ overrides: [Failure: String] = [:]) {
        self.format = format
        self.overrides = overrides
    }
}

/// Which parameters an endpoint requires. `when`: only if another parameter has that value
/// (a nil value: whenever that parameter is sent).
struct Requirement: Sendable {
    enum Kind: Sendable {
        case all([String])
        /// At least one of them (the account identifiers of lookup and /transactions).
        case oneOf([String])
        /// Sent, and true ("Different to the available values." otherwise): widget/init's
        /// apply flow, where tos_agreement "must be true" (Flexiti's API reference).
        case isTrue([String])
    }
    let kind: Kind
    let when: (param: String, value: String?)?

    static func all(_ p: String...) -> Requirement { Requirement(kind: .all(p), when: nil) }
    static func oneOf(_ p: String...) -> Requirement { Requirement(kind: .oneOf(p), when: nil) }
    static func all(when param: String, is value: String, _ p: String...) -> Requirement {
        Requirement(kind: .all(p), when: (param, value))
    }
    static func oneOf(when param: String, is value: String, _ p: String...) -> Requirement {
        Requirement(kind: .oneOf(p), when: (param, value))
    }
    static func isTrue(when param: String, is value: String, _ p: String...) -> Requirement {
        Requirement(kind: .isTrue(p), when: (param, value))
    }
    static func all(whenSent param: String, _ p: String...) -> Requirement {
        Requirement(kind: .all(p), when: (param, nil))
    }
}

package enum ValidationRules {
    // MARK: Values from Flexiti's API reference

    static let provinces = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
    /// financing_option.transaction_type and the authorizations filter. /transactions answers a
    /// wrong type with its own error, invalid_transaction_type (see `ownAnswers`).
    static let transactionTypes = ["promotional_purchase", "regular_purchase"]

    // MARK: Assumptions (docs/validation.md, "Choices")

    /// Where the reference gives two maxima (first_name 35 or 80, last_name 50 or 130,
    /// postal_code 6 or 10), the larger: refusing a value the server takes would stop a sale.
    static let firstNameMax = 80
    static let lastNameMax = 130
    static let postalCodeMax = 10
    /// The longest dynamic PIN seen in the reference (24856785); ASSUMPTION.
    static let verificationCodeMaxDigits = 8
    /// govid_issuedby: a province, or CA for federal documents (passport, PR card); ASSUMPTION.
    static let govIdIssuers = provinces + ["CA"]

    // MARK: The rule of every parameter, by name

    /// Parameter name → rule. Built once; the validator looks names up here.
    static let rules: [String: ParamRule] = [
        // parameter_validations.tsv
        "account_number": ParamRule(.wholeNumber(maxDigits: 14)),
        "address_1": ParamRule(.text(max: 250)),
        "address_2": ParamRule(.text(max: 100)),
        "amount": ParamRule(.amount(sign: .positive)),
        "amount_requested": ParamRule(.amount(sign: .positive)),
        "authorization_id": ParamRule(.digits(), [.notNumber: "Value different to a number"]),
        "auto_capture": ParamRule(.boolean),
        // "bearer token" is the header, checked by validateAuthorization.
        // The reference's only invalid case for capture_id reads "Client not valid." (see docs).
        "capture_id": ParamRule(.digits(), [.notNumber: "Client not valid."]),
        "city": ParamRule(.text(max: 100)),
        "client_id": ParamRule(.clientId, [.wrongFormat: "Client ID not valid"]),
        "client_secret": ParamRule(.text(max: nil)),
        "customer_id": ParamRule(.wholeNumber(maxDigits: 20, dashGroups: true)),
        "date": ParamRule(.date()),
        "dob": ParamRule(.date()),
        "email": ParamRule(.email(max: 100)),
        "employer_name": ParamRule(.printable),
        "employer_phone": ParamRule(.phone(count: 10)),
        "ending_date": ParamRule(.date()),
        "first_name": ParamRule(.text(max: firstNameMax)),
        "full_release": ParamRule(.boolean),
        "full_return": ParamRule(.boolean),
        "govid_expiry": ParamRule(.date(notPast: true)),
        "govid_issuedby": ParamRule(.choice(govIdIssuers)),
        "govid_number": ParamRule(.wholeNumber(dashGroups: true, letters: true)),
        "govid_type": ParamRule(.govIdType),
        "grant_type": ParamRule(.choice(["client_credentials", "refresh_token", "password"])),
        "household_income": ParamRule(.amount(sign: .nonNegative)),
        "housing_type": ParamRule(.serverOnly),
        "input_type": ParamRule(.serverOnly),
        "lang": ParamRule(.choice(["en", "fr"])),
        "last_name": ParamRule(.text(max: lastNameMax)),
        "location_id": ParamRule(.digits(), [.notNumber: "Value different to a number"]),
        "merchant_id": ParamRule(.digits(), [.notNumber: "Value different to a number"]),
        "merchant_password": ParamRule(.text(max: nil)),
        "merchant_username": ParamRule(.text(max: nil)),
        "middle_name": ParamRule(.text(max: nil)),
        "monthly_housing_expenses": ParamRule(.amount(sign: .any)),
        "occupation_id": ParamRule(.serverOnly),
        "occupation_title": ParamRule(.text(max: nil)),
        "page_number": ParamRule(.digits()),
        // 0 or negative is refused here; the maximum is the server's (it may cap a page, ListPage.pageSize).
        "page_size": ParamRule(.wholeNumber()),
        "personal_income": ParamRule(.amount(sign: .any)),
        "phone_number": ParamRule(.digits(max: 10)),
        "piw": ParamRule(.text(max: nil)),
        "plan_id": ParamRule(.wholeNumber(maxDigits: 3)),
        "postal_code": ParamRule(.text(max: postalCodeMax)),
        "preferred_language": ParamRule(.choice(["en-CA", "fr-CA"])),
        "province": ParamRule(.choice(provinces, typed: true)),
        "reference": ParamRule(.text(max: 40)),
        "salutation": ParamRule(.choice(["mr", "ms", "mrs", "mss"], typed: true)),
        "security_answer": ParamRule(.text(max: 50)),
        "security_qid": ParamRule(.wholeNumber(maxDigits: 5)),
        "sin": ParamRule(.wholeNumber(maxDigits: 9)),
        "term": ParamRule(.wholeNumber(maxDigits: 3)),
        "tos_agreement": ParamRule(.boolean),
        "transaction_type": ParamRule(.choice(transactionTypes)),
        "vcc_number": ParamRule(.wholeNumber(exactDigits: 16)),
        "verification_code": ParamRule(.wholeNumber(maxDigits: verificationCodeMaxDigits)),

        // Flexiti's API reference formats for parameters the TSV does not list
        "format": ParamRule(.choice(["sms", "email", "security_question", "merchant_override", "regular_purchase_bypass"])),
        "flow": ParamRule(.choice(["purchase", "apply"])),
        "account_type": ParamRule(.choice(["consumer", "business"])),
        "scope": ParamRule(.choice(["merchant", "customer"])),
        "request_id": ParamRule(.text(max: 150, numbersAllowed: true)),
        "creation_date_from": ParamRule(.date()),
        "creation_date_to": ParamRule(.date()),

        // sku_data (Flexiti's API reference): only these formats are checked inside it, see `opaqueObjects`
        "purchase_order": ParamRule(.text(max: 10)),
        "register_id": ParamRule(.text(max: 50)),
        "shipping_total": ParamRule(.amount(sign: .any)),
        "transaction_discount_total": ParamRule(.amount(sign: .any)),
        "transaction_subtotal": ParamRule(.amount(sign: .any)),
        "transaction_total": ParamRule(.amount(sign: .any)),
        "gst_hst": ParamRule(.amount(sign: .any)),
        "pst": ParamRule(.amount(sign: .any)),
        "unit_price": ParamRule(.amount(sign: .any)),
        "extended_price": ParamRule(.amount(sign: .any)),
        "quantity": ParamRule(.digits(max: 9)),
    ]

    // MARK: Input a cashier types, made what the API takes

    /// Parameter name → the clean-up applied before the value is checked and sent. Only what
    /// cannot change the value's meaning; a field error still shows the value as given.
    static let normalizations: [String: Normalization] = [
        "phone_number": .phone,
        "employer_phone": .phone,
        "account_number": .spacedDigits,
        "vcc_number": .spacedDigits,
        "customer_id": .trimmed,
        "province": .upperCode,
        "govid_issuedby": .upperCode,
    ]

    /// Path placeholders spelled differently from the parameter they carry.
    static let pathAliases: [String: String] = ["authorizationId": "authorization_id", "captureId": "capture_id"]

    /// Parameters whose wrong value an endpoint answers with its own error code, not
    /// wrong_inputs (endpoint_errors.tsv): the client leaves the value to the server there, so the
    /// caller gets the code it would get from Flexiti. They are still required where listed.
    static let ownAnswers: [String: Set<String>] = [
        key(Endpoints.transactions): ["transaction_type"],  // invalid_transaction_type
    ]

    /// Objects the validator looks into only for the members listed: Flexiti prints sku_data on
    /// the statement and does not validate it (Flexiti's API reference), but its lengths (ASCII(10),
    /// ASCII(50)) and number(18,2) amounts are the API's; signs are free (totals are negative
    /// on returns).
    static let opaqueObjects: [String: Set<String>] = [
        "sku_data": ["purchase_order", "register_id", "shipping_total", "transaction_discount_total", "transaction_subtotal",
                     "transaction_total", "gst_hst", "pst", "unit_price", "extended_price", "quantity"],
    ]

    // MARK: Required parameters per endpoint (Flexiti's API reference)

    static let requirements: [String: [Requirement]] = {
        let e = Endpoints.self
        let table: [(Endpoint, [Requirement])] = [
            (e.token, [.all("client_id", "client_secret"), .all(when: "grant_type", is: "refresh_token", "refresh_token")]),
            (e.customersSearch, [.all("client_id", "first_name", "last_name", "dob")]),
            (e.customersLookup, [.all("client_id"), .oneOf("account_number", "vcc_number", "customer_id")]),
            // format defaults to sms (Flexiti's API reference)
            (e.verify, [.all("client_id", "account_number"),
                        .all(when: "format", is: "security_question", "security_qid", "security_answer")]),
            (e.calculateInterest, [.all("client_id", "account_number", "amount")]),
            // A missing verification_code has its own answer here: verification_code_required.
            (e.transactions, [.all("client_id", "transaction_type", "amount"),
                              .oneOf("account_number", "vcc_number", "customer_id")]),
            (e.authorize, [.all("client_id", "account_number", "transaction_type", "amount", "auto_capture"),
                           .all(when: "transaction_type", is: "promotional_purchase", "plan_id", "term")]),
            (e.release, [.all("client_id", "authorization_id")]),
            (e.capture, [.all("client_id", "authorization_id", "amount")]),
            (e.returnCapture, [.all("client_id", "authorization_id", "capture_id")]),
            (e.refund, [.all("client_id", "account_number", "amount")]),
            (e.listAuthorizations, [.all("client_id")]),
            (e.getAuthorization, [.all("client_id", "authorization_id")]),
            (e.listCaptures, [.all("client_id")]),
            (e.close, [.all("client_id", "account_number")]),
            (e.driversLicense, [.all("client_id", "code")]),
            (e.i18n, [.all("client_id")]),
            (e.termsAndConditions, [.all("client_id")]),
            (e.widgetInit, [.all("client_id", "flow"),
                            .all(when: "flow", is: "purchase", "customer_identification"),
                            .oneOf(when: "flow", is: "purchase", "account_number", "vcc_number", "personal_information"),
                            .all(whenSent: "personal_information", "first_name", "last_name", "dob"),
                            .all(when: "flow", is: "apply", "personal_information", "first_name", "last_name", "dob",
                                 "email", "phone_number", "address_1", "city", "province", "account_type"),
                            .isTrue(when: "flow", is: "apply", "tos_agreement")]),
            // The same personal information as widget/init (Flexiti's API reference). A missing or false
            // tos_agreement has its own answer here: tos_agreement_required.
            (e.apply, [.all("client_id", "personal_information", "first_name", "last_name", "dob",
                            "email", "phone_number", "address_1", "city", "province")]),
        ]
        var d: [String: [Requirement]] = [:]
        for (endpoint, reqs) in table { d[key(endpoint)] = reqs }
        return d
    }()

    static func key(_ e: Endpoint) -> String { e.method.rawValue + " " + e.template }

    // MARK: Rows only the server can check

    /// Rows of parameter_validations.tsv ("param\tcase") the client does not check, and why.
    /// docs/validation.md lists the same; a test keeps the three in step.
    package static let serverOnly: [String: String] = {
        let applyWithdrawn = "the apply request reference was withdrawn (Flexiti's API reference); of apply's fields the library requires only the personal and contact ones widget/init documents"
        return [
            "bearer token\tToken expired.": "only the server knows when it revoked or expired a token; the library renews tokens 60 s before expires_in and retries once after invalid_token",
            "client_secret\tValue with higher length": "the reference gives no maximum length for client_secret",
            "govid_number\tValue with higher precision": "the reference gives no maximum length for govid_number",
            "housing_type\tDifferent to the available values.": "the allowed values of housing_type are not documented",
            "housing_type\tNot sent": applyWithdrawn,
            "household_income\tNot sent": applyWithdrawn,
            "input_type\tDifferent to the available values.": "the allowed values of input_type are not documented, nor the endpoint that takes it",
            "merchant_password\tNot sent": "merchants/login is deprecated since release 20.3 and not offered by the library",
            "merchant_password\tValue with higher length": "the reference gives no maximum length for merchant_password",
            "merchant_username\tNot sent": "merchants/login is deprecated since release 20.3 and not offered by the library",
            "merchant_username\tValue with higher length": "the reference gives no maximum length for merchant_username",
            "middle_name\tValue with higher length": "the reference gives no maximum length for middle_name",
            "monthly_housing_expenses\tNot sent": applyWithdrawn,
            "occupation_id\tDifferent to the available values.": "the allowed values of occupation_id are not documented",
            "occupation_id\tNot sent": applyWithdrawn,
            "occupation_title\tNot sent": applyWithdrawn,
            "occupation_title\tValue with higher length": "the reference gives no maximum length for occupation_title",
            "page_number\tNot sent": "Flexiti's API reference documents page_number as optional (default 1) on the list endpoints",
            "personal_income\tNot sent": applyWithdrawn,
            "piw\tNot sent": "no documented request takes piw (Flexiti's API reference: only the error piw_mismatch exists)",
            "piw\tValue with higher length": "the reference gives no maximum length for piw",
            "verification_code\tNot sent": "needed in store only, and the client cannot tell an in-store call from an online one (which sends widget_session_id instead); /transactions answers a missing code with its own error, verification_code_required",
            "salutation\tNot sent": applyWithdrawn,
            "govid_expiry\tNot sent": applyWithdrawn,
            "govid_issuedby\tNot sent": applyWithdrawn,
            "govid_number\tNot sent": applyWithdrawn,
            "govid_type\tNot sent": applyWithdrawn,
        ]
    }()

    // MARK: Naming a failure with the reference's words

    /// (param, case text) → validation type, from ErrorTables.parameterRules.
    static let tsvType: [String: String] = {
        var d: [String: String] = [:]
        for r in ErrorTables.parameterRules { d[r.param + "\t" + r.scenario] = r.type }
        return d
    }()
    static let tsvParams: Set<String> = Set(ErrorTables.parameterRules.map(\.param))

    /// The field error for a failure of `param`: the case text of the parameter's own row
    /// (following `fallback` when it has no row for this failure), its type, and the value
    /// unless the parameter is a secret.
    static func fieldError(_ param: String, _ failure: Failure, value: String, overrides: [Failure: String] = [:]) -> FieldError {
        let (text, type) = naming(param, failure, overrides)
        return FieldError(param: param, msg: text, value: SecretParameters.redact(param: param, value: value), type: type)
    }

    static func naming(_ param: String, _ failure: Failure, _ overrides: [Failure: String]) -> (String, String) {
        var f: Failure? = failure
        while let cur = f {
            if let o = overrides[cur] { return (o, tsvType[param + "\t" + o] ?? cur.defaultType) }
            if let t = tsvType[param + "\t" + cur.text] { return (cur.text, t) }
            // A parameter the reference does not list keeps the usual wording.
            guard tsvParams.contains(param) else { break }
            f = cur.fallback
        }
        return (failure.text, failure.defaultType)
    }
}

/// The tables above compiled once into integer ids, so a call costs one hash lookup per name
/// it carries (about 5 µs for a full authorization, 3 µs for a lookup, in a release build).
struct CompiledRules: Sendable {
    struct Entry: Sendable {
        let id: Int
        let rule: ParamRule?
        /// For an object looked into only partly (sku_data): the members checked.
        let inside: Set<String>?
        let normalization: Normalization?
    }
    struct Need: Sendable {
        let oneOf: Bool
        let mustBeTrue: Bool
        let ids: [Int]
        let when: (id: Int, value: String?)?
    }
    struct Plan: Sendable {
        /// (placeholder, parameter id) in template order.
        let path: [(String, Int)]
        let needs: [Need]
        /// Ids whose value this endpoint leaves to the server (`ownAnswers`).
        let unchecked: Set<Int>
    }

    let index: [String: Entry]
    let names: [String]
    /// The entry of a parameter id (nil: not a known id).
    func entry(_ id: Int) -> Entry? { entries.indices.contains(id) && entries[id].id == id ? entries[id] : nil }
    /// Entries by id (`names` order).
    let entries: [Entry]
    let plans: [String: Plan]
    let plansByTemplate: [String: [(HTTPMethod, Plan)]]

    static let shared = CompiledRules()

    private init() {
        var names: [String] = []
        var index: [String: Entry] = [:]
        func id(_ n: String) -> Int {
            if let e = index[n] { return e.id }
            names.append(n)
            index[n] = Entry(id: names.count - 1, rule: ValidationRules.rules[n], inside: ValidationRules.opaqueObjects[n],
                             normalization: ValidationRules.normalizations[n])
            return names.count - 1
        }
        for n in ValidationRules.rules.keys.sorted() { _ = id(n) }
        for n in ValidationRules.opaqueObjects.keys.sorted() { _ = id(n) }
        var plans: [String: Plan] = [:]
        for e in Endpoints.all {
            let path = RequestValidator.parsePlaceholders(e.template).map { ($0, id(ValidationRules.pathAliases[$0] ?? $0)) }
            let needs = (ValidationRules.requirements[ValidationRules.key(e)] ?? []).map { r -> Need in
                let when = r.when.map { (id: id($0.param), value: $0.value) }
                switch r.kind {
                case let .all(p): return Need(oneOf: false, mustBeTrue: false, ids: p.map(id), when: when)
                case let .oneOf(p): return Need(oneOf: true, mustBeTrue: false, ids: p.map(id), when: when)
                case let .isTrue(p): return Need(oneOf: false, mustBeTrue: true, ids: p.map(id), when: when)
                }
            }
            let unchecked = Set((ValidationRules.ownAnswers[ValidationRules.key(e)] ?? []).map(id))
            plans[ValidationRules.key(e)] = Plan(path: path, needs: needs, unchecked: unchecked)
        }
        self.index = index
        self.names = names
        self.entries = names.compactMap { index[$0] }
        self.plans = plans
        var byTemplate: [String: [(HTTPMethod, Plan)]] = [:]
        for e in Endpoints.all {
            if let p = plans[ValidationRules.key(e)] { byTemplate[e.template, default: []].append((e.method, p)) }
        }
        self.plansByTemplate = byTemplate
    }

    /// An endpoint outside Endpoints.all: its placeholders, nothing required.
    func plan(for e: Endpoint) -> Plan {
        // By template, then method: no "METHOD template" string to build on every call (profiled).
        if let byMethod = plansByTemplate[e.template] {
            for (method, p) in byMethod where method == e.method { return p }
        }
        if let p = plans[ValidationRules.key(e)] { return p }
        return Plan(path: RequestValidator.parsePlaceholders(e.template).map { ($0, index[ValidationRules.pathAliases[$0] ?? $0]?.id ?? -1) },
                    needs: [], unchecked: [])
    }
}
