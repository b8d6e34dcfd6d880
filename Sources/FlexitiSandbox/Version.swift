import enum FlexitiCore.Defaults

/// The sandbox's version: the libflexiti release it ships with (`flexiti-sandbox --version`).
public let sandboxVersion = Defaults.versionString
