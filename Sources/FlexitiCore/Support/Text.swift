/// Byte-wise search in UTF-8 text. The standard `contains(_:)` and `ranges(of:)` taking a string
/// live in _StringProcessing, which the library does not import (Package.swift); the library's
/// searches are for ASCII words and for whole secrets, where bytes are what matter.
enum TextSearch {
    /// The first index at or after `start` where `needle` occurs in `text`, or nil.
    static func index(of needle: [UInt8], in text: [UInt8], from start: Int = 0) -> Int? {
        guard !needle.isEmpty else { return start <= text.count ? start : nil }
        var i = start
        while text.count - i >= needle.count {
            if text[i] == needle[0], text[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Whether `part` occurs in this text, compared as UTF-8 bytes.
    package func containsText(_ part: String) -> Bool {
        TextSearch.index(of: Array(part.utf8), in: Array(utf8)) != nil
    }
}
