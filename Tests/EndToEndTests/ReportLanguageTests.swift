import Foundation
import Testing

/// The committed example pipeline rendered in each report language through the `apen` binary
/// (issue 16 "Nynorsk", issue 11 point 6): a bokmål report states its warnings in bokmål, a
/// nynorsk report has nynorsk headings and none of the bokmål-only words listed below.
@Suite struct ReportLanguageTests {
    /// A scratch copy of the example pipeline and its data, the pipeline's `language:` set.
    static func example(language: String) throws -> (Workspace, stderr: String) {
        let ws = try Workspace.example { file, data in
            guard file.hasSuffix(".yaml") else { return data }
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("\nlanguage: nb\n"))
            return Data(text.replacingOccurrences(of: "\nlanguage: nb\n", with: "\nlanguage: \(language)\n").utf8)
        }
        let run = try ApenProcess.run(["run", "pipelines/example.yaml"], in: ws.url, timeout: 180)
        #expect(!run.timedOut)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        return (ws, run.result.stderr)
    }

    /// The words of `text` outside code spans, lower-cased.
    static func words(_ text: String) -> Set<String> {
        let plain = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
        return Set(
            plain.lowercased().split { !$0.isLetter }.map(String.init))
    }

    /// The lines of a Markdown section, from its heading to the next level-2 heading.
    static func section(_ md: String, _ heading: String) -> String {
        guard let start = md.range(of: "\n## \(heading)\n") else { return "" }
        let rest = md[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// English words that are not Norwegian words (so "for", "at", "is" are not here).
    static let englishOnly: Set<String> = [
        "the", "no", "value", "values", "of", "its", "with", "was", "were", "and", "check", "component",
        "record", "dataset", "rows", "row", "left", "out", "unknown", "direction", "negatively", "correlated",
        "index", "which", "missing", "because",
    ]

    @Test func bokmaalWarningsHaveNoEnglishSentence() throws {
        let (ws, stderr) = try Self.example(language: "nb")
        let md = try ws.read("reports/example/report.md")
        let warnings = Self.section(md, "Advarsler")
        #expect(!warnings.isEmpty)
        // The example's three warnings: two open-data indicators without a dataset record, the
        // composite component correlated negatively with its index in 2023.
        #expect(warnings.contains("har ingen verdi for Bodø i 2021–2024;"))
        #expect(warnings.contains("er negativt korrelert med indeksen i 2023 (r = −0,31); kontroller retningen."))
        // suppress_below: 3 in the example: Trondheim's open-licence share of 2024 rests on one
        // dataset, so the report shows «:» where indicators.csv keeps the value and its n.
        #expect(md.contains("| **Trondheim** | **–** | **:** | **–** | **:** |"))
        let csv = try ws.read("reports/example/indicators.csv")
        #expect(csv.contains("\nopendata.open_licence_share,5001,2024,,0.0,1,"))
        let english = Self.words(warnings).intersection(Self.englishOnly)
        #expect(english.isEmpty, "English words in the warnings: \(english.sorted())")
        // The same warnings on standard error stay English (CLI messages do not change).
        #expect(
            stderr.contains(
                "warning: composite 'openness': component 'foi.within_5_workdays_share' is negatively correlated with the index in 2023"
            ))
    }

    /// Bokmål forms a nynorsk text does not use (Nynorskordboka has none of them).
    static let bokmaalOnly: Set<String> = [
        "ikke", "hvordan", "hvilke", "hvilken", "hva", "hver", "hvert", "hvor", "ble", "kommuner", "innbyggere",
        "arbeidsdager", "offentlig", "mangler", "bare", "også", "kjøring", "kjørt", "noen", "dager", "verdier",
        "indikatorer", "deltakere", "enhet", "hovedfunn", "innhold", "advarsler", "utvalgte", "besvart", "innen",
        "fra", "uten", "andel", "gjennomsnittlig", "lavere", "høyere", "bedre", "svakest", "mørkere", "tall",
        "tallene", "kilde", "enheter", "avrundet", "sammenlignet", "respondenter", "undersøkelsen", "poster",
        "journalposter", "åpne", "åpen", "åpent", "helt", "frihetsgrader", "usikkerheten", "endringer",
        "forbedring", "svekkelse", "steg", "falt", "de", "dem", "deres", "et", "mye",
    ]

    @Test func nynorskReportHasNynorskHeadingsAndNoBokmaalWords() throws {
        let (ws, _) = try Self.example(language: "nn")
        let md = try ws.read("reports/example/report.md")
        for heading in [
            "## Hovudfunn", "## Oversyn", "## Innbyggjarundersøking: opplevd openheit", "## Medverknad",
            "## Offentleg journal og publisering", "## Opne data", "## Innsynskrav", "## Samla openheitsindeks",
            "## Datakvalitet", "## Åtvaringar", "## Metode", "## Opphav",
        ] {
            #expect(md.contains("\n\(heading)\n"), "\(heading)")
        }
        // The tool's name (Åpen), the example's title and the municipality names are names, not words.
        var text = md.replacingOccurrences(of: "Åpen", with: "")
        text = text.replacingOccurrences(of: "Åpen kommune – følgeevaluering (eksempeldata)", with: "")
        let bokmaal = Self.words(text).intersection(Self.bokmaalOnly)
        #expect(bokmaal.isEmpty, "bokmål words in the nynorsk report: \(bokmaal.sorted())")
        let html = try ws.read("reports/example/report.html")
        #expect(html.contains("<html lang=\"nn\""))
        #expect(html.contains(">Innhald<"))
        // Numbers as in bokmål: decimal comma, minus sign.
        #expect(md.contains("(r = −0,31)"))
    }

    @Test func indicatorsListInNynorsk() throws {
        let ws = try Workspace(fixture: "bad")
        let run = try ApenProcess.run(["indicators", "--language", "nn"], in: ws.url, timeout: 30)
        #expect(run.result.status == 0)
        #expect(run.result.stdout.contains("Innsynskrav med svar innan 5 arbeidsdagar"))
        let md = try ApenProcess.run(["indicators", "--markdown", "--language", "nn"], in: ws.url, timeout: 30)
        #expect(md.result.stdout.hasPrefix("# Innebygde indikatorar\n"))
        #expect(md.result.stdout.contains("| Id | Namn | Eining | Retning | Intervall | Definisjon | METHODS |"))
    }
}
