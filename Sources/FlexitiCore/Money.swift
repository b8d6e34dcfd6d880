/// Money is integer cents everywhere in the library; these two functions are the only place it
/// becomes the API's decimal text ("1000.12") and back. No floating point touches an amount.
package enum Money {
    /// The API's amounts are number(18,2): at most 16 integer digits.
    package static let maxCents: Int64 = 9_999_999_999_999_999

    /// `12345` → `"123.45"`; negative amounts keep their sign (sku_data totals of a return).
    package static func format(cents: Int64) -> String {
        // Digits written backwards into a small buffer, then one String: joining five Strings
        // cost more than the rest of writing a request body (benchmark profile).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buf in
            let n = write(cents: cents, into: buf)
            return String(decoding: UnsafeBufferPointer(rebasing: buf[(24 - n)...]), as: UTF8.self)
        }
    }

    /// Writes `format(cents:)`'s text right-aligned at the end of `buf` (at least 24 bytes);
    /// returns its length.
    static func write(cents: Int64, into buf: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var i = buf.count
        // magnitude avoids the overflow of -Int64.min
        var m = cents.magnitude
        for place in 0..<3 {
            i -= 1
            if place == 2 { buf[i] = UInt8(ascii: "."); i -= 1 }
            buf[i] = UInt8(truncatingIfNeeded: m % 10) + 0x30
            m /= 10
        }
        while m > 0 {
            i -= 1
            buf[i] = UInt8(truncatingIfNeeded: m % 10) + 0x30
            m /= 10
        }
        if cents < 0 { i -= 1; buf[i] = UInt8(ascii: "-") }
        return buf.count - i
    }

    /// Parses "123.45", "123.4", "123", "-5.10" or "1e2"-free JSON number text into cents.
    /// More than two decimals are accepted only when the extra digits are zeros. Returns nil for
    /// anything else, including values beyond ±maxCents.
    package static func parse(_ text: String) -> Int64? {
        var t = text
        return t.withUTF8 { parse(utf8: $0) }
    }

    /// The same over UTF-8 bytes (an answer's text, read in place).
    package static func parse(utf8 all: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !all.isEmpty, all.count <= 64 else { return nil }
        var negative = false
        var bytes = all[...]
        if bytes[bytes.startIndex] == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        else if bytes[bytes.startIndex] == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty else { return nil }
        var whole: Int64 = 0
        var i = bytes.startIndex
        let end = bytes.endIndex
        var digits = 0
        while i < end, bytes[i] != UInt8(ascii: ".") {
            guard let d = digit(bytes[i]) else { return nil }
            digits += 1
            guard digits <= 16 || (whole == 0) else { return nil }
            whole = whole * 10 + d
            i += 1
        }
        var frac: Int64 = 0
        if i < end {  // at the "."
            i += 1
            var places = 0
            guard i < end || digits > 0 else { return nil }
            while i < end {
                guard let d = digit(bytes[i]) else { return nil }
                if places < 2 { frac = frac * 10 + d } else if d != 0 { return nil }
                places += 1
                i += 1
            }
            if places == 1 { frac *= 10 }
            if places == 0 && digits == 0 { return nil }
        } else if digits == 0 {
            return nil
        }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: 100)
        let (total, o2) = scaled.addingReportingOverflow(frac)
        guard !o1, !o2, total <= maxCents else { return nil }
        return negative ? -total : total
    }

    private static func digit(_ b: UInt8) -> Int64? {
        b >= 48 && b <= 57 ? Int64(b - 48) : nil
    }
}
