import FlexitiCore

/// An optional C string argument, read in one place for every entry point: NULL is nil (the
/// value is left out, or a setter clears it); anything else is read like every string argument
/// (CInput.string: over-long or invalid UTF-8 is an error). `nonEmpty` also refuses "", for
/// values where an empty string cannot mean anything (a file path, a URL).
func nullableString(_ p: UnsafePointer<CChar>?, _ name: String, nonEmpty: Bool = false) -> Result<String?, FlexitiError> {
    guard p != nil else { return .success(nil) }
    return (nonEmpty ? CInput.nonEmpty(p, name) : CInput.string(p, name)).map { Optional($0) }
}
