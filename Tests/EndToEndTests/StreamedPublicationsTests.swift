import Foundation
import Testing

/// Issue 15: a run that folds the publications and access-requests sources into partial
/// states (their built-in families the only readers) writes the same indicators, warnings,
/// findings and rejected rows as a run that builds the tables (`keep_rows: true` keeps the
/// table path), on generated national data, with one worker and two.
struct StreamedPublicationsTests {
    @Test func partialStatesAndTablesGiveTheSameBytes() throws {
        let ws = try StreamedRuns.generated()
        // A few bad rows, so the rejected rows are compared too: a publication before its
        // registration, an access value outside the set, an impossible date, an answer before
        // its request. (The generated log's latest answer is 5 May 2025.)
        var publications = try ws.read("data/publications.csv")
        publications += "2024/bad-1,0301,decision,2024-03-10,2024-03-01,open,,,,\n"
        publications += "2024/bad-2,0301,decision,2024-03-10,,secret,,,,\n"
        try ws.write("data/publications.csv", publications)
        var requests = try ws.read("data/access_requests.csv")
        requests += "0301-2024-bad1,0301,2024-02-30,,\n"
        requests += "0301-2024-bad2,0301,2024-03-10,2024-03-01,granted\n"
        // Unanswered, received Wed 30 Apr 2025: two working days before the file's latest date
        // (an answer on Mon 5 May 2025; 1 May is a holiday), so without extracted: the run warns.
        requests += "0301-2025-00001,0301,2025-04-30,,\n"
        try ws.write("data/access_requests.csv", requests)
        func pipeline(keepRows: Bool, extracted: Bool) -> String {
            """
            pipeline: national
            language: en
            sources:
              publications:
                kind: publications
                path: data/publications.csv
                keep_rows: \(keepRows)
                max_rejected: 0.001
              access_requests:
                kind: access_requests
                path: data/access_requests.csv
                keep_rows: \(keepRows)
                max_rejected: 0.001\(extracted ? "\n    extracted: 2025-06-30" : "")
            indicators: [publication.*, opendata.*, foi.*]

            """
        }
        for extracted in [false, true] {
            let outputs = try StreamedRuns.outputs(
                in: ws, files: ["indicators.csv", "rejected-rows.csv", "findings.csv", "report.md"],
                tag: "-\(extracted)"
            ) { pipeline(keepRows: $0, extracted: extracted) }
            let table = try #require(outputs["table-2"])
            #expect(table[0].split(separator: "\n").count > 5_000)
            #expect(table[1].split(separator: "\n").count == 5)  // header + four bad rows
            // The open-end warning (no extracted:) or its absence is in the report's warnings.
            #expect(table[3].contains("unanswered request") != extracted)
            for name in ["streamed-1", "streamed-2"] {
                let streamed = try #require(outputs[name])
                #expect(streamed[0] == table[0], "\(name)")
                #expect(streamed[1] == table[1], "\(name)")
                #expect(streamed[2] == table[2], "\(name)")
                // The report differs only in its run id and the pipeline file's hash (masked).
                #expect(streamed[3] == table[3], "\(name)")
            }
        }
    }
}
