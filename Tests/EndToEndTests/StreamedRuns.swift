import Foundation
import Testing

/// Issue 15's check that a source folded into a partial state gives what the table path
/// gives: shared by the streamed-source tests (engagement, publications and access requests,
/// survey).
enum StreamedRuns {
    /// A workspace with `apen generate --scale 0.1 --seed 42`'s national data in `data/`.
    static func generated() throws -> Workspace {
        let ws = try Workspace(fixture: "mini")
        let gen = try ApenProcess.run(["generate", "--scale", "0.1", "--seed", "42", "--out", "data"], in: ws.url)
        #expect(gen.status == 0, "\(gen.stderr)")
        return ws
    }

    /// Runs `pipeline(false)` (streamed) with one and two workers and `pipeline(true)`
    /// (`keep_rows: true` keeps the table path) with two, and returns each run's `files` by
    /// `streamed-1`, `streamed-2` and `table-2`; `report.md` with its run id and the pipeline
    /// file's hash masked (they differ between the runs).
    static func outputs(
        in ws: Workspace, files: [String], tag: String = "", pipeline: (_ keepRows: Bool) -> String
    ) throws -> [String: [String]] {
        try ws.write("streamed.yaml", pipeline(false))
        try ws.write("table.yaml", pipeline(true))
        var outputs: [String: [String]] = [:]
        for (name, jobs) in [("streamed", "1"), ("streamed", "2"), ("table", "2")] {
            let out = "out-\(name)-\(jobs)\(tag)"
            let r = try ApenProcess.run(
                ["run", "\(name).yaml", "--quiet", "--jobs", jobs, "--out", out, "--store", "\(out).sqlite"],
                in: ws.url)
            #expect(r.status == 0, "\(r.stderr)")
            outputs["\(name)-\(jobs)"] = try files.map { file in
                let text = try ws.read("\(out)/\(file)")
                return file == "report.md" ? maskRunID(text) : text
            }
        }
        return outputs
    }

    static func maskRunID(_ text: String) -> String {
        text.replacingOccurrences(of: "[0-9a-f]{64}", with: "HASH", options: .regularExpression)
            .replacingOccurrences(of: "[0-9a-f]{12}", with: "RUN", options: .regularExpression)
    }
}
