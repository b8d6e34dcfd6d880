import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A stand-in server on 127.0.0.1 that answers whatever a test tells it to, byte for byte: the
/// hostile or broken Flexiti the library must survive. Each connection carries one request
/// (`connection: close`). Requests are recorded so tests can see what reached it.
final class HostileServer: @unchecked Sendable {
    struct Request { var method: String; var path: String; var head: String; var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) } }
    /// Builds the raw answer (status line, headers, body) for one request.
    typealias Answer = (Request) -> [UInt8]

    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)/flexiti/pos-api" }
    private let fd: Int32
    private let lock = NSLock()
    private var answer: Answer
    private var seen: [Request] = []
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    init(_ answer: @escaping Answer) throws {
        self.answer = answer
        let sock = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(sock, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(sock, 16) == 0 else { throw NSError(domain: "HostileServer", code: Int(errno)) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(sock, $0, &len) } }
        fd = sock
        port = Int(UInt16(bigEndian: addr.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    var requests: [Request] { lock.withLock { seen } }
    func setAnswer(_ a: @escaping Answer) { lock.withLock { answer = a } }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        done.wait()
    }

    private func serve() {
        defer { done.signal() }
        while true {
            let c = accept(fd, nil, nil)
            if c < 0 { if lock.withLock({ stopped }) { return } else { continue } }
            handle(c)
            close(c)
        }
    }

    private func handle(_ c: Int32) {
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var data: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        var headEnd: Int? = nil
        var contentLength = 0
        while true {
            if let h = headEnd, data.count >= h + contentLength { break }
            let n = recv(c, &buf, buf.count, 0)
            if n <= 0 { return }
            data.append(contentsOf: buf[0..<n])
            if headEnd == nil, let r = find(data, Array("\r\n\r\n".utf8)) {
                headEnd = r + 4
                let head = String(decoding: data[0..<r], as: UTF8.self).lowercased()
                for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
                    contentLength = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        guard let h = headEnd else { return }
        let head = String(decoding: data[0..<(h - 4)], as: UTF8.self)
        let first = head.split(separator: "\r\n").first?.split(separator: " ") ?? []
        let request = Request(method: first.count > 0 ? String(first[0]) : "", path: first.count > 1 ? String(first[1]) : "",
                              head: head, body: Array(data[h..<min(data.count, h + contentLength)]))
        let answer = lock.withLock { seen.append(request); return self.answer }
        let out = answer(request)
        var sent = 0
        while sent < out.count {
            let n = out[sent...].withUnsafeBytes { send(c, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            sent += n
        }
    }

    private func find(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }

    /// A complete HTTP/1.1 answer.
    static func http(_ status: Int, _ body: String, headers: String = "content-type: application/json\r\n") -> [UInt8] {
        Array("HTTP/1.1 \(status) X\r\n\(headers)content-length: \(body.utf8.count)\r\nconnection: close\r\n\r\n\(body)".utf8)
    }

    /// A token answer (the usual one unless told otherwise).
    static func token(_ access: String = "tok0123456789abcdef", expiresIn: String = "3600") -> [UInt8] {
        http(200, #"{"token_type":"bearer","access_token":"\#(access)","expires_in":\#(expiresIn)}"#)
    }
}
