import ApenCore
import Foundation
import Testing

@testable import Reports

@Suite struct ReportWriterTests {
    @Test func writesEveryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("apen-reports-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let written = try ReportWriter.write(SampleInput.input(), to: dir)
        let names = written.map { String($0.dropFirst(dir.count + 1)) }
        #expect(names.first == "indicators.csv")
        #expect(names.contains("report.html"))
        #expect(names.contains("report.md"))
        #expect(names.contains("indicators.md"))
        #expect(names.contains("charts/heatmap.svg"))
        #expect(names.contains("charts/bars-survey.trust.index.svg"))
        #expect(names.contains("charts/trend-survey.trust.index.svg"))
        #expect(names.contains("charts/rank-composite.openness.rank.svg"))
        for p in written { #expect(FileManager.default.fileExists(atPath: p)) }
        if let out = ProcessInfo.processInfo.environment["APEN_REPORT_SAMPLE_DIR"] {
            for lang in Language.allCases {
                _ = try ReportWriter.write(SampleInput.input(language: lang), to: out + "/" + lang.rawValue)
            }
        }
    }
}

@Suite struct ReportOutputTests {
    @Test(arguments: Language.allCases)
    func everySVGAndTheHTMLAreWellFormedXML(_ language: Language) {
        for f in ReportWriter.render(SampleInput.input(language: language))
        where f.name.hasSuffix(".svg") || f.name.hasSuffix(".html") {
            let xml = XMLCheck.parse(f.text)
            #expect(xml.error == nil, "\(f.name): \(xml.error ?? "")")
            if f.name.hasSuffix(".svg") {
                let top = xml.elements.filter { $0.depth == 1 }.prefix(2).map(\.name)
                #expect(top == ["title", "desc"], "\(f.name)")
                #expect(!xml.all("text").isEmpty, "\(f.name) has no text")
            }
        }
    }

    @Test func sameInputGivesByteIdenticalFilesWhateverTheRowOrder() {
        let a = ReportWriter.render(SampleInput.input())
        var shuffledInput = SampleInput.input()
        // A fixed permutation (reverse, then interleave) instead of a random one.
        let rows = Array(shuffledInput.rows.reversed())
        shuffledInput.rows =
            stride(from: 0, to: rows.count, by: 2).map { rows[$0] }
            + stride(from: 1, to: rows.count, by: 2).map { rows[$0] }
        let b = ReportWriter.render(shuffledInput)
        #expect(a.map(\.name) == b.map(\.name))
        for (x, y) in zip(a, b) { #expect(x.text == y.text, "\(x.name) differs") }
    }

    @Test func htmlIsSelfContained() throws {
        let html = try #require(ReportWriter.render(SampleInput.input()).first { $0.name == "report.html" }?.text)
        #expect(!html.contains("<script"))
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/") })
        #expect(!html.contains("https://"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<svg"))
    }

    @Test func markdownLinksEveryChartFile() throws {
        let files = ReportWriter.render(SampleInput.input())
        let md = try #require(files.first { $0.name == "report.md" }?.text)
        for f in files where f.name.hasPrefix("charts/") {
            #expect(md.contains("](\(f.name))"), "\(f.name) not linked")
        }
        #expect(!md.contains("<svg"))
    }

    @Test func csvIsTheCanonicalIndicatorFile() {
        let input = SampleInput.input()
        let csv = ReportWriter.render(input).first { $0.name == "indicators.csv" }?.text
        #expect(csv == IndicatorCSV.render(input.rows))
    }

    @Test func bokmaalReportSpeaksLikeACouncilMember() throws {
        let html = try #require(
            ReportWriter.render(SampleInput.input(language: .nb)).first { $0.name == "report.html" }?.text)
        #expect(html.contains("lang=\"nb\""))
        #expect(html.contains("Hovedfunn"))
        #expect(html.contains("innsynskrav"))
        #expect(html.contains("arbeidsdager"))
        #expect(html.contains("offentleglova § 32"))
        #expect(html.contains("Åpenhet (trust)"))
        #expect(html.contains("Datakvalitet"))
        #expect(html.contains("href=\"rejected.csv\""))
        #expect(html.contains(String(repeating: "0f", count: 32)))
        let en = try #require(
            ReportWriter.render(SampleInput.input(language: .en)).first { $0.name == "report.html" }?.text)
        #expect(en.contains("Key findings"))
        #expect(en.contains("Openness (trust)"))
        #expect(!en.contains("Hovedfunn"))
    }

    @Test func noNonFiniteTextInAnyFile() {
        for f in ReportWriter.render(SampleInput.input()) {
            // Swift prints non-finite doubles as "nan"/"inf"; none may reach a number position.
            for bad in [
                ">nan<", "\"nan\"", " nan ", ">inf<", "\"inf\"", " inf ", ",nan,", ",inf,", "nan\n", "NaN", "nan %",
                "nan%",
            ] {
                #expect(!f.text.contains(bad), "\(f.name) contains \(bad)")
            }
        }
    }
}

@Suite struct ContentsTests {
    @Test func everyInternalLinkHasItsTarget() throws {
        let html = try #require(ReportWriter.render(SampleInput.input()).first { $0.name == "report.html" }?.text)
        let xml = XMLCheck.parse(html)
        let ids = Set(xml.elements.compactMap { $0.attributes["id"] })
        let links = xml.all("a").compactMap { $0.attributes["href"] }.filter { $0.hasPrefix("#") }
        #expect(links.count >= 8)  // findings, overview, 6 families, quality, warnings, methods, provenance
        for l in links { #expect(ids.contains(String(l.dropFirst())), "\(l)") }
        #expect(xml.all("nav").count == 1)
        // Markdown has no contents list (viewers build their own anchors).
        let md = try #require(ReportWriter.render(SampleInput.input()).first { $0.name == "report.md" }?.text)
        #expect(!md.contains("](#"))
    }

    @Test func idsAreUniqueAcrossInlinedCharts() throws {
        let html = try #require(ReportWriter.render(SampleInput.input()).first { $0.name == "report.html" }?.text)
        let ids = XMLCheck.parse(html).elements.compactMap { $0.attributes["id"] }
        #expect(ids.count == Set(ids).count)
    }
}
