import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// A network or server failure to inject into matching requests, without changing the client.
/// Armed through `RunningSandbox.addFault`, `POST /_sandbox/faults` or the CLI's `--faults FILE`.
package struct SandboxFault: Sendable, Codable, Equatable {
    package enum Kind: String, Sendable, Codable, CaseIterable {
        /// Wait `delay_ms` (default 30000) and then answer normally: "past the client's timeout".
        case delay
        /// Close the connection before any response byte.
        case close
        /// Send the head and half the body, then reset the connection (TCP RST).
        case reset
        /// A complete HTTP response whose JSON body is cut in half.
        case truncatedJSON = "truncated_json"
        /// Web-firewall blocks: an HTML page with status 465 / 466 / 467.
        case html465 = "html_465", html466 = "html_466", html467 = "html_467"
        /// 500 with a JSON error body; 502/503/504 with a gateway's HTML page.
        case http500 = "http_500", http502 = "http_502", http503 = "http_503", http504 = "http_504"
        /// 200 with a body that is not JSON.
        case garbage200 = "garbage_200"
        /// Perform the operation, then close the connection without answering (double-capture risk).
        case dropResponse = "drop_response"
        /// Answer a documented-shape error: `status`, `error`, `message`.
        case error
        /// Write bytes that are not an HTTP response (no status line), then close the connection.
        case noStatusLine = "no_status_line"
        /// Answer `status` (default 200) with `body` verbatim as application/json (odd successes:
        /// "", "{}", "[]", a missing id, an `error` in a 2xx). 204 sends no body.
        case answer
    }

    package var fault: Kind
    /// HTTP method to match (nil: any).
    package var method: String?
    /// Matches requests whose path (without query) ends with this (nil: any API path).
    package var pathSuffix: String?
    /// How many matching requests it hits before disarming (default 1; 0 = until cleared).
    package var count: Int?
    /// Let this many matching requests through first (default 0).
    package var skip: Int?
    /// For `delay`.
    package var delayMs: Int?
    /// Whether the operation runs (state changes) before the fault hits. Defaults: true for
    /// delay, reset, truncated_json, garbage_200, drop_response, no_status_line; false for the rest.
    package var apply: Bool?
    /// For `error`.
    package var status: Int?
    package var error: String?
    package var message: String?
    /// For `answer`: the body, sent as is.
    package var body: String?
    /// Assigned when armed.
    package var id: Int?

    package init(_ fault: Kind, method: String? = nil, pathSuffix: String? = nil, count: Int = 1, skip: Int = 0,
                delayMs: Int? = nil, apply: Bool? = nil, status: Int? = nil, error: String? = nil, message: String? = nil,
                body: String? = nil) {
        self.fault = fault
        self.method = method
        self.pathSuffix = pathSuffix
        self.count = count
        self.skip = skip
        self.delayMs = delayMs
        self.apply = apply
        self.status = status
        self.error = error
        self.message = message
        self.body = body
    }

    enum CodingKeys: String, CodingKey {
        case fault, method, count, skip, apply, status, error, message, id, body
        case pathSuffix = "path_suffix", delayMs = "delay_ms"
    }

    var appliesOperation: Bool {
        apply ?? [.delay, .reset, .truncatedJSON, .garbage200, .dropResponse, .noStatusLine].contains(fault)
    }
}

/// Armed faults, matched in the order they were added.
final class FaultSchedule: Sendable {
    private struct Armed: Sendable {
        var fault: SandboxFault
        var remaining: Int    // 0 = unlimited
        var skip: Int
    }
    private let armed = Mutex<(nextId: Int, list: [Armed])>((1, []))

    @discardableResult
    func add(_ f: SandboxFault) -> Int {
        armed.withLock { s in
            var f = f
            f.id = s.nextId
            s.nextId += 1
            s.list.append(Armed(fault: f, remaining: max(0, f.count ?? 1), skip: max(0, f.skip ?? 0)))
            return f.id ?? 0
        }
    }

    func clear() { armed.withLock { $0.list.removeAll() } }

    func list() -> [SandboxFault] {
        armed.withLock { s in s.list.map { a in
            var f = a.fault
            f.count = a.remaining
            f.skip = a.skip
            return f
        } }
    }

    func take(method: String, path: String) -> SandboxFault? {
        armed.withLock { s in
            for i in s.list.indices {
                let f = s.list[i].fault
                if let m = f.method, m.uppercased() != method { continue }
                if let suffix = f.pathSuffix, !path.hasSuffix(suffix) { continue }
                if s.list[i].skip > 0 { s.list[i].skip -= 1; continue }
                if s.list[i].remaining > 0 {
                    s.list[i].remaining -= 1
                    if s.list[i].remaining == 0 { s.list.remove(at: i) }
                }
                return f
            }
            return nil
        }
    }
}

enum Faults {
    static func html(_ status: Int, _ title: String, _ text: String) -> String {
        "<!DOCTYPE html>\n<html><head><title>\(status) \(title)</title></head>\n<body><h1>\(title)</h1><p>\(text)</p>"
            + "<hr><address>flexiti-sandbox fault injection</address></body></html>\n"
    }

    static func apply(_ fault: SandboxFault, path: String, refId: String?, context: SandboxContext,
                      run: () -> Outcome) async -> Outcome {
        if fault.fault == .delay {
            try? await Task.sleep(for: .milliseconds(max(0, fault.delayMs ?? 30_000)))
        }
        let real: Outcome? = fault.appliesOperation ? run() : nil
        var out = real ?? Outcome(status: 0, contentType: "", body: "", refId: refId, errorCode: nil, override: nil, statusForLog: "")

        func page(_ status: Int, _ title: String, _ text: String) -> Outcome {
            var o = out
            o.status = status
            o.contentType = "text/html; charset=utf-8"
            o.body = html(status, title, text)
            o.errorCode = nil
            o.statusForLog = String(status)
            return o
        }

        switch fault.fault {
        case .delay:
            return real ?? out
        case .close, .dropResponse:
            try? await context.channel.close()
            out.statusForLog = "dropped"
            out.override = Response(status: .internalServerError)
            return out
        case .reset:
            let base = real ?? .json(200, .object([("status", .string("ok"))]), refId: refId)
            let bytes = Array(base.body.utf8)
            let half = Array(bytes.prefix(max(1, bytes.count / 2)))
            let channel = context.channel
            var o = base
            o.statusForLog = "\(base.status)+reset"
            o.override = Response(status: .init(code: base.status), headers: base.headers,
                                  body: ResponseBody(contentLength: bytes.count) { writer in
                                      try await writer.write(ByteBuffer(bytes: half))
                                      // Let the partial body reach the socket before the RST.
                                      try? await Task.sleep(for: .milliseconds(20))
                                      if let p = channel as? any SocketOptionProvider {
                                          try? await p.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
                                      }
                                      try? await channel.close()
                                      throw CancellationError()
                                  })
            return o
        case .truncatedJSON:
            var o = real ?? .json(200, .object([("status", .string("ok"))]), refId: refId)
            let bytes = Array(o.body.utf8)
            o.body = String(decoding: bytes.prefix(max(1, bytes.count / 2)), as: UTF8.self)
            o.statusForLog = "\(o.status)+truncated"
            return o
        case .html465: return page(465, "Request Blocked", "The request contained a malicious payload and was blocked.")
        case .html466: return page(466, "Request Blocked", "The request was blocked by an access-control rule.")
        case .html467: return page(467, "Request Blocked", "The request was blocked because of its geographic origin.")
        case .http502: return page(502, "Bad Gateway", "The upstream server returned an invalid response.")
        case .http503: return page(503, "Service Unavailable", "The server is temporarily unable to service your request.")
        case .http504: return page(504, "Gateway Timeout", "The upstream server did not respond in time.")
        case .http500:
            var o = out
            o.status = 500
            o.contentType = "application/json"
            o.body = JSON.object([("url", .string(path)), ("message", .string("Internal Server Error")),
                                  ("error", .string("internal_server_error"))]).serialized()
            o.statusForLog = "500"
            return o
        case .garbage200:
            var o = out
            o.status = 200
            o.contentType = "application/json"
            o.body = "\u{1F}\u{8B}garbage<<not json>>\u{7F}]]}{"
            o.statusForLog = "200+garbage"
            return o
        case .noStatusLine:
            // Straight onto the socket, ahead of the HTTP encoder, then closed.
            try? await context.channel.pipeline.addHandler(RawReply(), position: .first).get()
            out.statusForLog = "no-status-line"
            out.override = Response(status: .internalServerError)
            return out
        case .answer:
            var o = out
            o.status = fault.status ?? 200
            o.contentType = "application/json"
            o.body = o.status == 204 ? "" : (fault.body ?? "")
            o.errorCode = nil
            o.statusForLog = "\(o.status)+answer"
            return o
        case .error:
            let e = APIError(status: fault.status ?? 409, error: fault.error ?? "general_error",
                             message: fault.message ?? "Injected error")
            var o = Outcome.json(e.status, e.body(url: path), refId: refId, errorCode: e.error)
            o.statusForLog = String(e.status)
            return o
        }
    }
}

/// Writes a line that is not an HTTP status line when added to a connection's pipeline, then
/// closes it: what a broken middlebox or a confused server sends.
final class RawReply: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    func handlerAdded(context: ChannelHandlerContext) {
        let bytes = ByteBuffer(string: "flexiti-sandbox: no status line\r\n\r\n")
        context.writeAndFlush(NIOAny(bytes), promise: nil)
        context.close(promise: nil)
    }
}
