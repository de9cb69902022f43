import ApenCore
import Foundation
import Testing
@testable import Reports

@Suite struct ReportWriterTests {
    @Test func writesEveryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("apen-reports-\(UUID().uuidString)").path
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
