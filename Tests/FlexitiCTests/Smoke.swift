import XCTest
final class FlexitiCTestsSmoke: XCTestCase { func testNothing() {} }
