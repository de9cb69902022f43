import ApenCore
import Testing

@testable import Indicators

struct TextRankTests {
    // Ranks follow UTF-8 byte order ("Z" < "a" < "Å"), whatever order the values first appeared in;
    // a missing cell ranks as "", first.
    @Test func ranksAreByTextNotByFirstAppearance() {
        let one = TextColumn(codes: [0, 1, -1], dictionary: ["Å", "a"])
        let two = TextColumn(codes: [0, 1], dictionary: ["a", "Z"])
        let rank = TextRank([one, nil, two])
        #expect(rank.names == ["", "Z", "a", "Å"])
        #expect(rank.rank(table: 0, code: 0) == 3)
        #expect(rank.rank(table: 0, code: -1) == 0)
        #expect(rank.rank(table: 2, code: 1) == 1)
    }

    @Test func unionSharesIDsByText() {
        let u = TextUnion([
            TextColumn(codes: [0, 1], dictionary: ["p1", "p2"]), nil, TextColumn(codes: [0], dictionary: ["p2"]),
        ])
        #expect(u.count == 2)
        #expect(u.id(table: 0, code: 1) == u.id(table: 2, code: 0))
        #expect(u.id(table: 0, code: -1) == -1)
        let single = TextUnion([TextColumn(codes: [0], dictionary: ["x"])])
        #expect(single.identity && single.id(table: 0, code: 0) == 0)
    }
}
