// Calendar arithmetic on epoch seconds (UTC), so the injectable clock drives every date.

enum Time {
    static let day: Int64 = 86_400

    /// Days since 1970-01-01 → (year, month, day). Howard Hinnant's civil_from_days.
    static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func pad(_ v: Int64, _ n: Int) -> String {
        let s = String(v)
        return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }

    /// "2023-01-01T12:00:00Z"
    static func iso(_ t: Int64) -> String {
        let days = t >= 0 ? t / day : (t - day + 1) / day
        let secs = t - days * day
        let (y, m, d) = civil(days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))Z"
    }

    /// "2023-01-01"
    static func date(_ t: Int64) -> String { String(iso(t).prefix(10)) }

    /// Parses "YYYY-MM-DD" (a real calendar date) into epoch seconds at 00:00 UTC.
    static func parseDate(_ s: String) -> Int64? {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard s.count == 10, p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let y = Int64(p[0]), let m = Int64(p[1]), let d = Int64(p[2]), p.allSatisfy(\.isAllASCIIDigits),
              (1...12).contains(m), d >= 1 else { return nil }
        let days = daysFromCivil(y, m, d)
        guard civil(days) == (y, m, d) else { return nil }
        return days * day
    }
}
