import enum FlexitiCore.Defaults

/// The sandbox's version: the libflexiti release it ships with (`flexiti-sandbox --version`).
package let sandboxVersion = Defaults.versionString
