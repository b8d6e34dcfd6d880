@testable import FlexitiCore
import FlexitiSandbox
import Foundation
import XCTest

/// The client-side validator against parameter_validations.tsv, row by row, and through a real
/// session against the sandbox (nothing may reach the wire).
final class ValidationTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func tsvRows() throws -> [(param: String, scenario: String, type: String)] {
        let text = try ReferenceFiles.text("parameter_validations.tsv")
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (f[0], f[1], f[2])
        }
    }

    // MARK: - Valid calls, one per endpoint, from the reference's own examples

    static func call(_ e: Endpoint, path: [String: String] = [:], query: [(String, String)] = [], body: JSONValue? = nil) -> APICall {
        var c = APICall(e)
        c.pathParams = ["client_id": "flexitidemo"].merging(path) { $1 }
        c.query = query
        c.body = body
        return c
    }
    static func s(_ x: String) -> JSONValue { .string(x) }
    static func n(_ x: String) -> JSONValue { .number(x) }

    static let baselines: [String: APICall] = [
        "token": { var c = APICall(Endpoints.token)
            c.query = [("grant_type", "client_credentials"), ("client_id", "flexitidemo"),
                       ("client_secret", "3f1a9c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"), ("scope", "merchant")]
            return c }(),
        "search": call(Endpoints.customersSearch, query: [("first_name", "John"), ("last_name", "Smith"), ("dob", "1988-07-24"), ("postal_code", "M1M1M1")]),
        "lookup": call(Endpoints.customersLookup, query: [("account_number", "116994755")]),
        "lookupByCustomerId": call(Endpoints.customersLookup, query: [("customer_id", "1234567-12345")]),
        "verify": call(Endpoints.verify, path: ["account_number": "116994755"], body: .object([
            ("format", s("security_question")), ("security_qid", n("4")), ("security_answer", s("rex")),
            ("request_id", s("34561234")), ("vcc_number", s("1070015210367982"))])),
        "calculateInterest": call(Endpoints.calculateInterest, path: ["account_number": "116994755"], body: .object([("amount", n("234.45"))])),
        "transactions": call(Endpoints.transactions, body: .object([
            ("verification_code", n("1234")), ("transaction_type", s("deposit")), ("amount", s("10.00")),
            ("account_number", s("20076677")), ("request_id", s("34561234")),
            ("external_location_id", s("00-12345")), ("external_employee_id", s("12345-SMITH"))])),
        "authorize": call(Endpoints.authorize, body: .object([
            ("account_number", n("116994755")), ("vcc_number", s("1070015210367982")), ("reference", s("Order-1234")),
            ("financing_option", .object([("transaction_type", s("promotional_purchase")), ("plan_id", n("4")), ("term", n("12"))])),
            ("amount", n("1000.12")), ("auto_capture", .bool(true)), ("verification_code", n("24856785")),
            ("request_id", s("34561234")), ("external_location_id", s("00-12345")), ("external_employee_id", s("12345-SMITH")),
            // Negative totals and an "amount"-free product list: sku_data is not validated.
            ("sku_data", .object([("purchase_order", s("100001234")), ("transaction_total", n("-1026.47")),
                                  ("products", .array([.object([("sku_id", s("100xx4567")), ("quantity", n("1")), ("unit_price", n("1000"))])]))])),
        ])),
        "release": call(Endpoints.release, path: ["authorizationId": "1234567890123456"], body: .object([("amount", n("5")), ("full_release", .bool(false))])),
        "capture": call(Endpoints.capture, path: ["authorizationId": "1234567890123456"], body: .object([("amount", n("10.50")), ("reference", s("Order-1234"))])),
        "return": call(Endpoints.returnCapture, path: ["authorizationId": "1234567890123456", "captureId": "123456789"], body: .object([
            ("reference", s("Order-1234")), ("vcc_number", s("1234567890121256")), ("full_return", .bool(false)), ("amount", n("10"))])),
        "refund": call(Endpoints.refund, path: ["account_number": "116994755"], body: .object([
            ("reference", s("orderid-12345")), ("amount", n("1000.12")), ("capture_id", n("346123"))])),
        "listAuthorizations": call(Endpoints.listAuthorizations, query: [
            ("account_number", "12341234"), ("transaction_type", "promotional_purchase"), ("authorization_status", "opened"),
            ("creation_date_from", "2018-11-11"), ("creation_date_to", "2018-12-11"), ("page_number", "1"), ("page_size", "10")]),
        "widget": call(Endpoints.widgetInit, body: .object([
            ("flow", s("apply")), ("lang", s("en")),
            ("customer_identification", .object([("personal_information", .object([
                ("first_name", s("John")), ("last_name", s("Smith")), ("dob", s("1988-07-24")), ("postal_code", s("m1m1m1"))]))])),
            ("tos_agreement", .bool(true)), ("email", s("john.smith@example.com")), ("phone_number", n("4165551234")),
            ("address_1", s("123 ANY STREET")), ("address_2", s("Unit 4")), ("city", s("TORONTO")), ("province", s("ON")),
            ("account_type", s("consumer"))])),
        "apply": call(Endpoints.apply, body: .object([
            ("salutation", s("mr")),
            ("personal_information", .object([("first_name", s("John")), ("middle_name", s("A-RR_L")), ("last_name", s("Smith")),
                                              ("dob", s("1974-05-15")), ("postal_code", s("M1M 1M1"))])),
            ("email", s("john@example.com")), ("phone_number", s("4165551234")),
            ("address_1", s("123 ANY STREET")), ("city", s("TORONTO")), ("province", s("ON")),
            ("preferred_language", s("en-CA")), ("sin", s("046454286")), ("piw", s("bluebird")), ("tos_agreement", .bool(true)),
            ("govid_type", s("CADL")), ("govid_number", s("D61014070123456")), ("govid_issuedby", s("ON")), ("govid_expiry", s("2099-05-15")),
            ("housing_type", s("own")), ("occupation_id", n("3")), ("occupation_title", s("Clerk")),
            ("employer_name", s("ACME Ltd.")), ("employer_phone", s("4165550000")),
            ("household_income", n("85000")), ("personal_income", n("60000.00")), ("monthly_housing_expenses", n("1500")),
            ("amount_requested", n("2000")), ("widget_session_id", s("0f8fad5b-d9cb-469f-a165-70867728950e")),
            // Parameters of the reference with no documented endpoint; matched by name anywhere.
            ("date", s("2024-01-31")), ("ending_date", s("2024-12-31")), ("input_type", s("manual")),
            ("location_id", n("12345")), ("merchant_id", s("1234567890")),
            ("merchant_username", s("clerk1")), ("merchant_password", s("hunter22")), ("grant_type", s("client_credentials")),
        ])),
    ]

    /// Where each parameter of the TSV is tried: a baseline that takes it (and requires it,
    /// for its "Not sent" row).
    static let home: [String: String] = [
        "account_number": "calculateInterest", "address_1": "widget", "address_2": "widget", "amount": "capture",
        "amount_requested": "apply", "authorization_id": "capture", "auto_capture": "authorize", "capture_id": "return",
        "city": "widget", "client_id": "calculateInterest", "client_secret": "token", "customer_id": "lookupByCustomerId",
        "date": "apply", "dob": "search", "email": "widget", "employer_name": "apply", "employer_phone": "apply",
        "ending_date": "apply", "first_name": "search", "full_release": "release", "full_return": "return",
        "govid_expiry": "apply", "govid_issuedby": "apply", "govid_number": "apply", "govid_type": "apply",
        "grant_type": "token", "household_income": "apply", "housing_type": "apply", "input_type": "apply",
        "lang": "widget", "last_name": "search", "location_id": "apply", "merchant_id": "apply",
        "merchant_password": "apply", "merchant_username": "apply", "middle_name": "apply",
        "monthly_housing_expenses": "apply", "occupation_id": "apply", "occupation_title": "apply",
        "page_number": "listAuthorizations", "page_size": "listAuthorizations", "personal_income": "apply",
        "phone_number": "widget", "piw": "apply", "plan_id": "authorize", "postal_code": "search",
        "preferred_language": "apply", "province": "widget", "reference": "capture", "salutation": "apply",
        "security_answer": "verify", "security_qid": "verify", "sin": "apply", "term": "authorize",
        "tos_agreement": "widget", "transaction_type": "authorize", "vcc_number": "lookup", "verification_code": "transactions",
    ]

    /// Rows tried elsewhere than the parameter's home: a query carries only strings, so the
    /// "not a string" rows of search's parameters are tried in the widget's JSON body.
    static let rowHome: [String: String] = [
        "first_name\tValue different to a string.": "widget",
        "last_name\tValue different to a string.": "widget",
        "postal_code\tValue different to a string.": "widget",
    ]

    static func a(_ n: Int) -> String { String(repeating: "a", count: n) }

    /// A value breaking each row ("param\tcase"); nil means "leave the parameter out".
    static let violations: [String: JSONValue?] = [
        "account_number\tValue zero or negative.": s("-5"),
        "account_number\tValue with decimals.": s("116994755.5"),
        "account_number\tValue with higher precision": s("123456789012345"),
        "account_number\tNot sent": nil,
        "account_number\tValue different to a number.": s("12ab"),
        "address_1\tValue with higher length": s(a(251)),
        "address_1\tValue different to a string.": n("12"),
        "address_2\tValue with higher length": s(a(101)),
        "address_2\tValue different to a string.": .bool(true),
        "amount\tValue different to a number.": s("ten"),
        "amount\tDecimal point different to period.": s("10,50"),
        "amount\tValue zero or negative.": n("0"),
        "amount\tValue with higher precision and/or scale": n("10.123"),
        "amount_requested\tDecimal point different to period.": s("2000,00"),
        "amount_requested\tValue zero or negative.": n("-1"),
        "amount_requested\tValue with higher precision and/or scale": n("12345678901234567"),
        "amount_requested\tValue different to a number.": .bool(false),
        "authorization_id\tValue different to a number": s("12ab"),
        "authorization_id\tNot sent": nil,
        "auto_capture\tDifferent to the available values.": s("yes"),
        "capture_id\tClient not valid.": s("abc"),
        "capture_id\tNot sent": nil,
        "city\tValue with higher length": s(a(101)),
        "city\tNot sent": nil,
        "city\tValue different to a string.": n("5"),
        "client_id\tClient ID not valid": s(a(101)),
        "client_id\tNot sent": nil,
        "client_secret\tNot sent": nil,
        "customer_id\tValue zero or negative.": s("0"),
        "customer_id\tValue with decimals.": s("123.5"),
        "customer_id\tValue with higher precision": s("123456789012345678901"),
        "customer_id\tNot sent": s(""),
        "customer_id\tValue different to a number.": s("12ab"),
        "date\tValue with wrong format": s("2024/01/31"),
        "dob\tValue with wrong format": s("1988-02-30"),
        "dob\tNot sent": nil,
        "email\tValue with wrong format": s("johndoe@"),
        "email\tNot sent": nil,
        "employer_name\tValue with wrong format": s("ACME\nLtd."),
        "employer_phone\tValue with wrong format": s("555-1234"),
        "ending_date\tValue with wrong format": s("20241231"),
        "first_name\tValue with higher length": s(a(81)),
        "first_name\tNot sent": nil,
        "first_name\tValue different to a string.": n("7"),
        "full_release\tDifferent to the available values.": s("maybe"),
        "full_return\tDifferent to the available values.": n("1"),
        "govid_expiry\tValue with wrong format": s("15-05-2031"),
        "govid_expiry\tValue with a date less than the current date": s("2001-01-01"),
        "govid_issuedby\tDifferent to the available values.": s("ZZ"),
        "govid_number\tValue zero or negative.": s("-5"),
        "govid_number\tValue with decimals.": s("123.5"),
        "govid_number\tValue different to a number.": s("D610 1407"),
        "govid_type\tDifferent to the available values.": s("XXDL"),
        "grant_type\tDifferent to the available values.": s("authorization_code"),
        "household_income\tValue negative.": s("-1"),
        "household_income\tValue with higher precision": s("1.234"),
        "household_income\tValue different to a number.": s("lots"),
        "lang\tDifferent to the available values.": s("de"),
        "last_name\tValue with higher length": s(a(131)),
        "last_name\tValue different to a string.": n("7"),
        "location_id\tValue different to a number": s("00-12345"),
        "merchant_id\tValue different to a number": s("M1"),
        "merchant_password\tValue different to a string.": n("1234"),
        "merchant_username\tValue different to a string.": .bool(true),
        "middle_name\tValue different to a string.": n("3"),
        "monthly_housing_expenses\tValue with higher precision": s("1500.005"),
        "monthly_housing_expenses\tValue different to a number.": s("n/a"),
        "occupation_title\tValue different to a string.": n("3"),
        "page_number\tValue different to a number.": s("one"),
        "page_size\tValue different to a number.": s("ten"),
        "personal_income\tValue with higher precision": s("12345678901234567"),
        "personal_income\tValue different to a number.": .bool(true),
        "phone_number\tValue with higher precision": s("41655512345"),
        "phone_number\tNot sent": nil,
        "phone_number\tValue different to a number.": s("416-555-12a4"),
        "piw\tValue different to a string.": n("1"),
        "plan_id\tValue zero or negative.": n("0"),
        "plan_id\tValue with decimals.": n("4.5"),
        "plan_id\tValue with higher precision": n("1000"),
        "plan_id\tNot sent": nil,
        "plan_id\tValue different to a number.": s("four"),
        "postal_code\tValue with higher length": s("M1M 1M1 CAN"),
        "postal_code\tValue different to a string.": n("123456"),
        "preferred_language\tDifferent to the available values.": s("en"),
        "province\tDifferent to the available values.": s("Ontario"),
        "province\tValue different to a string.": n("1"),
        "reference\tValue with higher length": s(a(41)),
        "reference\tValue different to a string.": n("1234"),
        "salutation\tDifferent to the available values.": s("dr"),
        "salutation\tValue different to a string.": .bool(true),
        "security_answer\tNot sent": nil,
        "security_answer\tValue different to a string.": n("42"),
        "security_answer\tValue with higher length": s(a(51)),
        "security_qid\tValue zero or negative.": n("0"),
        "security_qid\tValue with decimals.": n("4.5"),
        "security_qid\tValue with higher precision": n("123456"),
        "security_qid\tNot sent": nil,
        "security_qid\tValue different to a number.": s("four"),
        "sin\tValue zero or negative.": s("000000000"),
        "sin\tValue with decimals.": s("46454286.5"),
        "sin\tValue with higher precision": s("1234567890"),
        "sin\tValue different to a number.": s("04645428X"),
        "term\tValue zero or negative.": n("0"),
        "term\tValue with decimals.": n("12.5"),
        "term\tValue with higher precision": n("1200"),
        "term\tNot sent": nil,
        "term\tValue different to a number.": s("twelve"),
        "tos_agreement\tDifferent to the available values.": s("yes"),
        "tos_agreement\tNot sent": nil,
        "transaction_type\tDifferent to the available values.": s("purchase"),
        "transaction_type\tNot sent": nil,
        "vcc_number\tValue zero or negative.": s("0000000000000000"),
        "vcc_number\tValue with decimals.": s("1070015210367982.5"),
        "vcc_number\tValue with higher precision": s("123"),
        "vcc_number\tValue different to a number.": s("1070-0152-1036-7982"),
        "verification_code\tValue zero or negative.": n("0"),
        "verification_code\tValue with decimals.": n("1234.5"),
        "verification_code\tValue with higher precision": n("123456789"),
        "verification_code\tValue different to a number.": s("abcd"),
    ]

    /// The authorization header breaking each "bearer token" row.
    static let headerViolations: [String: String] = [
        "Value not started with \"Bearer\" followed by a space": "Token 0123456789abcdef",
        "Token length different to 1000 characters": "Bearer " + a(994),
        "Token not valid.": "Bearer abc\r\nx-evil: 1",
        "Not sent": "",
    ]

    // MARK: - Editing a call

    /// Sets (or, with nil, removes) `param` wherever the call carries it; adds it to the body
    /// (the query of a body-less call) when it is nowhere.
    static func replacing(_ param: String, with value: JSONValue?, in call: APICall) -> APICall {
        var c = call
        var found = false
        let pathNames = [param] + ValidationRules.pathAliases.filter { $0.value == param }.map(\.key)
        for k in pathNames where c.pathParams[k] != nil {
            found = true
            c.pathParams[k] = value?.text
        }
        if c.query.contains(where: { $0.0 == param }) {
            found = true
            c.query = c.query.compactMap { $0.0 == param ? (value?.text).map { v in (param, v) } : $0 }
        }
        func edit(_ j: JSONValue) -> JSONValue {
            switch j {
            case let .object(m):
                return .object(m.compactMap { k, v in
                    if k == param { found = true; return value.map { (k, $0) } }
                    return (k, edit(v))
                })
            case let .array(items): return .array(items.map(edit))
            default: return j
            }
        }
        if let b = c.body { c.body = edit(b) }
        if !found, let value {
            if case let .object(m)? = c.body { c.body = .object(m + [(param, value)]) }
            else { c.query.append((param, value.text ?? "")) }
        }
        return c
    }

    /// The first value of `param` in a call (path, query, then body at any depth).
    static func value(_ param: String, in call: APICall) -> String? {
        for k in [param] + ValidationRules.pathAliases.filter({ $0.value == param }).map(\.key) {
            if let v = call.pathParams[k] { return v }
        }
        if let q = call.query.first(where: { $0.0 == param }) { return q.1 }
        func find(_ j: JSONValue) -> String? {
            switch j {
            case let .object(m):
                for (k, v) in m { if k == param { return v.text }; if let f = find(v) { return f } }
                return nil
            case let .array(items): return items.lazy.compactMap(find).first
            default: return nil
            }
        }
        return call.body.flatMap(find)
    }

    // MARK: - Tests

    func testEveryBaselineIsValid() {
        for (name, call) in Self.baselines {
            XCTAssertEqual(RequestValidator.validate(call), [], name)
        }
    }

    /// One assertion per row of parameter_validations.tsv: a value breaking the row, in a call
    /// to an endpoint taking the parameter, gives exactly that field error; or the row is one
    /// only the server can check, with the reason (docs/validation.md lists the same).
    func testEveryRowOfTheReference() throws {
        let rows = try tsvRows()
        XCTAssertEqual(rows.count, 150)
        XCTAssertEqual(Set(rows.map(\.param)).count, 59)
        var checked = 0, serverOnly = 0
        for row in rows {
            let key = row.param + "\t" + row.scenario
            if let reason = ValidationRules.serverOnly[key] {
                XCTAssertFalse(reason.isEmpty)
                XCTAssertFalse(Self.violations.keys.contains(key), "\(key) is both checked and server-only")
                serverOnly += 1
                continue
            }
            if row.param == "bearer token" {
                let header = try XCTUnwrap(Self.headerViolations[row.scenario], key)
                XCTAssertEqual(RequestValidator.validateAuthorization(header),
                               [FieldError(param: row.param, msg: row.scenario, value: "", type: row.type)], key)
                checked += 1
                continue
            }
            guard let violation = Self.violations[key] else { XCTFail("no violation written for \(key)"); continue }
            let home = try XCTUnwrap(Self.rowHome[key] ?? Self.home[row.param], row.param)
            let baseline = try XCTUnwrap(Self.baselines[home], home)
            let call = Self.replacing(row.param, with: violation, in: baseline)
            let secret = SecretParameters.names.contains(row.param)
            let expected = FieldError(param: row.param, msg: row.scenario, value: secret ? "" : (violation?.text ?? ""), type: row.type)
            XCTAssertEqual(RequestValidator.validate(call), [expected], key)
            checked += 1
        }
        XCTAssertEqual(checked + serverOnly, 150)
        XCTAssertEqual(ValidationRules.serverOnly.count, serverOnly, "server-only rows that are not in the TSV")
        XCTAssertGreaterThanOrEqual(checked, 120)
    }

    func testServerOnlyRowsAreDocumented() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/validation.md"), encoding: .utf8)
        for key in ValidationRules.serverOnly.keys {
            let parts = key.split(separator: "\t").map(String.init)
            XCTAssertTrue(doc.contains("| `\(parts[0])` | \(parts[1]) |"), "docs/validation.md does not list \(key)")
        }
    }

    func testEveryParameterOfTheReferenceHasARule() throws {
        for param in Set(try tsvRows().map(\.param)) where param != "bearer token" {
            XCTAssertNotNil(ValidationRules.rules[param], param)
        }
    }

    func testEveryFailingFieldAtOnceInOrder() {
        var call = Self.baselines["authorize"]!
        call = Self.replacing("amount", with: .string("10,50"), in: call)
        call = Self.replacing("plan_id", with: .string("four"), in: call)
        call = Self.replacing("verification_code", with: .string("12ab"), in: call)
        call = Self.replacing("reference", with: .string(Self.a(41)), in: call)
        call = Self.replacing("auto_capture", with: nil, in: call)
        XCTAssertEqual(RequestValidator.validate(call), [
            FieldError(param: "reference", msg: "Value with higher length", value: Self.a(41), type: "length"),
            FieldError(param: "plan_id", msg: "Value different to a number.", value: "four", type: "type"),
            FieldError(param: "amount", msg: "Decimal point different to period.", value: "10,50", type: "invalid"),
            FieldError(param: "verification_code", msg: "Value different to a number.", value: "", type: "type"),
            FieldError(param: "auto_capture", msg: "Not sent", value: "", type: "required"),
        ])
    }

    func testOneErrorPerParameterWhereverItAppears() {
        // account_number in the path and the body: both bad, one error.
        var call = Self.baselines["calculateInterest"]!
        call.pathParams["account_number"] = "x"
        call.body = .object([("amount", .number("1")), ("account_number", .string("y"))])
        XCTAssertEqual(RequestValidator.validate(call).map(\.param), ["account_number"])
    }

    func testRequirementsDependOnTheEndpointAndOtherValues() {
        // A regular purchase needs no plan or term.
        var call = Self.replacing("transaction_type", with: .string("regular_purchase"), in: Self.baselines["authorize"]!)
        call = Self.replacing("plan_id", with: nil, in: call)
        call = Self.replacing("term", with: nil, in: call)
        XCTAssertEqual(RequestValidator.validate(call), [])
        // SMS verification needs no security question.
        var verify = Self.replacing("format", with: .string("sms"), in: Self.baselines["verify"]!)
        verify = Self.replacing("security_qid", with: nil, in: verify)
        verify = Self.replacing("security_answer", with: nil, in: verify)
        XCTAssertEqual(RequestValidator.validate(verify), [])
        // The same parameter left out of a call that does not require it is fine.
        XCTAssertEqual(RequestValidator.validate(Self.replacing("amount", with: nil, in: Self.baselines["release"]!)), [])
        XCTAssertEqual(RequestValidator.validate(Self.replacing("amount", with: nil, in: Self.baselines["capture"]!)).map(\.msg), ["Not sent"])
        // Widget purchase: one customer identification; none is "Not sent" on the first.
        let purchase = Self.call(Endpoints.widgetInit, body: .object([("flow", .string("purchase")), ("customer_identification", .object([]))]))
        XCTAssertEqual(RequestValidator.validate(purchase), [FieldError(param: "account_number", msg: "Not sent", value: "", type: "required")])
        let byVCC = Self.call(Endpoints.widgetInit, body: .object([("flow", .string("purchase")),
                                                                   ("customer_identification", .object([("vcc_number", .string("1070015210367982"))]))]))
        XCTAssertEqual(RequestValidator.validate(byVCC), [])
        // Lookup by nothing at all.
        XCTAssertEqual(RequestValidator.validate(Self.call(Endpoints.customersLookup)).map(\.param), ["account_number"])
        // /transactions answers a wrong type with invalid_transaction_type: left to the server,
        // but still required; the same value is refused locally in an authorization.
        let deposit = Self.baselines["transactions"]!
        XCTAssertEqual(RequestValidator.validate(Self.replacing("transaction_type", with: .string("regular_purchase"), in: deposit)), [])
        XCTAssertEqual(RequestValidator.validate(Self.replacing("transaction_type", with: nil, in: deposit)).map(\.msg), ["Not sent"])
        XCTAssertEqual(RequestValidator.validate(Self.replacing("transaction_type", with: .string("deposit"), in: Self.baselines["authorize"]!)).map(\.msg),
                       ["Different to the available values."])
        // A missing PIN on /transactions is the server's verification_code_required, not wrong_inputs.
        XCTAssertEqual(RequestValidator.validate(Self.replacing("verification_code", with: nil, in: Self.baselines["transactions"]!)), [])
        // apply: the personal information of widget/init; tos_agreement is the server's tos_agreement_required.
        let apply = Self.replacing("tos_agreement", with: nil, in: Self.replacing("dob", with: nil, in: Self.baselines["apply"]!))
        XCTAssertEqual(RequestValidator.validate(apply), [FieldError(param: "dob", msg: "Not sent", value: "", type: "required")])
    }

    func testAmounts() {
        let ok = ["10", "10.5", "10.50", "10.500", "0.01", "9999999999999999.99", Money.format(cents: Money.maxCents)]
        for v in ok {
            XCTAssertNil(Checks.amount(.number(v), sign: .positive), v)
            XCTAssertNil(Checks.amount(.string(v), sign: .positive), v)
        }
        let bad: [(String, Failure)] = [
            ("1e3", .notNumber), (".5", .notNumber), ("10.", .notNumber), ("+5", .notNumber), (" 5", .notNumber),
            ("1,000.00", .notNumber), ("10,5", .decimalComma), ("-0", .notPositive), ("0.00", .notPositive),
            ("-10.5", .notPositive), ("10.001", .tooPrecise), ("10000000000000000", .tooPrecise), ("", .notNumber),
        ]
        for (v, f) in bad { XCTAssertEqual(Checks.amount(.string(v), sign: .positive), f, v) }
        XCTAssertNil(Checks.amount(.number("0"), sign: .nonNegative))
        XCTAssertEqual(Checks.amount(.number("-0.01"), sign: .nonNegative), .negative)
        XCTAssertNil(Checks.amount(.number("-5"), sign: .any))
        // Every amount the library itself writes is valid.
        for cents: Int64 in [1, 99, 100, 123_456, Money.maxCents] {
            XCTAssertNil(Checks.amount(.number(Money.format(cents: cents)), sign: .positive))
        }
    }

    func testIdentifiers() {
        let account = Format.wholeNumber(maxDigits: 14)
        XCTAssertNil(Checks.check(account, .string("116994755"), now: nil))
        XCTAssertNil(Checks.check(account, .number("116994755"), now: nil))
        XCTAssertNil(Checks.check(account, .string("116994755.0"), now: nil), "a whole number with a zero decimal")
        XCTAssertNil(Checks.check(account, .string("00000000000000116994755"), now: nil), "leading zeros are not precision")
        XCTAssertEqual(Checks.check(account, .bool(true), now: nil), .notNumber)
        XCTAssertEqual(Checks.check(account, .string("1e5"), now: nil), .notNumber)
        XCTAssertEqual(Checks.check(account, .string("-"), now: nil), .notNumber)
        XCTAssertEqual(Checks.check(account, .string("000"), now: nil), .notPositive)
        let customer = Format.wholeNumber(maxDigits: 20, dashGroups: true)
        XCTAssertNil(Checks.check(customer, .string("1234567-12345"), now: nil))
        XCTAssertEqual(Checks.check(customer, .string("1234567--12345"), now: nil), .notNumber)
        XCTAssertEqual(Checks.check(customer, .string("1234567-"), now: nil), .notNumber)
        let vcc = Format.wholeNumber(exactDigits: 16)
        XCTAssertNil(Checks.check(vcc, .string("0070015210367982"), now: nil), "a VCC keeps its leading zeros")
        XCTAssertEqual(Checks.check(vcc, .string("10700152103679821"), now: nil), .tooManyDigits)
        XCTAssertNil(Checks.check(.wholeNumber(dashGroups: true, letters: true), .string("D6101-40701-23456"), now: nil))
    }

    func testDatesAndChoices() {
        for d in ["2024-02-29", "2000-02-29", "1900-01-01", "2026-12-31"] { XCTAssertNotNil(CivilDate(d), d) }
        for d in ["2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01", "0000-01-01", "2024-01-01T00:00:00Z", "２０２４-01-01"] {
            XCTAssertNil(CivilDate(d), d)
        }
        XCTAssertEqual(Checks.check(.date(), .number("20240101"), now: nil), .wrongFormat)
        XCTAssertEqual(Checks.check(.choice(["ON"], typed: true), .string("on"), now: nil), .notAllowed)
        XCTAssertEqual(Checks.check(.choice(["ON"], typed: true), .number("1"), now: nil), .notString)
        XCTAssertEqual(Checks.check(.choice(["en"]), .number("1"), now: nil), .notAllowed)
        XCTAssertNil(Checks.check(.boolean, .string("false"), now: nil))
        XCTAssertEqual(Checks.check(.boolean, .number("1"), now: nil), .notAllowed)
        for code in ["CADL", "CAP", "CADPPEI", "CADGSNFL"] { XCTAssertNil(Checks.check(.govIdType, .string(code), now: nil), code) }
        for code in ["cadl", "CA", "DL", "CA-DL", "CAVERYLONGCODE"] { XCTAssertEqual(Checks.check(.govIdType, .string(code), now: nil), .notAllowed, code) }
        for e in ["a@b.co", "john.smith+pos@mail.example.ca"] { XCTAssertTrue(Checks.isEmail(e), e) }
        for e in ["johndoe@", "@x.ca", "a@b", "a@@b.ca", "a b@c.ca", "a@b..ca", "a@-b.ca", "a@b.ca."] { XCTAssertFalse(Checks.isEmail(e), e) }
        XCTAssertTrue(Checks.fits("Québec", 6))
        XCTAssertFalse(Checks.fits("Québec!", 6))
    }

    /// govid_expiry is compared with the earliest date it can be in Canada (UTC-8), so a POS
    /// clock in any zone never refuses a licence the server would take.
    func testExpiryUsesTheEarliestCanadianDate() {
        let call = Self.baselines["apply"]!
        func errors(_ expiry: String, now: Int) -> [String] {
            RequestValidator.validate(Self.replacing("govid_expiry", with: .string(expiry), in: call), now: now).map(\.msg)
        }
        let jan2at5utc = 1_767_330_000   // 2026-01-02T05:00:00Z: still Jan 1 in Vancouver
        XCTAssertEqual(errors("2026-01-01", now: jan2at5utc), [])
        XCTAssertEqual(errors("2025-12-31", now: jan2at5utc), ["Value with a date less than the current date"])
        let jan2at9utc = jan2at5utc + 4 * 3600  // Jan 2 everywhere in Canada
        XCTAssertEqual(errors("2026-01-01", now: jan2at9utc), ["Value with a date less than the current date"])
        XCTAssertEqual(errors("2026-01-02", now: jan2at9utc), [])
    }

    func testSecretsAreNeverEchoed() {
        let secret = "s3cr3t-VALUE-that-must-not-leak-" + Self.a(60)
        var call = Self.baselines["apply"]!
        call = Self.replacing("security_answer", with: .string(secret), in: call)      // too long
        call = Self.replacing("sin", with: .string(secret), in: call)                  // not a number
        call = Self.replacing("verification_code", with: .string(secret), in: call)    // not a number
        call = Self.replacing("piw", with: .number("1234"), in: call)                  // not a string
        call = Self.replacing("merchant_password", with: .number("1234"), in: call)
        call = Self.replacing("client_secret", with: .bool(true), in: call)
        let errors = RequestValidator.validate(call)
        XCTAssertEqual(Set(errors.map(\.param)), ["piw", "sin", "security_answer", "verification_code", "merchant_password", "client_secret"])
        for e in errors { XCTAssertEqual(e.value, "", e.param) }
        // The header check never echoes a token.
        XCTAssertEqual(RequestValidator.validateAuthorization("Bearer " + secret + " x").map(\.value), [""])
    }

    // MARK: - Input as a cashier types it

    func testTypedInputIsCleanedAndCheckedAsSent() {
        let cases: [(String, String, String)] = [
            ("phone_number", "416-555-0100", "4165550100"), ("phone_number", "(416) 555-0100", "4165550100"),
            ("phone_number", "+1 416 555 0100", "4165550100"), ("phone_number", "1-416-555-0100", "4165550100"),
            ("phone_number", "416.555.0100", "4165550100"), ("employer_phone", "(416) 555-0000", "4165550000"),
            ("vcc_number", "1070 0152 1036 7982", "1070015210367982"), ("account_number", " 116994755\r\n", "116994755"),
            ("account_number", "1169 94755", "116994755"), ("customer_id", " 1234567-12345\t", "1234567-12345"),
            ("province", "on", "ON"), ("province", " Qc ", "QC"), ("govid_issuedby", "ca", "CA"),
        ]
        for (param, typed, clean) in cases {
            let call = Self.replacing(param, with: .string(typed), in: Self.baselines[Self.home[param] ?? "apply"]!)
            XCTAssertEqual(RequestValidator.validate(call), [], "\(param) \(typed)")
            let sent = RequestValidator.normalized(call)
            XCTAssertEqual(RequestValidator.validate(sent), [])
            XCTAssertEqual(Self.value(param, in: sent), clean, "\(param) \(typed)")
            XCTAssertEqual(Self.value(param, in: call), typed, "the call itself is not changed")
            XCTAssertTrue(RequestValidator.check(call).needsNormalizing, "\(param) \(typed): the session must clean it up")
            XCTAssertFalse(RequestValidator.check(sent).needsNormalizing, "\(param) \(clean) is sent as it is")
        }
        // Every baseline call is already clean: sent without a clean-up pass, byte for byte as built.
        for (name, call) in Self.baselines {
            XCTAssertFalse(RequestValidator.check(call).needsNormalizing, name)
            XCTAssertEqual(JSONWriter.write(RequestValidator.normalized(call).body ?? .null), JSONWriter.write(call.body ?? .null), name)
        }
    }

    func testCleanUpNeverChangesMeaningAndErrorsShowTheValueGiven() {
        // Still refused, and the field error shows what the caller gave.
        let refused: [(String, String, String)] = [
            ("phone_number", "416-555-12a4", "Value different to a number."),
            ("phone_number", "+44 20 7946 0958", "Value different to a number."),
            ("phone_number", "(416) 555-01000", "Value with higher precision"),
            ("vcc_number", "1070-0152-1036-7982", "Value different to a number."),
            ("vcc_number", "1070 0152 1036 798", "Value with higher precision"),
            ("account_number", "1169 947.55", "Value different to a number."),
            ("province", "Ontario", "Different to the available values."),
            ("province", "o n", "Different to the available values."),
        ]
        for (param, typed, msg) in refused {
            let call = Self.replacing(param, with: .string(typed), in: Self.baselines[Self.home[param] ?? "apply"]!)
            let errors = RequestValidator.validate(call)
            XCTAssertEqual(errors.map(\.param), [param], typed)
            XCTAssertEqual(errors.first?.msg, msg, typed)
            XCTAssertEqual(errors.first?.value, typed, "the error shows the value as given")
        }
        // Leading zeros, letters and the other fields are never touched.
        let call = Self.replacing("vcc_number", with: .string("0070015210367982"), in: Self.baselines["lookup"]!)
        XCTAssertEqual(JSONWriter.write(RequestValidator.normalized(call).body ?? .null), JSONWriter.write(call.body ?? .null))
        XCTAssertEqual(RequestValidator.normalized(call).query.map(\.1), call.query.map(\.1))
    }

    // MARK: - All failing fields at once, and one code for a bad value

    func testWidgetInitReportsEveryFailingField() {
        var call = Self.replacing("email", with: .string("not-an-email"), in: Self.baselines["widget"]!)
        call = Self.replacing("phone_number", with: .string("41655501000"), in: call)
        call = Self.replacing("city", with: nil, in: call)
        call = Self.replacing("tos_agreement", with: .bool(false), in: call)
        XCTAssertEqual(RequestValidator.validate(call), [
            FieldError(param: "email", msg: "Value with wrong format", value: "not-an-email", type: "invalid"),
            FieldError(param: "phone_number", msg: "Value with higher precision", value: "41655501000", type: "length"),
            FieldError(param: "city", msg: "Not sent", value: "", type: "required"),
            FieldError(param: "tos_agreement", msg: "Different to the available values.", value: "false", type: "invalid"),
        ])
        // A purchase by personal information needs the name and date of birth.
        let purchase = Self.call(Endpoints.widgetInit, body: .object([
            ("flow", .string("purchase")),
            ("customer_identification", .object([("personal_information", .object([("first_name", .string("John")), ("dob", .string("1988-02-30"))]))]))]))
        XCTAssertEqual(RequestValidator.validate(purchase).map { $0.param + ":" + $0.msg },
                       ["dob:Value with wrong format", "last_name:Not sent"])
    }

    func testNegativeSecurityQidIsInvalidNotMissing() {
        let call = Self.replacing("security_qid", with: .number("-4"), in: Self.baselines["verify"]!)
        XCTAssertEqual(RequestValidator.validate(call),
                       [FieldError(param: "security_qid", msg: "Value zero or negative.", value: "-4", type: "invalid")])
    }

    func testSkuDataFormatsAreCheckedSignsAreNot() {
        let sku = JSONValue.object([("purchase_order", .string("12345678901")), ("register_id", .string(Self.a(51))),
                                    ("transaction_total", .number("-1026.47")),
                                    ("products", .array([.object([("sku_id", .string("x")), ("quantity", .number("-1")),
                                                                  ("unit_price", .number("-100000000000000000.00"))])]))])
        let call = Self.replacing("sku_data", with: sku, in: Self.baselines["authorize"]!)
        XCTAssertEqual(RequestValidator.validate(call).map { $0.param + ":" + $0.msg }, [
            "purchase_order:Value with higher length", "register_id:Value with higher length",
            "quantity:Value different to a number.", "unit_price:Value with higher precision and/or scale",
        ])
    }

    // MARK: - Through a real session: nothing on the wire

    func testRejectedCallSendsNothing() throws {
        let sandbox = try Sandbox.start()
        defer { sandbox.stop() }
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        let session = try Session(configuration: config)

        var call = Self.baselines["authorize"]!
        call.idempotencyKey = "0123456789abcdef0123456789abcdef"
        call = Self.replacing("amount", with: .number("0"), in: call)
        call = Self.replacing("vcc_number", with: .string("1070015210367982.5"), in: call)
        call = Self.replacing("verification_code", with: .string("12ab"), in: call)
        guard case let .failure(e) = session.send(call) else { return XCTFail("expected a local refusal") }
        XCTAssertEqual(e.code, .wrongInputs)
        XCTAssertEqual(e.apiError, "wrong_inputs")
        XCTAssertEqual(e.httpStatus, 0)
        XCTAssertEqual(e.method, "POST")
        XCTAssertEqual(e.endpoint, "/client-id/{client_id}/authorization")
        XCTAssertFalse(e.retryable)
        XCTAssertEqual(e.fieldErrors, [
            FieldError(param: "vcc_number", msg: "Value with decimals.", value: "1070015210367982.5", type: "invalid"),
            FieldError(param: "amount", msg: "Value zero or negative.", value: "0", type: "invalid"),
            FieldError(param: "verification_code", msg: "Value different to a number.", value: "", type: "type"),
        ])
        XCTAssertEqual(sandbox.requestCount, 0, "nothing may be sent, not even a token request")
        XCTAssertEqual(session.stats.requests, 0)

        // A session whose client id is too long is refused before the token request.
        config.clientId = Self.a(101)
        let bad = try Session(configuration: config)
        guard case let .failure(e2) = bad.lookupCustomer(.accountNumber("116994755")) else { return XCTFail("expected a local refusal") }
        XCTAssertEqual(e2.fieldErrors.map(\.msg), ["Client ID not valid"])
        XCTAssertEqual(sandbox.requestCount, 0)
    }

    func testTheSameCallWithValidValuesReachesTheServer() throws {
        let sandbox = try Sandbox.start()
        defer { sandbox.stop() }
        var config = SessionConfiguration()
        config.customBaseURL = sandbox.baseURL
        config.clientId = "flexitidemo"
        config.clientSecret = Secret("flexitidemo-secret")
        let session = try Session(configuration: config)
        _ = session.send(Self.baselines["lookup"]!)
        XCTAssertEqual(sandbox.requestCount, 2, "token + lookup: validation refused nothing")
    }
}
