import ApenCore
import Foundation
import Testing

@testable import Indicators

/// The partial state of the engagement family against the table path: same rows, same
/// warnings, whatever the chunking and the grouping of merges.
struct EngagementPartialTests {
    /// Chunk tables of `size` data rows each (each with its own dictionaries, as `Ingestor.read` gives).
    static func chunks(_ csv: String, size: Int, source: String = "test") -> [Table] {
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0]
        let body = lines.dropFirst().filter { !$0.isEmpty }
        return stride(from: 0, to: body.count, by: size).map { start in
            let part = body[body.startIndex + start..<body.startIndex + min(start + size, body.count)]
            return FixtureTables.table(([header] + part).joined(separator: "\n"), kind: .engagement, source: source)
        }
    }

    static func fold(_ tables: [Table], source: String = "test") throws -> EngagementPartial {
        var state = EngagementPartial(source: source)
        for t in tables { try state.fold(t) }
        return state
    }

    static func same(_ a: IndicatorOutput, _ b: IndicatorOutput) {
        #expect(IndicatorCSV.render(a.rows) == IndicatorCSV.render(b.rows))
        #expect(a.warnings.map(\.description) == b.warnings.map(\.description))
        #expect(a.warnings.map(\.warning) == b.warnings.map(\.warning))
    }

    @Test func byHandFixtureInAnyChunking() throws {
        let csv = BuiltinIndicatorsFamilyTests.engagement
        let pop = FixtureTables.table("municipality,year,population\n5001,2024,1500\n", kind: .population)
        let whole = FixtureTables.table(csv, kind: .engagement)
        let table = try BuiltinIndicators.compute(
            .engagement, inputs: IndicatorInputs(engagement: [whole], population: [pop]))
        for size in [1, 2, 3, 7] {
            let out = try BuiltinIndicators.engagement(
                partial: try Self.fold(Self.chunks(csv, size: size)), population: [pop])
            Self.same(out, table)
            // The hand-computed values of BuiltinIndicatorsFamilyTests.engagementByHand.
            let p = out.rows.first { $0.indicator == "engagement.participants" && $0.year == 2024 }
            #expect(p?.value == 3)
            let g = out.rows.first { $0.indicator == "engagement.gini" && $0.year == 2024 }
            #expect(close(g?.value, 2.0 / 9))
            let r = out.rows.first { $0.indicator == "engagement.repeat_share" && $0.year == 2024 }
            #expect(close(r?.value, 1.0 / 3))
        }
        // Merging per-row states in two different groupings gives the same state's results.
        let singles = try Self.chunks(csv, size: 1).map { try Self.fold([$0]) }
        var left = singles[0]
        for s in singles.dropFirst() { try left.merge(s, sameSource: true) }
        var right = singles.last!
        for s in singles.dropLast().reversed() { try right.merge(s, sameSource: true) }
        Self.same(try BuiltinIndicators.engagement(partial: left, population: [pop]), table)
        Self.same(try BuiltinIndicators.engagement(partial: right, population: [pop]), table)
    }

    // Rows without a municipality or a date are counted in one warning; a group whose rows
    // all lack a participant has no participant (a warning per indicator).
    @Test func ungroupedRowsAndGroupsWithoutParticipants() throws {
        let csv = """
            municipality,date,participant_id,initiative_id
            5001,2024-01-05,a,i1
            ,2024-01-05,a,i1
            5001,,b,i1
            0301,2024-01-05,,i1
            0301,2023-01-05,b,
            """
        let whole = FixtureTables.table(csv, kind: .engagement)
        let table = try BuiltinIndicators.compute(.engagement, inputs: IndicatorInputs(engagement: [whole]))
        let out = try BuiltinIndicators.engagement(partial: try Self.fold(Self.chunks(csv, size: 2)), population: [])
        Self.same(out, table)
        #expect(out.warnings.contains { $0.message == "2 row(s) without a municipality or year were left out" })
        #expect(!out.rows.contains { $0.municipality == "0301" && $0.year == 2024 })
    }

    // Two sources, one without initiative_id: the states merge as the tables pool (participant
    // "a" is one person across sources), and repeat share is skipped where the column is absent.
    @Test func sourcesPoolAcrossStates() throws {
        let one =
            "municipality,date,participant_id,initiative_id\n5001,2024-01-05,a,i1\n5001,2024-01-06,a,i2\n0301,2024-01-01,b,i1\n"
        let two = "municipality,date,participant_id\n5001,2024-02-05,c\n5001,2024-02-06,a\n"
        let t1 = FixtureTables.table(one, kind: .engagement, source: "one")
        let t2 = FixtureTables.table(two, kind: .engagement, source: "two")
        let table = try BuiltinIndicators.compute(.engagement, inputs: IndicatorInputs(engagement: [t1, t2]))
        var state = try Self.fold(Self.chunks(one, size: 2, source: "one"), source: "one")
        try state.merge(try Self.fold(Self.chunks(two, size: 1, source: "two"), source: "two"), sameSource: false)
        let out = try BuiltinIndicators.engagement(partial: state, population: [])
        Self.same(out, table)
        #expect(out.rows.first { $0.indicator == "engagement.participants" && $0.municipality == "5001" }?.value == 2)
        // Neither source with the column: repeat share is dropped with the column-absent warning.
        let none = try BuiltinIndicators.engagement(
            partial: try Self.fold(Self.chunks(two, size: 1, source: "two"), source: "two"), population: [])
        Self.same(none, try BuiltinIndicators.compute(.engagement, inputs: IndicatorInputs(engagement: [t2])))
    }

    // Two different ids with the same hash: folding or merging throws, never a wrong count.
    // With 4 bits of hash there are 16 values, so 40 distinct participants must collide.
    @Test func aHashCollisionThrows() throws {
        let csv = (["municipality,date,participant_id"] + (0..<40).map { "5001,2024-01-05,p\($0)" })
            .joined(separator: "\n")
        var narrow = EngagementPartial(source: "test", hashBits: 4)
        #expect(throws: EngagementPartial.Collision.self) {
            try narrow.fold(FixtureTables.table(csv, kind: .engagement))
        }
        // Each chunk alone has few enough ids not to collide; their merge does.
        let chunks = Self.chunks(csv, size: 1)
        var first = EngagementPartial(source: "test", hashBits: 4)
        try first.fold(chunks[0])
        var collided = false
        for c in chunks.dropFirst() {
            var next = EngagementPartial(source: "test", hashBits: 4)
            try next.fold(c)
            do { try first.merge(next, sameSource: true) } catch is EngagementPartial.Collision {
                collided = true
                break
            }
        }
        #expect(collided)
        // With the full 64 bits the same ids are 40 participants.
        let out = try BuiltinIndicators.engagement(
            partial: try Self.fold([FixtureTables.table(csv, kind: .engagement)]), population: [],
            select: { $0 == "engagement.participants" })
        #expect(out.rows.map(\.value) == [40])
    }

    // A larger pseudo-random table: many participants, initiatives, groups, missing cells.
    @Test func randomTableInChunks() throws {
        var rng = SplitMix64(seed: 7)
        var lines = ["municipality,date,participant_id,initiative_id"]
        for _ in 0..<3000 {
            let m = ["0301", "5001", "4601", ""][Int(rng.next() % 4)]
            let year = 2020 + Int(rng.next() % 3)
            let p = rng.next() % 50 == 0 ? "" : "p\(rng.next() % 400)"
            let i = rng.next() % 10 == 0 ? "" : "i\(rng.next() % 6)"
            lines.append("\(m),\(year)-0\(1 + rng.next() % 9)-1\(rng.next() % 9),\(p),\(i)")
        }
        let csv = lines.joined(separator: "\n")
        let pop = FixtureTables.table(
            "municipality,year,population\n0301,2020,700000\n0301,2021,0\n5001,2021,210000\n", kind: .population)
        let whole = FixtureTables.table(csv, kind: .engagement)
        let table = try BuiltinIndicators.compute(
            .engagement, inputs: IndicatorInputs(engagement: [whole], population: [pop]), jobs: 2)
        #expect(table.rows.count > 20)
        for size in [97, 1000, 5000] {
            let out = try BuiltinIndicators.engagement(
                partial: try Self.fold(Self.chunks(csv, size: size)), population: [pop], jobs: 2)
            Self.same(out, table)
        }
    }
}
