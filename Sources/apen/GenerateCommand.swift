import ApenCore
import ArgumentParser
import Foundation
import Generate

/// `apen generate`: synthetic national-scale data, or the example dataset.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic input data: the five canonical CSV files for Norway's 357 municipalities.",
        discussion: """
            Scale 1 is about 200k survey rows, 1M engagement actions, 500k journal records and 50k \
            access requests (~100 MB); the same seed always writes the same bytes.
            --example writes the small example dataset (Trondheim, Steinkjer, Bodø, Tromsø, Oslo, \
            2021-2024) in Norwegian export dialects, as committed in datasets/example.
            """
    )

    @Option(help: "Row volume relative to scale 1.")
    var scale: Double = 1

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Comma-separated municipality numbers (default: all 357), e.g. 5001,5006.")
    var municipalities: String?

    @Option(help: "Year range, e.g. 2019-2024 (default 2015-2024), or one year.")
    var years: String = "2015-2024"

    @Flag(help: "Write the example dataset (ignores --scale, --seed, --municipalities, --years).")
    var example = false

    func run() throws {
        let started = Date()
        do {
            let files: [String: String]
            let plan: GenerationPlan
            if example {
                plan = try ExampleDataset.plan()
                files = try ExampleDataset.write(out: out)
            } else {
                let list = municipalities.map {
                    $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                }
                plan = try GenerationPlan(scale: scale, seed: seed, municipalities: list, years: try parseYears(years))
                files = try Generator.write(plan: plan, dialects: [:], out: out)
            }
            for kind in SourceKind.allCases {
                guard let path = files[kind.rawValue] else { continue }
                let rows = kind == .population ? plan.municipalities.count * plan.years.count : plan.total(kind)
                print("\(path)\t\(rows) rows")
            }
            if let path = files["partnerships"] {
                let rows = (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").count ?? 1
                print("\(path)\t\(rows - 1) rows")
            }
            print(String(format: "generated in %.2f s", Date().timeIntervalSince(started)))
        } catch let d as Diagnostic {
            printError("error: \(d)")
            throw ExitCode(2)
        } catch let list as DiagnosticList {
            printError("error: \(list)")
            throw ExitCode(2)
        }
    }

    private func parseYears(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        switch parts.count {
        case 1: if let y = parts[0] { return y...y }
        case 2: if let a = parts[0], let b = parts[1], a <= b { return a...b }
        default: break
        }
        throw Diagnostic(SourceLocation(path: "--years"), "expected a year range such as 2019-2024, found '\(text)'")
    }
}
