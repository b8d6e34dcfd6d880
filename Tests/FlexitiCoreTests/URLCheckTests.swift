import FlexitiCore
import XCTest

final class URLCheckTests: XCTestCase {
    func code(_ url: String, allow: Bool = false) -> ErrorCode? {
        if case let .failure(e) = URLCheck.check(url, allowInsecureHTTP: allow) { return e.code }
        return nil
    }

    func testHTTPSAnywhereHTTPOnlyToLoopback() {
        XCTAssertNil(code("https://posapi-mi.flexiti.fi/flexiti/pos-api"))
        XCTAssertNil(code("http://127.0.0.1:8080/flexiti/pos-api"))
        XCTAssertNil(code("http://localhost:1/x"))
        XCTAssertNil(code("http://[::1]:8080/x"))
        XCTAssertEqual(code("http://posapi.flexiti.fi/flexiti/pos-api"), .insecureURL)
        XCTAssertEqual(code("http://10.0.0.5/x"), .insecureURL)
        XCTAssertEqual(code("http://localhost.evil.example/x"), .insecureURL)
        XCTAssertNil(code("http://10.0.0.5/x", allow: true))
    }

    func testSchemeAndHostInAnyCaseAndOnlyExactLoopbackNumbers() {
        XCTAssertNil(code("HTTP://LOCALHOST:1/x"))
        XCTAssertNil(code("Https://Posapi.Flexiti.Fi/x"))
        XCTAssertNil(code("http://127.255.0.1/x"))
        XCTAssertEqual(code("http://127.0.0.256/x"), .insecureURL)
        XCTAssertEqual(code("http://127.1/x"), .insecureURL)
        XCTAssertEqual(code("http://0127.0.0.1/x"), .insecureURL)
        XCTAssertEqual(code("http://127.0.0.1./x"), .insecureURL)
        XCTAssertEqual(code("http://127..0.1/x"), .insecureURL)
        XCTAssertEqual(code("http://127.0.0.1.evil.example/x"), .insecureURL)
        XCTAssertEqual(code("http://[::2]:8080/x"), .insecureURL)
    }

    func testADelimiterFollowedByACombiningMarkStillCounts() {
        // As one Character "?\u{301}" is not "?"; libcurl sees the byte.
        XCTAssertEqual(code("https://host/x?\u{301}y=1"), .invalidArgument)
        XCTAssertEqual(code("https://user@\u{301}host/x"), .invalidArgument)
    }

    func testMalformed() {
        XCTAssertEqual(code("ftp://x/y"), .invalidArgument)
        XCTAssertEqual(code("https://"), .invalidArgument)
        XCTAssertEqual(code("https://user:pw@host/x"), .invalidArgument)
        XCTAssertEqual(code("https://host/x?y=1"), .invalidArgument)
        XCTAssertEqual(code("posapi.flexiti.fi"), .invalidArgument)
    }
}
