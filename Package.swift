// swift-tools-version: 6.0
// Åpen — openness indicators for open municipalities.
// Data flows one way: Pipeline → Ingest → Indicators → Reports / Check, with Store beside.
import PackageDescription

let package = Package(
    name: "apen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "apen", targets: ["apen"]),
        .library(
            name: "ApenKit",
            targets: ["ApenCore", "Ingest", "Store", "Indicators", "Pipeline", "Reports", "Check", "Generate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries at the edge, each behind a module map and a shim header (Debian libcsv-dev, libsqlite3-dev).
        .systemLibrary(name: "CCSV", path: "Sources/CCSV"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // glibc's mallopt, for the CLI's arena limit (no library to link).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),

        // Shared vocabulary: source kinds, days, tables, indicator rows, diagnostics, hashing, atomic files.
        .target(name: "ApenCore"),
        // CSV over libcsv → validated, typed columns; rejected rows.
        .target(name: "Ingest", dependencies: ["ApenCore", "CCSV"]),
        // SQLite store: runs, results, rejected rows, stage cache, kept rows.
        .target(name: "Store", dependencies: ["ApenCore", "CSQLite"]),
        // The METHODS.md catalogue, statistics, custom expressions, composite index.
        .target(name: "Indicators", dependencies: ["ApenCore"]),
        // Tables, SVG charts, HTML and Markdown reports.
        // Municipality names come from the classification that Ingest ships (METHODS.md §9).
        .target(name: "Reports", dependencies: ["ApenCore", "Ingest"]),
        // Baseline comparison with tolerances (apen check / apen diff).
        .target(name: "Check", dependencies: ["ApenCore"]),
        // Synthetic national-scale data (apen generate).
        .target(name: "Generate", dependencies: ["ApenCore", "Indicators"]),
        // Pipeline files, validation, stage DAG, cache keys, runner.
        .target(
            name: "Pipeline", dependencies: ["ApenCore", "Ingest", "Store", "Indicators", "Reports", "Check", "Yams"]),
        // The thin CLI: one small file per command.
        .executableTarget(
            name: "apen",
            dependencies: [
                "ApenCore", "Ingest", "Store", "Indicators", "Pipeline", "Reports", "Check", "Generate", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "ApenCoreTests", dependencies: ["ApenCore"], exclude: ["Reference"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "ApenCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "ApenCore"]),
        .testTarget(
            name: "IndicatorsTests", dependencies: ["Indicators", "ApenCore"], exclude: ["Reference"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "ApenCore"], exclude: ["Reference"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "CheckTests", dependencies: ["Check", "ApenCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GenerateTests", dependencies: ["Generate", "ApenCore"]),
        .testTarget(
            name: "PipelineTests", dependencies: ["Pipeline", "ApenCore", "Ingest", "Indicators"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "EndToEndTests", dependencies: ["ApenCore"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
