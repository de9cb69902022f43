import ApenCore
import Testing

@testable import Ingest

@Suite struct TableBuilderTests {
    static func chunk(_ ids: [String?], _ days: [Int32]) -> Table {
        var dictionary: [String] = []
        let codes: [Int32] = ids.map { id in
            guard let id else { return -1 }
            if let i = dictionary.firstIndex(of: id) { return Int32(i) }
            dictionary.append(id)
            return Int32(dictionary.count - 1)
        }
        return Table(
            source: "s", kind: .engagement, rowCount: ids.count,
            columns: ["participant_id": .text(TextColumn(codes: codes, dictionary: dictionary)), "date": .date(days)])
    }

    /// Three chunks give the table one chunk of all rows gives (first-seen codes), by hand:
    /// p1 p2 | – p3 p1 | p4 p2 → dictionary p1 p2 p3 p4, codes 0 1 -1 2 0 3 1.
    @Test func threeChunksEqualOne() {
        var builder = TableBuilder()
        #expect(builder.table == nil)
        builder.append(Self.chunk(["p1", "p2"], [1, 2]))
        builder.append(Self.chunk([nil, "p3", "p1"], [3, 4, 5]))
        builder.append(Self.chunk(["p4", "p2"], [6, 7]))
        let whole = Self.chunk(["p1", "p2", nil, "p3", "p1", "p4", "p2"], [1, 2, 3, 4, 5, 6, 7])
        #expect(builder.table == whole)
        #expect(builder.table?.text("participant_id")?.codes == [0, 1, -1, 2, 0, 3, 1])
    }

    @Test func emptyChunksChangeNothing() {
        var builder = TableBuilder()
        builder.append(Self.chunk([], []))
        builder.append(Self.chunk(["p1"], [1]))
        builder.append(Self.chunk([], []))
        #expect(builder.table == Self.chunk(["p1"], [1]))
    }
}
