import CFlexiti

@c @implementation
public func flx_version() -> UnsafePointer<CChar>? {
    return nil
}
