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
    package func resolvedBaseURL() -> Result<String, FlexitiError> {
        if let custom = customBaseURL {
            switch URLCheck.check(custom, allowInsecureHTTP: allowInsecureHTTP) {
            case .success: break
            case let .failure(e): return .failure(e)
            }
            var trimmed = custom
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            return .success(trimmed)
        }
        if let env = environment { return .success(env.baseURL) }
        return .failure(.invalidArgument("no environment or base URL configured"))
    }

    package func validate() -> FlexitiError? {
        if case let .failure(e) = resolvedBaseURL() { return e }
        if let e = URLCheck.checkProxy(baseURL: customBaseURL, proxy: transport.proxy, allowInsecureHTTP: allowInsecureHTTP) { return e }
        if clientId.isEmpty { return .invalidArgument("client_id is not set") }
        if clientSecret.isEmpty { return .invalidArgument("client_secret is not set") }
        return nil
    }
}

/// Accepts https:// anywhere and http:// only to loopback unless explicitly allowed.
package enum URLCheck {
    package static func check(_ url: String, allowInsecureHTTP: Bool) -> Result<Void, FlexitiError> {
        let lower = url.lowercased()
        let rest: Substring
        let secure: Bool
        if lower.hasPrefix("https://") { rest = lower.dropFirst(8); secure = true }
        else if lower.hasPrefix("http://") { rest = lower.dropFirst(7); secure = false }
        else { return .failure(.invalidArgument("base URL must start with https:// (or http:// for loopback)")) }
        let hostPort = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !hostPort.isEmpty, !hostPort.contains("@") else {
            return .failure(.invalidArgument("base URL has no host (or carries credentials)"))
        }
        if rest.contains("?") || rest.contains("#") || rest.contains(" ") {
            return .failure(.invalidArgument("base URL must not contain a query, fragment or space"))
        }
        if secure || allowInsecureHTTP { return .success(()) }
        if isLoopback(hostPort: hostPort) { return .success(()) }
        return .failure(FlexitiError(.insecureURL, "plain http:// is allowed only to loopback hosts (set allow_insecure_http to override)"))
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
    static func isLoopback(hostPort: Substring) -> Bool {
        let host: Substring
        if hostPort.hasPrefix("[") {
            host = hostPort.prefix { $0 != "]" }.dropFirst()
        } else {
            host = hostPort.prefix { $0 != ":" }
        }
        return host == "localhost" || host == "::1" || isLoopbackIPv4(host)
    }

    /// 127.x.y.z written as four decimal numbers (not "127.0.0.1.evil.example").
    static func isLoopbackIPv4(_ host: Substring) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy { $0.isASCII && $0.isNumber } && (Int(p) ?? 256) <= 255 }
    }
}
