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

    func testMalformed() {
        XCTAssertEqual(code("ftp://x/y"), .invalidArgument)
        XCTAssertEqual(code("https://"), .invalidArgument)
        XCTAssertEqual(code("https://user:pw@host/x"), .invalidArgument)
        XCTAssertEqual(code("https://host/x?y=1"), .invalidArgument)
        XCTAssertEqual(code("posapi.flexiti.fi"), .invalidArgument)
    }
}
