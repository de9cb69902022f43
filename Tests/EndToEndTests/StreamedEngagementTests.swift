import Foundation
import Testing

/// Issue 15: a run that folds the engagement source into a partial state (the built-in family
/// its only reader) writes the same indicators, warnings and rejected rows as a run that
/// builds the table (`keep_rows: true` keeps the table path), on generated national data.
struct StreamedEngagementTests {
    @Test func partialStateAndTableGiveTheSameBytes() throws {
        let ws = try StreamedRuns.generated()
        // A few bad rows, so the rejected rows are compared too.
        var engagement = try ws.read("data/engagement.csv")
        engagement += "E-bad-1,0301,2024-02-30,P0301-000001,web,vote,0301-2024-I01\n"
        engagement += "E-bad-2,0301,2024-02-03,P0301-000001,web\n"
        try ws.write("data/engagement.csv", engagement)
        func pipeline(_ keepRows: Bool) -> String {
            """
            pipeline: national
            language: en
            sources:
              engagement:
                kind: engagement
                path: data/engagement.csv
                keep_rows: \(keepRows)
                max_rejected: 0.001
              population:
                kind: population
                path: data/population.csv
            indicators: [engagement.*]

            """
        }
        let outputs = try StreamedRuns.outputs(
            in: ws, files: ["indicators.csv", "rejected-rows.csv", "findings.csv"], pipeline: pipeline)
        let table = try #require(outputs["table-2"])
        #expect(table[0].split(separator: "\n").count > 10_000)
        #expect(table[1].split(separator: "\n").count == 3)  // header + two bad rows
        #expect(outputs["streamed-1"] == table)
        #expect(outputs["streamed-2"] == table)
    }
}
