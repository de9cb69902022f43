import ApenCore
import Foundation
import Testing

@testable import Ingest

/// The shipped crosswalk against the cases METHODS §8 names (facts of the reforms, not the
/// file's own output), and the compiled copy against `datasets/municipalities/harmonisation.csv`.
struct MunicipalityCrosswalkTests {
    let crosswalk = MunicipalityCrosswalk.shipped

    @Test(arguments: [
        ("1601", 2018, MunicipalityCrosswalk.Outcome.mapped("5001")),  // Trondheim, Trøndelag 2018
        ("1601", 2024, .mapped("5001")),
        ("1662", 2019, .mapped("5030")),  // Klæbu 1662 → 5030 (2018)
        ("1662", 2020, .mapped("5001")),  // → merged into Trondheim (2020)
        ("5030", 2024, .mapped("5001")),
        ("0101", 2020, .mapped("3001")),  // Halden 0101 → 3001 → 3101
        ("0101", 2024, .mapped("3101")),
        ("3001", 2024, .mapped("3101")),
        ("0301", 2015, .valid), ("0301", 2024, .valid),  // Oslo unchanged
        ("1507", 2024, .split(["1508", "1580"])),  // Ålesund 2020–2023, split in 2024
        ("1534", 2024, .mapped("1580")),  // pre-2020 Haram → the re-established Haram, by territory
        ("1504", 2024, .mapped("1508")),  // pre-2020 Ålesund
        ("1534", 2021, .mapped("1507")),
        ("5001", 2017, .split(["1601", "1662"])),  // 5001 has held Klæbu since 2020: both 2017 numbers
        ("5001", 2019, .valid),
        ("9876", 2024, .unknown),
    ])
    func knownCases(code: String, year: Int, expected: MunicipalityCrosswalk.Outcome) {
        #expect(crosswalk.outcome(of: code, in: year) == expected)
    }

    @Test func structureOfAYearWithoutAVersion() {
        // No change on 1 January 2021: the 2020 version holds; 2025 is the 2024 one.
        #expect(crosswalk.structure(for: 2021) == 2020)
        #expect(crosswalk.structure(for: 2025) == 2024)
        #expect(crosswalk.structure(for: 2011) == nil)
        #expect(crosswalk.years == 2012...2025)
    }

    /// (A multi-line string literal drops the file's last line break.)
    @Test func compiledCopyEqualsTheShippedFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/municipalities/harmonisation.csv")
        #expect(try String(contentsOf: file, encoding: .utf8) == MunicipalityCrosswalk.shippedCSV + "\n")
    }

    /// A 2015–2024 series over old and new numbers: one unit per harmonised number, merged
    /// rows sharing one code; the split number kept and reported.
    @Test func harmonisingATable() {
        let codes = ["1601", "5001", "1662", "5030", "0101", "3001", "3101", "1507", "0301"]
        let table = Table(
            source: "s", kind: .engagement, rowCount: codes.count,
            columns: ["municipality": .text(TextColumn(codes: codes.indices.map(Int32.init), dictionary: codes))])
        let (out, notes) = table.harmonisingMunicipalities(to: 2024)
        #expect(
            out.strings("municipality") == ["5001", "5001", "5001", "5001", "3101", "3101", "3101", "1507", "0301"])
        #expect(out.text("municipality")!.dictionary == ["5001", "3101", "1507", "0301"])
        #expect(notes == [HarmonisationNote(code: "1507", kind: .split(["1508", "1580"]), year: 2024)])
    }

    /// Population rows of merged numbers are added up; a merged year with an unknown part is unknown.
    @Test func mergedPopulationIsSummed() {
        let table = Table(
            source: "p", kind: .population, rowCount: 4,
            columns: [
                "municipality": .text(TextColumn(codes: [0, 1, 0, 2], dictionary: ["5001", "5030", "0301"])),
                "year": .number([2019, 2019, 2020, 2019]), "population": .number([100, 20, 110, 700]),
            ])
        let (out, _) = table.harmonisingMunicipalities(to: 2024)
        #expect(out.rowCount == 3)
        #expect(out.strings("municipality") == ["5001", "5001", "0301"])
        #expect(out.numbers("population") == [120, 110, 700])
        let marked = out.markingUnknownPopulation(["5030 2020"], harmonisedTo: 2024)
        #expect(marked.numbers("population")![1].isNaN)
    }
}
