import CFlexiti
import FlexitiCore

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
    guard let c = Handles.get(cfg, as: ConfigObject.self) else { return misuse("flx_config", err) }
    guard let level = LogLevel(rawValue: Int32(truncatingIfNeeded: minLevel.rawValue)) else {
        return fail(.invalidArgument("min_level \(minLevel.rawValue) is not an flx_log_level"), err)
    }
    guard let callback else {
        c.configuration.logger = nil
        return FLX_OK_CODE
    }
    let sink = CLogSink(callback: callback, userdata: userdata)
    c.configuration.logger = Logger(minLevel: level) { sink.deliver($0) }
    return FLX_OK_CODE
}

@c @implementation
public func flx_config_set_retries(_ cfg: OpaquePointer?, _ maxRetries: Int32, _ baseDelayMs: Int, _ maxDelayMs: Int, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let c = Handles.get(cfg, as: ConfigObject.self) else { return misuse("flx_config", err) }
    guard (0...10).contains(maxRetries), (0...60_000).contains(baseDelayMs), (baseDelayMs...600_000).contains(maxDelayMs) else {
        return fail(.invalidArgument("retries must be 0-10, base_delay_ms 0-60000, max_delay_ms base_delay_ms-600000"), err)
    }
    c.configuration.retry = RetryPolicy(maxRetries: Int(maxRetries), baseDelayMs: baseDelayMs, maxDelayMs: maxDelayMs)
    return FLX_OK_CODE
}
