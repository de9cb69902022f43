// swift-tools-version: 6.0
// Fuzz targets for Åpen (libFuzzer + AddressSanitizer), kept outside the main package so its
// Package.swift and CI stay untouched. Build and run with `fuzz/run.sh` (see docs/hardening.md).
//
// Each target is an executable: `LLVMFuzzerTestOneInput` is the code under test, and
// `main.swift` hands it to libFuzzer (FuzzSupport/Driver.swift explains why). The targets fuzz
// internals that ApenKit does not make public (its API is narrow: docs/architecture.md), so
// they `@testable import` Åpen's modules, which a debug build compiles with testing enabled.
import PackageDescription


let package = Package(
    name: "apen-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "apen", path: ".."),
    ],
    targets: [
        // Starting libFuzzer, and the property check every target uses.
        .target(name: "FuzzSupport"),
        // CSV reader: every dialect option (delimiter, encoding, decimal comma, date format).
        .executableTarget(
            name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "ApenKit", package: "apen")]),
        // Pipeline YAML loader + validator.
        .executableTarget(
            name: "FuzzPipeline", dependencies: ["FuzzSupport", .product(name: "ApenKit", package: "apen")]),
        // Custom-indicator expression language (lexer, parser, printer).
        .executableTarget(
            name: "FuzzExpression", dependencies: ["FuzzSupport", .product(name: "ApenKit", package: "apen")]),
        // Ingest's number parser, differential against the standard library's Double(String).
        .executableTarget(
            name: "FuzzNumber", dependencies: ["FuzzSupport", .product(name: "ApenKit", package: "apen")]),
        // The indicator results CSV (baselines): parse, render, parse again.
        .executableTarget(
            name: "FuzzIndicatorCSV", dependencies: ["FuzzSupport", .product(name: "ApenKit", package: "apen")]),
        // Ingest's date parser (ISO, patterns, epoch seconds/milliseconds).
        .executableTarget(
            name: "FuzzDate", dependencies: ["FuzzSupport", .product(name: "ApenKit", package: "apen")]),
    ],
    swiftLanguageModes: [.v6]
)
