import CFlexiti
import Flexiti
import Foundation
import XCTest

/// Every function declared in include/flexiti.h, read from the header itself (so functions other
/// branches add are covered without editing this file), called through its exported symbol with:
/// NULL for each pointer argument, empty, 1 MiB and invalid UTF-8 strings, 0 / negative /
/// INT64_MAX / INT64_MIN numbers, absurd enum values, and handles used after free.
/// The rule checked: a known result code or an empty getter value, never a crash or abort.
///
/// Calling through one generic signature is sound on the x86-64 and AArch64 C ABIs, where every
/// parameter type the header uses (pointers, enums, int, long, size_t, int64_t) travels in an
/// integer register or stack slot of the same size, and unused trailing arguments are ignored.
final class BadInputTableTests: XCTestCase {
    typealias Generic = @convention(c) (UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt) -> UInt

    struct Param { let type: String; let name: String }
    struct Function {
        let name: String
        let returnType: String
        let params: [Param]
        var returnsCode: Bool { returnType == "flx_code" }
        var returnsString: Bool { returnType.contains("char") && returnType.contains("*") }
    }

    static let headerPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../include/flexiti.h").standardized.path

    /// The prototypes of the header (comments removed, multi-line declarations joined).
    static func functions() throws -> [Function] {
        var text = try String(contentsOfFile: headerPath, encoding: .utf8)
        text = text.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: " ", options: .regularExpression)
        // Directives, with their backslash-continued lines; then the export and ABI markers.
        text = text.replacingOccurrences(of: #"(?m)^\s*#(?:.*\\\n)*.*$"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\bFLX_(?:EXTERN|EXPERIMENTAL)\b|\bFLX_DEPRECATED\([^)]*\)"#, with: " ",
                                         options: .regularExpression)
        let re = try NSRegularExpression(pattern: #"(?<=[;{}])\s*([A-Za-z_][\w\s\*]*?)\b(flx_\w+)\s*\(([^;{}()]*)\)\s*;"#)
        var out: [Function] = []
        for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let r = Range(m.range(at: 1), in: text), let n = Range(m.range(at: 2), in: text),
                  let p = Range(m.range(at: 3), in: text) else { continue }
            let ret = text[r].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if ret.hasPrefix("typedef") { continue }
            let params: [Param] = text[p].split(separator: ",").compactMap { raw in
                let s = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if s == "void" || s.isEmpty { return nil }
                var type = s, name = ""
                if let i = s.lastIndex(where: { $0 == " " || $0 == "*" }) {
                    type = String(s[...i]).trimmingCharacters(in: .whitespaces)
                    name = String(s[s.index(after: i)...])
                }
                return Param(type: type.replacingOccurrences(of: " *", with: "*"), name: name)
            }
            out.append(Function(name: String(text[n]), returnType: ret, params: params))
        }
        return out
    }

    /// The shared library built next to this test binary (the same scratch path, so sanitizer
    /// builds test their own copy), else FLEXITI_LIBRARY, else the staged release build.
    nonisolated(unsafe) static let library: UnsafeMutableRawPointer? = {
        let here = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().path
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
        let candidates = [here + "/libflexiti.so", ProcessInfo.processInfo.environment["FLEXITI_LIBRARY"] ?? "",
                          root + "/.build/debug/libflexiti.so", root + "/build/lib/libflexiti.so"]
        for path in candidates where !path.isEmpty && FileManager.default.fileExists(atPath: path) {
            if let h = dlopen(path, RTLD_NOW | RTLD_LOCAL) { return h }
        }
        return nil
    }()

    static func symbol(_ name: String) -> Generic? {
        guard let library, let p = dlsym(library, name) else { return nil }
        return unsafeBitCast(p, to: Generic.self)
    }

    /// Calls an exported function by name (every call of this test goes through the library).
    @discardableResult
    func lib(_ name: String, _ args: UInt...) -> UInt {
        guard let f = Self.symbol(name) else { XCTFail("\(name) is not exported"); return 0 }
        return Self.call(f, args)
    }

    static func call(_ f: Generic, _ a: [UInt]) -> UInt {
        let v = a + Array(repeating: 0, count: max(0, 10 - a.count))
        return f(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9])
    }

    // Live objects of the types we can make, and owned C strings.
    var live: [String: UInt] = [:]
    var freed: [String: UInt] = [:]
    var buffers: [UnsafeMutablePointer<CChar>] = []
    var outSlots: [UnsafeMutablePointer<UInt>] = []
    static let callback: flx_log_callback = { _, _ in }

    func cString(_ bytes: [UInt8]) -> UInt {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
        p[bytes.count] = 0
        buffers.append(p)
        return UInt(bitPattern: p)
    }

    func outSlot() -> UInt {
        let p = UnsafeMutablePointer<UInt>.allocate(capacity: 8)
        p.initialize(repeating: 0, count: 8)
        outSlots.append(p)
        return UInt(bitPattern: p)
    }

    /// A path argument (flx_journal_open) creates files relative to the working directory: each
    /// test runs in a scratch directory, removed afterwards, instead of the checkout.
    private var previousDirectory = ""
    private var scratch = ""

    override func setUpWithError() throws {
        guard Self.library != nil else { throw XCTSkip("libflexiti.so not found (build the flexiti product or set FLEXITI_LIBRARY)") }
        previousDirectory = FileManager.default.currentDirectoryPath
        scratch = NSTemporaryDirectory() + "flx-bad-input-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        FileManager.default.changeCurrentDirectoryPath(scratch)
        let cfg = outSlot(), session = outSlot(), err = outSlot()
        lib("flx_config_new", cfg, 0)
        let c = UnsafePointer<UInt>(bitPattern: cfg)!.pointee
        // A closed loopback port, no retries: calls that pass every check fail fast with CONNECT.
        lib("flx_config_set_base_url", c, cString(Array("http://127.0.0.1:9/flexiti/pos-api".utf8)), 0)
        lib("flx_config_set_credentials", c, cString(Array("flexitidemo".utf8)), cString(Array("flexitidemo-secret".utf8)), 0)
        lib("flx_config_set_retries", c, 0, 0, 0, 0)
        lib("flx_config_set_timeouts", c, 2000, 4000, 0)
        lib("flx_session_new", c, session, 0)
        lib("flx_config_new", 0, err)
        live = ["flx_config": c, "flx_session": UnsafePointer<UInt>(bitPattern: session)!.pointee,
                "flx_error": UnsafePointer<UInt>(bitPattern: err)!.pointee]
        XCTAssertFalse(live.values.contains(0))
        // The same kinds of objects, freed.
        let c2 = outSlot(), s2 = outSlot(), e2 = outSlot()
        lib("flx_config_new", c2, 0)
        let cc = UnsafePointer<UInt>(bitPattern: c2)!.pointee
        lib("flx_config_set_base_url", cc, cString(Array("http://127.0.0.1:9/x".utf8)), 0)
        lib("flx_config_set_credentials", cc, cString(Array("a".utf8)), cString(Array("b".utf8)), 0)
        lib("flx_session_new", cc, s2, 0)
        lib("flx_config_new", 0, e2)
        freed = ["flx_config": cc, "flx_session": UnsafePointer<UInt>(bitPattern: s2)!.pointee,
                 "flx_error": UnsafePointer<UInt>(bitPattern: e2)!.pointee]
        lib("flx_config_free", freed["flx_config"]!)
        lib("flx_session_free", freed["flx_session"]!)
        lib("flx_error_free", freed["flx_error"]!)
        try makeOtherObjects()
    }

    /// One live and one freed object of every other type a `_new` function of the header makes
    /// offline (e.g. flx_request_new(kind 1, ...)), so setters and getters of every branch are
    /// reached with real objects, not only with NULL.
    func makeOtherObjects() throws {
        for f in try Self.functions() where f.name.hasSuffix("_new") && f.returnsCode {
            guard let outIndex = f.params.firstIndex(where: { isOut($0) && $0.name != "err" }) else { continue }
            let type = f.params[outIndex].type.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "const ", with: "")
            guard live[type] == nil, let fn = Self.symbol(f.name) else { continue }
            let make: () -> UInt = {
                let args = self.defaults(f)
                let made = Self.call(fn, args)
                guard Int32(truncatingIfNeeded: made) == 0, let slot = UnsafePointer<UInt>(bitPattern: args[outIndex]) else { return 0 }
                return slot.pointee
            }
            let a = make(), b = make()
            if a != 0 { live[type] = a }
            if b != 0 { freed[type] = b; lib(type + "_free", b) }
        }
    }

    override func tearDown() {
        if Self.library != nil {
            for (type, h) in live where type != "flx_session" && type != "flx_config" { lib(type + "_free", h) }
            lib("flx_session_free", live["flx_session"] ?? 0)
            lib("flx_config_free", live["flx_config"] ?? 0)
        }
        buffers.forEach { $0.deallocate() }
        outSlots.forEach { $0.deallocate() }
        if !scratch.isEmpty {
            FileManager.default.changeCurrentDirectoryPath(previousDirectory)
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }

    func handleType(_ p: Param) -> String? {
        let t = p.type.replacingOccurrences(of: "const ", with: "")
        guard t.hasPrefix("flx_"), t.hasSuffix("*"), !t.hasSuffix("**") else { return nil }
        return String(t.dropLast())
    }
    func isOut(_ p: Param) -> Bool { p.type.hasSuffix("**") }
    func isString(_ p: Param) -> Bool { p.type.contains("char*") }
    func isPointer(_ p: Param) -> Bool { p.type.hasSuffix("*") || p.type == "flx_log_callback" }
    func isNumber(_ p: Param) -> Bool { ["int", "long", "int64_t", "size_t", "uint32_t", "uint64_t", "int32_t"].contains(p.type) }

    /// A plausible value for each parameter.
    func defaults(_ f: Function) -> [UInt] {
        f.params.map { p in
            if let t = handleType(p) { return live[t] ?? 0 }
            if isOut(p) { return outSlot() }
            if isString(p) { return cString(Array("1".utf8)) }
            if p.type == "flx_log_callback" { return unsafeBitCast(Self.callback, to: UInt.self) }
            if p.type.hasSuffix("*") { return outSlot() }  // uint64_t *, void *userdata...
            if p.type.hasPrefix("flx_") { return 1 }       // enums: 1 is the first value of each
            return 1
        }
    }

    /// Calls f and checks the outcome; a crash aborts the test run with f's name in the log.
    @discardableResult
    func check(_ f: Function, _ args: [UInt], _ what: String, mustFail: Bool = false, file: StaticString = #filePath, line: UInt = #line) -> UInt {
        guard let fn = Self.symbol(f.name) else { XCTFail("\(f.name) is declared but not exported"); return 0 }
        let r = Self.call(fn, args)
        if f.returnsCode {
            let code = Int32(truncatingIfNeeded: r)
            XCTAssertNotEqual(String(cString: flx_code_name(flx_code(rawValue: UInt32(bitPattern: code)))), "unknown_code",
                              "\(f.name) \(what): returned \(code)", file: file, line: line)
            if mustFail { XCTAssertNotEqual(code, 0, "\(f.name) \(what) must fail", file: file, line: line) }
        } else if f.returnsString, !f.params.contains(where: { $0.type == "size_t" }) {
            XCTAssertNotEqual(r, 0, "\(f.name) \(what): a getter never returns NULL", file: file, line: line)
        }
        // A new handle an out-parameter received (when the call succeeded) is freed by its type's
        // _free; error objects are freed too.
        for (i, p) in f.params.enumerated() where isOut(p) {
            guard i < args.count, let slot = UnsafeMutablePointer<UInt>(bitPattern: args[i]) else { continue }
            let h = slot.pointee
            slot.pointee = 0
            guard h != 0 else { continue }
            let type = p.type.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "const ", with: "")
            if let free = Self.symbol(type + "_free") { _ = Self.call(free, [h]) }
        }
        return r
    }

    func testTheHeaderParses() throws {
        let fs = try Self.functions()
        XCTAssertGreaterThan(fs.count, 50)
        XCTAssertTrue(fs.contains { $0.name == "flx_config_set_credentials" && $0.params.count == 4 })
        XCTAssertTrue(fs.contains { $0.name == "flx_customer_lookup" && $0.params.map(\.type) ==
            ["flx_session*", "flx_customer_key", "const char*", "flx_customer**", "flx_error**"] })
        XCTAssertTrue(fs.contains { $0.name == "flx_version" && $0.params.isEmpty })
        // Objects of other branches' types are made through their _new functions.
        XCTAssertNotNil(live["flx_request"], "flx_request_new should have made a live request")
    }

    func testNullForEachPointerArgument() throws {
        for f in try Self.functions() {
            for (i, p) in f.params.enumerated() where isPointer(p) {
                var args = defaults(f)
                args[i] = 0
                // A NULL object, string or out-parameter is an error; err, userdata, callbacks and
                // optional settings (documented "NULL: ...") may be NULL.
                // A NULL object or out-parameter is always an error (err excepted); strings, outputs
                // like stats counters and callbacks may be optional: those only must not crash.
                // (Other handle arguments, like a listing filter, may be optional.)
                let required = ((handleType(p) != nil && i == 0) || isOut(p)) && p.name != "err"
                check(f, args, "with \(p.name) = NULL", mustFail: f.returnsCode && required)
            }
        }
    }

    func testHostileStrings() throws {
        let huge = Array(repeating: UInt8(ascii: "7"), count: 1 << 20)
        let strings: [(String, [UInt8])] = [("empty", []), ("1 MiB", huge), ("invalid UTF-8", [0x61, 0xC3, 0x28, 0xFF]),
                                            ("overlong NUL", [0xC0, 0x80]), ("format string", Array("%s%n%x".utf8)),
                                            ("control bytes", [0x01, 0x0A, 0x0D, 0x1B])]
        for f in try Self.functions() {
            for (i, p) in f.params.enumerated() where isString(p) {
                for (label, bytes) in strings {
                    var args = defaults(f)
                    args[i] = cString(bytes)
                    check(f, args, "with \(p.name) = \(label)", mustFail: label != "empty" && label != "control bytes" && label != "format string")
                }
            }
        }
    }

    func testExtremeNumbersAndEnums() throws {
        let values: [(String, Int64)] = [("0", 0), ("-1", -1), ("INT64_MAX", .max), ("INT64_MIN", .min), ("INT32_MAX+1", 1 << 31)]
        for f in try Self.functions() {
            for (i, p) in f.params.enumerated() where isNumber(p) || (p.type.hasPrefix("flx_") && !isPointer(p)) {
                for (label, v) in values {
                    var args = defaults(f)
                    args[i] = UInt(bitPattern: Int(v))
                    // A call that sends an amount refuses one that can never be valid (zero,
                    // negative, beyond number(18,2)) as wrong_inputs. Setters store what they are
                    // given; the request is judged when sent (PurchaseCTests).
                    let sends = !f.name.hasPrefix("flx_request_set_") && !f.name.hasPrefix("flx_sku_data_")
                    let badAmount = p.name.contains("cents") && f.returnsCode && sends && (v == .max || v == .min || v == 0 || v == -1)
                    check(f, args, "with \(p.name) = \(label)", mustFail: badAmount)
                }
            }
        }
    }

    func testHandlesUsedAfterFreeAreMisuse() throws {
        for f in try Self.functions() {
            // A freed object of the expected type, or for types this test cannot make, a live
            // object of another type (a config): both must be refused.
            guard let first = f.params.first, let type = handleType(first),
                  let dead = freed[type] ?? live["flx_config"] else { continue }
            var args = defaults(f)
            args[0] = dead
            if f.name.hasSuffix("_free") {
                check(f, args, "double free")
            } else {
                let r = check(f, args, "on a freed or foreign \(type)", mustFail: f.returnsCode)
                if f.returnsCode { XCTAssertEqual(Int32(truncatingIfNeeded: r), Int32(FLX_E_MISUSE.rawValue), f.name) }
            }
        }
    }

    /// Arbitrary numbers must not grow the library's permanent string cache.
    func testUnknownCodesShareOneString() {
        let first = flx_code_name(flx_code(rawValue: 9999))
        for raw in stride(from: UInt32(10_000), to: 20_000, by: 1) {
            XCTAssertEqual(flx_code_name(flx_code(rawValue: raw)), first)
            XCTAssertEqual(flx_strerror(flx_code(rawValue: raw)), flx_strerror(flx_code(rawValue: 9999)))
        }
    }

    func testEveryDeclaredFunctionIsReachable() throws {
        let missing = try Self.functions().filter { Self.symbol($0.name) == nil }.map(\.name)
        XCTAssertEqual(missing, [])
    }
}
