import XCTest
final class FlexitiSandboxTestsSmoke: XCTestCase { func testNothing() {} }
