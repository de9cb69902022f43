import Testing

@testable import Reports

@Suite struct LabelPlacerTests {
    @Test func rejectsOverlaps() {
        var p = LabelPlacer(gap: 1)
        // The third lies within the 1 px gap of the first.
        let results = [p.place(0...10), p.place(5...15), p.place(10.5...20), p.place(11.5...20)]
        #expect(results == [true, false, false, true])
        #expect(p.kept.count == 2)
    }

    @Test func spreadKeepsOrderAndSpacing() {
        // 100, 102, 104 with spacing 12 → 100, 112, 124 (room below 200).
        #expect(LabelPlacer.spread([100, 102, 104], spacing: 12, lo: 0, hi: 200) == [100, 112, 124])
        // Pushed past hi = 110: the last sits at 110 and the others move up: 86, 98, 110.
        #expect(LabelPlacer.spread([100, 102, 104], spacing: 12, lo: 0, hi: 110) == [86, 98, 110])
    }
}
