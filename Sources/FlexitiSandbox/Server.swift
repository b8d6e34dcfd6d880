import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Request context carrying the channel, so faults can close or reset the connection.
struct SandboxContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}

struct Counters: Sendable {
    var total = 0
    var byPath: [String: Int] = [:]
}

/// Shared state of one sandbox: options, the store, the fault schedule, counters.
final class SandboxCore: Sendable {
    let options: SandboxOptions
    let store: Mutex<State>
    let faults = FaultSchedule()
    let counters = Mutex(Counters())
    let journal = RequestJournal()
    let clockOffset = Mutex<Int64>(0)
    let logLock = Mutex(())

    init(options: SandboxOptions) {
        self.options = options
        self.store = Mutex(State(seed: options.seed, now: options.clock()))
        for f in options.faults { faults.add(f) }
    }

    func now() -> Int64 { options.clock() + clockOffset.withLock { $0 } }

    func reset() {
        let fresh = State(seed: options.seed, now: now())
        store.withLock { $0 = fresh }
        faults.clear()
        counters.withLock { $0 = Counters() }
        journal.clear()
    }

    func log(_ line: String) {
        if let sink = options.logSink { sink(line); return }
        logLock.withLock { _ in
            // One unbuffered write per line: nothing sits in a stdio buffer when the process is killed.
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}

/// A handler's successful answer.
struct Reply: Sendable {
    var status: Int = 200
    var body: JSON
}

/// What a handler sees: the parsed request plus the authenticated caller.
struct APIRequest: Sendable {
    var method: String
    /// Full path without query, e.g. "/flexiti/pos-api/v2.5/client-id/flexitidemo/customers/lookup".
    var path: String
    /// "v2.5" or "v2.5.1".
    var version: String
    /// Documented template, e.g. "/client-id/{client_id}/customers/lookup" (the error tables' key).
    var route: String
    var pathParams: [String: String]
    var query: [(String, String)]
    var headers: HTTPFields
    /// Body fields (JSON object, or form fields as strings). `.object([])` when empty.
    var body: JSON
    var referenceId: String
    var now: Int64
    var accessToken: String?
    var token: TokenState?
    var client: ClientState?

    func query(_ name: String) -> String? { query.first { $0.0 == name }?.1 }
    func queryCount(_ name: String) -> Int { query.filter { $0.0 == name }.count }
    func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
    func field(_ name: String) -> JSON? {
        guard let v = body[name], !v.isNull else { return nil }
        return v
    }
}

typealias Handler = @Sendable (inout State, APIRequest, SandboxCore) throws -> Reply

struct Route: Sendable {
    var methods: [String]
    var template: String
    var segments: [String]
    /// Customer-scope tokens are accepted (Flexiti's API reference); otherwise merchant only.
    var customerScope: Bool
    var handler: Handler

    init(_ methods: [String], _ template: String, customerScope: Bool, _ handler: @escaping Handler) {
        self.methods = methods
        self.template = template
        self.segments = template.split(separator: "/").map(String.init)
        self.customerScope = customerScope
        self.handler = handler
    }

    func match(_ parts: [Substring]) -> [String: String]? {
        guard parts.count == segments.count else { return nil }
        var params: [String: String] = [:]
        for (s, p) in zip(segments, parts) {
            if s.hasPrefix("{") { params[String(s.dropFirst().dropLast())] = String(p) }
            else if s != p { return nil }
        }
        return params
    }
}

enum Routes {
    static let prefix = "/flexiti/pos-api/"
    static let versions: Set<Substring> = ["v2.5", "v2.5.1"]
    static let tokenRoute = "/oauth/token"

    /// Every endpoint, one line each; the handlers live in one file per endpoint family.
    static let all: [Route] = [
        Route(["GET"], "/client-id/{client_id}/customers/search", customerScope: false, Customers.search),
        Route(["GET"], "/client-id/{client_id}/customers/lookup", customerScope: false, Customers.lookup),
        Route(["POST"], "/client-id/{client_id}/account/{account_number}/verify", customerScope: true, Verify.handle),
        Route(["POST"], "/client-id/{client_id}/accounts/{account_number}/calculate-interest", customerScope: true,
              Accounts.calculateInterest),
        Route(["POST"], "/client-id/{client_id}/transactions", customerScope: false, Transactions.handle),
        Route(["POST"], "/client-id/{client_id}/authorization", customerScope: true, Authorizations.create),
        Route(["POST"], "/client-id/{client_id}/authorization/{authorizationId}/release", customerScope: false,
              Authorizations.release),
        Route(["POST"], "/client-id/{client_id}/authorization/{authorizationId}/capture", customerScope: false,
              Authorizations.capture),
        Route(["POST"], "/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return",
              customerScope: false, Authorizations.returnCapture),
        Route(["POST"], "/client-id/{client_id}/accounts/{account_number}/refund", customerScope: false, Accounts.refund),
        Route(["GET"], "/client-id/{client_id}/authorizations", customerScope: false, Reporting.listAuthorizations),
        Route(["GET"], "/client-id/{client_id}/authorization/{authorizationId}", customerScope: false,
              Reporting.getAuthorization),
        Route(["GET"], "/client-id/{client_id}/captures", customerScope: false, Reporting.listCaptures),
        Route(["POST"], "/client-id/{client_id}/accounts/{account_number}/close", customerScope: true, Accounts.close),
        Route(["POST"], "/client-id/{client_id}/customers/driverslicense", customerScope: true, Online.driversLicense),
        // The scope list says POST, the error page GET (Flexiti's API reference): both are served.
        Route(["GET", "POST"], "/client-id/{client_id}/i18n", customerScope: true, Online.i18n),
        Route(["GET"], "/client-id/{client_id}/terms-and-conditions", customerScope: true, Online.terms),
        Route(["POST"], "/client-id/{client_id}/widget/init", customerScope: true, Online.widgetInit),
        Route(["POST"], "/client-id/{client_id}/apply", customerScope: true, Online.apply),
        // Deprecated since release 20.3; kept for old integrations (customer scope).
        Route(["POST"], "/client-id/{client_id}/merchants/login", customerScope: true, Online.merchantLogin),
    ]
}


struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxContext
    let core: SandboxCore

    static let referenceIdName = HTTPField.Name("x-reference-id")
    static func referenceId(_ headers: HTTPFields) -> String? { referenceIdName.flatMap { headers[$0] } }

    func respond(to request: Request, context: SandboxContext) async throws -> Response {
        let started = ContinuousClock.now
        let path = request.uri.path
        core.counters.withLock { c in
            c.total += 1
            c.byPath[path, default: 0] += 1
        }
        var request = request
        let method = request.method.rawValue
        let bodyBuffer: ByteBuffer
        do { bodyBuffer = try await request.collectBody(upTo: 1 << 20) } catch {
            let e = APIError(status: 413, error: "request_too_large", message: "Request bodies are limited to 1 MiB")
            return Outcome.json(413, e.body(url: path), refId: Self.referenceId(request.headers), errorCode: e.error).response
        }

        let outcome: Outcome
        var faultName: String?
        if path.hasPrefix("/_sandbox/") || path == "/_sandbox" {
            outcome = Admin.handle(method: method, path: path, body: bodyBuffer, core: core)
        } else if let fault = core.faults.take(method: method, path: path) {
            faultName = fault.fault.rawValue
            outcome = await Faults.apply(fault, path: path, refId: Self.referenceId(request.headers), context: context) {
                self.process(method: method, path: path, request: request, body: bodyBuffer)
            }
        } else {
            outcome = process(method: method, path: path, request: request, body: bodyBuffer)
        }

        if !path.hasPrefix("/_sandbox") {
            core.journal.record(method: method, path: path, query: request.uri.query, headers: request.headers,
                                body: bodyBuffer, time: Time.iso(core.now()), status: outcome.statusForLog,
                                fault: faultName, error: outcome.errorCode)
        }
        if core.options.logRequests {
            let d = (ContinuousClock.now - started).components
            let ms = Double(d.seconds) * 1000 + Double(d.attoseconds) / 1e15
            var line = "\(Time.iso(core.now())) \(method) \(request.uri.description) -> \(outcome.statusForLog) "
                + "\(String(format: "%.2f", ms))ms"
            if let ref = Self.referenceId(request.headers) { line += " ref=\(ref)" }
            if let faultName { line += " fault=\(faultName)" }
            if let e = outcome.errorCode { line += " error=\(e)" }
            core.log(line)
        }
        return outcome.response
    }

    /// The normal API pipeline: prefix, reference id, route, auth, body, idempotency, handler.
    func process(method: String, path: String, request: Request, body: ByteBuffer) -> Outcome {
        var refId = Self.referenceId(request.headers)
        do {
            guard path.hasPrefix(Routes.prefix) else {
                throw APIError(status: 404, error: "not_found", message: "No such endpoint: \(method) \(path)")
            }
            var parts = path.dropFirst(Routes.prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            guard let version = parts.first, Routes.versions.contains(version) else {
                throw APIError(status: 404, error: "not_found",
                               message: "Unknown API version in \(path); use v2.5 or v2.5.1")
            }
            parts.removeFirst()
            if parts.last == "" { parts.removeLast() }
            let rest = "/" + parts.joined(separator: "/")

            guard let ref = refId, !ref.trimmingWhitespace().isEmpty else {
                refId = nil
                throw APIError.wrongInputs([FieldError(param: "x-reference-id", msg: "x-reference-id header is required",
                                                       value: .null, type: "required")],
                                           route: rest == Routes.tokenRoute ? Routes.tokenRoute : "")
            }
            let query = Form.parseQuery(request.uri.query ?? "")
            let now = core.now()
            let bodyJSON = try Form.parseBody(body, contentType: request.headers[.contentType], route: rest)

            var req = APIRequest(method: method, path: path, version: String(version), route: rest, pathParams: [:],
                                 query: query, headers: request.headers, body: bodyJSON, referenceId: ref, now: now)

            if rest == Routes.tokenRoute {
                guard method == "POST" else {
                    throw APIError(status: 404, error: "not_found", message: "Use POST for \(Routes.tokenRoute)")
                }
                req.route = Routes.tokenRoute
                let reply = try core.store.withLock { try Auth.token(&$0, req, core) }
                return .json(reply.status, reply.body, refId: ref)
            }

            let segs = rest.split(separator: "/")
            var matched: (Route, [String: String])?
            var methodMismatch = false
            for r in Routes.all {
                if let p = r.match(segs) {
                    if r.methods.contains(method) { matched = (r, p); break }
                    methodMismatch = true
                }
            }
            guard let (route, params) = matched else {
                throw APIError(status: 404, error: "not_found",
                               message: methodMismatch ? "Method \(method) not allowed on \(rest)" : "No such endpoint: \(rest)")
            }
            req.route = route.template
            req.pathParams = params

            let reply: Reply = try core.store.withLock { state in
                try Auth.authenticate(&state, &req, route: route)
                return try Idempotency.run(&state, req) { state in try route.handler(&state, req, core) }
            }
            return .json(reply.status, reply.body, refId: ref)
        } catch let e as APIError {
            return .json(e.status, e.body(url: path), refId: refId, errorCode: e.error)
        } catch {
            let e = APIError(status: 500, error: "general_error", message: "Sandbox internal error: \(error)")
            return .json(500, e.body(url: path), refId: refId, errorCode: e.error)
        }
    }
}

/// A finished answer, before any fault mangles it.
struct Outcome: Sendable {
    var status: Int
    var contentType: String
    var body: String
    var refId: String?
    var errorCode: String?
    /// When a fault replaced the answer with something other than a plain response.
    var override: Response?
    var statusForLog: String

    static func json(_ status: Int, _ body: JSON, refId: String?, errorCode: String? = nil) -> Outcome {
        Outcome(status: status, contentType: "application/json", body: body.serialized(), refId: refId,
                errorCode: errorCode, override: nil, statusForLog: String(status))
    }

    var headers: HTTPFields {
        var h = HTTPFields()
        h[.contentType] = contentType
        if let refId, let name = HTTPField.Name("x-reference-id") { h[name] = refId }
        return h
    }

    var response: Response {
        if let override { return override }
        return Response(status: .init(code: status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
