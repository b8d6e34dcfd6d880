import XCTest
@testable import FlexitiSandbox

final class AuthTests: XCTestCase {
    func testClientCredentialsToken() throws {
        let h = try Harness()
        let r = h.token()
        XCTAssertEqual(r.status, 200, r.text)
        XCTAssertEqual(r["token_type"]?.stringValue, "bearer")
        XCTAssertEqual(r["access_token"]?.stringValue?.count, 40)
        XCTAssertEqual(r["refresh_token"]?.stringValue?.count, 40)
        XCTAssertEqual(r["expires_in"], .number("1200"))
        XCTAssertEqual(r["scope"]?.stringValue, "merchant")
        XCTAssertEqual(r.headers["x-reference-id"], "ref-token")
        XCTAssertEqual(h.sandbox.requests(path: "/flexiti/pos-api/v2.5/oauth/token"), 1)
        XCTAssertEqual(h.token(scope: "customer")["scope"]?.stringValue, "customer")
    }

    func testTokenErrors() throws {
        let h = try Harness()
        XCTAssertAPIError(h.token(secret: "wrong"), 400, "invalid_client")
        XCTAssertAPIError(h.token(client: "nobody"), 400, "invalid_client")
        XCTAssertAPIError(h.token(extra: "&grant_type=password"), 400, "invalid_request")
        let bad = h.token(scope: "admin")
        XCTAssertAPIError(bad, 409, "wrong_inputs")
        XCTAssertEqual(fieldErrors(bad).first?.param, "scope")
        XCTAssertEqual(fieldErrors(bad).first?.type, "invalid")
        XCTAssertAPIError(h.token(client: "flexitiunprovisioned"), 409, "invalid_role")
    }

    func testRefreshToken() throws {
        let h = try Harness()
        let first = h.token(scope: "customer")
        let refresh = first["refresh_token"]?.stringValue ?? ""
        let second = h.token(extra: "&grant_type=refresh_token&refresh_token=\(refresh)")
        XCTAssertEqual(second.status, 200, second.text)
        XCTAssertEqual(second["scope"]?.stringValue, "customer")
        XCTAssertNotEqual(second["access_token"], first["access_token"])
        // Single use.
        XCTAssertAPIError(h.token(extra: "&grant_type=refresh_token&refresh_token=\(refresh)"), 400, "invalid_request")
        XCTAssertAPIError(h.token(extra: "&grant_type=refresh_token"), 400, "invalid_request")
        // An expired access token cannot be refreshed.
        let r2 = second["refresh_token"]?.stringValue ?? ""
        h.clock.advance(1200)
        XCTAssertAPIError(h.token(extra: "&grant_type=refresh_token&refresh_token=\(r2)"), 400, "invalid_request")
    }

    func testBearerChecks() throws {
        let h = try Harness(lifetime: 1)
        let lookup = "/client-id/flexitidemo/customers/lookup?account_number=116994755"
        XCTAssertAPIError(h.call("GET", lookup, token: nil), 401, "invalid_token")
        XCTAssertAPIError(h.call("GET", lookup, token: String(repeating: "a", count: 40)), 401, "invalid_token")
        let missing = h.call("GET", lookup, token: nil)
        XCTAssertEqual(missing["field_errors"], .array([]))
        XCTAssertAPIError(h.call("GET", lookup, token: nil, headers: ["authorization": "Basic abc"]), 401, "Unauthorized")

        let tok = h.accessToken()
        XCTAssertEqual(h.call("GET", lookup, token: tok).status, 200)
        h.clock.advance(1)
        XCTAssertAPIError(h.call("GET", lookup, token: tok), 401, "invalid_token")
    }

    func testTokenOfAnotherClientOnPath() throws {
        let h = try Harness()
        let tok = h.accessToken(client: "flexitilimited")
        XCTAssertAPIError(h.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: tok),
                          401, "invalid_token")
    }

    func testCustomerScopeOnMerchantEndpoint() throws {
        let h = try Harness()
        let r = h.api("GET", "/customers/lookup?account_number=116994755", scope: "customer")
        XCTAssertEqual(r.status, 403, r.text)
        XCTAssertEqual(r["error"]?.stringValue, "Insufficient scope: authorized scope is insufficient")
    }

    func testClientWithoutAPIAccessGetsInvalidRole() throws {
        let h = try Harness()
        XCTAssertEqual(h.token(client: "flexitinoapi").status, 200)
        XCTAssertAPIError(h.api("GET", "/customers/lookup?account_number=116994755", client: "flexitinoapi"),
                          409, "invalid_role")
    }

    func testReferenceIdRequiredAndEchoed() throws {
        let h = try Harness()
        let tok = h.accessToken()
        let missing = h.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: tok, ref: nil)
        XCTAssertAPIError(missing, 409, "wrong_inputs")
        XCTAssertEqual(fieldErrors(missing).first?.param, "x-reference-id")
        XCTAssertEqual(fieldErrors(missing).first?.type, "required")
        let ok = h.call("GET", "/client-id/flexitidemo/customers/lookup?account_number=116994755", token: tok,
                        ref: "3f2504e04f8911d39a0c0305e82c3301")
        XCTAssertEqual(ok.headers["x-reference-id"], "3f2504e04f8911d39a0c0305e82c3301")
        let noTokenRef = HTTP.send("POST", h.url("/oauth/token"), body: "client_id=flexitidemo&client_secret=flexitidemo-secret")
        XCTAssertAPIError(noTokenRef, 409, "wrong_inputs")
    }

    func testBothVersionsAndUnknownPaths() throws {
        let h = try Harness()
        h.version = "v2.5.1"
        XCTAssertEqual(h.api("GET", "/customers/lookup?account_number=116994755").status, 200)
        h.version = "v9"
        XCTAssertAPIError(h.token(), 404, "not_found")
        h.version = "v2.5"
        XCTAssertAPIError(h.api("GET", "/no/such/thing"), 404, "not_found")
    }

    func testStopIsIdempotentAndCounts() throws {
        let h = try Harness()
        _ = h.token()
        _ = h.token()
        XCTAssertEqual(h.sandbox.requestCount, 2)
        h.sandbox.stop()
        h.sandbox.stop()
        let r = HTTP.send("POST", h.url("/oauth/token"))
        XCTAssertNotNil(r.error)
    }
}

final class LifecycleTests: XCTestCase {
    func testBusyPortFailsToStart() throws {
        let first = try Sandbox.start()
        defer { first.stop() }
        var o = SandboxOptions()
        o.port = first.port
        XCTAssertThrowsError(try Sandbox.start(o))
    }

    func testOversizedBodyIs413() throws {
        let h = try Harness()
        let big = "{\"amount\":1,\"reference\":\"" + String(repeating: "x", count: 1_100_000) + "\"}"
        let r = h.api("POST", "/authorization/1000000000000005/capture", body: big)
        XCTAssertEqual(r.status, 413)
    }

    func testManySandboxesSideBySide() throws {
        let all = try (0..<4).map { _ in try Sandbox.start() }
        XCTAssertEqual(Set(all.map(\.port)).count, 4)
        all.forEach { $0.stop() }
    }
}
