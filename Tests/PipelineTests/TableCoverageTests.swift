import ApenCore
import Foundation
import Testing

@testable import Pipeline

/// Coverage is a typed value; its stored form is the `"municipality|year"` object earlier
/// stores hold, so their stage summaries still decode.
struct TableCoverageTests {
    @Test func storedFormIsUnchangedAndRoundTrips() throws {
        let c = TableCoverage(rows: [
            .init(municipality: "5001", year: 2024): 3, .init(municipality: "0301", year: 2023): 7,
        ])
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        let text = String(decoding: try enc.encode(c), as: UTF8.self)
        #expect(text == #"{"0301|2023":7,"5001|2024":3}"#)
        #expect(try JSONDecoder().decode(TableCoverage.self, from: Data(text.utf8)) == c)
    }

    @Test func sortedByMunicipalityThenYear() {
        let c = TableCoverage(rows: [
            .init(municipality: "5001", year: 2024): 1, .init(municipality: "5001", year: 2021): 2,
            .init(municipality: "0301", year: 2024): 3,
        ])
        #expect(
            c.sorted.map { "\($0.group.municipality)/\($0.group.year)=\($0.rows)" } == [
                "0301/2024=3", "5001/2021=2", "5001/2024=1",
            ])
    }
}
