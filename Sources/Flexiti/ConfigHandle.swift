import CFlexiti
import FlexitiCore

/// The object behind flx_config.
final class ConfigObject {
    var configuration = SessionConfiguration()
    deinit { configuration.clientSecret.wipe() }
}

private typealias ErrOut = UnsafeMutablePointer<OpaquePointer?>?

/// Runs a setter on a live config, turning argument errors into codes.
private func withConfig(_ cfg: OpaquePointer?, _ err: ErrOut,
                        _ body: (ConfigObject) -> FlexitiError?) -> flx_code {
    guard let c = Handles.get(cfg, as: ConfigObject.self) else { return misuse("flx_config", err) }
    if let e = body(c) { return fail(e, err) }
    return FLX_OK_CODE
}

@c @implementation
public func flx_config_new(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    out.pointee = Handles.register(ConfigObject())
    return FLX_OK_CODE
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
        guard lang != nil else { c.configuration.lang = nil; return nil }
        switch CInput.string(lang, "lang") {
        case let .failure(e): return e
        case let .success(l):
            guard l == "en" || l == "fr" else { return .invalidArgument("lang must be \"en\" or \"fr\"") }
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
        guard path != nil else { c.configuration.transport.caFile = nil; return nil }
        switch CInput.nonEmpty(path, "ca_file") {
        case let .failure(e): return e
        case let .success(p): c.configuration.transport.caFile = p; return nil
        }
    }
}

@c @implementation
public func flx_config_set_proxy(_ cfg: OpaquePointer?, _ proxy: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withConfig(cfg, err) { c in
        guard proxy != nil else { c.configuration.transport.proxy = nil; return nil }
        switch CInput.nonEmpty(proxy, "proxy_url") {
        case let .failure(e): return e
        case let .success(p): c.configuration.transport.proxy = p; return nil
        }
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
