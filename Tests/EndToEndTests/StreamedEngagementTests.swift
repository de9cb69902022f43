import Foundation
import Testing

/// Issue 15: a run that folds the engagement source into a partial state (the built-in family
/// its only reader) writes the same indicators, warnings and rejected rows as a run that
/// builds the table (`keep_rows: true` keeps the table path), on generated national data.
struct StreamedEngagementTests {
    @Test func partialStateAndTableGiveTheSameBytes() throws {
        let ws = try Workspace(fixture: "mini")
        let gen = try ApenProcess.run(["generate", "--scale", "0.1", "--seed", "42", "--out", "data"], in: ws.url)
        #expect(gen.status == 0, "\(gen.stderr)")
        // A few bad rows, so the rejected rows are compared too.
        var engagement = try ws.read("data/engagement.csv")
        engagement += "E-bad-1,0301,2024-02-30,P0301-000001,web,vote,0301-2024-I01\n"
        engagement += "E-bad-2,0301,2024-02-03,P0301-000001,web\n"
        try ws.write("data/engagement.csv", engagement)
        func pipeline(keepRows: Bool) -> String {
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
        try ws.write("streamed.yaml", pipeline(keepRows: false))
        try ws.write("table.yaml", pipeline(keepRows: true))
        var outputs: [String: [String]] = [:]
        for (name, jobs) in [("streamed", "1"), ("streamed", "2"), ("table", "2")] {
            let out = "out-\(name)-\(jobs)"
            let r = try ApenProcess.run(
                ["run", "\(name).yaml", "--quiet", "--jobs", jobs, "--out", out, "--store", "\(out).sqlite"],
                in: ws.url)
            #expect(r.status == 0, "\(r.stderr)")
            outputs[out] = [
                try ws.read("\(out)/indicators.csv"), try ws.read("\(out)/rejected-rows.csv"),
                try ws.read("\(out)/findings.csv"),
            ]
        }
        let table = try #require(outputs["out-table-2"])
        #expect(table[0].split(separator: "\n").count > 10_000)
        #expect(table[1].split(separator: "\n").count == 3)  // header + two bad rows
        #expect(outputs["out-streamed-1"] == table)
        #expect(outputs["out-streamed-2"] == table)
    }
}
