// All mutable sandbox state. One struct behind one lock (`SandboxCore.store`): every request
// runs its whole business logic inside that lock, so state transitions are atomic and
// "apply then drop the response" faults see exactly what a real server would have committed.

struct ClientState: Sendable {
    var seed: SandboxSeed.Client
    var id: String { seed.clientId }
    var merchant: SandboxSeed.Merchant { seed.merchant }
    var apiAccess: Bool { seed.apiAccess ?? true }
}

struct AccountState: Sendable {
    var seed: SandboxSeed.Account
    var number: Int64 { seed.accountNumber }
    var creditLimit: Int64
    var available: Int64
    var status: String
    var reasonCode: String
    /// Times of wrong security answers (kept for 48 h).
    var wrongAnswers: [Int64] = []
    /// Times of regular purchases (for the bypass rule: ≤ 3 in 24 h).
    var regularPurchases: [Int64] = []
    /// (time, cents) of payments counted toward the $10,000 / 24 h cap.
    var payments: [(Int64, Int64)] = []

    var isPrime: Bool { ["L", "M", "H", "X"].contains(seed.riskRating) }
    var categoryType: String {
        switch seed.riskRating {
        case "L", "M": return "preferred"
        case "H", "X": return "premium"
        default: return "standard"
        }
    }
    var isQC: Bool { seed.province == "QC" }
}

struct TokenState: Sendable {
    var clientId: String
    var scope: String
    var expiresAt: Int64
    var refreshToken: String
}

struct PinState: Sendable {
    var code: String
    var accountNumber: Int64
    var requestId: String?
    var regularOnly: Bool
    var expiresAt: Int64
}

struct WidgetSession: Sendable {
    var id: String
    var clientId: String
    var accessToken: String
    var flow: String
    var accountNumber: Int64?
    var personalInformation: JSON?
    var apply: JSON?
}

struct ReleaseState: Sendable { var amount: Int64; var at: Int64; var reference: String? }

struct ReturnState: Sendable { var id: Int64; var amount: Int64; var at: Int64; var reference: String? }

struct CaptureState: Sendable {
    var id: Int64
    var authorizationId: Int64
    var amount: Int64
    var remaining: Int64
    var createdAt: Int64
    var reference: String?
    var returns: [ReturnState] = []
}

struct AuthorizationState: Sendable {
    var id: Int64
    var clientId: String
    var accountNumber: Int64
    var vccNumber: String?
    var transactionType: String
    var planId: Int?
    var term: Int?
    var amount: Int64
    var remaining: Int64
    var status: String
    var reference: String?
    var createdAt: Int64
    var captureIds: [Int64] = []
    var releases: [ReleaseState] = []
    var termAmount: Int64?
    var annualRate: Int64?
    var adminFee: Int64?
}

struct RefundState: Sendable {
    var id: Int64
    var clientId: String
    var accountNumber: Int64
    var amount: Int64
    var captureId: Int64?
    var at: Int64
    var reference: String?
}

struct TransactionState: Sendable {
    var id: Int64
    var clientId: String
    var accountNumber: Int64
    var type: String
    var amount: Int64
    var at: Int64
}

struct IdempotentReply: Sendable {
    var contextHash: String?
    var status: Int
    var body: String
}

struct State: Sendable {
    var clients: [String: ClientState] = [:]
    var accounts: [Int64: AccountState] = [:]
    /// vcc_number → (account_number, authorized_user_id)
    var vccs: [String: (Int64, String?)] = [:]
    var securityQuestions: [Int: SandboxSeed.SecurityQuestion] = [:]
    var tokens: [String: TokenState] = [:]
    /// refresh token → access token it was issued with
    var refreshTokens: [String: String] = [:]
    var pins: [String: PinState] = [:]           // key: "\(account)|\(code)"
    var widgetSessions: [String: WidgetSession] = [:]
    var authorizations: [Int64: AuthorizationState] = [:]
    var captures: [Int64: CaptureState] = [:]
    var refunds: [RefundState] = []
    var transactions: [TransactionState] = []
    var applications: [Int64: JSON] = [:]
    /// "client|method|path-template|key" → first successful reply
    var idempotency: [String: IdempotentReply] = [:]
    var nextAuthorizationId: Int64 = 1_000_000_000_001_000
    var nextCaptureId: Int64 = 200_000_000
    var nextReturnId: Int64 = 3_000_000_000_000_000
    var nextTransactionId: Int64 = 4_000_000_000_000_000
    var nextAccountNumber: Int64 = 300_000_000
    var pinCounter: Int64 = 0

    init() {}

    init(seed: SandboxSeed, now: Int64) {
        for c in seed.clients { clients[c.clientId] = ClientState(seed: c) }
        for a in seed.accounts {
            let limit = (try? Money.parse(a.creditLimit, allowZero: true).get()) ?? 0
            let avail = (try? Money.parse(a.availableCredit, allowZero: true).get()) ?? 0
            accounts[a.accountNumber] = AccountState(seed: a, creditLimit: limit, available: avail,
                                                     status: a.accountStatus, reasonCode: a.accountStatusReasonCode)
            for v in a.vccs { vccs[v.vccNumber] = (a.accountNumber, v.authorizedUserId) }
        }
        for q in seed.securityQuestions ?? [] { securityQuestions[q.id] = q }
        for a in seed.authorizations ?? [] {
            let created = now - Int64(a.createdDaysAgo) * Time.day
            var auth = AuthorizationState(
                id: a.authorizationId, clientId: a.clientId, accountNumber: a.accountNumber, vccNumber: nil,
                transactionType: a.transactionType, planId: a.planId, term: a.term,
                amount: (try? Money.parse(a.amount).get()) ?? 0,
                remaining: (try? Money.parse(a.remainingAmount, allowZero: true).get()) ?? 0,
                status: a.authorizationStatus, reference: a.reference, createdAt: created)
            for c in a.captures {
                auth.captureIds.append(c.captureId)
                captures[c.captureId] = CaptureState(
                    id: c.captureId, authorizationId: a.authorizationId,
                    amount: (try? Money.parse(c.amount).get()) ?? 0,
                    remaining: (try? Money.parse(c.remainingAmount, allowZero: true).get()) ?? 0,
                    createdAt: now - Int64(c.createdDaysAgo) * Time.day, reference: c.reference ?? a.reference)
            }
            authorizations[a.authorizationId] = auth
        }
    }

    func account(vcc: String) -> (AccountState, String?)? {
        guard let (n, au) = vccs[vcc], let a = accounts[n] else { return nil }
        return (a, au)
    }

    func account(customerId: String) -> (AccountState, String?)? {
        if let a = accounts.values.first(where: { $0.seed.customerId == customerId }) { return (a, nil) }
        // Business authorized users: "<master-customer-id>-<authorized-user-id>".
        let parts = customerId.split(separator: "-", maxSplits: 1).map(String.init)
        if parts.count == 2, let a = accounts.values.first(where: { $0.seed.customerId == parts[0] }),
           a.seed.vccs.contains(where: { $0.authorizedUserId == parts[1] }) {
            return (a, parts[1])
        }
        return nil
    }

    static func randomHex(_ n: Int) -> String {
        var g = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<n).map { _ in digits[Int(g.next() % 16)] })
    }
}
