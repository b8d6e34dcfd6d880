import Dispatch
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// How to run a sandbox. Every field has a default; `SandboxOptions()` is the documented setup.
package struct SandboxOptions: Sendable {
    /// `expires_in` of issued access tokens (Flexiti: 1200 s).
    package var tokenLifetimeSeconds: Int = 1200
    package var seed: SandboxSeed = .default
    package var host = "127.0.0.1"
    /// 0 picks a free port; read it back from `RunningSandbox.port`.
    package var port = 0
    /// One line per request on standard output.
    package var logRequests = false
    /// Seconds since the epoch. Inject a controllable clock to expire tokens, PINs and return
    /// windows without sleeping.
    package var clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    /// Faults armed from the first request (the CLI's --faults file).
    package var faults: [SandboxFault] = []
    /// Where request log lines go (default: standard output, flushed per line).
    package var logSink: (@Sendable (String) -> Void)? = nil

    package init() {}
}

/// A sandbox serving on its own threads. `stop()` it (or let it be deinitialised) when done.
package final class RunningSandbox: @unchecked Sendable {
    package let port: Int
    package let host: String
    /// e.g. "http://127.0.0.1:PORT/flexiti/pos-api"; the client appends "/v2.5/..." or "/v2.5.1/...".
    package var baseURL: String { "http://\(urlHost):\(port)/flexiti/pos-api" }
    /// "http://127.0.0.1:PORT", the root of the admin endpoints (`/_sandbox/...`).
    package var rootURL: String { "http://\(urlHost):\(port)" }

    let core: SandboxCore
    private let serviceGroup: ServiceGroup
    private let finished: DispatchSemaphore
    private let stopped = Mutex(false)
    private let runTask: Task<Void, Never>

    private var urlHost: String { host == "0.0.0.0" || host.isEmpty ? "127.0.0.1" : (host.contains(":") ? "[\(host)]" : host) }

    init(port: Int, host: String, core: SandboxCore, serviceGroup: ServiceGroup, finished: DispatchSemaphore, runTask: Task<Void, Never>) {
        self.port = port
        self.host = host
        self.core = core
        self.serviceGroup = serviceGroup
        self.finished = finished
        self.runTask = runTask
    }

    deinit { stop() }

    /// Stops listening and closes connections. Synchronous and idempotent; safe from any thread
    /// that is not one of the sandbox's own (in particular from a plain XCTest method).
    package func stop() {
        let already = stopped.withLock { s -> Bool in defer { s = true }; return s }
        if already { return }
        let group = serviceGroup
        Task.detached { await group.triggerGracefulShutdown() }
        if finished.wait(timeout: .now() + 10) == .timedOut {
            runTask.cancel()
            _ = finished.wait(timeout: .now() + 5)
        }
        finished.signal()  // leave the semaphore signalled for any later waiter
    }

    /// Requests served so far (all paths, admin endpoints included).
    package var requestCount: Int { core.counters.withLock { $0.total } }

    /// Requests that hit exactly this path (no query), e.g. "/flexiti/pos-api/v2.5/oauth/token".
    package func requests(path: String) -> Int { core.counters.withLock { $0.byPath[path] ?? 0 } }

    /// Arms a fault (see `SandboxFault`); returns its id.
    @discardableResult
    package func addFault(_ fault: SandboxFault) -> Int { core.faults.add(fault) }

    /// Disarms every fault.
    package func clearFaults() { core.faults.clear() }

    /// Faults still armed.
    package var faults: [SandboxFault] { core.faults.list() }

    /// Back to the seed: accounts, authorizations, tokens, PINs, sessions, idempotency replies,
    /// counters and faults. The clock offset is kept.
    package func reset() { core.reset() }

    /// Moves the sandbox's clock forward (on top of `SandboxOptions.clock`).
    package func advanceClock(seconds: Int64) { core.clockOffset.withLock { $0 += seconds } }

    /// The same JSON document as `GET /_sandbox/state`.
    package func stateJSON() -> String { core.stateSnapshot().serialized() }
}

package enum Sandbox {
    /// Starts a sandbox and returns once it is listening. Call it from synchronous code (it
    /// blocks the calling thread briefly); the server itself never needs that thread again.
    package static func start(_ options: SandboxOptions = .init()) throws -> RunningSandbox {
        try options.seed.validate()
        let core = SandboxCore(options: options)
        let ready = ReadyBox()
        let finished = DispatchSemaphore(value: 0)
        var logger = Logger(label: "flexiti-sandbox")
        logger.logLevel = .critical
        let app = Application(
            responder: SandboxResponder(core: core),
            server: .http1(additionalChannelHandlers: [ExpectContinueHandler()]),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in ready.set(.success(channel.localAddress?.port ?? 0)) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task.detached {
            do {
                try await group.run()
                ready.set(.failure(StartError(description: "sandbox stopped before listening")))
            } catch {
                ready.set(.failure(StartError(description: "cannot start sandbox on \(options.host):\(options.port): \(error)")))
            }
            finished.signal()
        }
        switch ready.wait(seconds: 60) {
        case .success(let port):
            return RunningSandbox(port: port, host: options.host, core: core, serviceGroup: group,
                                  finished: finished, runTask: task)
        case .failure(let error):
            Task.detached { await group.triggerGracefulShutdown() }
            throw error
        }
    }

    package struct StartError: Error, CustomStringConvertible {
        package let description: String
    }
}

/// One-shot result handed from the server task to the thread blocked in `start`.
final class ReadyBox: Sendable {
    private let value = Mutex<Result<Int, Error>?>(nil)
    private let sem = DispatchSemaphore(value: 0)

    func set(_ r: Result<Int, Error>) {
        let first = value.withLock { v -> Bool in
            if v != nil { return false }
            v = r
            return true
        }
        if first { sem.signal() }
    }

    func wait(seconds: Int) -> Result<Int, Error> {
        if sem.wait(timeout: .now() + .seconds(seconds)) == .timedOut {
            return .failure(Sandbox.StartError(description: "sandbox did not start within \(seconds) s"))
        }
        return value.withLock { $0 } ?? .failure(Sandbox.StartError(description: "sandbox did not start"))
    }
}
