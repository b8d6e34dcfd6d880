import CSecureMemory
import XCTest
@testable import FlexitiCore

/// Answers live in an arena of their own (JSONParser.document, SecureMemory): these check what
/// the arena must get right beyond what every other answer test already reads through it.
final class JSONArenaTests: XCTestCase {
    /// Far more than the first chunk (4 bytes per answer byte): the arena grows, and every value
    /// of every chunk reads back.
    func testAnAnswerLargerThanItsFirstChunkReadsBack() throws {
        let n = 20_000
        let items = (0..<n).map { #"{"capture_id":\#($0),"amount":\#($0 % 1000).\#(String(format: "%02d", $0 % 100)),"note":"\#(String(repeating: "x", count: $0 % 50))"}"# }
        let text = #"{"captures":["# + items.joined(separator: ",") + "]}"
        let doc = try XCTUnwrap(JSONParser.document(Array(text.utf8)))
        let list = try XCTUnwrap(doc["captures"])
        XCTAssertEqual(list.count, n)
        for i in [0, 1, 99, 4_321, n - 1] {
            let item = try XCTUnwrap(list.item(i))
            XCTAssertEqual(item["capture_id"]?.int64, Int64(i))
            XCTAssertEqual(item["amount"]?.cents, Int64(i % 1000) * 100 + Int64(i % 100))
            XCTAssertEqual(item["note"]?.text, String(repeating: "x", count: i % 50))
        }
    }

    /// A change after parsing (the library fills in a missing id) allocates inside the arena and
    /// frees jansson's old hash buckets into it: many members force the table to grow twice.
    func testChangingAParsedAnswerKeepsEveryMember() throws {
        let doc = try XCTUnwrap(JSONParser.document(Array(#"{"authorization_id":"1"}"#.utf8)))
        for i in 0..<100 { doc.setWhileParsing("k\(i)", "v\(i)") }
        doc.setWhileParsing("authorization_id", "2")
        XCTAssertEqual(doc.memberCount, 101)
        XCTAssertEqual(doc["authorization_id"]?.text, "2")
        for i in [0, 7, 8, 63, 99] { XCTAssertEqual(doc["k\(i)"]?.text, "v\(i)") }
    }

    /// Nodes outlive the parse and the function that parsed: they keep the document, and with it
    /// the arena, alive.
    func testANodeKeepsItsAnswerAlive() throws {
        func inner() -> JSONNode? { JSONParser.document(Array(#"{"a":{"b":["deep text"]}}"#.utf8))?["a"]?["b"]?.item(0) }
        let node = try XCTUnwrap(inner())
        XCTAssertEqual(node.text, "deep text")
    }

    /// Outside the parse nothing comes from an arena: jansson's own allocations (an empty answer,
    /// error bodies converted to trees) use the heap and free normally.
    func testTreesOutsideAnArenaStillWork() throws {
        let empty = try XCTUnwrap(JSONNode.emptyObject())
        empty.setWhileParsing("x", "y")
        XCTAssertEqual(empty["x"]?.text, "y")
        XCTAssertEqual(JSONParser.parse(Array(#"{"errors":[{"param":"amount","msg":"bad"}]}"#.utf8)),
                       .object([("errors", .array([.object([("param", .string("amount")), ("msg", .string("bad"))])]))]))
    }

    /// The arena's own functions with nothing to do: no arena (out of memory) is a no-op.
    func testNoArenaIsANoOp() {
        flxsm_arena_enter(nil)
        flxsm_arena_leave(nil)
        flxsm_arena_free(nil)
        XCTAssertEqual(flxsm_arena_size(nil), 0)
        let a = flxsm_arena_new(10)
        XCTAssertEqual(flxsm_arena_size(a), 4096)
        flxsm_arena_free(a)
    }
}
