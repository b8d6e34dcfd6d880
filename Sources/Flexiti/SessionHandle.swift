import CFlexiti
import FlexitiCore

/// The object behind flx_session.
final class SessionObject {
    let session: Session
    init(_ session: Session) { self.session = session }
}

func sessionObject(_ p: OpaquePointer?) -> Session? { Handles.get(p, as: SessionObject.self)?.session }

@c @implementation
public func flx_session_new(_ cfg: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let c = Handles.get(cfg, as: ConfigObject.self) else { return misuse("flx_config", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    var copy = c.configuration
    // The session owns its own secret, so freeing the config cannot wipe it.
    copy.clientSecret = Secret(c.configuration.clientSecret.reveal())
    do {
        let s = try Session(configuration: copy)
        out.pointee = Handles.register(SessionObject(s))
        return FLX_OK_CODE
    } catch {
        return fail(error, err)
    }
}

@c @implementation
public func flx_session_free(_ session: OpaquePointer?) {
    SecureMemory.freeing {
        guard let obj = Handles.remove(session, as: SessionObject.self) else { return }
        // Iterators may still hold the session: close it for them too (their calls get FLX_E_MISUSE).
        obj.session.close()
    }
}

@c @implementation
public func flx_session_authenticate(_ session: OpaquePointer?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    switch s.authenticate() {
    case .success: return FLX_OK_CODE
    case let .failure(e): return fail(e, err)
    }
}

@c @implementation
public func flx_session_stats(_ session: OpaquePointer?, _ requests: UnsafeMutablePointer<UInt64>?, _ connectionsOpened: UnsafeMutablePointer<UInt64>?, _ tokenRequests: UnsafeMutablePointer<UInt64>?) -> flx_code {
    guard let s = sessionObject(session) else { return flx_code(.misuse) }
    let st = s.stats
    requests?.pointee = UInt64(st.requests)
    connectionsOpened?.pointee = UInt64(st.connectionsOpened)
    tokenRequests?.pointee = UInt64(st.tokenRequests)
    return FLX_OK_CODE
}
