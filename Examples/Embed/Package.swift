// swift-tools-version: 6.0
// A Swift program that embeds Åpen through the ApenKit library product, using only its public
// API: load and validate a pipeline, run it, read the results, compare them with the baseline.
// CI builds and runs it (.ci/run), so this example cannot rot. It is a package of its own so
// that it sees exactly what another package would: `public` declarations, nothing `package`.
import PackageDescription

let package = Package(
    name: "EmbedApen",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "apen", path: "../..")],
    targets: [
        .executableTarget(
            name: "EmbedApen", dependencies: [.product(name: "ApenKit", package: "apen")])
    ],
    swiftLanguageModes: [.v6]
)
