import ApenCore
import Foundation

@testable import Ingest

/// Paths of the files in `Fixtures/` (see `Fixtures/make_fixtures.py` for how each was made).
enum Fixture {
    static func path(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            fatalError("missing fixture \(name)")
        }
        return url.path
    }

    static func options(_ name: String, _ kind: SourceKind, source: String? = nil) -> IngestOptions {
        IngestOptions(source: source ?? kind.rawValue, kind: kind, path: path(name))
    }
}

extension Table {
    /// The cells of a text column as strings (`nil` = missing), for readable expectations.
    func strings(_ name: String) -> [String?]? {
        guard let t = text(name) else { return nil }
        return (0..<t.codes.count).map { t[$0] }
    }
}

extension Table {
    /// Equal cell for cell, numbers compared by bit pattern — so NaN (a missing number) equals
    /// NaN, which the synthesized `==` of `Table` does not grant.
    func isIdentical(to other: Table) -> Bool {
        guard source == other.source, kind == other.kind, rowCount == other.rowCount,
            Set(columns.keys) == Set(other.columns.keys)
        else { return false }
        for (name, column) in columns {
            switch (column, other.columns[name]!) {
            case (.number(let a), .number(let b)):
                if a.map(\.bitPattern) != b.map(\.bitPattern) { return false }
            case (let a, let b):
                if a != b { return false }
            }
        }
        return true
    }
}

/// Runs `body` over a temporary file holding `bytes`, then removes it.
func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
    let path = NSTemporaryDirectory() + "apen-ingest-\(UUID().uuidString).csv"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}
