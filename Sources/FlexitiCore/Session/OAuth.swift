/// POST /oauth/token, form-encoded with client_credentials ([S-AUTH]).
enum OAuth {
    static func requestToken(session: Session, state: inout Session.State) -> Result<Token, FlexitiError> {
        let config = session.configuration
        let endpoint = Endpoints.token
        let path = "/" + endpoint.version.rawValue + endpoint.template
        let referenceId = Identifiers.referenceId()
        let fields = [
            ("grant_type", "client_credentials"),
            ("client_id", config.clientId),
            ("client_secret", config.clientSecret.reveal()),
            ("scope", config.scope),
        ]
        // The same table-driven check as every other call (a 101-character client id, say).
        var check = APICall(endpoint)
        check.query = fields
        let fieldErrors = RequestValidator.validate(check)
        if !fieldErrors.isEmpty {
            var e = ParameterCheck.wrongInputs(fieldErrors)
            e.method = endpoint.method.rawValue
            e.endpoint = endpoint.template
            return .failure(e)
        }
        var form = Array(PercentEncoding.form(fields).utf8)
        defer { for i in form.indices { form[i] = 0 } }
        let request = HTTPRequest(method: .post, url: session.baseURL + path, headers: [
            ("x-reference-id", referenceId),
            ("content-type", "application/x-www-form-urlencoded"),
            ("accept", "application/json"),
        ], body: form)
        let context = ErrorContext(endpoint: endpoint, path: session.basePath + path, referenceId: referenceId, idempotencyKey: "")
        state.stats.tokenRequests += 1
        let issuedAt = session.now()
        switch session.exchange(request, context: context, state: &state) {
        case let .failure(e):
            return .failure(e)
        case let .success(r):
            return token(from: r.json, issuedAt: issuedAt).mapError { r.failure($0.code, $0.message) }
        }
    }

    /// A token answer, checked before it is cached: a token that could not be sent would make
    /// every later call fail locally until it expired; refused, the next call asks again.
    static func token(from json: JSONNode, issuedAt: Int64) -> Result<Token, FlexitiError> {
        guard let access = json["access_token"]?.text, Token.isWellFormed(access) else {
            return .failure(FlexitiError(.malformedResponse, "the token answer lacks a usable access_token (1 to \(Token.maxLength) printable ASCII characters)"))
        }
        guard let expiresIn = json["expires_in"]?.int64, expiresIn > 0, expiresIn <= Defaults.maxTokenLifetime else {
            return .failure(FlexitiError(.malformedResponse, "the token answer lacks expires_in between 1 and \(Defaults.maxTokenLifetime) seconds"))
        }
        // Checked: issuedAt comes from the clock, expiresIn from the network.
        let (end, overflow) = issuedAt.addingReportingOverflow(expiresIn - Defaults.tokenRenewalMargin(expiresIn: expiresIn))
        // A refresh_token, if any, is not kept: an expired token is renewed with the client credentials.
        return .success(Token(accessToken: Secret(access), renewAt: overflow ? issuedAt : end))
    }
}
