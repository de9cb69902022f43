import Foundation
import Testing

/// Issue 15: a run that folds the survey source into a partial state (the built-in family its
/// only reader) writes the same indicators, warnings, findings and rejected rows as a run
/// that builds the table (and the same report, coverage included) (`keep_rows: true` keeps the table path), on generated national
/// data, for one and two workers.
struct StreamedSurveyTests {
    @Test func partialStateAndTableGiveTheSameBytes() throws {
        let ws = try StreamedRuns.generated()
        // A few bad rows, so the rejected rows are compared too.
        var survey = try ws.read("data/survey.csv")
        let header = survey.prefix { $0 != "\n" }.split(separator: ",", omittingEmptySubsequences: false)
        let good = survey.split(separator: "\n")[1]
        var fields = good.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[header.firstIndex(of: "year")!] = "tjue"
        survey += fields.joined(separator: ",") + "\n"
        try ws.write("data/survey.csv", survey)
        func pipeline(_ keepRows: Bool) -> String {
            """
            pipeline: national
            language: en
            sources:
              survey:
                kind: survey
                path: data/survey.csv
                keep_rows: \(keepRows)
                max_rejected: 0.001
                likert: [1, 5]
                missing: [9]
                design: {strata: stratum, psu: psu}
                scales:
                  transparency: {items: [q01, q02, q03, q04], reverse: [q04]}
                  trust: {items: [q05, q06, q07, q08]}
                  participation: {items: [q09, q10, q11, q12]}
            indicators: [survey.*]

            """
        }
        let files = ["indicators.csv", "rejected-rows.csv", "findings.csv", "report.md"]
        // The report (coverage, warnings) too.
        let outputs = try StreamedRuns.outputs(in: ws, files: files, pipeline: pipeline)
        let table = try #require(outputs["table-2"])
        #expect(table[0].split(separator: "\n").count > 1000)
        #expect(table[1].split(separator: "\n").count == 2)  // header + the bad row
        for name in ["streamed-1", "streamed-2"] {
            let streamed = try #require(outputs[name])
            for (i, file) in files.enumerated() {
                #expect(streamed[i] == table[i], "\(name)/\(file)")
            }
        }
    }

    // An item a byte cannot hold (2.5) makes the streamed run read the table after all, with
    // the same results as the table path.
    @Test func anItemThatIsNotCompactReadsTheTable() throws {
        let ws = try Workspace(fixture: "mini")
        try ws.write(
            "survey.csv",
            """
            municipality,year,q1,q2,weight
            0301,2024,4,5,1
            0301,2024,2.5,3,2
            0301,2024,1,,1
            5001,2024,5,4,1.5
            5001,2024,3,3,1

            """)
        func pipeline(keepRows: Bool) -> String {
            """
            pipeline: small
            language: en
            sources:
              survey:
                kind: survey
                path: survey.csv
                keep_rows: \(keepRows)
                scales: {trust: {items: [q1, q2]}}
            indicators: [survey.*]

            """
        }
        try ws.write("streamed.yaml", pipeline(keepRows: false))
        try ws.write("table.yaml", pipeline(keepRows: true))
        var results: [String] = []
        for name in ["streamed", "table"] {
            let r = try ApenProcess.run(
                ["run", "\(name).yaml", "--out", "out-\(name)", "--store", "\(name).sqlite"], in: ws.url)
            #expect(r.status == 0, "\(r.stderr)")
            if name == "streamed" {
                #expect(
                    r.stderr.contains("item value 2.5 is not a whole number from 0 to 254; reading the whole table"))
            }
            results.append(try ws.read("out-\(name)/indicators.csv"))
        }
        #expect(results[0] == results[1])
        // 0301: scores 4.5, 2.75 and 1 (one of two items answered) → y = 87.5, 43.75, 0 with
        // weights 1, 2, 1: (87.5 + 87.5 + 0) / 4 = 43.75, n = 3.
        #expect(results[0].contains("survey.trust.index,0301,2024,43.75,3,"))
    }
}
