import CFlexiti
import FlexitiCore

@c @implementation
public func flx_version() -> UnsafePointer<CChar>? {
    CStrings.permanent.get("version", Defaults.versionString)
}

@c @implementation
public func flx_version_num() -> UInt32 {
    UInt32(Defaults.versionMajor << 16 | Defaults.versionMinor << 8 | Defaults.versionPatch)
}

@c @implementation
public func flx_code_name(_ code: flx_code) -> UnsafePointer<CChar>? {
    let info = ErrorCatalog.info(ErrorCode(rawValue: Int32(truncatingIfNeeded: code.rawValue)))
    // Unknown numbers share one entry, so arbitrary values cannot grow the permanent cache.
    return CStrings.permanent.get(info == nil ? "name:unknown" : "name:\(code.rawValue)", info?.name ?? "unknown_code")
}

@c @implementation
public func flx_strerror(_ code: flx_code) -> UnsafePointer<CChar>? {
    let info = ErrorCatalog.info(ErrorCode(rawValue: Int32(truncatingIfNeeded: code.rawValue)))
    return CStrings.permanent.get(info == nil ? "text:unknown" : "text:\(code.rawValue)", info?.description ?? "Unknown error code")
}

@c @implementation
public func flx_global_init() -> flx_code {
    // FLX_E_TRANSPORT: libcurl could not be loaded; FLX_E_OUT_OF_MEMORY: it could not initialise.
    LibraryGlobal.initialize().map { flx_code($0.code) } ?? FLX_OK_CODE
}

@c @implementation
public func flx_global_cleanup() {
    // Nothing to release: libcurl's global state stays, since the host program may use libcurl too.
}
