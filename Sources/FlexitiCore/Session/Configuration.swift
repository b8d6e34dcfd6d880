/// What a session needs; the C layer's flx_config fills it and the session keeps its own copy.
package struct SessionConfiguration: @unchecked Sendable {
    package var environment: Environment? = nil
    /// A custom base URL such as `http://127.0.0.1:8080/flexiti/pos-api` (the sandbox).
    package var customBaseURL: String? = nil
    package var clientId: String = ""
    package var clientSecret: Secret = Secret("")
    /// `merchant` or `customer`.
    package var scope: String = Defaults.scope
    /// `en` or `fr`; sent as `lang` on endpoints that take it. nil: the server's default.
    package var lang: String? = nil
    package var transport = TransportOptions()
    package var allowInsecureHTTP = false
    /// Repeats of failed idempotent requests (Session/Retry.swift).
    package var retry = RetryPolicy()
    /// nil: silent (the default).
    package var logger: Logger? = nil
    /// nil: no money journal (the default). Shared, not copied, by every session made from this.
    package var journal: Journal? = nil

    package init() {}

    /// The base URL to use, or why none is usable.
    package func resolvedBaseURL() throws(FlexitiError) -> String {
        if let custom = customBaseURL {
            if case let .failure(e) = URLCheck.check(custom, allowInsecureHTTP: allowInsecureHTTP) { throw e }
            var trimmed = custom
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            return trimmed
        }
        if let env = environment { return env.baseURL }
        throw .invalidArgument("no environment or base URL configured")
    }

    package func validate() -> FlexitiError? {
        do throws(FlexitiError) {
            _ = try validatedBaseURL()
            return nil
        } catch {
            return error
        }
    }

    /// `validate()` that also returns the base URL it checked (a session needs both, and the
    /// URL check is then made once). Thrown rather than a Result: a session's creation then
    /// instantiates no generic type's metadata for it.
    package func validatedBaseURL() throws(FlexitiError) -> String {
        let base = try resolvedBaseURL()
        if let e = URLCheck.checkProxy(baseURL: customBaseURL, proxy: transport.proxy, allowInsecureHTTP: allowInsecureHTTP) { throw e }
        if clientId.isEmpty { throw .invalidArgument("client_id is not set") }
        if clientSecret.isEmpty { throw .invalidArgument("client_secret is not set") }
        return base
    }
}

/// Accepts https:// anywhere and http:// only to loopback unless explicitly allowed.
package enum URLCheck {
    /// Reads UTF-8 bytes, not Characters: every delimiter is ASCII, a combining mark after one
    /// must not hide it (libcurl reads bytes too), and it is what a session's creation costs.
    package static func check(_ url: String, allowInsecureHTTP: Bool) -> Result<Void, FlexitiError> {
        let bytes = Array(url.utf8)
        let rest: ArraySlice<UInt8>
        let secure: Bool
        if hasPrefixIgnoringASCIICase(bytes, "https://") { rest = bytes.dropFirst(8); secure = true }
        else if hasPrefixIgnoringASCIICase(bytes, "http://") { rest = bytes.dropFirst(7); secure = false }
        else { return .failure(.invalidArgument("base URL must start with https:// (or http:// for loopback)")) }
        let hostPort = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        guard !hostPort.isEmpty, !hostPort.contains(UInt8(ascii: "@")) else {
            return .failure(.invalidArgument("base URL has no host (or carries credentials)"))
        }
        if rest.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: " ") }) {
            return .failure(.invalidArgument("base URL must not contain a query, fragment or space"))
        }
        if secure || allowInsecureHTTP { return .success(()) }
        let host = String(decoding: hostPort.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        if isLoopback(hostPort: Substring(host)) { return .success(()) }
        return .failure(FlexitiError(.insecureURL, "plain http:// is allowed only to loopback hosts (set allow_insecure_http to override)"))
    }

    /// `prefix` is lowercase ASCII.
    static func hasPrefixIgnoringASCIICase(_ bytes: [UInt8], _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        return prefix.withUTF8Buffer { p in
            for i in 0..<n {
                let b = bytes[i]
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != p[i] { return false }
            }
            return true
        }
    }

    /// Plain http:// to a loopback base URL stays on the machine only if the proxy (if any) is
    /// loopback too: otherwise the whole request, client secret included, crosses the network in
    /// clear. (https:// through a proxy is a tunnel, encrypted end to end.)
    static func checkProxy(baseURL: String?, proxy: String?, allowInsecureHTTP: Bool) -> FlexitiError? {
        guard let baseURL, let proxy, !proxy.isEmpty, !allowInsecureHTTP, baseURL.lowercased().hasPrefix("http://") else { return nil }
        var rest = Substring(proxy.lowercased())
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") { rest = rest[rest.index(colon, offsetBy: 3)...] }
        var hostPort = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = hostPort.lastIndex(of: "@") { hostPort = hostPort[hostPort.index(after: at)...] }
        if isLoopback(hostPort: hostPort) { return nil }
        return FlexitiError(.insecureURL, "plain http:// through a proxy that is not on this machine would send requests in clear; use https:// or a loopback proxy (or set allow_insecure_http)")
    }

    /// "localhost", "[::1]" or 127.x.y.z, with or without a port.
    /// Compares bytes (`hostPort` lowercased already).
    static func isLoopback(hostPort: Substring) -> Bool {
        let u = hostPort.utf8
        let host: Substring.UTF8View.SubSequence
        if u.first == UInt8(ascii: "[") {
            host = u.dropFirst().prefix { $0 != UInt8(ascii: "]") }
        } else {
            host = u.prefix { $0 != UInt8(ascii: ":") }
        }
        return host.elementsEqual("localhost".utf8) || host.elementsEqual("::1".utf8) || isLoopbackIPv4(host)
    }

    /// 127.x.y.z written as four decimal numbers of 1 to 3 ASCII digits, each at most 255 (not
    /// "127.0.0.1.evil.example").
    static func isLoopbackIPv4(_ host: Substring) -> Bool { isLoopbackIPv4(host.utf8) }

    static func isLoopbackIPv4(_ host: Substring.UTF8View.SubSequence) -> Bool {
        var parts = 0, digits = 0, value = 0, first = 0
        for b in host {
            if b == UInt8(ascii: ".") {
                guard digits > 0 else { return false }
                if parts == 0 { first = value }
                parts += 1
                digits = 0
                value = 0
            } else if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 3 else { return false }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
                guard value <= 255 else { return false }
            } else {
                return false
            }
        }
        return digits > 0 && parts == 3 && first == 127
    }
}
