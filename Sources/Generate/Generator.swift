import ApenCore
import Foundation

/// Synthetic, national-scale input data for Åpen: the five canonical CSV files of METHODS.md
/// §1 (`survey.csv`, `engagement.csv`, `publications.csv`, `access_requests.csv`,
/// `population.csv`) for Norway's 357 municipalities of 2024.
///
/// Everything is deterministic for a seed: the generator has its own xoshiro256**/SplitMix64
/// streams, one per (kind, municipality, year), and avoids libm in anything that decides a
/// value, so the same seed gives the same bytes. Scale 1 is ≈ 200 k survey rows, 1 M
/// engagement actions, 500 k journal records and 50 k access requests (≈ 100 MB); scale 10
/// is ten times that. The five files are written in parallel, each streamed through a byte
/// buffer. See each writer's documentation (`SurveyWriter` …) for the shapes of the data.
///
/// ```swift
/// let files = try Generator.write(scale: 0.1, seed: 42, out: "bench/data/scale-0.1")
/// files["survey"]   // "bench/data/scale-0.1/survey.csv"
/// ```
package enum Generator {
    /// Rows per kind at scale 1 (all 357 municipalities, ten years).
    package static let targets: [SourceKind: Int] = [
        .survey: 200_000, .engagement: 1_000_000, .publications: 500_000, .accessRequests: 50_000,
    ]

    /// The file name of each kind (`access_requests.csv` …).
    package static func fileName(_ kind: SourceKind) -> String { kind.rawValue + ".csv" }

    /// The kinds the generator writes: every kind but `table`, which has no fixed columns.
    package static let kinds = SourceKind.allCases.filter { $0 != .table }

    /// Writes the five canonical files (`,`, UTF-8, ISO dates, canonical headers) into `out`.
    ///
    /// - Parameters:
    ///   - scale: row volume relative to scale 1 (> 0).
    ///   - seed: the random seed; the same seed writes the same bytes.
    ///   - out: the output folder (created if absent; existing files are replaced).
    ///   - municipalities: 4-digit numbers to write; `nil` = all 357.
    ///   - years: the years to cover.
    /// - Returns: kind (`SourceKind.rawValue`, e.g. `"access_requests"`) → path of the written file.
    /// - Throws: `Diagnostic` for a bad scale, year range or municipality number, or an I/O failure.
    @discardableResult
    package static func write(
        scale: Double, seed: UInt64, out: String, municipalities: [String]? = nil,
        years: ClosedRange<Int> = 2015...2024
    ) throws -> [String: String] {
        let plan = try GenerationPlan(scale: scale, seed: seed, municipalities: municipalities, years: years)
        return try write(plan: plan, dialects: [:], out: out)
    }

    /// Writes the files of `plan` into `out`, each in its dialect (missing kinds: `.canonical`).
    /// - Returns: kind → path.
    /// - Throws: `Diagnostic` naming the file on an I/O failure (all five are attempted).
    @discardableResult
    package static func write(plan: GenerationPlan, dialects: [SourceKind: Dialect], out: String) throws -> [String:
        String]
    {
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(
                SourceLocation(path: out), "cannot create the output folder: \(error.localizedDescription)")
        }
        // A `table` source has no fixed columns to synthesise (the example's partnerships
        // register is written by `ExampleDataset`).
        let kinds = Generator.kinds
        // Every kind at once (each writer is one sequential stream); results in kind order.
        let results = Parallel.map(count: kinds.count, jobs: kinds.count) { i -> Result<String, any Error> in
            let kind = kinds[i]
            let path = (out as NSString).appendingPathComponent(fileName(kind))
            let dialect = dialects[kind] ?? .canonical
            return Result {
                let writer: (GenerationPlan, Dialect, String) throws -> Int
                switch kind {
                case .survey: writer = SurveyWriter.write
                case .engagement: writer = EngagementWriter.write
                case .publications: writer = PublicationsWriter.write
                case .accessRequests: writer = AccessRequestsWriter.write
                case .population: writer = PopulationWriter.write
                case .table: preconditionFailure("table sources are not generated per kind")
                }
                _ = try writer(plan, dialect, path)
                return path
            }
        }
        var paths: [String: String] = [:]
        var errors: [Diagnostic] = []
        for (i, r) in results.enumerated() {
            switch r {
            case .success(let p): paths[kinds[i].rawValue] = p
            case .failure(let e as Diagnostic): errors.append(e)
            case .failure(let e): errors.append(Diagnostic(SourceLocation(path: out), "\(e)"))
            }
        }
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return paths
    }
}
