import Foundation
import NIOCore

/// The admin API under /_sandbox (no token needed): faults, reset, state, clock.
///   POST   /_sandbox/faults   {fault object} or [{...}, ...] → {"faults":[armed...]}
///   GET    /_sandbox/faults   → {"faults":[...]}
///   DELETE /_sandbox/faults   → {"faults":[]}
///   POST   /_sandbox/reset    → reseed everything (faults and counters included)
///   GET    /_sandbox/state    → accounts, authorizations, captures, refunds, counters, faults
///   POST   /_sandbox/clock    {"advance_seconds": N} → {"now": "..."}
///   GET    /_sandbox/requests → {"requests":[...]} the API requests received, secrets redacted
///   DELETE /_sandbox/requests → empties that journal
enum Admin {
    static func handle(method: String, path: String, body: ByteBuffer, core: SandboxCore) -> Outcome {
        func ok(_ j: JSON) -> Outcome { .json(200, j, refId: nil) }
        func bad(_ status: Int, _ msg: String) -> Outcome {
            .json(status, APIError(status: status, error: "wrong_inputs", message: msg).body(url: path), refId: nil,
                  errorCode: "wrong_inputs")
        }
        func faultsJSON() -> JSON {
            let data = (try? JSONEncoder().encode(core.faults.list())) ?? Data("[]".utf8)
            return .object([("faults", (try? JSON.parse(Array(data))) ?? .array([]))])
        }
        switch (method, path) {
        case ("GET", "/_sandbox/faults"):
            return ok(faultsJSON())
        case ("DELETE", "/_sandbox/faults"):
            core.faults.clear()
            return ok(faultsJSON())
        case ("POST", "/_sandbox/faults"):
            let data = Data(body.readableBytesView)
            // One fault object or an array of them; unknown keys and kinds are refused, nothing armed.
            let isArray = data.first { !" \t\r\n".utf8.contains($0) } == UInt8(ascii: "[")
            do {
                let faults = isArray ? try StrictJSON.decode([SandboxFault].self, from: data)
                                     : [try StrictJSON.decode(SandboxFault.self, from: data)]
                for f in faults { core.faults.add(f) }
            } catch {
                return bad(400, "invalid fault: \(error). Known faults: "
                           + SandboxFault.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return ok(faultsJSON())
        case ("GET", "/_sandbox/requests"):
            return ok(core.journal.json())
        case ("DELETE", "/_sandbox/requests"):
            core.journal.clear()
            return ok(core.journal.json())
        case ("POST", "/_sandbox/reset"):
            core.reset()
            return ok(.object([("reset", .bool(true))]))
        case ("GET", "/_sandbox/state"):
            return ok(core.stateSnapshot())
        case ("POST", "/_sandbox/clock"):
            guard let j = try? JSON.parse(Array(body.readableBytesView)), let adv = j["advance_seconds"]?.scalarText,
                  let secs = Int64(adv) else {
                return bad(400, "body must be {\"advance_seconds\": N}")
            }
            core.clockOffset.withLock { $0 += secs }
            return ok(.object([("now", .string(Time.iso(core.now())))]))
        default:
            return bad(404, "unknown admin endpoint \(method) \(path)")
        }
    }
}

extension SandboxCore {
    func stateSnapshot() -> JSON {
        let now = self.now()
        let faults = self.faults.list().count
        let counters = self.counters.withLock { $0 }
        return store.withLock { s in
            .object([
                ("now", .string(Time.iso(now))),
                ("accounts", .array(s.accounts.values.sorted { $0.number < $1.number }.map { a in
                    .object([("account_number", .int(a.number)), ("account_status", .string(a.status)),
                             ("credit_limit", .money(a.creditLimit)), ("available_credit", .money(a.available)),
                             ("wrong_answers_48h", .int(a.wrongAnswers.filter { $0 > now - 2 * Time.day }.count))])
                })),
                ("authorizations", .array(s.authorizations.values.sorted { $0.id < $1.id }.map { Authorizations.json(s, $0) })),
                ("refunds", .int(s.refunds.count)),
                ("transactions", .int(s.transactions.count)),
                ("tokens", .int(s.tokens.count)),
                ("faults_armed", .int(faults)),
                ("requests", .int(counters.total)),
            ])
        }
    }
}
