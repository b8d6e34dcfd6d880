/// POST /oauth/token and the bearer-token check every other endpoint goes through.
enum Auth {
    static let route = Routes.tokenRoute

    static func token(_ state: inout State, _ req: APIRequest, _ core: SandboxCore) throws -> Reply {
        func text(_ name: String) -> String? {
            guard let v = req.field(name)?.scalarText, !v.isEmpty else { return nil }
            return v
        }
        guard let clientId = text("client_id"), let secret = text("client_secret"),
              let client = state.clients[clientId], client.seed.clientSecret == secret else {
            throw APIError.documented("invalid_client", route: route, message: "Wrong or missing client_id or client_secret")
        }
        let grant = text("grant_type") ?? "client_credentials"
        // "client_credential" (sic) appears in Flexiti's refresh guide; accept it.
        guard ["client_credentials", "client_credential", "refresh_token"].contains(grant) else {
            throw APIError.documented("invalid_request", route: route,
                                      message: "Invalid grant_type '\(grant)': use client_credentials or refresh_token")
        }
        var scope = text("scope") ?? "merchant"
        guard scope == "merchant" || scope == "customer" else {
            throw APIError.wrongInputs([FieldError(param: "scope", msg: "scope must be merchant or customer",
                                                   value: .string(scope), type: "invalid")], route: route)
        }
        guard client.seed.provisioned else {
            throw APIError.documented("invalid_role", route: route)
        }
        guard client.seed.scopes.contains(scope) else {
            throw APIError.documented("invalid_role", route: route,
                                      message: "Client \(clientId) is not provisioned for scope \(scope)")
        }
        if grant == "refresh_token" {
            // ASSUMPTION (Flexiti's API reference is silent): a refresh needs the refresh token (or, leniently, the access token)
            // of a still-valid access token; each refresh token is single use.
            guard let presented = text("refresh_token") else {
                throw APIError.documented("invalid_request", route: route,
                                          message: "refresh_token is required when grant_type=refresh_token")
            }
            let access = state.refreshTokens[presented] ?? (state.tokens[presented] != nil ? presented : nil)
            guard let access, let old = state.tokens[access], old.clientId == clientId, req.now < old.expiresAt else {
                throw APIError.documented("invalid_request", route: route,
                                          message: "refresh_token is unknown or its access token has expired; request a new token with grant_type=client_credentials")
            }
            if text("scope") == nil { scope = old.scope }
            state.refreshTokens[old.refreshToken] = nil
        }
        let access = State.randomHex(40)
        let refresh = State.randomHex(40)
        let lifetime = core.options.tokenLifetimeSeconds
        state.tokens[access] = TokenState(clientId: clientId, scope: scope, expiresAt: req.now + Int64(lifetime),
                                          refreshToken: refresh)
        state.refreshTokens[refresh] = access
        pruneExpired(&state, now: req.now)
        return Reply(body: .object([
            ("token_type", .string("bearer")), ("access_token", .string(access)), ("expires_in", .int(lifetime)),
            ("refresh_token", .string(refresh)), ("scope", .string(scope)),
        ]))
    }

    /// Keeps the token table from growing without bound under benchmarks.
    static func pruneExpired(_ state: inout State, now: Int64) {
        guard state.tokens.count > 10_000 else { return }
        for (k, t) in state.tokens where t.expiresAt <= now {
            state.tokens[k] = nil
            state.refreshTokens[t.refreshToken] = nil
        }
    }

    /// Bearer token, path client, scope and API provisioning, in that order.
    static func authenticate(_ state: inout State, _ req: inout APIRequest, route: Route) throws {
        guard let header = req.header("authorization"), !header.isEmpty else {
            throw APIError.invalidToken("Missing access token: send 'authorization: Bearer <access_token>'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            // general_errors.tsv: 401 "Unauthorized" = wrong or missing merchant authorization.
            throw APIError.documented("Unauthorized", route: req.route,
                                      message: "The authorization header must be 'Bearer' followed by a space and the access token")
        }
        let token = parts[1].trimmingWhitespace()
        guard let t = state.tokens[token] else {
            throw APIError.invalidToken("Invalid access token")
        }
        guard req.now < t.expiresAt else {
            throw APIError.invalidToken("Access token expired")
        }
        // Choice (docs/sandbox.md): a token used on another client's path is an invalid token (401).
        if let pathClient = req.pathParams["client_id"], pathClient != t.clientId {
            throw APIError.invalidToken("Access token was not issued to client_id \(pathClient)")
        }
        guard let client = state.clients[t.clientId] else { throw APIError.invalidToken("Invalid access token") }
        if t.scope == "customer" {
            if !route.customerScope { throw APIError.insufficientScope() }
            if let allowed = client.seed.customerScopeEndpoints, !allowed.contains(where: { req.route.hasSuffix($0) }) {
                throw APIError.insufficientScope()
            }
        }
        guard client.apiAccess else { throw APIError.documented("invalid_role", route: req.route) }
        req.accessToken = token
        req.token = t
        req.client = client
    }
}
