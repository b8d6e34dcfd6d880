/// Input checks following parameter_validations.tsv. A `Validator` collects every failing field,
/// so one 409 wrong_inputs lists them all at once.
struct Validator {
    var errors: [FieldError] = []

    mutating func fail(_ param: String, _ type: String, _ msg: String, _ value: JSON?) {
        errors.append(FieldError(param: param, msg: msg, value: value ?? .null, type: type))
    }

    func check(route: String) throws {
        if !errors.isEmpty { throw APIError.wrongInputs(errors, route: route) }
    }

    /// number(18,2) amount, as a JSON number or numeric string → cents.
    mutating func money(_ name: String, _ v: JSON?, required: Bool = true, allowZero: Bool = false,
                        allowNegative: Bool = false) -> Int64? {
        guard let v else {
            if required { fail(name, "required", "\(name) is required", nil) }
            return nil
        }
        guard case .number(let text) = v else {
            if case .string(let s) = v {
                return moneyText(name, s, v, allowZero: allowZero, allowNegative: allowNegative)
            }
            fail(name, "type", "\(name) must be a number", v)
            return nil
        }
        return moneyText(name, text, v, allowZero: allowZero, allowNegative: allowNegative)
    }

    private mutating func moneyText(_ name: String, _ text: String, _ v: JSON, allowZero: Bool, allowNegative: Bool) -> Int64? {
        switch Money.parse(text, allowZero: allowZero, allowNegative: allowNegative) {
        case .success(let c): return c
        case .failure(.type): fail(name, "type", "\(name) must be a number", v)
        case .failure(.invalid):
            fail(name, "invalid", text.contains(",") ? "\(name) must use a period as decimal point"
                 : "\(name) must be greater than zero", v)
        case .failure(.length): fail(name, "length", "\(name) allows at most 16 integer digits and 2 decimals", v)
        }
        return nil
    }

    /// Positive whole number with at most `digits` digits (account_number 14, authorization_id 16, ...).
    mutating func integer(_ name: String, _ v: JSON?, digits: Int, required: Bool = true) -> Int64? {
        guard let v else {
            if required { fail(name, "required", "\(name) is required", nil) }
            return nil
        }
        guard let text = (v.stringValue ?? (v.scalarText.flatMap { v.boolValue == nil ? $0 : nil }))?.trimmingWhitespace(),
              !text.isEmpty else {
            fail(name, "type", "\(name) must be a number", v)
            return nil
        }
        var t = Substring(text)
        let negative = t.first == "-"
        if negative { t = t.dropFirst() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.isAllASCIIDigits }) else {
            fail(name, "type", "\(name) must be a number", v)
            return nil
        }
        if parts.count == 2, parts[1].contains(where: { $0 != "0" }) {
            fail(name, "invalid", "\(name) must be a whole number", v)
            return nil
        }
        let digitsPart = parts[0].drop(while: { $0 == "0" })
        if digitsPart.count > digits {
            // parameter_validations.tsv types an over-long verification_code as invalid, the rest as length.
            fail(name, name == "verification_code" ? "invalid" : "length", "\(name) allows at most \(digits) digits", v)
            return nil
        }
        let n = Int64(digitsPart) ?? 0
        if negative || n == 0 {
            fail(name, "invalid", "\(name) must be greater than zero", v)
            return nil
        }
        return n
    }

    /// `allowNumber`: identifiers documented as ASCII but sent as numbers in Flexiti's own examples
    /// (request_id 34561234); elsewhere a number where a string is documented is a `type` error.
    mutating func string(_ name: String, _ v: JSON?, maxLength: Int, required: Bool = false,
                         allowNumber: Bool = false) -> String? {
        guard let v else {
            if required { fail(name, "required", "\(name) is required", nil) }
            return nil
        }
        let s: String
        switch v {
        case .string(let x): s = x
        case .number(let x) where allowNumber: s = x
        default:
            fail(name, "type", "\(name) must be a string", v)
            return nil
        }
        if required && s.trimmingWhitespace().isEmpty {
            fail(name, "required", "\(name) is required", v)
            return nil
        }
        if s.count > maxLength {
            fail(name, "length", "\(name) allows at most \(maxLength) characters", v)
            return nil
        }
        return s
    }

    mutating func oneOf(_ name: String, _ v: JSON?, _ allowed: [String], required: Bool = false) -> String? {
        guard let v else {
            if required { fail(name, "required", "\(name) is required", nil) }
            return nil
        }
        guard case .string(let s) = v else {
            fail(name, "type", "\(name) must be a string", v)
            return nil
        }
        guard allowed.contains(s) else {
            fail(name, "invalid", "\(name) must be one of: \(allowed.joined(separator: ", "))", v)
            return nil
        }
        return s
    }

    mutating func bool(_ name: String, _ v: JSON?, required: Bool = false) -> Bool? {
        guard let v else {
            if required { fail(name, "required", "\(name) is required", nil) }
            return nil
        }
        switch v {
        case .bool(let b): return b
        case .string("true"): return true
        case .string("false"): return false
        default:
            fail(name, "invalid", "\(name) must be true or false", v)
            return nil
        }
    }

    /// YYYY-MM-DD → epoch seconds at midnight UTC.
    mutating func date(_ name: String, _ v: JSON?, required: Bool = false) -> Int64? {
        guard let v else {
            if required { fail(name, "required", "\(name) is required", nil) }
            return nil
        }
        guard let s = v.stringValue, let t = Time.parseDate(s) else {
            fail(name, "invalid", "\(name) must be a date in the format YYYY-MM-DD", v)
            return nil
        }
        return t
    }

    /// `lang`: en or fr (default en).
    mutating func lang(_ req: APIRequest) -> String {
        let v = req.query("lang").map(JSON.string) ?? req.field("lang")
        return oneOf("lang", v, ["en", "fr"]) ?? "en"
    }

    /// VCC: 16 digits, sent as a string (or number).
    mutating func vcc(_ name: String = "vcc_number", _ v: JSON?, required: Bool = false) -> String? {
        guard let v else {
            if required { fail(name, "required", "\(name) is required", nil) }
            return nil
        }
        guard let s = v.scalarText?.trimmingWhitespace(), v.boolValue == nil else {
            fail(name, "type", "\(name) must be a 16-digit number", v)
            return nil
        }
        if s.contains(".") { fail(name, "invalid", "\(name) must not have decimals", v); return nil }
        if s.hasPrefix("-") { fail(name, "invalid", "\(name) must be greater than zero", v); return nil }
        guard s.isAllASCIIDigits else { fail(name, "type", "\(name) must be a 16-digit number", v); return nil }
        if s.allSatisfy({ $0 == "0" }) { fail(name, "invalid", "\(name) must be greater than zero", v); return nil }
        guard s.count == 16 else { fail(name, "length", "\(name) must have 16 digits", v); return nil }
        return s
    }
}

extension APIRequest {
    /// A query parameter as JSON (string), or nil when absent.
    func q(_ name: String) -> JSON? { query(name).map(JSON.string) }
}
