/// POST /oauth/token, form-encoded with client_credentials ([S-AUTH]).
enum OAuth {
    /// The token request's parts that never change for a session, made once: the URL and the
    /// form around the client secret.
    struct Form {
        let url: String
        let path: String
        /// "grant_type=…&client_id=…&client_secret=" and "&scope=…".
        let head: [UInt8]
        let tail: [UInt8]

        init(_ config: SessionConfiguration, baseURL: String, basePath: String) {
            let endpoint = Endpoints.token
            let path = endpoint.version.segment + endpoint.template
            url = baseURL + path
            self.path = basePath + path
            head = Array((PercentEncoding.form([("grant_type", "client_credentials"), ("client_id", config.clientId)]) + "&client_secret=").utf8)
            tail = Array(("&" + PercentEncoding.form([("scope", config.scope)])).utf8)
        }

        /// The same table-driven check as every other call (a 101-character client id, say).
        /// Made at the first token request rather than with the session: the validation tables
        /// are compiled at their first use, and a session that is only created costs less.
        static func refusal(_ config: SessionConfiguration) -> FlexitiError? {
            let endpoint = Endpoints.token
            var check = APICall(endpoint)
            check.query = [
                ("grant_type", "client_credentials"),
                ("client_id", config.clientId),
                ("client_secret", config.clientSecret.reveal()),
                ("scope", config.scope),
            ]
            let fieldErrors = RequestValidator.validate(check)
            if fieldErrors.isEmpty { return nil }
            var e = ParameterCheck.wrongInputs(fieldErrors)
            e.method = endpoint.method.rawValue
            e.endpoint = endpoint.template
            return e
        }

        /// The request with the secret (the caller zeroes its body once sent) and its context.
        func request(secret: Secret) -> (HTTPRequest, ErrorContext) {
            let referenceId = Identifiers.referenceId()
            var form = head
            form.reserveCapacity(head.count + secret.count * 3 + tail.count)
            secret.withBytes { PercentEncoding.write(bytes: $0, into: &form) }
            form.append(contentsOf: tail)
            let request = HTTPRequest(method: .post, url: url, headers: [
                ("x-reference-id", referenceId),
                ("content-type", "application/x-www-form-urlencoded"),
                ("accept", "application/json"),
            ], body: form)
            return (request, ErrorContext(endpoint: Endpoints.token, path: path, referenceId: referenceId, idempotencyKey: ""))
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
