extension StringProtocol {
    /// Whether `part` occurs in this text, compared as UTF-8 bytes (the library's searches are
    /// for ASCII words in libcurl's and our own messages). The standard `contains(_:)` taking a
    /// string lives in _StringProcessing, which the library does not import (Package.swift).
    package func containsText(_ part: String) -> Bool {
        let text = Array(utf8), needle = Array(part.utf8)
        guard text.count >= needle.count else { return false }
        guard !needle.isEmpty else { return true }
        for start in 0...(text.count - needle.count) where text[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
