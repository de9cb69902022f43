import ApenCore
import Foundation
import Testing

@testable import Pipeline

/// `OutputBatch`: nothing is in place before `commit`, everything after it, and no temporary
/// survives; temporaries of dead processes are swept.
@Suite struct OutputBatchTests {
    /// A fresh folder under the temporary directory, removed by the caller.
    func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("apen-batch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func files(_ dir: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: dir).sorted()
    }

    @Test func stagedFilesAppearOnlyAtCommit() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old\n".write(toFile: dir + "/a.csv", atomically: true, encoding: .utf8)
        var batch = OutputBatch()
        try batch.stage(Data("new a\n".utf8), to: dir + "/a.csv")
        try batch.stage(Data("new b\n".utf8), to: dir + "/charts/b.svg")
        // Staged: the old file is untouched and the new ones exist only as hidden temporaries.
        #expect(try String(contentsOfFile: dir + "/a.csv", encoding: .utf8) == "old\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/charts/b.svg"))
        #expect(try files(dir).filter { $0.contains(".tmp-\(getpid())-") }.count == 2)
        try batch.commit()
        #expect(try String(contentsOfFile: dir + "/a.csv", encoding: .utf8) == "new a\n")
        #expect(try String(contentsOfFile: dir + "/charts/b.svg", encoding: .utf8) == "new b\n")
        #expect(try files(dir) == ["a.csv", "charts", "charts/b.svg"])
    }

    @Test func discardLeavesTheTargets() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old\n".write(toFile: dir + "/a.csv", atomically: true, encoding: .utf8)
        var batch = OutputBatch()
        try batch.stage(Data("new\n".utf8), to: dir + "/a.csv")
        batch.discard()
        #expect(try String(contentsOfFile: dir + "/a.csv", encoding: .utf8) == "old\n")
        #expect(try files(dir) == ["a.csv"])
    }

    @Test func folderThatIsAFileIsNamed() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x".write(toFile: dir + "/out", atomically: true, encoding: .utf8)
        var batch = OutputBatch()
        let error = try #require(throws: Diagnostic.self) { try batch.stage(Data("y".utf8), to: dir + "/out/a.csv") }
        #expect(error.description == "\(dir)/out: is a file, not a folder: the outputs cannot be written into it")
    }

    /// A temporary of a process that cannot exist (a pid above Linux's largest, 2²²) is removed;
    /// this process's own, and files that only look similar, are kept.
    @Test func staleTemporariesOfDeadProcessesAreRemoved() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = [
            ".a.csv.tmp-99999999-1", "charts/.b.svg.tmp-99999999-7", ".a.csv.tmp-\(getpid())-3", "a.csv.tmp-99999999-1",
            ".notes.tmp-x-1",
        ]
        for name in names {
            try FileManager.default.createDirectory(
                atPath: (dir + "/" + name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "t".write(toFile: dir + "/" + name, atomically: false, encoding: .utf8)
        }
        OutputBatch.removeStaleTemporaries(in: dir)
        #expect(try files(dir) == [".a.csv.tmp-\(getpid())-3", ".notes.tmp-x-1", "a.csv.tmp-99999999-1", "charts"])
    }
}
