import ApenCore
import Testing

@testable import Ingest

@Suite struct TableAppendingTests {
    @Test func mergesDictionariesInFirstSeenOrder() {
        let a = Table(
            source: "s", kind: .engagement, rowCount: 3,
            columns: [
                "participant_id": .text(TextColumn(codes: [0, 1, -1], dictionary: ["p1", "p2"])),
                "date": .date([1, 2, Column.missingDay]),
            ])
        let b = Table(
            source: "s", kind: .engagement, rowCount: 3,
            columns: [
                "participant_id": .text(TextColumn(codes: [0, 1, 0], dictionary: ["p3", "p1"])),
                "date": .date([3, 4, 5]),
            ])
        let joined = a.appending(b)
        #expect(joined.rowCount == 6)
        // p3 is new (code 2); p1 keeps code 0; the missing cell stays −1.
        #expect(
            joined.text("participant_id") == TextColumn(codes: [0, 1, -1, 2, 0, 2], dictionary: ["p1", "p2", "p3"]))
        #expect(joined.days("date") == [1, 2, Column.missingDay, 3, 4, 5])
    }

    @Test func numbersConcatenate() {
        let a = Table(source: "s", kind: .population, rowCount: 1, columns: ["population": .number([1])])
        let b = Table(source: "s", kind: .population, rowCount: 2, columns: ["population": .number([2, .nan])])
        let joined = a.appending(b).numbers("population")!
        #expect(joined.count == 3 && joined[0] == 1 && joined[1] == 2 && joined[2].isNaN)
    }
}
