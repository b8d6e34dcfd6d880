import XCTest
@testable import FlexitiSandbox

final class LookupTests: XCTestCase {
    func testLookupByEachIdentifier() throws {
        let h = try Harness()
        for q in ["vcc_number=1070015210367982", "account_number=116994755", "customer_id=123321"] {
            let r = h.api("GET", "/customers/lookup?" + q)
            XCTAssertEqual(r.status, 200, r.text)
            XCTAssertEqual(r["account_number"], .number("116994755"))
            XCTAssertEqual(r["customer_id"], .string("123321"))
            XCTAssertEqual(r["available_credit"], .number("14000.00"))
            XCTAssertEqual(r["credit_limit"], .number("15000.00"))
            XCTAssertEqual(r["first_name"]?.stringValue, "Flexiti")
            XCTAssertEqual(r["last_name"]?.stringValue, "MITester")
            XCTAssertEqual(r["account_status"]?.stringValue, "N")
            XCTAssertEqual(r["account_status_reason_code"]?.stringValue, "NNOR")
            XCTAssertEqual(r["province"]?.stringValue, "ON")
            XCTAssertEqual(r["account_type"]?.stringValue, "consumer")
            XCTAssertEqual(r["customer_account_type"]?.stringValue, "consumer")
            XCTAssertEqual(r["card_ending_in"]?.stringValue, "7982")
            XCTAssertEqual(r["security_qid"]?["id"], .number("4"))
            XCTAssertNotNil(r["security_qid"]?["text"]?.stringValue)
            for key in ["email", "phone_number", "address_1", "address_2", "city", "postal_code", "payment_protection",
                        "risk_rating", "offer_types", "preferred_language"] {
                XCTAssertNotNil(r[key], key)
            }
        }
        let fr = h.api("GET", "/customers/lookup?account_number=116994755&lang=fr")
        XCTAssertTrue(fr["security_qid"]?["text"]?.stringValue?.hasPrefix("Quel") ?? false)
    }

    func testBusinessAuthorizedUserIsMasked() throws {
        let h = try Harness()
        let r = h.api("GET", "/customers/lookup?vcc_number=1070015210362002")
        XCTAssertEqual(r.status, 200, r.text)
        XCTAssertEqual(r["customer_id"]?.stringValue, "7654321-12345")
        XCTAssertEqual(r["account_type"]?.stringValue, "business")
        XCTAssertEqual(r["phone_number"]?.stringValue, "******0107")
        XCTAssertEqual(r["email"]?.stringValue, "a***@northwind.example.com")
        XCTAssertEqual(r["card_ending_in"]?.stringValue, "2002")
        XCTAssertEqual(h.api("GET", "/customers/lookup?customer_id=7654321-12345")["account_number"], .number("116994762"))
    }

    func testLookupErrors() throws {
        let h = try Harness()
        XCTAssertAPIError(h.api("GET", "/customers/lookup?account_number=999999999"), 404, "not_found")
        XCTAssertAPIError(h.api("GET", "/customers/lookup?vcc_number=1070015210369999"), 404, "not_found")
        XCTAssertAPIError(h.api("GET", "/customers/lookup?customer_id=000"), 404, "not_found")
        for n in ["116994757", "116994758", "116994759", "116994760"] {
            XCTAssertAPIError(h.api("GET", "/customers/lookup?account_number=" + n), 409, "user_not_able_to_purchase")
        }
        XCTAssertAPIError(h.api("GET", "/customers/lookup?account_number=116994761"), 409, "user_not_active")
        XCTAssertAPIError(h.api("GET", "/customers/lookup?account_number=116994763", client: "flexitilimited"),
                          409, "merchant_not_support_nonprime_regularpurchase")
        XCTAssertEqual(h.api("GET", "/customers/lookup?account_number=116994763").status, 200)
    }

    func testLookupWrongInputs() throws {
        let h = try Harness()
        let none = h.api("GET", "/customers/lookup")
        XCTAssertAPIError(none, 409, "wrong_inputs")
        XCTAssertEqual(fieldErrors(none).map(\.type), ["required", "required", "required"])
        let two = h.api("GET", "/customers/lookup?account_number=116994755&customer_id=123321")
        XCTAssertAPIError(two, 409, "wrong_inputs")
        XCTAssertEqual(Set(fieldErrors(two).map(\.param)), ["account_number", "customer_id"])
        let nonNumeric = h.api("GET", "/customers/lookup?account_number=12ab")
        XCTAssertAPIError(nonNumeric, 409, "wrong_inputs")
        XCTAssertEqual(fieldErrors(nonNumeric).first?.param, "account_number")
        XCTAssertEqual(fieldErrors(nonNumeric).first?.type, "type")
        XCTAssertEqual(fieldErrors(h.api("GET", "/customers/lookup?account_number=-5")).first?.type, "invalid")
        XCTAssertEqual(fieldErrors(h.api("GET", "/customers/lookup?account_number=123456789012345")).first?.type, "length")
        XCTAssertEqual(fieldErrors(h.api("GET", "/customers/lookup?vcc_number=12345")).first?.type, "length")
        XCTAssertEqual(fieldErrors(h.api("GET", "/customers/lookup?account_number=116994755&lang=de")).first?.param, "lang")
    }

    func testSearch() throws {
        let h = try Harness()
        let r = h.api("GET", "/customers/search?first_name=Flexiti&last_name=MITester&dob=1985-03-14")
        XCTAssertEqual(r.status, 200, r.text)
        XCTAssertEqual(r.json?.arrayValue?.count, 1)
        XCTAssertAPIError(h.api("GET", "/customers/search?first_name=No&last_name=Body&dob=1985-03-14"), 404, "not_found")
        let bad = h.api("GET", "/customers/search?first_name=Flexiti&dob=1985-02-30")
        XCTAssertEqual(Set(fieldErrors(bad).map(\.param)), ["last_name", "dob"])
    }
}
