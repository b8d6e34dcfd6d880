/// Checks shared by the money-moving endpoints, in the order Flexiti documents them, and the
/// deterministic triggers for errors that have no modelled cause.
enum Common {
    /// The trigger for errors with no modelled cause: an x-reference-id containing this text makes
    /// every endpoint that documents general_error (generic_error on release) answer it.
    static let generalErrorReference = "SANDBOX-GENERAL-ERROR"

    /// general_error (or the route's generic_error / 400 variant) when the account carries the
    /// seed trigger or the x-reference-id asks for it.
    static func generalErrorTrigger(_ req: APIRequest, account: AccountState?) throws {
        let asked = req.referenceId.uppercased().contains(generalErrorReference)
        guard asked || account?.seed.trigger == "general_error" else { return }
        let code = ErrorCatalog.endpointRows.contains { $0.path == req.route && $0.error == "generic_error" }
            ? "generic_error" : "general_error"
        throw APIError.documented(code, route: req.route)
    }

    static func account(_ state: State, _ number: Int64, route: String) throws -> AccountState {
        guard let a = state.accounts[number] else {
            throw APIError.notFound(route: route, message: "Customer Account \(number) not found")
        }
        return a
    }

    /// Path account number: non-numeric → 400 invalid_account (general_errors.tsv).
    static func pathAccountNumber(_ req: APIRequest) throws -> Int64 {
        let raw = req.pathParams["account_number"] ?? ""
        guard raw.isAllASCIIDigits, raw.count <= 14, let n = Int64(raw), n > 0 else {
            throw APIError.documented("invalid_account", route: req.route, message: "Wrong account number '\(raw)'")
        }
        return n
    }

    /// A VCC sent with an account: unknown → not_found; another account's → vcc_account_mismatch.
    static func vcc(_ state: State, _ vcc: String?, belongsTo a: AccountState, route: String) throws {
        guard let vcc else { return }
        guard let (owner, _) = state.vccs[vcc] else {
            throw APIError.notFound(route: route, message: "VCC \(vcc) not found")
        }
        if owner != a.number {
            throw APIError.documented("vcc_account_mismatch", route: route)
        }
    }

    static func accountType(_ client: ClientState?, _ a: AccountState, route: String) throws {
        guard let client, !client.merchant.acceptedAccountTypes.contains(a.seed.accountType) else { return }
        throw APIError.documented("account_type_not_permitted", route: route,
                                  message: "The merchant does not support \(a.seed.accountType) accounts")
    }

    static func location(_ client: ClientState?, _ id: String?, route: String) throws {
        guard let client, let id, !client.merchant.externalLocationIds.contains(id) else { return }
        throw APIError.documented("external_location_id_not_found", route: route,
                                  message: "The external location ID \(id) is not registered with Flexiti")
    }

    /// Employees listed in the seed are limited to their permissions; unlisted ids are not checked.
    static func employee(_ client: ClientState?, _ id: String?, may permission: String, route: String) throws {
        guard let client, let id, let e = client.merchant.employees.first(where: { $0.externalEmployeeId == id }),
              !e.permissions.contains(permission) else { return }
        throw APIError.documented("not_permitted", route: route,
                                  message: "Employee \(id) does not have the \(permission) permission")
    }

    /// Money from JSON for messages.
    static func dollars(_ c: Int64) -> String { "$" + Money.format(c) }
}
