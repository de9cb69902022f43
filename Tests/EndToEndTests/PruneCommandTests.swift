import Foundation
import Testing

/// `apen prune`: what it keeps, what it deletes, the dry run, and that a pruned store still
/// serves the next run from its cache.
@Suite(.serialized) struct PruneCommandTests {
    @Test func keepsTheNewestRunAndItsOutputs() throws {
        let ws = try Workspace(fixture: "mini")
        for _ in 0..<3 {
            let r = try ApenProcess.run(["run", "pipeline.yaml", "--force", "--quiet"], in: ws.url)
            #expect(r.status == 0, "\(r.stderr)")
        }
        // Three runs of one pipeline with unchanged inputs: the same stage keys each time, so every
        // stage output is used by the newest run. --keep 1 deletes runs 1 and 2, no output.
        let dry = try ApenProcess.run(["prune", "--keep", "1", "--dry-run"], in: ws.url)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("Would delete 2 runs and 0 stage outputs; would keep 1 run and "))
        #expect(dry.stdout.contains("Nothing was deleted (--dry-run)."))
        #expect(try historyIDs(ws) == ["3", "2", "1"])

        let real = try ApenProcess.run(["prune", "--keep", "1"], in: ws.url)
        #expect(real.status == 0, "\(real.stderr)")
        #expect(real.stdout.hasPrefix("Deleted 2 runs and 0 stage outputs; kept 1 run and "))
        #expect(try historyIDs(ws) == ["3"])

        // The kept outputs still serve a rerun: no indicator or report stage runs again.
        let plan = try ApenProcess.run(["plan", "pipeline.yaml"], in: ws.url)
        #expect(plan.status == 0, "\(plan.stderr)")
        let running = plan.stdout.split(separator: "\n").filter {
            $0.hasPrefix("run  indicators.") || $0.hasPrefix("run  report")
        }
        #expect(running.isEmpty, "\(plan.stdout)")
        #expect(plan.stdout.contains("skip report"), "\(plan.stdout)")
    }

    @Test(arguments: [["prune", "--keep", "0"], ["prune", "--keep=-3"]])
    func keepBelowOneIsAUsageError(args: [String]) throws {
        let ws = try Workspace(fixture: "mini")
        let r = try ApenProcess.run(args, in: ws.url)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--keep must be at least 1"))
    }

    @Test func missingStoreFails() throws {
        let ws = try Workspace(fixture: "mini")
        let r = try ApenProcess.run(["prune", "--store", "nothing.sqlite"], in: ws.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("no store here"))
    }

    private func historyIDs(_ ws: Workspace) throws -> [String] {
        let h = try ApenProcess.run(["history"], in: ws.url)
        return h.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
    }
}
