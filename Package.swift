// swift-tools-version:6.2
// libflexiti: a C library (libflexiti.so) for the Flexiti POS API, written in Swift.
// The shipped library (FlexitiCore + Flexiti) imports no Foundation: HTTP is libcurl, JSON is jansson.
// Linux only (the code imports Glibc), hence no `platforms:` list.
import PackageDescription

// Settings of the library's Swift code (docs/architecture.md, "Start-up and compiler settings").
// Release builds drop the runtime exclusivity checks; debug builds, which the tests use, keep them.
// In every configuration the modules do not import _StringProcessing implicitly: its string
// searches (contains and split with a String, regexes) would link the regex engine, 1.4 MB of
// code and metadata that every process loading the library maps and relocates.
let librarySettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
    .unsafeFlags(["-Xfrontend", "-disable-implicit-string-processing-module-import"]),
]

let package = Package(
    name: "libflexiti",
    products: [
        // The C library. `make` links it with the static Swift stdlib, a version script and an soname.
        .library(name: "flexiti", type: .dynamic, targets: ["Flexiti"]),
        .executable(name: "flexiti-sandbox", targets: ["flexiti-sandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // System libraries: jansson found through pkg-config; libcurl and SQLite loaded at first use.
        .systemLibrary(name: "CJansson", pkgConfig: "jansson", providers: [.apt(["libjansson-dev"])]),
        // The optional money journal (Journal/): SQLite's header at build time, the library
        // dlopen()ed on the first journal open, so a process without a journal never loads it.
        .target(name: "CSQLite"),
        // libcurl's header at build time, the library dlopen()ed at the first session, so that
        // loading libflexiti does not load libcurl and its dependencies (curl_shim.h).
        .target(name: "CCurl"),
        // The hand-written public header, imported as a module so the implementation is checked against it.
        .systemLibrary(name: "CFlexiti"),

        // Zero-on-free allocation for libcurl, jansson and (linked with --wrap) the library itself.
        .target(name: "CSecureMemory"),
        // The pre-pass that keeps an answer's numbers exact through jansson (JSON/JSONParser.swift).
        .target(name: "CAnswerPrepass"),
        // In the library only: replaces two parts of the static Swift runtime that ran at every
        // load of the library: its argv lookup, which reads /proc/self/maps (swift_argv.c), and
        // its crash backtracer, which a host program's crash handling must not meet (swift_backtrace.c).
        .target(name: "CSwiftRuntime"),
        // Swift core: configuration, transport, OAuth, error model, endpoints. No Foundation.
        .target(
            name: "FlexitiCore",
            dependencies: ["CCurl", "CJansson", "CSQLite", "CSecureMemory", "CAnswerPrepass"],
            swiftSettings: librarySettings
        ),
        // The C ABI: one file per handle type, implementing include/flexiti.h.
        .target(
            name: "Flexiti",
            dependencies: ["FlexitiCore", "CFlexiti", "CSwiftRuntime"],
            swiftSettings: [.enableExperimentalFeature("CImplementation")] + librarySettings
        ),

        // The local Flexiti-compatible server (tests, examples, users' integration tests).
        .target(
            name: "FlexitiSandbox",
            // FlexitiCore only for the Flexiti reference tables (ErrorTables), kept in one place.
            dependencies: ["FlexitiCore", .product(name: "Hummingbird", package: "hummingbird")],
            // The built-in seed: its bytes are compiled in, so the binary needs no file at run time.
            resources: [.embedInCode("seed.json")]
        ),
        .executableTarget(
            name: "flexiti-sandbox",
            dependencies: [
                "FlexitiSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "FlexitiCoreTests", dependencies: ["FlexitiCore", "FlexitiSandbox"]),
        // Links libsqlite3 itself: some journal tests edit a journal file directly.
        .testTarget(
            name: "FlexitiCTests",
            dependencies: ["Flexiti", "CFlexiti", "FlexitiSandbox", "CSQLite"],
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .testTarget(
            name: "FlexitiSandboxTests",
            dependencies: [
                "FlexitiSandbox",
                "FlexitiCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
