@testable import FlexitiCore
import FlexitiSandbox
import XCTest

/// The Swift layer of search, verify, calculate-interest and the online flow: parsing of the
/// documented shapes, local checks, and search against the sandbox.
final class CustomerFlowTests: XCTestCase {
    func json(_ text: String) throws -> JSONNode { try XCTUnwrap(JSONParser.document(Array(text.utf8))) }

    func testRatesAreExactBasisPoints() {
        XCTAssertEqual(BasisPoints.of("0.3099"), 3099)
        XCTAssertEqual(BasisPoints.of("0.2999"), 2999)
        XCTAssertEqual(BasisPoints.of("0"), 0)
        XCTAssertEqual(BasisPoints.of("0.0"), 0)
        XCTAssertEqual(BasisPoints.of("1"), 10_000)
        XCTAssertEqual(BasisPoints.of("0.12990"), 1299, "trailing zeros beyond four places are exact")
        XCTAssertNil(BasisPoints.of("0.12995"), "not exact in basis points")
        XCTAssertNil(BasisPoints.of("-0.1"))
        XCTAssertNil(BasisPoints.of("29.99%"))
        XCTAssertNil(BasisPoints.of(""))
        XCTAssertNil(BasisPoints.of("."))
        XCTAssertNil(BasisPoints.of("1.2.3"))
        XCTAssertNil(BasisPoints.of("99999999999999999999"), "no overflow")
        XCTAssertNil(BasisPoints.of("0." + String(repeating: "0", count: 40) + "1"))
    }

    func testFinancingReadsTheDocumentedSample() throws {
        let f = FinancingOptions(json: try json("""
            {"account_number":116994755,"account_type":"consumer","amount":10.5,
             "customer":{"air":0.3099,"available_credit":14000,"first_name":"Flexiti","last_name":"MITester","category_type":"preferred"},
             "regular_purchase":{"term_amount":10.5,"air":0.3099,"fees":[{"description":"Administrative fees:","amount":49.99,"type":"admin_total","message":"notice"}],"verify":true},
             "promotional_purchase":[{"plan_id":4,"plan_name":"EMP - Regular Interest",
               "terms":[{"term":3,"term_amount":3.56,"fees":[],"annual_rates":{"description":"Annual rate","rate":0.2999,"type":"apr","message":"m"}},
                        {"term":6,"term_amount":"1.80","fees":[],"annual_rates":[{"rate":"0"},{"rate":"0.1"}]}]}]}
            """))
        XCTAssertEqual(f.plans?.count, 1)
        let terms = try XCTUnwrap(FinancingOptions.terms(try XCTUnwrap(f.plans?.item(0))))
        XCTAssertEqual(terms.count, 2)
        let (first, second) = (try XCTUnwrap(terms.item(0)), try XCTUnwrap(terms.item(1)))
        XCTAssertEqual(first["term_amount"]?.cents, 356)
        XCTAssertEqual(second["term_amount"]?.cents, 180)
        XCTAssertEqual(FinancingOptions.rateCount(first), 1, "one object is one rate")
        XCTAssertEqual(FinancingOptions.rate(first, 0)?["rate"]?.text, "0.2999")
        XCTAssertNil(FinancingOptions.rate(first, 1))
        XCTAssertEqual(FinancingOptions.rateCount(second), 2, "a list is accepted too")
        XCTAssertEqual(FinancingOptions.rate(second, 1)?["rate"]?.text, "0.1")
        XCTAssertEqual(FinancingOptions.fees(try XCTUnwrap(f.regularPurchase))?.item(0)?["amount"]?.cents, 4999)
        XCTAssertEqual(f.json["customer"]?["air"]?.text, "0.3099", "rates keep their exact text")
    }

    func testSearchEmptyArrayIsNotFound() throws {
        let ctx = ErrorContext(endpoint: Endpoints.customersSearch, path: "/v2.5/client-id/c/customers/search", referenceId: "r", idempotencyKey: "")
        let r = APIResponse(status: 200, json: try XCTUnwrap(JSONNode(.array([]))), referenceId: "r", context: ctx)
        guard case let .failure(e) = Session.searchMatches(r) else { return XCTFail("an empty result is not_found") }
        XCTAssertEqual(e.code.rawValue, 103)
        XCTAssertEqual(e.httpStatus, 200)
        XCTAssertEqual(e.scenario, "Customer Account not found")
        XCTAssertEqual(e.path, "/v2.5/client-id/c/customers/search", "the error carries the request context")
        XCTAssertEqual(e.method, "GET")
        guard case .failure(let m) = Session.searchMatches(APIResponse(status: 200, json: try XCTUnwrap(JSONNode(.string("x"))), referenceId: "r", context: ctx)) else { return XCTFail() }
        XCTAssertEqual(m.code, .malformedResponse)
        XCTAssertEqual(m.endpoint, Endpoints.customersSearch.template)
        guard case .success(let one) = Session.searchMatches(APIResponse(status: 200, json: try XCTUnwrap(JSONNode(.object([("customer_id", .string("1"))]))), referenceId: "r", context: ctx)) else { return XCTFail() }
        XCTAssertEqual(one.count, 1)
    }

    func testWidgetSessionIdFromFieldOrURL() throws {
        let fromURL = WidgetSession(json: try json(#"{"redirection_url":"https://x/#/widget/c/t?lang=en&x-reference-id=abc&widget_session_id=W123"}"#))
        XCTAssertEqual(fromURL.widgetSessionId, "W123")
        let fromField = WidgetSession(json: try json(#"{"redirection_url":"https://x/","widget_session_id":"F9"}"#))
        XCTAssertEqual(fromField.widgetSessionId, "F9")
        XCTAssertNil(WidgetSession(json: try json(#"{"redirection_url":"https://x/?a=b"}"#)).widgetSessionId)
    }

    func testApplicationDecisions() throws {
        XCTAssertEqual(Application(json: try json(#"{"decision":"approved"}"#)).decision, .approved)
        XCTAssertEqual(Application(json: try json(#"{"status":"DECLINED"}"#)).decision, .declined)
        XCTAssertEqual(Application(json: try json(#"{"application_status":"pending"}"#)).decision, .pending)
        XCTAssertEqual(Application(json: try json(#"{"decision":"retry"}"#)).decision, .unknown)
    }

    func testApplicantKeepsSecretsApart() {
        var a = Applicant()
        a.set("first_name", "Jane")
        a.set("sin", "046454286")
        a.set("first_name", "Janet")
        XCTAssertEqual(a.value("first_name"), "Janet")
        XCTAssertNil(a.value("sin"), "secrets are not plain fields")
        XCTAssertEqual(a.secrets.map(\.0), ["sin"])
        a.set("sin", nil)
        XCTAssertTrue(a.secrets.isEmpty)
        XCTAssertFalse(Applicant.isValidName("First Name"))
        XCTAssertTrue(Applicant.isValidName("address_1"))
    }

    // MARK: against the sandbox

    func makeSession(_ sandbox: RunningSandbox) throws -> Session {
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        return try Session(configuration: config)
    }

    func testSearchAndLocalChecks() throws {
        let sandbox = try Sandbox.start()
        defer { sandbox.stop() }
        let session = try makeSession(sandbox)
        let found = try session.searchCustomers(CustomerSearch(firstName: "Marie", lastName: "Tremblay", dob: "1979-11-02")).get()
        XCTAssertEqual(found.map { $0.text("account_number") }, ["116994756"])
        guard case let .failure(e) = session.searchCustomers(CustomerSearch(firstName: "", lastName: "", dob: "1979-11-02")) else {
            return XCTFail("empty names are refused")
        }
        XCTAssertEqual(e.fieldErrors.map(\.param), ["first_name", "last_name"])

        // Verify: an answer only with the security question; never echoed.
        var req = VerifyRequest(accountNumber: "116994755", format: .sms)
        req.securityAnswer = Secret("my-answer")
        guard case let .failure(v) = session.verify(req) else { return XCTFail("answer with sms is refused") }
        XCTAssertEqual(v.code, .invalidArgument)
        XCTAssertFalse(v.message.contains("my-answer"))
        XCTAssertEqual(sandbox.requests(path: "/flexiti/pos-api/v2.5/client-id/flexitidemo/account/116994755/verify"), 0)
    }
}
