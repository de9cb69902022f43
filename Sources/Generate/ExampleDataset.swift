import ApenCore
import Foundation

/// The small example dataset in `datasets/example/`: Trondheim (5001) and Steinkjer (5006)
/// with Bodø (1804), Tromsø (5501) and Oslo (0301) for comparison, 2021–2024, written in the
/// dialects real Norwegian exports use so that the example pipeline exercises ingestion:
///
/// | file | dialect |
/// |---|---|
/// | `survey.csv` | `;` delimiter, decimal comma weights, headers `RespNr` (respondent_id) and `vekt` (weight) |
/// | `engagement.csv` | `date` as epoch milliseconds in a `tidspunkt` column (UTC, 07:00–22:00) |
/// | `publications.csv` | postjournal: `;`, Windows-1252, `dd.MM.yyyy` dates in `journaldato`/`publisert`, an extra `tittel` column with æøå |
/// | `access_requests.csv` | canonical (`,`, UTF-8, ISO dates) |
/// | `population.csv` | canonical |
/// | `partnerships.csv` | a `table` source: a yearly register of collaboration agreements, `ja`/`nei` booleans (`PartnershipsWriter`) |
///
/// `apen generate --example --out datasets/example` reproduces the committed files byte for byte.
package enum ExampleDataset {
    package static let municipalities = ["5001", "5006", "1804", "5501", "0301"]
    package static let years = 2021...2024
    package static let seed: UInt64 = 2024
    package static let scale = 0.05
    /// Per-kind multipliers: a survey large enough for stable scale scores, fewer engagement
    /// actions (they dominate the size), more access requests.
    package static let kindScale: [SourceKind: Double] = [.survey: 8, .engagement: 0.5, .accessRequests: 4]

    /// The dialect of each file (see the type's table).
    package static let dialects: [SourceKind: Dialect] = {
        var survey = Dialect()
        survey.delimiter = UInt8(ascii: ";")
        survey.decimalComma = true
        survey.headerNames = ["respondent_id": "RespNr", "weight": "vekt"]

        var engagement = Dialect()
        engagement.dateStyle = .epochMilliseconds
        engagement.headerNames = ["date": "tidspunkt"]

        var publications = Dialect()
        publications.delimiter = UInt8(ascii: ";")
        publications.dateStyle = .dayMonthYear
        publications.encoding = .windows1252
        publications.titleColumn = true
        publications.headerNames = ["registered": "journaldato", "published": "publisert"]

        return [.survey: survey, .engagement: engagement, .publications: publications]
    }()

    /// The plan behind the example (fixed seed, scale, municipalities and years).
    package static func plan() throws -> GenerationPlan {
        try GenerationPlan(scale: scale, seed: seed, municipalities: municipalities, years: years, kindScale: kindScale)
    }

    /// Writes the example dataset into `out`.
    /// - Returns: kind → path.
    /// - Throws: `Diagnostic` on an I/O failure.
    @discardableResult
    package static func write(out: String) throws -> [String: String] {
        let plan = try plan()
        var files = try Generator.write(plan: plan, dialects: dialects, out: out)
        let path = (out as NSString).appendingPathComponent(partnershipsFile)
        do {
            _ = try PartnershipsWriter.write(plan: plan, seed: seed, path: path)
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic(SourceLocation(path: path), "cannot write: \(error.localizedDescription)")
        }
        files["partnerships"] = path
        return files
    }

    /// The register of collaboration agreements, a `table` source (`PartnershipsWriter`).
    package static let partnershipsFile = "partnerships.csv"
}
