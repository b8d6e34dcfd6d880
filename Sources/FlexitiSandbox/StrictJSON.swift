import Foundation

/// Decoding of user-written JSON (seed files, fault files, POST /_sandbox/faults) that refuses
/// what the sandbox would otherwise silently ignore: a key the type does not know (a typo such
/// as "dealy_ms" must not arm a different fault than meant). Works for any Codable type whose
/// encoding mirrors its decoding: the value is decoded, encoded again, and every key of the
/// input missing from that echo (null values aside) is unknown.
package enum StrictJSON {
    package struct DecodeError: Error, CustomStringConvertible {
        package let description: String
    }

    package static func decode<T: Codable>(_ type: T.Type, from data: Data) throws -> T {
        let value: T
        do { value = try JSONDecoder().decode(T.self, from: data) } catch {
            throw DecodeError(description: describe(error))
        }
        let original: Any
        let echoed: Any
        do {
            original = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            echoed = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: [.fragmentsAllowed])
        } catch {
            throw DecodeError(description: "not valid JSON: \(error.localizedDescription)")
        }
        if let path = firstUnknownKey(original, echoed, path: "") {
            throw DecodeError(description: "unknown key \"\(path.key)\"" + (path.at.isEmpty ? "" : " in \(path.at)"))
        }
        return value
    }

    /// The first key (sorted, depth first) of `input` that `echo` lacks, with where it sits.
    static func firstUnknownKey(_ input: Any, _ echo: Any, path: String) -> (key: String, at: String)? {
        if let object = input as? [String: Any] {
            let known = echo as? [String: Any] ?? [:]
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                guard let echoed = known[key] else {
                    if value is NSNull { continue }
                    return (key, path)
                }
                if let found = firstUnknownKey(value, echoed, path: path.isEmpty ? key : path + "." + key) { return found }
            }
        } else if let array = input as? [Any], let echoedArray = echo as? [Any] {
            for (i, value) in array.enumerated() where i < echoedArray.count {
                if let found = firstUnknownKey(value, echoedArray[i], path: path + "[\(i)]") { return found }
            }
        }
        return nil
    }

    /// A DecodingError in one line, naming the key path.
    static func describe(_ error: Error) -> String {
        func at(_ path: [CodingKey]) -> String {
            let p = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            let trimmed = p.hasPrefix(".") ? String(p.dropFirst()) : p
            return trimmed.isEmpty ? "the top level" : trimmed
        }
        guard let e = error as? DecodingError else { return "\(error)" }
        switch e {
        case .keyNotFound(let key, let ctx):
            return "missing key \"\(key.stringValue)\" in \(at(ctx.codingPath))"
        case .typeMismatch(let type, let ctx):
            return "\(at(ctx.codingPath)): expected \(type)"
        case .valueNotFound(let type, let ctx):
            return "\(at(ctx.codingPath)): expected \(type), found null"
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return "not valid JSON" }
            return "\(at(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

