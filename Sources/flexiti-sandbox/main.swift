// flexiti-sandbox: a local Flexiti POS API for tests and CI (see docs/sandbox.md).
import ArgumentParser
import Dispatch
import FlexitiSandbox
import Foundation

struct FlexitiSandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flexiti-sandbox",
        abstract: "A local, stateful Flexiti POS API (v2.5 and v2.5.1) that can fail on demand.",
        discussion: """
            Prints 'flexiti-sandbox listening on http://HOST:PORT/flexiti/pos-api' once ready.
            Admin API (no token): POST/GET/DELETE /_sandbox/faults, POST /_sandbox/reset,
            GET /_sandbox/state, POST /_sandbox/clock, GET/DELETE /_sandbox/requests. See docs/sandbox.md.
            """,
        version: sandboxVersion
    )

    @Option(help: "TCP port; 0 picks a free one (the ready line tells which).")
    var port: Int = 8080

    @Option(help: "Address to bind.")
    var host: String = "127.0.0.1"

    @Option(help: "Seed file (JSON, same shape as Sources/FlexitiSandbox/seed.json). Default: the built-in seed.")
    var seed: String?

    @Option(help: "Lifetime of issued access tokens, in seconds.")
    var tokenLifetime: Int = 1200

    @Option(help: "JSON file with an array of faults to arm at startup (same objects as POST /_sandbox/faults).")
    var faults: String?

    @Flag(help: "Do not log one line per request.")
    var quiet = false

    func run() throws {
        var options = SandboxOptions()
        options.host = host
        options.port = port
        options.tokenLifetimeSeconds = tokenLifetime
        options.logRequests = !quiet
        // A bad seed or faults file is a usage error (exit 64) naming the file and the key.
        func usageError(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("flexiti-sandbox: \(message)\n".utf8))
            return ExitCode(64)
        }
        if let seed {
            do { options.seed = try SandboxSeed.load(path: seed) } catch { throw usageError("--seed: \(error)") }
        }
        if let faults {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: faults)) } catch {
                throw usageError("--faults: cannot read \(faults): \(error.localizedDescription)")
            }
            do { options.faults = try StrictJSON.decode([SandboxFault].self, from: data) } catch {
                throw usageError("--faults \(faults): \(error) (known faults: "
                                 + SandboxFault.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
        }
        let sandbox = try Sandbox.start(options)
        FileHandle.standardOutput.write(Data("flexiti-sandbox listening on \(sandbox.baseURL)\n".utf8))

        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let queue = DispatchQueue(label: "flexiti-sandbox.signals")
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGTERM, SIGINT] {
            let src = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            src.setEventHandler {
                sandbox.stop()
                FileHandle.standardOutput.write(Data("flexiti-sandbox stopped\n".utf8))
                Foundation.exit(0)
            }
            src.resume()
            sources.append(src)
        }
        withExtendedLifetime(sources) { dispatchMain() }
    }
}

FlexitiSandboxCommand.main()
