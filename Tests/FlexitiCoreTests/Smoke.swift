import XCTest
final class FlexitiCoreTestsSmoke: XCTestCase { func testNothing() {} }
