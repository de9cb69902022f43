import ApenCore
import Foundation
import Testing

@testable import Reports

/// Municipality profiles (issue 16): which pages are written, what the change column may say
/// (METHODS §9: a rise or fall only where the change's interval excludes 0 and the rounded
/// figures differ), the comparison-group columns read from the group rows, the link list in the
/// full report, and the nynorsk and English texts.
struct ProfileTests {
    static func row(_ id: String, _ m: String, _ year: Int, _ value: Double, se: Double? = nil, df: Int? = nil)
        -> IndicatorRow
    {
        IndicatorRow(indicator: id, municipality: m, year: year, value: value, n: 20, se: se, df: df)
    }

    // 5006: 50 (SE 2, df 10) → 60 (SE 2, df 10): d = 10, half-width t_{0.975,10}·√8 = 6.30 → clear,
    //   shown 50,0 → 60,0: «steg +10,0».
    // 5001: 45.21 → 45.24 with SE 0.001 (df 10): clear (half-width 0.0032), but both round to
    //   45,2, so the page says «ingen klar endring» rather than a rise the figures do not show.
    // 1804: 40 → 41 (SE 2): interval −5,3 to 7,3, not clear → «ingen klar endring».
    // Group rows (pooled elsewhere): county 50 in 2023 = 55,5; country = 52,25; storbyer = 51.
    static func input(_ language: Language, profiles: ProfileScope = .focus) -> ReportInput {
        let id = "survey.trust.index"
        let rows = [
            row(id, "5006", 2022, 50, se: 2, df: 10), row(id, "5006", 2023, 60, se: 2, df: 10),
            row(id, "5001", 2022, 45.21, se: 0.001, df: 10), row(id, "5001", 2023, 45.24, se: 0.001, df: 10),
            row(id, "1804", 2022, 40, se: 2, df: 10), row(id, "1804", 2023, 41, se: 2, df: 10),
        ]
        let groups = [
            row(id, "county:50", 2022, 47), row(id, "county:50", 2023, 55.5),
            row(id, "country", 2022, 45), row(id, "country", 2023, 52.25),
            row(id, "country_excl_oslo", 2022, 45), row(id, "country_excl_oslo", 2023, 52.25),
            row(id, "storbyer", 2022, 48), row(id, "storbyer", 2023, 51),
        ]
        var input = ReportInput(title: "T", language: language, rows: rows, catalogue: SampleInput.catalogue)
        input.options.focus = ["5006", "5001"]
        input.options.groups = ComparisonGroupOptions(
            enabled: true, declared: [.init(name: "storbyer", members: ["5001", "0301"])])
        input.options.profiles = profiles
        input.groupRows = groups
        return input
    }

    static func file(_ files: [(name: String, text: String)], _ name: String) -> String? {
        files.first { $0.name == name }?.text
    }

    @Test func focusMunicipalitiesGetAPageInBothFormats() throws {
        let files = ReportWriter.render(Self.input(.nb))
        let names = Set(files.map(\.name))
        for f in ["profiles/5006.html", "profiles/5006.md", "profiles/5001.html", "profiles/5001.md", "groups.csv"] {
            #expect(names.contains(f), "\(f)")
        }
        #expect(!names.contains("profiles/1804.html"))
        let all = ReportWriter.render(Self.input(.nb, profiles: .all))
        #expect(all.contains { $0.name == "profiles/1804.md" })
        let none = ReportWriter.render(Self.input(.nb, profiles: .none))
        #expect(!none.contains { $0.name.hasPrefix("profiles/") })
        // The report lists the pages: HTML to HTML, Markdown to Markdown.
        let md = try #require(Self.file(files, "report.md"))
        #expect(md.contains("- [Steinkjer (5006)](profiles/5006.md)"))
        let html = try #require(Self.file(files, "report.html"))
        #expect(html.contains("<a href=\"profiles/5006.html\">Steinkjer (5006)</a>"))
    }

    @Test func changeWordsAgreeWithTheRoundedFigures() throws {
        let files = ReportWriter.render(Self.input(.nb))
        let steinkjer = try #require(Self.file(files, "profiles/5006.md"))
        // Indicator | År | Steinkjer | Endring | Trøndelag | Landet | Landet utenom Oslo | Storbyer
        // (Steinkjer is in no declared group, so every declared group is shown.)
        #expect(
            steinkjer.contains(
                "| [Åpenhet (trust)](../report.md) | 2023 | 60,0 | steg +10,0 | 55,5 | 52,3 | 52,3 | 51,0 |"
            ), "\(steinkjer)")
        let trondheim = try #require(Self.file(files, "profiles/5001.md"))
        #expect(trondheim.contains("| 2023 | 45,2 | ingen klar endring |"), "\(trondheim)")
        #expect(!trondheim.contains("steg"))
        let bodo = try #require(Self.file(ReportWriter.render(Self.input(.nb, profiles: .all)), "profiles/1804.md"))
        #expect(bodo.contains("| ingen klar endring |"))
        // Bodø's county (18) has no group rows: no column for it; the country is there.
        #expect(bodo.contains("| Indikator | År | Bodø | Endring fra året før | Landet |"))
    }

    /// Trondheim's 45.21 → 45.24 is larger than its uncertainty but shows as 45,2 both years: the
    /// key findings state no change and do not claim that none was larger than the uncertainty.
    @Test func aChangeHiddenByRoundingIsNotDenied() throws {
        let md = try #require(Self.file(ReportWriter.render(Self.input(.nb)), "report.md"))
        #expect(
            md.contains(
                "Trondheim: ingen endringer fra 2022 til 2023 er både større enn usikkerheten og store nok til å synes i de avrundede tallene."
            ), "\(md)")
        // Steinkjer's rise is stated as usual; Bodø (not in focus) is not mentioned.
        #expect(md.contains("Steinkjer"))
        let en = try #require(Self.file(ReportWriter.render(Self.input(.en)), "report.md"))
        #expect(
            en.contains(
                "Trondheim: no change from 2022 to 2023 is both larger than the uncertainty and large enough to show in the rounded figures."
            ))
    }

    @Test func theHTMLPageLinksBackAndDrawsTheGroups() throws {
        let html = try #require(Self.file(ReportWriter.render(Self.input(.nb)), "profiles/5006.html"))
        #expect(html.contains("<html lang=\"nb\""))
        #expect(html.contains("href=\"../report.html#ind-survey.trust.index\""))
        #expect(html.contains("<title>Åpenhetsprofil: Steinkjer (5006)</title>"))
        // The trend chart's text alternative states the latest values it draws.
        #expect(
            html.contains(
                "«Åpenhet (trust)», 2022–2023: Steinkjer mot Trøndelag, landet og storbyer. I 2023: Steinkjer 60,0, Trøndelag 55,5, Landet 52,3, Storbyer 51,0."
            ))
        #expect(XMLCheck.parse(html).error == nil)
    }

    @Test func nynorskAndEnglish() throws {
        let nn = try #require(Self.file(ReportWriter.render(Self.input(.nn)), "profiles/5006.md"))
        #expect(nn.hasPrefix("# Openheitsprofil: Steinkjer (5006)"))
        #expect(
            nn.contains(
                "| Indikator | År | Steinkjer | Endring frå året før | Trøndelag | Landet | Landet utanom Oslo |"))
        #expect(nn.contains("steig +10,0"))
        let nnOslo = try #require(Self.file(ReportWriter.render(Self.input(.nn)), "profiles/5001.md"))
        #expect(nnOslo.contains("inga klar endring"))
        let en = try #require(Self.file(ReportWriter.render(Self.input(.en)), "profiles/5006.md"))
        #expect(en.hasPrefix("# Openness profile: Steinkjer (5006)"))
        #expect(en.contains("| 2023 | 60.0 | rose +10.0 | 55.5 | 52.3 | 52.3 | 51.0 |"))
        #expect(en.contains("a comparison with Trøndelag, the country, the country excluding Oslo and storbyer."))
    }

    /// WCAG 1.4.11: every line colour of a profile chart has a contrast of at least 3:1 against
    /// the white background (relative luminance by the WCAG 2.1 definition).
    @Test func chartLinesContrastWithWhite() {
        func luminance(_ hex: String) -> Double {
            let v = Int(hex.dropFirst(), radix: 16)!
            let channels = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map { c -> Double in
                let x = Double(c) / 255
                return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        for colour in [Palette.blue] + ProfileTrendChart.styles.map(\.colour) {
            let ratio = 1.05 / (luminance(colour) + 0.05)
            #expect(ratio >= 3, "\(colour): \(ratio)")
        }
    }
}
