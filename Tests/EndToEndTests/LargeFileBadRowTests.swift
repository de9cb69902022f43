import Foundation
import Testing

/// Issue 15: a bad row in the middle of a file large enough to be cut into ranges read on
/// several workers is reported on its exact physical line, as a single-threaded read reports it.
struct LargeFileBadRowTests {
    /// A 27 MB engagement file (read in three ≈ 9 MiB ranges by `apen run --jobs 2`): 520 000 rows,
    /// every 997th with a quoted channel spanning two physical lines (so record numbers and
    /// line numbers part ways early), and three bad rows — a day that does not exist, an
    /// date in another format, an empty participant — at about 35 %, 50 % and 85 % of the
    /// file, i.e. inside the second and third ranges. Their lines are counted here, as the file
    /// is written, independently of the reader.
    @Test func badRowsDeepInALargeFileKeepTheirPhysicalLines() throws {
        let ws = try Workspace(fixture: "mini")
        var text = "event_id,municipality,date,participant_id,channel,action,initiative_id\n"
        text.reserveCapacity(25 << 20)
        var line = 2  // the line the next record starts on
        var bad: [(line: Int, field: String)] = []
        let rows = 520_000
        for i in 0..<rows {
            let municipality = i % 2 == 0 ? "5001" : "5006"
            var date = "2024-0\(1 + i % 9)-1\(i % 10)"
            var participant = "P\(municipality)-\(100_000 + i % 50_000)"
            if i == rows * 35 / 100 {
                date = "2024-02-30"
                bad.append((line, "date"))
            } else if i == rows / 2 {
                date = "13.05.2024"  // not ISO 8601
                bad.append((line, "date"))
            } else if i == rows * 85 / 100 {
                participant = ""
                bad.append((line, "participant_id"))
            }
            let channel = i % 997 == 0 ? "\"town\nhall\"" : "web"
            text += "E\(i),\(municipality),\(date),\(participant),\(channel),comment,I\(i % 40)\n"
            line += i % 997 == 0 ? 2 : 1
        }
        #expect(text.utf8.count > 3 * (8 << 20))  // at least three 8 MiB ranges
        try ws.write("engagement.csv", text)
        try ws.write(
            "large.yaml",
            """
            pipeline: large
            language: en
            sources:
              engagement:
                kind: engagement
                path: engagement.csv
                max_rejected: 0.001
            indicators: [engagement.participants]

            """)
        var rejectedByJobs: [String] = []
        var indicatorsByJobs: [String] = []
        for jobs in ["1", "2", "3"] {
            let r = try ApenProcess.run(
                ["run", "large.yaml", "--quiet", "--force", "--jobs", jobs, "--out", "out-\(jobs)"], in: ws.url)
            #expect(r.status == 0, "\(r.stderr)")
            rejectedByJobs.append(try ws.read("out-\(jobs)/rejected-rows.csv"))
            indicatorsByJobs.append(try ws.read("out-\(jobs)/indicators.csv"))
        }
        // source,file,line,field,reason,record: one row per bad record, on its own line.
        let listed = rejectedByJobs[0].split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(listed.count == 3)
        #expect(listed.map { Int($0[2]) ?? -1 } == bad.map(\.line), "\(rejectedByJobs[0])")
        #expect(listed.map { $0[3] } == bad.map(\.field), "\(rejectedByJobs[0])")
        #expect(Set(rejectedByJobs).count == 1)
        #expect(Set(indicatorsByJobs).count == 1)
    }
}
