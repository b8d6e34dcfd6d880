/// POST authorization, release, capture, return; GET authorizations, authorization, captures.
enum Authorizations {
    static func captureJSON(_ c: CaptureState, _ auth: AuthorizationState?) -> JSON {
        .object([
            ("capture_id", .int(c.id)),
            ("authorization_id", .int(c.authorizationId)),
            ("reference", c.reference.map(JSON.string) ?? .null),
            ("date", .string(Time.iso(c.createdAt))),
            ("amount", .money(c.amount)),
            ("remaining_capture_amount", .money(c.remaining)),
            ("transaction_type", auth.map { .string($0.transactionType) } ?? .null),
            ("returns", .array(c.returns.map { r in
                .object([("return_id", .int(r.id)), ("amount", .money(r.amount)), ("date", .string(Time.iso(r.at))),
                         ("reference", r.reference.map(JSON.string) ?? .null)])
            })),
        ])
    }

    static func json(_ s: State, _ a: AuthorizationState) -> JSON {
        var financing: [(String, JSON)] = [("transaction_type", .string(a.transactionType))]
        if let p = a.planId { financing.append(("plan_id", .int(p))) }
        if let t = a.term { financing.append(("term", .int(t))) }
        return .object([
            ("authorization_id", .int(a.id)),
            ("account_number", .int(a.accountNumber)),
            ("reference", a.reference.map(JSON.string) ?? .null),
            ("amount", .money(a.amount)),
            ("remaining_amount", .money(a.remaining)),
            ("authorization_status", .string(a.status)),
            ("financing_option", .object(financing)),
            ("date", .string(Time.iso(a.createdAt))),
            ("captures", .array(a.captureIds.compactMap { s.captures[$0] }.map { captureJSON($0, a) })),
            ("releases", .array(a.releases.map { r in
                .object([("amount", .money(r.amount)), ("date", .string(Time.iso(r.at)))])
            })),
        ])
    }
}
