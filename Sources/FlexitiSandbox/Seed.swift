import Foundation

/// Everything the sandbox starts from: API clients with their merchant configuration, customer
/// accounts and (optionally) historical authorizations. Mirrors `Sources/FlexitiSandbox/seed.json`; money is
/// written as decimal strings ("15000.00") and held as integer cents once loaded.
public struct SandboxSeed: Sendable, Codable, Equatable {
    public var clients: [Client]
    public var accounts: [Account]
    public var authorizations: [Authorization]?
    public var securityQuestions: [SecurityQuestion]?

    public init(clients: [Client], accounts: [Account], authorizations: [Authorization]? = nil,
                securityQuestions: [SecurityQuestion]? = nil) {
        self.clients = clients
        self.accounts = accounts
        self.authorizations = authorizations
        self.securityQuestions = securityQuestions
    }

    enum CodingKeys: String, CodingKey {
        case clients, accounts, authorizations
        case securityQuestions = "security_questions"
    }

    public struct Client: Sendable, Codable, Equatable {
        public var clientId: String
        public var clientSecret: String
        /// Scopes this client may request: "merchant", "customer".
        public var scopes: [String]
        /// false: the token endpoint answers 409 invalid_role (portal account not provisioned).
        public var provisioned: Bool
        /// false: tokens are issued but every other endpoint answers 409 invalid_role.
        public var apiAccess: Bool?
        /// Path suffixes a customer-scope token may call (default: the documented customer-scope list).
        public var customerScopeEndpoints: [String]?
        /// Credentials for the deprecated merchants/login endpoint.
        public var merchantUsername: String?
        public var merchantPassword: String?
        public var merchant: Merchant
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case clientId = "client_id", clientSecret = "client_secret", scopes, provisioned
            case apiAccess = "api_access", customerScopeEndpoints = "customer_scope_endpoints"
            case merchantUsername = "merchant_username", merchantPassword = "merchant_password", merchant, note
        }
    }

    public struct Merchant: Sendable, Codable, Equatable {
        public var merchantId: Int64
        public var merchantName: String
        /// auto_capture=false authorizations allowed (else 409 auth_not_allowed).
        public var preAuthAllowed: Bool
        public var merchantOverrideAllowed: Bool
        /// Non-prime (risk Y/Z) customers accepted (else lookup gives merchant_not_support_nonprime_regularpurchase).
        public var acceptsNonprime: Bool
        public var regularPurchaseAllowed: Bool
        public var acceptedAccountTypes: [String]
        public var externalLocationIds: [String]
        public var employees: [Employee]
        public var plans: [Plan]

        enum CodingKeys: String, CodingKey {
            case merchantId = "merchant_id", merchantName = "merchant_name", preAuthAllowed = "pre_auth_allowed"
            case merchantOverrideAllowed = "merchant_override_allowed", acceptsNonprime = "accepts_nonprime"
            case regularPurchaseAllowed = "regular_purchase_allowed", acceptedAccountTypes = "accepted_account_types"
            case externalLocationIds = "external_location_ids", employees, plans
        }
    }

    public struct Employee: Sendable, Codable, Equatable {
        public var externalEmployeeId: String
        /// Any of: authorize, capture, release, return, refund, transactions.
        public var permissions: [String]
        enum CodingKeys: String, CodingKey { case externalEmployeeId = "external_employee_id", permissions }
    }

    public struct Plan: Sendable, Codable, Equatable {
        public var planId: Int
        public var planName: String
        /// "equal_billing" or "deferred".
        public var offerCategory: String
        public var terms: [Int]
        /// Annual rate as a decimal string, e.g. "0.0000" or "0.2999".
        public var annualRate: String
        /// Only for prime (risk L/M/H/X) customers.
        public var primeOnly: Bool
        /// "all", "roc" (rest of Canada only) or "qc" (Quebec only).
        public var region: String
        /// One-off admin fee in dollars ("49.99"), or nil.
        public var adminFee: String?
        enum CodingKeys: String, CodingKey {
            case planId = "plan_id", planName = "plan_name", offerCategory = "offer_category", terms
            case annualRate = "annual_rate", primeOnly = "prime_only", region, adminFee = "admin_fee"
        }
    }

    public struct Account: Sendable, Codable, Equatable {
        public var accountNumber: Int64
        public var customerId: String
        public var firstName: String
        public var lastName: String
        public var dob: String
        /// N, A, F, Z or C.
        public var accountStatus: String
        public var accountStatusReasonCode: String
        /// false: 409 user_not_active.
        public var activated: Bool
        public var riskRating: String
        public var province: String
        /// consumer or business.
        public var accountType: String
        public var creditLimit: String
        public var availableCredit: String
        public var securityQid: Int
        public var securityAnswer: String
        public var piw: String?
        public var phoneNumber: String?
        public var email: String?
        public var address1: String
        public var address2: String?
        public var city: String
        public var postalCode: String
        public var paymentProtection: Bool
        public var preferredLanguage: String
        public var tosAgreement: Bool
        public var creationDate: String
        public var originatingMerchantId: Int64
        public var originatingMerchantName: String
        public var vccs: [Vcc]
        /// A documented deterministic trigger for errors with no modelled cause, e.g. "general_error".
        public var trigger: String?
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case accountNumber = "account_number", customerId = "customer_id", firstName = "first_name"
            case lastName = "last_name", dob, accountStatus = "account_status"
            case accountStatusReasonCode = "account_status_reason_code", activated, riskRating = "risk_rating"
            case province, accountType = "account_type", creditLimit = "credit_limit"
            case availableCredit = "available_credit", securityQid = "security_qid", securityAnswer = "security_answer"
            case piw, phoneNumber = "phone_number", email, address1 = "address_1", address2 = "address_2", city
            case postalCode = "postal_code", paymentProtection = "payment_protection"
            case preferredLanguage = "preferred_language", tosAgreement = "tos_agreement"
            case creationDate = "creation_date", originatingMerchantId = "originating_merchant_id"
            case originatingMerchantName = "originating_merchant_name", vccs, trigger, note
        }
    }

    public struct Vcc: Sendable, Codable, Equatable {
        public var vccNumber: String
        /// Set for a business account's authorized user: customer_id becomes "<customer_id>-<authorized_user_id>".
        public var authorizedUserId: String?
        public var firstName: String?
        public var lastName: String?
        enum CodingKeys: String, CodingKey {
            case vccNumber = "vcc_number", authorizedUserId = "authorized_user_id"
            case firstName = "first_name", lastName = "last_name"
        }
    }

    public struct Authorization: Sendable, Codable, Equatable {
        public var authorizationId: Int64
        public var clientId: String
        public var accountNumber: Int64
        /// promotional_purchase or regular_purchase.
        public var transactionType: String
        public var planId: Int?
        public var term: Int?
        public var amount: String
        public var remainingAmount: String
        /// opened, closed, unauthorized or onhold.
        public var authorizationStatus: String
        public var reference: String?
        public var createdDaysAgo: Int
        public var captures: [Capture]
        public var note: String?
        enum CodingKeys: String, CodingKey {
            case authorizationId = "authorization_id", clientId = "client_id", accountNumber = "account_number"
            case transactionType = "transaction_type", planId = "plan_id", term, amount
            case remainingAmount = "remaining_amount", authorizationStatus = "authorization_status", reference
            case createdDaysAgo = "created_days_ago", captures, note
        }
    }

    public struct Capture: Sendable, Codable, Equatable {
        public var captureId: Int64
        public var amount: String
        public var remainingAmount: String
        public var createdDaysAgo: Int
        public var reference: String?
        enum CodingKeys: String, CodingKey {
            case captureId = "capture_id", amount, remainingAmount = "remaining_amount"
            case createdDaysAgo = "created_days_ago", reference
        }
    }

    public struct SecurityQuestion: Sendable, Codable, Equatable {
        public var id: Int
        public var en: String
        public var fr: String
    }

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The seed compiled into the sandbox: the bytes of `Sources/FlexitiSandbox/seed.json`
    /// (an embedded SwiftPM resource).
    public static var `default`: SandboxSeed { builtIn }

    // Decoded once. Tests decode the same bytes strictly, so a failure here is a build-time mistake, not user input.
    private static let builtIn: SandboxSeed =
        (try? decode(Data(PackageResources.seed_json))) ?? SandboxSeed(clients: [], accounts: [])

    public static func load(path: String) throws -> SandboxSeed {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError(description: "cannot read seed file \(path): \(error.localizedDescription)")
        }
        do { return try decode(data) } catch let e as LoadError {
            throw LoadError(description: "seed file \(path): \(e.description)")
        }
    }

    /// Unknown keys are refused (StrictJSON), so a misspelt field is an error, not a default.
    public static func decode(_ data: Data) throws -> SandboxSeed {
        let seed: SandboxSeed
        do { seed = try StrictJSON.decode(SandboxSeed.self, from: data) } catch {
            throw LoadError(description: "invalid seed: \(error)")
        }
        try seed.validate()
        return seed
    }

    /// Rejects seeds whose money does not parse, so the store never has to.
    public func validate() throws {
        func money(_ s: String, _ what: String, allowZero: Bool = true) throws {
            if case .failure = Money.parse(s, allowZero: allowZero) { throw LoadError(description: "bad amount \(s) in \(what)") }
        }
        for a in accounts {
            try money(a.creditLimit, "credit_limit of \(a.accountNumber)")
            try money(a.availableCredit, "available_credit of \(a.accountNumber)")
        }
        for auth in authorizations ?? [] {
            try money(auth.amount, "authorization \(auth.authorizationId)", allowZero: false)
            try money(auth.remainingAmount, "authorization \(auth.authorizationId)")
            for c in auth.captures {
                try money(c.amount, "capture \(c.captureId)", allowZero: false)
                try money(c.remainingAmount, "capture \(c.captureId)")
            }
        }
        for c in clients { for p in c.merchant.plans where Decimal4.parse(p.annualRate) == nil {
            throw LoadError(description: "bad annual_rate \(p.annualRate) in plan \(p.planId)")
        } }
    }
}

/// Rates with 4 decimals ("0.2999") as an integer count of 1/10000.
enum Decimal4 {
    static func parse(_ s: String) -> Int64? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let i = parts.first, i.isAllASCIIDigits, let iv = Int64(i) else { return nil }
        var frac = parts.count == 2 ? String(parts[1]) : ""
        guard frac.count <= 4, frac.isEmpty || frac.isAllASCIIDigits else { return nil }
        frac += String(repeating: "0", count: 4 - frac.count)
        return iv * 10000 + (Int64(frac) ?? 0)
    }
    static func format(_ v: Int64) -> String {
        let f = String(v % 10000)
        return String(v / 10000) + "." + String(repeating: "0", count: 4 - f.count) + f
    }
}
