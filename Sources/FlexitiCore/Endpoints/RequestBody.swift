import Glibc

/// A money request's body, described once (`PurchaseRequest.emit`) and consumed member by
/// member: as a JSON tree (`BodyTree`), as the bytes sent (`BodyBytes`) and by the validator
/// (`BodyCheck`). Sending writes and checks the typed fields directly: building a tree, writing
/// it and walking it again with a name lookup per member cost more than the rest of the request
/// side of an authorization (benchmark profile).

/// A body member's name with its validation rule, looked up once per name, not once per send.
final class BodyKey: @unchecked Sendable {  // memberBytes: written once in init, then only read
    let name: String
    let entry: CompiledRules.Entry?
    /// `"name":` as written in a body.
    let member: [UInt8]
    /// The same bytes in memory of their own, and the entry's clean-up and whether it is looked
    /// into only partly: what writing a member reads, without copying the entry or the array.
    let memberBytes: UnsafeMutableBufferPointer<UInt8>
    let normalization: Normalization?
    let partlyChecked: Bool

    init(_ name: String) {
        self.name = name
        let entry = CompiledRules.shared.index[name]
        self.entry = entry
        var m: [UInt8] = []
        JSONWriter.writeString(name, into: &m)
        m.append(UInt8(ascii: ":"))
        member = m
        memberBytes = .allocate(capacity: m.count)
        _ = memberBytes.initialize(from: m)
        normalization = entry?.normalization
        partlyChecked = entry?.inside != nil
    }

    deinit { memberBytes.deallocate() }

    static let root = BodyKey("")
    /// An item of an array (its name is the array's).
    static let item = BodyKey("")
    static let accountNumber = BodyKey("account_number")
    static let vccNumber = BodyKey("vcc_number")
    static let customerId = BodyKey("customer_id")
    static let reference = BodyKey("reference")
    static let financingOption = BodyKey("financing_option")
    static let transactionType = BodyKey("transaction_type")
    static let planId = BodyKey("plan_id")
    static let term = BodyKey("term")
    static let amount = BodyKey("amount")
    static let autoCapture = BodyKey("auto_capture")
    static let verificationCode = BodyKey("verification_code")
    static let requestId = BodyKey("request_id")
    static let externalLocationId = BodyKey("external_location_id")
    static let externalEmployeeId = BodyKey("external_employee_id")
    static let widgetSessionId = BodyKey("widget_session_id")
    static let fullRelease = BodyKey("full_release")
    static let fullReturn = BodyKey("full_return")
    static let captureId = BodyKey("capture_id")
    static let skuData = BodyKey("sku_data")
    static let purchaseOrder = BodyKey("purchase_order")
    static let registerId = BodyKey("register_id")
    static let products = BodyKey("products")
    static let skuId = BodyKey("sku_id")
    static let category = BodyKey("category")
    static let description = BodyKey("description")
    static let quantity = BodyKey("quantity")
    static let unitPrice = BodyKey("unit_price")
    static let extendedPrice = BodyKey("extended_price")
    /// sku_data totals, in SkuData.totalNames order.
    static let totals: [BodyKey] = SkuData.totalNames.map(BodyKey.init)

    static func total(_ name: String) -> BodyKey {
        for k in totals where k.name == name { return k }
        return BodyKey(name)
    }
}

/// What consumes a body as `PurchaseRequest.emit` describes it. Members of an array are
/// objects opened with `BodyKey.item`.
protocol BodySink {
    mutating func beginObject(_ key: BodyKey)
    mutating func endObject()
    mutating func beginArray(_ key: BodyKey)
    mutating func endArray()
    mutating func string(_ key: BodyKey, _ value: String)
    /// `text`: a JSON number's exact text.
    mutating func number(_ key: BodyKey, _ text: String)
    mutating func bool(_ key: BodyKey, _ value: Bool)
}

/// The body as a JSON tree.
struct BodyTree: BodySink {
    private enum Frame {
        case object(String, [(String, JSONValue)])
        case array(String, [JSONValue])
    }
    private var stack: [Frame] = []
    private(set) var value: JSONValue = .object([])

    private mutating func add(_ name: String, _ v: JSONValue) {
        guard let top = stack.popLast() else { value = v; return }
        switch top {
        case .object(let n, var members):
            members.append((name, v))
            stack.append(.object(n, members))
        case .array(let n, var items):
            items.append(v)
            stack.append(.array(n, items))
        }
    }

    mutating func beginObject(_ key: BodyKey) { stack.append(.object(key.name, [])) }
    mutating func beginArray(_ key: BodyKey) { stack.append(.array(key.name, [])) }
    mutating func endObject() {
        guard case let .object(name, members)? = stack.popLast() else { return }
        add(name, .object(members))
    }
    mutating func endArray() {
        guard case let .array(name, items)? = stack.popLast() else { return }
        add(name, .array(items))
    }
    mutating func string(_ key: BodyKey, _ value: String) { add(key.name, .string(value)) }
    mutating func number(_ key: BodyKey, _ text: String) { add(key.name, .number(text)) }
    mutating func bool(_ key: BodyKey, _ value: Bool) { add(key.name, .bool(value)) }
}

/// A body's bytes as they are written. Appends go straight to memory, without an Array's
/// uniqueness and capacity checks on every call (they were most of writing a body: profile).
/// Zeroed when it grows and when it goes: it may hold a verification code.
final class BodyBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        explicit_bzero(base, count)
        base.deallocate()
    }

    /// A copy of the bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    func append(_ b: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = b
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if capacity - count < bytes.count { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `s` quoted and escaped: the bytes `JSONWriter.writeString` writes.
    func appendQuoted(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            // The usual value (an id, a reference, a code) needs no escape: one room check and
            // one copy between the quotes instead of an append per part.
            if !buf.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                if capacity - count < buf.count + 2 { grow(to: count + buf.count + 2) }
                base[count] = UInt8(ascii: "\"")
                if let source = buf.baseAddress { (base + count + 1).update(from: source, count: buf.count) }
                count += buf.count + 2
                base[count - 1] = UInt8(ascii: "\"")
                return
            }
            append(UInt8(ascii: "\""))
            var start = 0
            for i in 0..<buf.count where buf[i] < 0x20 || buf[i] == UInt8(ascii: "\"") || buf[i] == UInt8(ascii: "\\") {
                append(UnsafeBufferPointer(rebasing: buf[start..<i]))
                var escaped: [UInt8] = []
                JSONWriter.escape(buf[i], into: &escaped)
                escaped.withUnsafeBufferPointer { append($0) }
                start = i + 1
            }
            append(UnsafeBufferPointer(rebasing: buf[start..<buf.count]))
            append(UInt8(ascii: "\""))
        }
    }

    /// Room for `needed` bytes (sizes of strings in memory: no overflow).
    private func grow(to needed: Int) {
        var c = capacity
        while c < needed { c *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        moved.initialize(from: base, count: count)
        explicit_bzero(base, count)
        base.deallocate()
        base = moved
        capacity = c
    }
}

/// The body as the bytes sent, written once: what `JSONWriter.write` makes of `BodyTree`'s
/// tree. With `normalize`, each string a clean-up applies to (ValidationRules.normalizations)
/// is written clean, as `RequestValidator.normalized` would make it.
struct BodyBytes: BodySink {
    let buffer: BodyBuffer
    /// The bytes written.
    var out: [UInt8] { buffer.bytes }
    let normalize: Bool
    /// One bit per open container, innermost lowest: set for an array.
    private var arrays: UInt64 = 0
    /// Open containers inside an object the validator only partly looks into (sku_data): no
    /// clean-up applies there (as in `RequestValidator.normalized`).
    private var opaqueDepth = 0
    private var first = true
    /// Whether a clean-up changed a value (the bytes differ from the body as given).
    private(set) var cleaned = false

    init(normalize: Bool, capacity: Int = 512) {
        self.normalize = normalize
        buffer = BodyBuffer(capacity: capacity)
    }

    private mutating func member(_ key: BodyKey) {
        if !first { buffer.append(UInt8(ascii: ",")) }
        first = false
        if arrays & 1 == 0 && !(key === BodyKey.root) { buffer.append(UnsafeBufferPointer(key.memberBytes)) }
    }

    private mutating func open(_ key: BodyKey, array: Bool) {
        member(key)
        buffer.append(array ? UInt8(ascii: "[") : UInt8(ascii: "{"))
        arrays = arrays << 1 | (array ? 1 : 0)
        if opaqueDepth > 0 || key.partlyChecked { opaqueDepth += 1 }
        first = true
    }

    private mutating func close(array: Bool) {
        buffer.append(array ? UInt8(ascii: "]") : UInt8(ascii: "}"))
        arrays >>= 1
        if opaqueDepth > 0 { opaqueDepth -= 1 }
        first = false
    }

    mutating func beginObject(_ key: BodyKey) { open(key, array: false) }
    mutating func beginArray(_ key: BodyKey) { open(key, array: true) }
    mutating func endObject() { close(array: false) }
    mutating func endArray() { close(array: true) }

    mutating func string(_ key: BodyKey, _ value: String) {
        member(key)
        if normalize, opaqueDepth == 0, arrays & 1 == 0, let n = key.normalization, let clean = n.apply(value) {
            buffer.appendQuoted(clean)
            cleaned = true
        } else {
            buffer.appendQuoted(value)
        }
    }

    mutating func number(_ key: BodyKey, _ text: String) {
        member(key)
        buffer.append(text)
    }

    mutating func bool(_ key: BodyKey, _ value: Bool) {
        member(key)
        buffer.append(value ? "true" : "false")
    }
}

/// Checks and writes in one pass (`PreparedCall.checked`): the bytes are written cleaned up,
/// as a valid call sends them.
struct BodyCheckAndBytes: BodySink {
    var check: BodyCheck
    var bytes = BodyBytes(normalize: true)

    mutating func beginObject(_ key: BodyKey) { check.beginObject(key); bytes.beginObject(key) }
    mutating func endObject() { check.endObject(); bytes.endObject() }
    mutating func beginArray(_ key: BodyKey) { check.beginArray(key); bytes.beginArray(key) }
    mutating func endArray() { check.endArray(); bytes.endArray() }
    mutating func string(_ key: BodyKey, _ value: String) { check.string(key, value); bytes.string(key, value) }
    mutating func number(_ key: BodyKey, _ text: String) { check.number(key, text); bytes.number(key, text) }
    mutating func bool(_ key: BodyKey, _ value: Bool) { check.bool(key, value); bytes.bool(key, value) }
}

extension SkuData {
    func emit<S: BodySink>(into s: inout S) {
        s.beginObject(.skuData)
        if let purchaseOrder { s.string(.purchaseOrder, purchaseOrder) }
        if let registerId { s.string(.registerId, registerId) }
        for (name, cents) in totals { s.number(BodyKey.total(name), Money.format(cents: cents)) }
        if !products.isEmpty {
            s.beginArray(.products)
            for p in products {
                s.beginObject(.item)
                s.string(.skuId, p.skuId)
                s.string(.category, p.category)
                s.string(.description, p.description)
                s.number(.quantity, String(p.quantity))
                s.number(.unitPrice, Money.format(cents: p.unitPriceCents))
                s.number(.extendedPrice, Money.format(cents: p.extendedPriceCents))
                s.endObject()
            }
            s.endArray()
        }
        s.endObject()
    }
}
