import CFlexiti
import FlexitiCore

/// The object behind flx_config.
final class ConfigObject {
    var configuration = SessionConfiguration()
    deinit { configuration.clientSecret.wipe() }
}

/// Every flx_config_* setter, the log callback, retries and journal ones included, is here and
/// has one shape (withLive): the err rule, the live config, then the body.
private func withConfig(_ cfg: OpaquePointer?, _ err: UnsafeMutablePointer<OpaquePointer?>?,
                        _ body: (ConfigObject) -> FlexitiError?) -> flx_code {
    withLive(cfg, as: ConfigObject.self, "flx_config", err, body)
}

@c @implementation
public func flx_config_new(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    create(out, err) { ConfigObject() }
}

@c @implementation
public func flx_config_free(_ cfg: OpaquePointer?) { Handles.free(cfg, as: ConfigObject.self) }

@c @implementation
public func flx_config_set_environment(_ cfg: OpaquePointer?, _ env: flx_environment, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        guard let e = Environment(rawValue: Int32(truncatingIfNeeded: env.rawValue)) else {
            return .invalidArgument("unknown environment \(env.rawValue)")
        }
        c.configuration.environment = e
        c.configuration.customBaseURL = nil
        return nil
    }
}

@c @implementation
public func flx_config_set_base_url(_ cfg: OpaquePointer?, _ baseURL: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        switch CInput.nonEmpty(baseURL, "base_url") {
        case let .failure(e): return e
        case let .success(url):
            if case let .failure(e) = URLCheck.check(url, allowInsecureHTTP: c.configuration.allowInsecureHTTP) { return e }
            c.configuration.customBaseURL = url
            c.configuration.environment = nil
            return nil
        }
    }
}

@c @implementation
public func flx_config_set_credentials(_ cfg: OpaquePointer?, _ clientId: UnsafePointer<CChar>?, _ clientSecret: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        switch (CInput.nonEmpty(clientId, "client_id"), CInput.nonEmpty(clientSecret, "client_secret")) {
        case let (.failure(e), _), let (_, .failure(e)): return e
        case let (.success(id), .success(secret)):
            guard id.utf8.count <= 100 else { return .invalidArgument("client_id is longer than 100 characters") }
            c.configuration.clientId = id
            c.configuration.clientSecret.wipe()
            c.configuration.clientSecret = Secret(secret)
            return nil
        }
    }
}

@c @implementation
public func flx_config_set_scope(_ cfg: OpaquePointer?, _ scope: flx_scope, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        switch scope {
        case FLX_SCOPE_MERCHANT: c.configuration.scope = "merchant"
        case FLX_SCOPE_CUSTOMER: c.configuration.scope = "customer"
        default: return .invalidArgument("unknown scope \(scope.rawValue)")
        }
        return nil
    }
}

@c @implementation
public func flx_config_set_lang(_ cfg: OpaquePointer?, _ lang: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        switch nullableString(lang, "lang") {
        case let .failure(e): return e
        case let .success(l):
            guard l == nil || l == "en" || l == "fr" else { return .invalidArgument("lang must be \"en\" or \"fr\"") }
            c.configuration.lang = l
            return nil
        }
    }
}

@c @implementation
public func flx_config_set_timeouts(_ cfg: OpaquePointer?, _ connectMs: Int, _ totalMs: Int, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        guard (1...600_000).contains(connectMs), (1...600_000).contains(totalMs) else {
            return .invalidArgument("timeouts must be between 1 and 600000 ms")
        }
        c.configuration.transport.connectTimeoutMs = connectMs
        c.configuration.transport.totalTimeoutMs = totalMs
        return nil
    }
}

@c @implementation
public func flx_config_set_ca_file(_ cfg: OpaquePointer?, _ path: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        assignNullable(path, "ca_file", nonEmpty: true) { c.configuration.transport.caFile = $0 }
    }
}

@c @implementation
public func flx_config_set_proxy(_ cfg: OpaquePointer?, _ proxy: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        assignNullable(proxy, "proxy_url", nonEmpty: true) { c.configuration.transport.proxy = $0 }
    }
}

@c @implementation
public func flx_config_set_allow_insecure_http(_ cfg: OpaquePointer?, _ allow: Int32, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        c.configuration.allowInsecureHTTP = allow != 0
        return nil
    }
}

@c @implementation
public func flx_config_set_connection_limits(_ cfg: OpaquePointer?, _ maxIdleS: Int, _ maxLifetimeS: Int, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        guard (1...3600).contains(maxIdleS), (0...86_400).contains(maxLifetimeS) else {
            return .invalidArgument("max_idle_s must be 1-3600 and max_lifetime_s 0-86400 (0: no limit)")
        }
        c.configuration.transport.maxIdleSeconds = maxIdleS
        c.configuration.transport.maxLifetimeSeconds = maxLifetimeS
        return nil
    }
}

@c @implementation
public func flx_config_set_http_version(_ cfg: OpaquePointer?, _ version: flx_http_version, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        guard let v = HTTPVersionChoice(rawValue: Int32(truncatingIfNeeded: version.rawValue)) else {
            return .invalidArgument("unknown HTTP version \(version.rawValue)")
        }
        c.configuration.transport.httpVersion = v
        return nil
    }
}

// MARK: logging, retries, journal

/// The C callback and its userdata, carried by the core's Logger into sessions.
private struct CLogSink: @unchecked Sendable {
    let callback: flx_log_callback
    let userdata: UnsafeMutableRawPointer?

    /// Hands one record to C; its strings live for the duration of the callback only.
    func deliver(_ r: LogRecord) {
        r.message.withCString { message in
            r.method.withCString { method in
                r.endpoint.withCString { endpoint in
                    r.referenceId.withCString { ref in
                        var rec = flx_log_record(
                            level: r.level.rawValue, message: message, method: method, endpoint: endpoint,
                            http_status: Int32(clamping: r.httpStatus), code: flx_code(r.code), reference_id: ref,
                            attempt: Int32(clamping: r.attempt), elapsed_ms: r.elapsedMs)
                        callback(userdata, &rec)
                    }
                }
            }
        }
    }
}

@c @implementation
public func flx_config_set_log_callback(_ cfg: OpaquePointer?, _ callback: flx_log_callback?, _ userdata: UnsafeMutableRawPointer?, _ minLevel: flx_log_level, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        guard let level = LogLevel(rawValue: Int32(truncatingIfNeeded: minLevel.rawValue)) else {
            return .invalidArgument("min_level \(minLevel.rawValue) is not an flx_log_level")
        }
        guard let callback else { c.configuration.logger = nil; return nil }
        let sink = CLogSink(callback: callback, userdata: userdata)
        c.configuration.logger = Logger(minLevel: level) { sink.deliver($0) }
        return nil
    }
}

@c @implementation
public func flx_config_set_retries(_ cfg: OpaquePointer?, _ maxRetries: Int32, _ baseDelayMs: Int, _ maxDelayMs: Int, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        guard (0...10).contains(maxRetries), (0...60_000).contains(baseDelayMs), (baseDelayMs...600_000).contains(maxDelayMs) else {
            return .invalidArgument("retries must be 0-10, base_delay_ms 0-60000, max_delay_ms base_delay_ms-600000")
        }
        c.configuration.retry = RetryPolicy(maxRetries: Int(maxRetries), baseDelayMs: baseDelayMs, maxDelayMs: maxDelayMs)
        return nil
    }
}

@c @implementation
public func flx_config_set_journal(_ cfg: OpaquePointer?, _ journal: OpaquePointer?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    // NULL detaches the journal; anything else must be a live one.
    let j = Handles.get(journal, as: JournalObject.self)
    if journal != nil && j == nil { return misuse("flx_journal", err) }
    return withConfig(cfg, err) { c in
        c.configuration.journal = j?.journal
        return nil
    }
}
