import Testing

@testable import Reports

@Suite struct LinearScaleTests {
    @Test func mapsLinearlyAndBackwards() {
        // y axis: 0 → 300 px, 100 → 20 px; 50 → 300 + 0.5 · (20 − 300) = 160.
        let y = LinearScale(domain: 0...100, range: (300, 20))
        #expect(y(0) == 300)
        #expect(y(100) == 20)
        #expect(y(50) == 160)
        #expect(y(-10) == 328)  // outside the domain extrapolates
        #expect(LinearScale(domain: 5...5, range: (0, 10))(5) == 5)  // degenerate: the middle
    }
}

@Suite struct PaletteTests {
    @Test func okabeItoColours() {
        // Okabe & Ito (2008): orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
        #expect(
            [
                Palette.orange, Palette.skyBlue, Palette.bluishGreen, Palette.yellow, Palette.blue, Palette.vermillion,
                Palette.reddishPurple,
            ]
                == ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"])
    }

    @Test(arguments: [
        (0.0, "#DDEBF5"), (100.0, "#0072B2"),
        // 50: r 221 → 0: 110.5 → 111 (6F); g 235 → 114: 174.5 → 175 (AF); b 245 → 178: 211.5 → 212 (D4).
        (50.0, "#6FAFD4"),
        (-5.0, "#DDEBF5"), (140.0, "#0072B2"),
    ])
    func sequentialRamp(_ score: Double, _ hex: String) {
        #expect(Palette.sequential(score) == hex)
    }
}

@Suite struct TextMetricsTests {
    @Test func widthIsTheSumOfAdvances() {
        #expect(TextMetrics.width("iii", fontSize: 10) == 9)  // 3 × 0.3 em × 10 px
        #expect(TextMetrics.width("", fontSize: 10) == 0)
        #expect(TextMetrics.width("WW", fontSize: 10) > TextMetrics.width("ii", fontSize: 10))
    }

    @Test func truncatesWithAnEllipsisToFit() {
        let t = TextMetrics.truncated("Steinkjer kommune", fontSize: 10, maxWidth: 40)
        #expect(t.hasSuffix("…"))
        #expect(TextMetrics.width(t, fontSize: 10) <= 40)
        #expect(TextMetrics.truncated("Bodø", fontSize: 10, maxWidth: 100) == "Bodø")
    }
}
