import HTTPTypes
import NIOCore
import Synchronization

/// The journal of API requests the sandbox received (GET /_sandbox/requests), so a vendor's
/// integration test can assert on what its POS actually sent: method, path, query, the
/// x-reference-id and x-idempotency-key headers, the body, the status answered and any fault.
/// Secrets never enter it: the Authorization header is not kept, and every body or query value
/// whose name says secret (see `RequestJournal.isSecret`) reads "[redacted]". The most recent
/// `capacity` requests are kept; admin requests are not journaled.
final class RequestJournal: Sendable {
    static let capacity = 1000
    static let redacted = "[redacted]"

    struct Entry: Sendable {
        var sequence: Int
        var time: String
        var method: String
        var path: String
        var query: [(String, String)]
        var referenceId: String?
        var idempotencyKey: String?
        var body: JSON
        var status: String
        var fault: String?
        var error: String?
    }

    private let entries = Mutex<(next: Int, items: [Entry])>((1, []))

    /// Names of fields whose values are secrets: the client secret, tokens, passwords, PINs and
    /// verification codes, security answers, SIN and PIW, card numbers' security codes.
    static func isSecret(_ name: String) -> Bool {
        let n = name.lowercased()
        let exact: Set<String> = ["sin", "piw", "pin", "cvv", "cvc", "verification_code", "code", "assertion"]
        if exact.contains(n) { return true }
        return ["secret", "token", "password", "answer", "passcode", "_pin", "pin_", "_sin", "sin_", "piw"]
            .contains { n.contains($0) }
    }

    static func redact(_ value: JSON) -> JSON {
        switch value {
        case .object(let pairs):
            return .object(pairs.map { key, v in
                isSecret(key) && !v.isNull ? (key, .string(redacted)) : (key, redact(v))
            })
        case .array(let items):
            return .array(items.map(redact))
        default:
            return value
        }
    }

    func record(method: String, path: String, query: String?, headers: HTTPFields, body: ByteBuffer,
                time: String, status: String, fault: String?, error: String?) {
        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
        let parsedQuery = Form.parseQuery(query ?? "").map { key, v in (key, Self.isSecret(key) ? Self.redacted : v) }
        // The body as the API handlers read it (JSON or form fields); anything else is summarised.
        let parsedBody: JSON
        if body.readableBytes == 0 {
            parsedBody = .null
        } else if let j = try? Form.parseBody(body, contentType: headers[.contentType], route: "") {
            parsedBody = Self.redact(j)
        } else {
            parsedBody = .string("(\(body.readableBytes) bytes, not JSON or form fields)")
        }
        entries.withLock { state in
            state.items.append(Entry(sequence: state.next, time: time, method: method, path: path, query: parsedQuery,
                                     referenceId: header("x-reference-id"), idempotencyKey: header("x-idempotency-key"),
                                     body: parsedBody, status: status, fault: fault, error: error))
            state.next += 1
            if state.items.count > Self.capacity { state.items.removeFirst(state.items.count - Self.capacity) }
        }
    }

    func clear() { entries.withLock { $0.items.removeAll() } }

    var count: Int { entries.withLock { $0.items.count } }

    func json() -> JSON {
        let items = entries.withLock { $0.items }
        return .object([("requests", .array(items.map { e in
            var fields: [(String, JSON)] = [
                ("sequence", .int(e.sequence)), ("time", .string(e.time)), ("method", .string(e.method)),
                ("path", .string(e.path)),
                ("query", .object(e.query.map { ($0.0, .string($0.1)) })),
                ("x_reference_id", e.referenceId.map(JSON.string) ?? .null),
                ("x_idempotency_key", e.idempotencyKey.map(JSON.string) ?? .null),
                ("body", e.body), ("status", .string(e.status)),
            ]
            if let f = e.fault { fields.append(("fault", .string(f))) }
            if let err = e.error { fields.append(("error", .string(err))) }
            return .object(fields)
        }))])
    }
}
