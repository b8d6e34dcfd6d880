// Money is Int64 cents everywhere inside the sandbox. Text ↔ cents happens only here.

enum Money {
    /// Why an amount was rejected; maps 1:1 onto parameter_validations.tsv types.
    enum ParseFailure: Error, Equatable {
        case type      // not a number at all
        case invalid   // decimal comma, zero or negative
        case length    // more than 2 decimals or more than 16 integer digits (number(18,2))
    }

    /// Parses "10", "10.5", "10.50" (a JSON number literal or a numeric string) into cents.
    /// `allowZero`/`allowNegative` exist for sku_data totals, which are informational.
    static func parse(_ text: String, allowZero: Bool = false, allowNegative: Bool = false) -> Result<Int64, ParseFailure> {
        var s = Substring(text.trimmingWhitespace())
        guard !s.isEmpty else { return .failure(.type) }
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() }
        else if s.first == "+" { s = s.dropFirst() }
        if s.contains(",") {
            // "10,50": a decimal comma is documented as `invalid`, not `type`.
            let parts = s.split(separator: ",", omittingEmptySubsequences: false)
            if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) { return .failure(.invalid) }
            return .failure(.type)
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let intPart = parts.first, !intPart.isEmpty, intPart.allSatisfy(\.isASCIIDigit) else {
            return .failure(.type)
        }
        var frac = parts.count == 2 ? parts[1] : ""
        guard frac.allSatisfy(\.isASCIIDigit), parts.count == 1 || !frac.isEmpty else { return .failure(.type) }
        // Trailing zeros beyond two decimals do not add precision ("10.500" == 10.50).
        while frac.count > 2, frac.last == "0" { frac = frac.dropLast() }
        guard frac.count <= 2 else { return .failure(.length) }
        let intDigits = intPart.drop(while: { $0 == "0" })
        guard intDigits.count <= 16 else { return .failure(.length) }
        var cents: Int64 = 0
        for ch in intDigits { cents = cents * 10 + Int64((ch.asciiValue ?? 48) - 48) }
        let fracPadded = String(frac) + String(repeating: "0", count: 2 - frac.count)
        for ch in fracPadded { cents = cents * 10 + Int64((ch.asciiValue ?? 48) - 48) }
        if negative { cents = -cents }
        if cents == 0 && !allowZero { return .failure(.invalid) }
        if cents < 0 && !allowNegative { return .failure(.invalid) }
        return .success(cents)
    }

    /// 1234 → "12.34"; -5 → "-0.05". Always two decimals.
    static func format(_ cents: Int64) -> String {
        let negative = cents < 0
        let magnitude = cents.magnitude
        let whole = magnitude / 100
        let frac = magnitude % 100
        return (negative ? "-" : "") + String(whole) + "." + (frac < 10 ? "0" : "") + String(frac)
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var sub = Substring(String(self))
        while let f = sub.first, f.isWhitespace { sub = sub.dropFirst() }
        while let l = sub.last, l.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }
    var isAllASCIIDigits: Bool { !isEmpty && allSatisfy { $0.isASCIIDigit } }
}
