import CCurl
import Glibc

/// A request's header lines as the curl_slist libcurl reads, in memory the transport keeps:
/// written in place for each request, so sending one allocates nothing for its headers
/// (curl_slist_append makes a node and a copy per line). libcurl only reads the list during the
/// transfer and never frees it. The lines hold the bearer token: `clear` zeroes them.
final class HeaderLines {
    private var nodes: UnsafeMutablePointer<curl_slist>
    private var nodeCapacity: Int
    private var text: UnsafeMutableRawPointer
    private var textCapacity: Int
    /// Bytes of `text` written since the last clear.
    private var used = 0

    init() {
        nodeCapacity = 8
        nodes = .allocate(capacity: nodeCapacity)
        textCapacity = 2048
        text = .allocate(byteCount: textCapacity, alignment: 16)
    }

    deinit {
        clear()
        nodes.deallocate()
        text.deallocate()
    }

    /// "name: value" for each header, then "Expect:" when `expectNothing` (no 100-continue
    /// round trip before a body). nil: no lines.
    func build(_ headers: [(String, String)], expectNothing: Bool) -> UnsafeMutablePointer<curl_slist>? {
        clear()
        let count = headers.count + (expectNothing ? 1 : 0)
        guard count > 0 else { return nil }
        var bytes = expectNothing ? 8 : 0
        // Read in place (a loop over the array's elements retains and releases both strings of each).
        headers.withUnsafeBufferPointer { lines in
            for i in lines.indices { bytes += lines[i].0.utf8.count + lines[i].1.utf8.count + 3 }  // strings in memory: no overflow
            reserve(nodes: count, bytes: bytes)
            for i in lines.indices {
                let line = text + used
                append(lines[i].0)
                byte(UInt8(ascii: ":"))
                byte(UInt8(ascii: " "))
                append(lines[i].1)
                byte(0)
                link(i, line)
            }
        }
        let index = headers.count
        if expectNothing {
            let line = text + used
            for b in "Expect:".utf8 { byte(b) }
            byte(0)
            link(index, line)
        }
        return nodes
    }

    /// Zeroes what the last build wrote.
    func clear() {
        if used > 0 { explicit_bzero(text, used) }
        used = 0
    }

    private func link(_ index: Int, _ line: UnsafeMutableRawPointer) {
        nodes[index].data = line.assumingMemoryBound(to: CChar.self)
        nodes[index].next = nil
        if index > 0 { nodes[index - 1].next = nodes + index }
    }

    private func append(_ s: String) {
        func copy(_ utf8: UnsafeBufferPointer<UInt8>) {
            if let base = utf8.baseAddress { (text + used).copyMemory(from: base, byteCount: utf8.count) }
            used += utf8.count
        }
        // In place when the string's bytes are contiguous (native strings); else a copy of it.
        if s.utf8.withContiguousStorageIfAvailable(copy) == nil {
            var s = s
            s.withUTF8(copy)
        }
    }

    /// One byte (the separators and terminators: no String made for them).
    @inline(__always)
    private func byte(_ b: UInt8) {
        text.storeBytes(of: b, toByteOffset: used, as: UInt8.self)
        used += 1
    }

    /// Room for `nodes` lines of `bytes` in all (only grows; the text is empty when it moves).
    private func reserve(nodes wanted: Int, bytes: Int) {
        if wanted > nodeCapacity {
            nodes.deallocate()
            nodeCapacity = wanted
            nodes = .allocate(capacity: wanted)
        }
        if bytes > textCapacity {
            text.deallocate()
            textCapacity = bytes
            text = .allocate(byteCount: bytes, alignment: 16)
        }
    }
}
