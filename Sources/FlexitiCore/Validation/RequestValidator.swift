import Glibc

/// The client-side validator: every call passes through `validate` in Session.send before any
/// network activity, so a typo fails offline with the server's wrong_inputs shape. The rules
/// are in ValidationRules.swift; docs/validation.md lists what is checked here and what only
/// the server can check.
package enum RequestValidator {
    /// All failing fields of the call at once (empty: valid), at most one per parameter, in the
    /// order they appear (path, query, body), then the required parameters that are missing.
    /// Secret values are never echoed.
    package static func validate(_ call: APICall) -> [FieldError] {
        validate(call, now: nil)
    }

    /// `now`: epoch seconds for the govid_expiry check (tests); nil reads the system clock.
    static func validate(_ call: APICall, now: Int?) -> [FieldError] {
        check(call, now: now).errors
    }

    /// The call's field errors, and whether `normalized` could change anything in it (false:
    /// the call is sent as it is, with no second pass over it).
    static func check(_ call: APICall, now: Int? = nil) -> (errors: [FieldError], needsNormalizing: Bool) {
        let rules = CompiledRules.shared
        let plan = rules.plan(for: call.endpoint)
        var walk = Walk(rules: rules, unchecked: plan.unchecked, now: now)
        for (placeholder, id) in plan.path {
            if let value = call.pathParams[placeholder] { walk.visit(id: id, placeholder, .string(value)) }
        }
        for (name, value) in call.query { walk.visit(name, .string(value)) }
        if let body = call.body { walk.visitMembers(body) }
        walk.checkRequirements(plan.needs)
        return (walk.errors, walk.needsNormalizing)
    }

    /// The call as it is sent: every value with a clean-up in `ValidationRules.normalizations`
    /// (`(416) 555-0100` → `4165550100`) replaced by its clean form, everything else untouched.
    /// `validate` checks the same clean forms and reports the values as given.
    package static func normalized(_ call: APICall) -> APICall {
        let rules = CompiledRules.shared
        var out = call
        out.pathParams = normalizedPath(call.pathParams)
        for (i, (k, v)) in call.query.enumerated() {
            if let n = rules.index[k]?.normalization, let clean = n.apply(v) { out.query[i] = (k, clean) }
        }
        if let body = call.body, let clean = normalizedMembers(body, rules) { out.body = clean }
        return out
    }

    /// Path parameters as `normalized` sends them.
    static func normalizedPath(_ params: [String: String]) -> [String: String] {
        let rules = CompiledRules.shared
        var out = params
        for (k, v) in params {
            if let n = rules.index[ValidationRules.pathAliases[k] ?? k]?.normalization, let clean = n.apply(v) { out[k] = clean }
        }
        return out
    }

    /// nil when nothing inside changed (the common case: no copy is made).
    private static func normalizedMembers(_ value: JSONValue, _ rules: CompiledRules) -> JSONValue? {
        switch value {
        case let .object(members):
            var changed = false
            var out = members
            for (i, (k, v)) in members.enumerated() {
                let entry = rules.index[k]
                if case let .string(s) = v, let n = entry?.normalization, let clean = n.apply(s) {
                    out[i] = (k, .string(clean)); changed = true
                } else if entry?.inside == nil, let clean = normalizedMembers(v, rules) {
                    out[i] = (k, clean); changed = true
                }
            }
            return changed ? .object(out) : nil
        case let .array(items):
            var changed = false
            var out = items
            for (i, item) in items.enumerated() {
                if let clean = normalizedMembers(item, rules) { out[i] = clean; changed = true }
            }
            return changed ? .array(out) : nil
        default:
            return nil
        }
    }

    /// The `authorization` header the session is about to send: "Bearer " and a token, 1000
    /// characters at most in all (Flexiti's API reference), of characters a header can carry.
    package static func validateAuthorization(_ header: String) -> [FieldError] {
        let param = "bearer token"
        func fail(_ f: Failure) -> [FieldError] { [ValidationRules.fieldError(param, f, value: "")] }
        if header.isEmpty { return fail(.notSent) }
        guard header.hasPrefix("Bearer ") else { return fail(.tokenPrefix) }
        if header.utf8.count > 1000 { return fail(.tokenLength) }
        let token = header.utf8.dropFirst(7)
        if token.isEmpty || !token.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return fail(.tokenInvalid) }
        return []
    }

    // MARK: - Path placeholders

    static func parsePlaceholders(_ template: String) -> [String] {
        var out: [String] = []
        var current: [UInt8]? = nil
        for b in template.utf8 {
            if b == UInt8(ascii: "{") { current = [] }
            else if b == UInt8(ascii: "}") {
                if let c = current { out.append(String(decoding: c, as: UTF8.self)) }
                current = nil
            } else { current?.append(b) }
        }
        return out
    }
}

/// The validator over a body given member by member (`PurchaseRequest.emit`): the same walk,
/// rules, order and field errors as `RequestValidator.check` on the call with that body as its
/// JSON, without the tree. A container is visited as `Walk` visits it: an unknown name is
/// looked into, a checked name is judged as a whole and not entered, an object with `inside`
/// (sku_data) is looked into for those names only.
struct BodyCheck: BodySink {
    private var walk: Walk
    private let plan: CompiledRules.Plan
    /// How the members of an open container are visited.
    private enum Mode { case all, only(Set<String>), skip }
    /// The modes of the open containers, two bits each, innermost lowest, and the
    /// names of the `.only` ones (inside sku_data) apart, innermost last: a body without them
    /// allocates nothing for its modes. Bodies nest a few levels (`PurchaseRequest.emit`), far
    /// fewer than the 32 that fit.
    private var modeCodes: UInt64 = 0
    private var onlyNames: [Set<String>] = []

    /// Checks the path parameters first, as `check` does.
    init(_ endpoint: Endpoint, pathParams: [String: String], now: Int? = nil) {
        self.init(endpoint, path: { pathParams[$0] }, now: now)
    }

    /// `path`: the value of a path placeholder, nil when not given.
    init(_ endpoint: Endpoint, path value: (String) -> String?, now: Int? = nil) {
        let rules = CompiledRules.shared
        let plan = rules.plan(for: endpoint)
        walk = Walk(rules: rules, unchecked: plan.unchecked, now: now)
        for (placeholder, id) in plan.path {
            if let v = value(placeholder) { walk.visit(id: id, placeholder, .string(v)) }
        }
        self.plan = plan
    }

    /// The path values a valid call sends instead of the given ones (`RequestValidator.normalizedPath`),
    /// looking only at the endpoint's placeholders that have a clean-up; nil when none changes.
    func cleanedPath(_ value: (String) -> String?) -> [String: String]? {
        var out: [String: String]? = nil
        for (placeholder, id) in plan.path {
            if let n = walk.rules.entry(id)?.normalization, let v = value(placeholder), let clean = n.apply(v) {
                var o = out ?? [:]
                o[placeholder] = clean
                out = o
            }
        }
        return out
    }

    /// The field errors, required parameters included (empty: valid).
    mutating func finish() -> [FieldError] {
        walk.checkRequirements(plan.needs)
        return walk.errors
    }

    private static let allCode: UInt64 = 1, skipCode: UInt64 = 2, onlyCode: UInt64 = 3

    /// The innermost open container's mode (`.all` outside every container).
    private var mode: Mode {
        switch modeCodes & 3 {
        case BodyCheck.skipCode: return .skip
        case BodyCheck.onlyCode: return .only(onlyNames.last ?? [])
        default: return .all
        }
    }

    private mutating func push(_ m: Mode) {
        switch m {
        case .all: modeCodes = modeCodes &<< 2 | BodyCheck.allCode
        case .skip: modeCodes = modeCodes &<< 2 | BodyCheck.skipCode
        case let .only(names):
            modeCodes = modeCodes &<< 2 | BodyCheck.onlyCode
            onlyNames.append(names)
        }
    }

    private mutating func pop() {
        if modeCodes & 3 == BodyCheck.onlyCode { _ = onlyNames.popLast() }
        modeCodes >>= 2
    }

    private mutating func scalar(_ key: BodyKey, _ value: JSONValue) {
        switch mode {
        case .skip: return
        case let .only(names): if names.contains(key.name) { walk.visit(key.entry, key.name, value) }
        case .all: walk.visit(key.entry, key.name, value)
        }
    }

    private mutating func open(_ key: BodyKey, _ placeholder: JSONValue) {
        if key === BodyKey.root { push(.all); return }
        switch mode {
        case .skip: push(.skip); return
        case let .only(names):
            if key === BodyKey.item || !names.contains(key.name) { push(.only(names)); return }
        case .all:
            if key === BodyKey.item { push(.all); return }
        }
        // A member visited by its own name.
        guard let entry = key.entry else { push(.all); return }
        // Records it as sent and judges it whole when its name has a rule (the rule's answer
        // for a container does not depend on what is inside).
        walk.visit(entry, key.name, placeholder)
        if entry.rule != nil { push(.skip) }
        else if let inside = entry.inside { push(.only(inside)) }
        else { push(.all) }
    }

    mutating func beginObject(_ key: BodyKey) { open(key, .object([])) }
    mutating func beginArray(_ key: BodyKey) { open(key, .array([])) }
    mutating func endObject() { pop() }
    mutating func endArray() { pop() }
    mutating func string(_ key: BodyKey, _ value: String) { scalar(key, .string(value)) }
    mutating func number(_ key: BodyKey, _ text: String) { scalar(key, .number(text)) }
    mutating func bool(_ key: BodyKey, _ value: Bool) { scalar(key, .bool(value)) }
}

/// One pass over a call: checks each named value once and remembers which were sent.
private struct Walk {
    let rules: CompiledRules
    let unchecked: Set<Int>
    let now: Int?
    var errors: [FieldError] = []
    /// Parameter ids that failed already (one error each), and the first non-empty value sent
    /// for each id. Short lists, not tables over every known parameter: a call sends a few
    /// parameters, and allocating and destroying the tables cost more than a lookup's own
    /// work (benchmark profile, docs/performance.md).
    var failedIds: [Int] = []
    var sentValues: [SentValue] = []
    /// Ids met with an empty value ("" or null), in order: "Not sent" goes to these first.
    var empty: [Int] = []
    /// A value met that `RequestValidator.normalized` changes (or may: a container under a
    /// checked name, which this walk does not enter and `normalized` does).
    var needsNormalizing = false

    struct SentValue {
        let id: Int
        let value: JSONValue
    }

    init(rules: CompiledRules, unchecked: Set<Int>, now: Int?) {
        self.rules = rules
        self.unchecked = unchecked
        self.now = now
        sentValues.reserveCapacity(16)  // one allocation, not one per doubling
    }

    func sent(_ id: Int) -> JSONValue? {
        for s in sentValues where s.id == id { return s.value }
        return nil
    }

    func failed(_ id: Int) -> Bool { failedIds.contains(id) }

    mutating func visitMembers(_ value: JSONValue) {
        switch value {
        case let .object(members):
            for (k, v) in members { visit(k, v) }
        case let .array(items):
            for item in items { visitMembers(item) }
        default:
            break
        }
    }

    mutating func visit(_ name: String, _ value: JSONValue) {
        visit(rules.index[name], name, value)
    }

    /// A path parameter: by its id (its name, or the placeholder's when the id is unknown).
    mutating func visit(id: Int, _ placeholder: String, _ value: JSONValue) {
        if let entry = rules.entry(id) { visit(entry, rules.names[id], value) } else { visit(placeholder, value) }
    }

    /// `entry`: the name's rule entry, already looked up (nil: a name without one).
    mutating func visit(_ entry: CompiledRules.Entry?, _ name: String, _ value: JSONValue) {
        guard let entry else {
            visitMembers(value)  // an unknown name: only what it contains may matter
            return
        }
        let id = entry.id
        switch value {
        case .null:
            empty.append(id)
            return
        case let .string(s) where s.isEmpty:  // not `.string("")`: a String comparison per value
            empty.append(id)
            return
        default:
            break
        }
        // Checked as it will be sent (see RequestValidator.normalized), reported as given.
        var clean = value
        if case let .string(s) = value, let n = entry.normalization, let t = n.apply(s) {
            clean = .string(t)
            needsNormalizing = true
        }
        if !sentValues.contains(where: { $0.id == id }) { sentValues.append(SentValue(id: id, value: clean)) }
        if let format = entry.rule?.format {
            switch value {
            case .object, .array: needsNormalizing = true
            default: break
            }
            if !failed(id), unchecked.isEmpty || !unchecked.contains(id), let f = Checks.check(format, clean, now: now) {
                failedIds.append(id)
                errors.append(ValidationRules.fieldError(name, f, value: value.text ?? "", overrides: entry.rule?.overrides ?? [:]))
            }
            return
        }
        if let inside = entry.inside { visitOnly(inside, value) } else { visitMembers(value) }
    }

    /// The members named `inside` of an object otherwise not looked into (sku_data), at any depth.
    mutating func visitOnly(_ inside: Set<String>, _ value: JSONValue) {
        switch value {
        case let .object(members):
            for (k, v) in members {
                if inside.contains(k) { visit(k, v) } else { visitOnly(inside, v) }
            }
        case let .array(items):
            for item in items { visitOnly(inside, item) }
        default:
            break
        }
    }

    mutating func checkRequirements(_ needs: [CompiledRules.Need]) {
        for need in needs {
            if let w = need.when {
                guard let v = sent(w.id) else { continue }
                if let want = w.value, v.text != want { continue }
            }
            if need.mustBeTrue {
                for id in need.ids {
                    guard let v = sent(id) else { missing(id); continue }
                    switch v {
                    case .bool(true), .string("true"): continue
                    default: invalid(id, .notAllowed, v)
                    }
                }
            } else if need.oneOf {
                guard !need.ids.contains(where: { sent($0) != nil }), let first = need.ids.first else { continue }
                missing(empty.first(where: { need.ids.contains($0) }) ?? first)
            } else {
                for id in need.ids where sent(id) == nil { missing(id) }
            }
        }
    }

    private mutating func invalid(_ id: Int, _ f: Failure, _ value: JSONValue) {
        guard !failed(id) else { return }
        failedIds.append(id)
        let name = rules.names[id]
        errors.append(ValidationRules.fieldError(name, f, value: value.text ?? "", overrides: rules.index[name]?.rule?.overrides ?? [:]))
    }

    private mutating func missing(_ id: Int) {
        guard !failed(id) else { return }
        failedIds.append(id)
        let name = rules.names[id]
        errors.append(ValidationRules.fieldError(name, .notSent, value: "", overrides: rules.index[name]?.rule?.overrides ?? [:]))
    }
}

/// The format checks. Each answers the first thing wrong with a value, or nil.
enum Checks {
    static func check(_ format: Format, _ value: JSONValue, now: Int?) -> Failure? {
        switch format {
        case let .text(max, numbersAllowed):
            let s: String
            switch value {
            case let .string(x): s = x
            case let .number(x) where numbersAllowed: s = x
            default: return .notString
            }
            if let max, !fits(s, max) { return .tooLong }
            return nil
        case let .wholeNumber(maxDigits, exactDigits, dashGroups, letters):
            return wholeNumber(value, maxDigits: maxDigits, exactDigits: exactDigits, dashGroups: dashGroups, letters: letters)
        case let .digits(max):
            guard let t = scalarText(value) else { return .notNumber }
            let b = t.utf8
            guard b.allSatisfy(isDigit) else { return .notNumber }
            if let max, b.count > max { return .tooManyDigits }
            return nil
        case let .amount(sign):
            return amount(value, sign: sign)
        case let .date(notPast):
            guard case let .string(s) = value, let d = CivilDate(s) else { return .wrongFormat }
            if notPast, d < CivilDate.earliestCanadianToday(now: now ?? Int(time(nil))) { return .pastDate }
            return nil
        case let .choice(allowed, typed):
            guard case let .string(s) = value else { return typed ? .notString : .notAllowed }
            return allowed.contains(s) ? nil : .notAllowed
        case .boolean:
            switch value {
            case .bool, .string("true"), .string("false"): return nil
            default: return .notAllowed
            }
        case let .email(max):
            guard case let .string(s) = value, fits(s, max), isEmail(s) else { return .wrongFormat }
            return nil
        case let .phone(count):
            guard let t = scalarText(value), t.utf8.count == count, t.utf8.allSatisfy(isDigit) else { return .wrongFormat }
            return nil
        case .printable:
            guard case let .string(s) = value, !s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                return .wrongFormat
            }
            return nil
        case .clientId:
            // Over the contiguous bytes: every call's path carries the client id, and a walk of
            // the UTF8View cost about ten instructions a byte (profiled).
            guard case var .string(s) = value, s.utf8.count <= 100,
                  s.withUTF8({ $0.allSatisfy { $0 > 0x20 && $0 < 0x7F } }) else {
                return .wrongFormat
            }
            return nil
        case .govIdType:
            guard case let .string(s) = value else { return .notAllowed }
            let b = Array(s.utf8)
            guard b.count >= 3, b.count <= 10, b[0] == UInt8(ascii: "C"), b[1] == UInt8(ascii: "A"),
                  b.dropFirst(2).allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return .notAllowed }
            return nil
        case .serverOnly:
            return nil
        }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// Text of a JSON string or number; nil for anything else (booleans are not numbers).
    static func scalarText(_ v: JSONValue) -> String? {
        switch v {
        case let .string(s), let .number(s): return s
        default: return nil
        }
    }

    /// At most `max` characters (Unicode scalars; the API's fields are ASCII).
    static func fits(_ s: String, _ max: Int) -> Bool {
        if s.utf8.count <= max { return true }
        var n = 0
        for _ in s.unicodeScalars {
            n += 1
            if n > max { return false }
        }
        return true
    }

    /// Order as the reference's tables list the cases: type, decimals, length, then sign.
    static func wholeNumber(_ v: JSONValue, maxDigits: Int?, exactDigits: Int?, dashGroups: Bool, letters: Bool) -> Failure? {
        guard var t = scalarText(v) else { return .notNumber }
        // Over the text's contiguous bytes: a UTF8View slice cost several times more (profiled).
        return t.withUTF8 { wholeNumber(utf8: $0, maxDigits: maxDigits, exactDigits: exactDigits, dashGroups: dashGroups, letters: letters) }
    }

    private static func wholeNumber(utf8 all: UnsafeBufferPointer<UInt8>, maxDigits: Int?, exactDigits: Int?, dashGroups: Bool, letters: Bool) -> Failure? {
        var b = all[...]
        let negative = b.first == UInt8(ascii: "-")
        if negative { b = b.dropFirst() }
        var whole = b
        if let dot = b.firstIndex(of: UInt8(ascii: ".")) {
            whole = b[..<dot]
            let frac = b[b.index(after: dot)...]
            guard !whole.isEmpty, whole.allSatisfy(isDigit), !frac.isEmpty, frac.allSatisfy(isDigit) else { return .notNumber }
            // 12.0 is the whole number 12 (as the sandbox reads it); 12.5 is not.
            if frac.contains(where: { $0 != UInt8(ascii: "0") }) { return .hasDecimals }
        } else {
            guard !whole.isEmpty else { return .notNumber }
            var groupLength = 0
            for c in whole {
                if isDigit(c) || (letters && isLetter(c)) { groupLength += 1; continue }
                guard dashGroups, c == UInt8(ascii: "-"), groupLength > 0 else { return .notNumber }
                groupLength = 0
            }
            guard groupLength > 0 else { return .notNumber }
        }
        if let exactDigits, whole.count != exactDigits { return .tooManyDigits }
        if let maxDigits {
            let significant = (dashGroups || letters) ? whole.count : whole.drop(while: { $0 == UInt8(ascii: "0") }).count
            if significant > maxDigits { return .tooManyDigits }
        }
        if negative || whole.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "-") }) { return .notPositive }
        return nil
    }

    /// number(18,2): digits with an optional period and decimals; extra zero decimals are fine.
    /// Order as the sandbox checks: type (a decimal comma has its own case), scale, then sign.
    static func amount(_ v: JSONValue, sign: AmountSign) -> Failure? {
        guard var t = scalarText(v) else { return .notNumber }
        return t.withUTF8 { amount(utf8: $0, sign: sign) }
    }

    private static func amount(utf8 all: UnsafeBufferPointer<UInt8>, sign: AmountSign) -> Failure? {
        var b = all[...]
        let negative = b.first == UInt8(ascii: "-")
        if negative { b = b.dropFirst() }
        if let comma = b.firstIndex(of: UInt8(ascii: ",")) {
            let l = b[..<comma], r = b[b.index(after: comma)...]
            if !l.isEmpty, !r.isEmpty, l.allSatisfy(isDigit), r.allSatisfy(isDigit) { return .decimalComma }
            return .notNumber
        }
        var whole = b
        var frac = b[b.endIndex...]
        if let dot = b.firstIndex(of: UInt8(ascii: ".")) {
            whole = b[..<dot]
            frac = b[b.index(after: dot)...]
            guard !frac.isEmpty else { return .notNumber }
        }
        guard !whole.isEmpty, whole.allSatisfy(isDigit), frac.allSatisfy(isDigit) else { return .notNumber }
        var scale = frac.count
        for c in frac.reversed() {
            guard c == UInt8(ascii: "0"), scale > 0 else { break }
            scale -= 1
        }
        if scale > 2 || whole.drop(while: { $0 == UInt8(ascii: "0") }).count > 16 { return .tooPrecise }
        let zero = whole.allSatisfy { $0 == UInt8(ascii: "0") } && frac.allSatisfy { $0 == UInt8(ascii: "0") }
        switch sign {
        case .positive: if negative || zero { return .notPositive }
        case .nonNegative: if negative && !zero { return .negative }
        case .any: break
        }
        return nil
    }

    /// name@domain.tld: visible ASCII, one "@", a dot in the domain, no empty labels.
    static func isEmail(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return false }
        let parts = b.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for l in labels {
            guard !l.isEmpty, l.allSatisfy({ isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "-") }),
                  l.first != UInt8(ascii: "-"), l.last != UInt8(ascii: "-") else { return false }
        }
        return true
    }
}

/// A YYYY-MM-DD calendar date.
struct CivilDate: Comparable, Sendable {
    let year: Int, month: Int, day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// Exactly YYYY-MM-DD with a real month and day (leap years counted).
    init?(_ s: String) {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard Checks.isDigit(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), y >= 1, (1...12).contains(m) else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d >= 1, d <= days[m - 1] else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The earliest date it can be anywhere in Canada at `now` (epoch seconds): the date at
    /// UTC-8. Every Canadian zone is at UTC-8 or later, so a date before this one has passed
    /// for the server too, whatever its zone; the POS's own zone does not matter.
    static func earliestCanadianToday(now: Int) -> CivilDate {
        var t = time_t(now - 8 * 3600)
        var parts = tm()
        guard gmtime_r(&t, &parts) != nil else { return CivilDate(year: 1, month: 1, day: 1) }
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
