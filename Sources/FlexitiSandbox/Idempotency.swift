/// `x-idempotency-key` replay (Flexiti's API reference): the first successful reply for a key is stored and
/// replayed for every later request with that key. ASSUMPTION: honoured on every POST, scoped
/// per client and endpoint; the same key with a different `x-context-hash` → 409 idempotency_conflict.
enum Idempotency {
    static func run(_ state: inout State, _ req: APIRequest, _ body: (inout State) throws -> Reply) throws -> Reply {
        guard req.method == "POST", let key = req.header("x-idempotency-key"), !key.isEmpty else {
            return try body(&state)
        }
        let slot = "\(req.client?.id ?? "")|\(req.path)|\(key)"
        let hash = req.header("x-context-hash")
        if let prior = state.idempotency[slot] {
            if let hash, let priorHash = prior.contextHash, hash != priorHash {
                throw APIError(status: 409, error: "idempotency_conflict",
                               message: "x-idempotency-key \(key) was already used with a different request body (x-context-hash differs)")
            }
            return Reply(status: prior.status, body: (try? JSON.parse(prior.body)) ?? .object([]))
        }
        let reply = try body(&state)
        state.idempotency[slot] = IdempotentReply(contextHash: hash, status: reply.status, body: reply.body.serialized())
        return reply
    }
}
