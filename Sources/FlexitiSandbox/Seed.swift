import Foundation

/// Everything the sandbox starts from: API clients with their merchant configuration, customer
/// accounts and (optionally) historical authorizations. Mirrors `Sources/FlexitiSandbox/seed.json`; money is
/// written as decimal strings ("15000.00") and held as integer cents once loaded.
package struct SandboxSeed: Sendable, Codable, Equatable {
    package var clients: [Client]
    package var accounts: [Account]
    package var authorizations: [Authorization]?
    package var securityQuestions: [SecurityQuestion]?

    package init(clients: [Client], accounts: [Account], authorizations: [Authorization]? = nil,
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

    package struct Client: Sendable, Codable, Equatable {
        package var clientId: String
        package var clientSecret: String
        /// Scopes this client may request: "merchant", "customer".
        package var scopes: [String]
        /// false: the token endpoint answers 409 invalid_role (portal account not provisioned).
        package var provisioned: Bool
        /// false: tokens are issued but every other endpoint answers 409 invalid_role.
        package var apiAccess: Bool?
        /// Path suffixes a customer-scope token may call (default: the documented customer-scope list).
        package var customerScopeEndpoints: [String]?
        /// Credentials for the deprecated merchants/login endpoint.
        package var merchantUsername: String?
        package var merchantPassword: String?
        package var merchant: Merchant
        package var note: String?

        enum CodingKeys: String, CodingKey {
            case clientId = "client_id", clientSecret = "client_secret", scopes, provisioned
            case apiAccess = "api_access", customerScopeEndpoints = "customer_scope_endpoints"
            case merchantUsername = "merchant_username", merchantPassword = "merchant_password", merchant, note
        }
    }

    package struct Merchant: Sendable, Codable, Equatable {
        package var merchantId: Int64
        package var merchantName: String
        /// auto_capture=false authorizations allowed (else 409 auth_not_allowed).
        package var preAuthAllowed: Bool
        package var merchantOverrideAllowed: Bool
        /// Non-prime (risk Y/Z) customers accepted (else lookup gives merchant_not_support_nonprime_regularpurchase).
        package var acceptsNonprime: Bool
        package var regularPurchaseAllowed: Bool
        package var acceptedAccountTypes: [String]
        package var externalLocationIds: [String]
        package var employees: [Employee]
        package var plans: [Plan]

        enum CodingKeys: String, CodingKey {
            case merchantId = "merchant_id", merchantName = "merchant_name", preAuthAllowed = "pre_auth_allowed"
            case merchantOverrideAllowed = "merchant_override_allowed", acceptsNonprime = "accepts_nonprime"
            case regularPurchaseAllowed = "regular_purchase_allowed", acceptedAccountTypes = "accepted_account_types"
            case externalLocationIds = "external_location_ids", employees, plans
        }
    }

    package struct Employee: Sendable, Codable, Equatable {
        package var externalEmployeeId: String
        /// Any of: authorize, capture, release, return, refund, transactions.
        package var permissions: [String]
        enum CodingKeys: String, CodingKey { case externalEmployeeId = "external_employee_id", permissions }
    }

    package struct Plan: Sendable, Codable, Equatable {
        package var planId: Int
        package var planName: String
        /// "equal_billing" or "deferred".
        package var offerCategory: String
        package var terms: [Int]
        /// Annual rate as a decimal string, e.g. "0.0000" or "0.2999".
        package var annualRate: String
        /// Only for prime (risk L/M/H/X) customers.
        package var primeOnly: Bool
        /// "all", "roc" (rest of Canada only) or "qc" (Quebec only).
        package var region: String
        /// One-off admin fee in dollars ("49.99"), or nil.
        package var adminFee: String?
        enum CodingKeys: String, CodingKey {
            case planId = "plan_id", planName = "plan_name", offerCategory = "offer_category", terms
            case annualRate = "annual_rate", primeOnly = "prime_only", region, adminFee = "admin_fee"
        }
    }

    package struct Account: Sendable, Codable, Equatable {
        package var accountNumber: Int64
        package var customerId: String
        package var firstName: String
        package var lastName: String
        package var dob: String
        /// N, A, F, Z or C.
        package var accountStatus: String
        package var accountStatusReasonCode: String
        /// false: 409 user_not_active.
        package var activated: Bool
        package var riskRating: String
        package var province: String
        /// consumer or business.
        package var accountType: String
        package var creditLimit: String
        package var availableCredit: String
        package var securityQid: Int
        package var securityAnswer: String
        package var piw: String?
        package var phoneNumber: String?
        package var email: String?
        package var address1: String
        package var address2: String?
        package var city: String
        package var postalCode: String
        package var paymentProtection: Bool
        package var preferredLanguage: String
        package var tosAgreement: Bool
        package var creationDate: String
        package var originatingMerchantId: Int64
        package var originatingMerchantName: String
        package var vccs: [Vcc]
        /// A documented deterministic trigger for errors with no modelled cause, e.g. "general_error".
        package var trigger: String?
        package var note: String?

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

    package struct Vcc: Sendable, Codable, Equatable {
        package var vccNumber: String
        /// Set for a business account's authorized user: customer_id becomes "<customer_id>-<authorized_user_id>".
        package var authorizedUserId: String?
        package var firstName: String?
        package var lastName: String?
        enum CodingKeys: String, CodingKey {
            case vccNumber = "vcc_number", authorizedUserId = "authorized_user_id"
            case firstName = "first_name", lastName = "last_name"
        }
    }

    package struct Authorization: Sendable, Codable, Equatable {
        package var authorizationId: Int64
        package var clientId: String
        package var accountNumber: Int64
        /// promotional_purchase or regular_purchase.
        package var transactionType: String
        package var planId: Int?
        package var term: Int?
        package var amount: String
        package var remainingAmount: String
        /// opened, closed, unauthorized or onhold.
        package var authorizationStatus: String
        package var reference: String?
        package var createdDaysAgo: Int
        package var captures: [Capture]
        package var note: String?
        enum CodingKeys: String, CodingKey {
            case authorizationId = "authorization_id", clientId = "client_id", accountNumber = "account_number"
            case transactionType = "transaction_type", planId = "plan_id", term, amount
            case remainingAmount = "remaining_amount", authorizationStatus = "authorization_status", reference
            case createdDaysAgo = "created_days_ago", captures, note
        }
    }

    package struct Capture: Sendable, Codable, Equatable {
        package var captureId: Int64
        package var amount: String
        package var remainingAmount: String
        package var createdDaysAgo: Int
        package var reference: String?
        enum CodingKeys: String, CodingKey {
            case captureId = "capture_id", amount, remainingAmount = "remaining_amount"
            case createdDaysAgo = "created_days_ago", reference
        }
    }

    package struct SecurityQuestion: Sendable, Codable, Equatable {
        package var id: Int
        package var en: String
        package var fr: String
    }

    package struct LoadError: Error, CustomStringConvertible {
        package let description: String
    }

    /// The seed compiled into the sandbox: the bytes of `Sources/FlexitiSandbox/seed.json`
    /// (an embedded SwiftPM resource).
    package static var `default`: SandboxSeed { builtIn }

    // Decoded once. Tests decode the same bytes strictly, so a failure here is a build-time mistake, not user input.
    private static let builtIn: SandboxSeed =
        (try? decode(Data(PackageResources.seed_json))) ?? SandboxSeed(clients: [], accounts: [])

    package static func load(path: String) throws -> SandboxSeed {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError(description: "cannot read seed file \(path): \(error.localizedDescription)")
        }
        do { return try decode(data) } catch let e as LoadError {
            throw LoadError(description: "seed file \(path): \(e.description)")
        }
    }

    /// Unknown keys are refused (StrictJSON), so a misspelt field is an error, not a default.
    package static func decode(_ data: Data) throws -> SandboxSeed {
        let seed: SandboxSeed
        do { seed = try StrictJSON.decode(SandboxSeed.self, from: data) } catch {
            throw LoadError(description: "invalid seed: \(error)")
        }
        try seed.validate()
        return seed
    }

    /// Rejects seeds whose money does not parse, so the store never has to.
    package func validate() throws {
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
