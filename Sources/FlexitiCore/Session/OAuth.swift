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
            guard let access = r.json["access_token"]?.text, !access.isEmpty,
                  let expiresIn = r.json["expires_in"]?.int64, expiresIn > 0 else {
                return .failure(r.failure(.malformedResponse, "token response lacks access_token or expires_in"))
            }
            let renewAt = issuedAt + expiresIn - Defaults.tokenRenewalMargin(expiresIn: expiresIn)
            return .success(Token(accessToken: Secret(access), refreshToken: Secret(r.json["refresh_token"]?.text ?? ""),
                                  renewAt: renewAt))
        }
    }
}
