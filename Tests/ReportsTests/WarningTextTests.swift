import ApenCore
import Testing

@testable import Reports

/// Every kind of run warning worded in each report language (issue 11 point 6): a bokmål or
/// nynorsk sentence has none of the English-only words, a nynorsk one none of the bokmål-only
/// words, and each names what the warning is about.
@Suite struct WarningTextTests {
    static func sample(_ kind: RunWarning.Kind) -> RunWarning {
        let g = [RunWarning.Group("5001", year: 2023), RunWarning.Group("5006", year: 2024)]
        switch kind {
        case .noValue:
            return RunWarning(
                kind, source: "publications", indicator: "opendata.stars_mean", groups: g, reason: .noDatasetRecord)
        case .columnAbsent:
            return RunWarning(kind, source: "foi", indicator: "foi.granted_share", column: "outcome")
        case .rowsWithoutGroup: return RunWarning(kind, source: "engagement", count: 3)
        case .populationUnknown, .populationConflict: return RunWarning(kind, source: "population", groups: g)
        case .noRecordType: return RunWarning(kind, source: "publications", column: "record_type")
        case .undecidedRequests:
            return RunWarning(kind, source: "foi", column: "answered", count: 2, text: "2024-12-20")
        case .customColumnAbsent:
            return RunWarning(kind, source: "foi", indicator: "foi.granted_share", column: "x", count: 12)
        case .componentNoRows: return RunWarning(kind, source: "composite.openness", indicator: "foi.granted_share")
        case .componentWinsorised:
            return RunWarning(
                kind, source: "composite.openness", indicator: "foi.granted_share",
                groups: [RunWarning.Group("5001", year: 2023, from: 0.1, to: 0.25)], year: 2023)
        case .componentNoSpread:
            return RunWarning(kind, source: "composite.openness", indicator: "foi.granted_share", count: 4, year: 2023)
        case .negativeCorrelation:
            return RunWarning(
                kind, source: "composite.openness", indicator: "foi.granted_share", year: 2023, number: -0.3134)
        case .weightTooLow:
            return RunWarning(kind, source: "composite.openness", groups: g, year: 2023, number: 2.0 / 3.0)
        case .municipalitySplit:
            return RunWarning(
                kind, source: "", groups: ["1507", "1508", "1580"].map { RunWarning.Group($0) }, year: 2024)
        case .municipalityUnknown: return RunWarning(kind, source: "", groups: [RunWarning.Group("9999")])
        case .groupMemberWithoutData:
            return RunWarning(kind, source: "storbyer", groups: [RunWarning.Group("5001"), RunWarning.Group("1804")])
        case .other: return RunWarning(kind, source: "", text: "an old English warning")
        }
    }

    static let englishOnly: Set<String> = [
        "the", "no", "value", "values", "of", "its", "with", "was", "were", "and", "check", "component", "record",
        "rows", "row", "left", "out", "unknown", "direction", "has", "is", "in", "divided", "between", "kept",
        "written", "spread", "missing", "everywhere", "any", "available", "weight", "below", "total",
    ]
    static let bokmaalOnly: Set<String> = [
        "ikke", "noen", "mangler", "manglende", "regnes", "regnet", "ble", "kilden", "filens", "besvart", "innen",
        "verdier", "tallene", "folketallet", "poster", "kommuner", "retningen", "holdt", "uten", "beholder",
        "finnes", "beholdt", "tilgjengelig", "skrevet", "hoppet", "motstridende", "en",
    ]

    static func words(_ text: String) -> Set<String> {
        // Column names such as record_type stay whole: they are the pipeline's words, not English.
        Set(text.lowercased().split { !$0.isLetter && $0 != "_" }.map(String.init))
    }

    @Test(arguments: RunWarning.Kind.allCases.filter { $0 != .other })
    func everyKindInEveryLanguage(_ kind: RunWarning.Kind) {
        let w = Self.sample(kind)
        var texts: [Language: String] = [:]
        for language in Language.allCases {
            let data = KeyFindingsTests.data(SampleInput.rows(), language)
            texts[language] = ReportDocument.warningText(w, data, Strings(language: language))
        }
        for language in [Language.nb, .nn] {
            let english = Self.words(texts[language]!).intersection(Self.englishOnly)
            #expect(english.isEmpty, "\(kind) \(language): \(english.sorted()) in \(texts[language]!)")
        }
        let bokmaal = Self.words(texts[.nn]!).intersection(Self.bokmaalOnly)
        #expect(bokmaal.isEmpty, "\(kind) nn: \(bokmaal.sorted()) in \(texts[.nn]!)")
        for language in Language.allCases {
            #expect(texts[language]!.hasSuffix("."), "\(kind) \(language)")
        }
    }

    @Test func numbersAndNamesInTheReportsLanguage() {
        let nn = KeyFindingsTests.data(SampleInput.rows(), .nn)
        let s = Strings(language: .nn)
        // r = −0.3134 with two decimals and a minus sign; 2/3 of the weight as a whole percentage.
        #expect(
            ReportDocument.warningText(Self.sample(.negativeCorrelation), nn, s).contains(
                "(r = −0,31); kontroller retninga."))
        #expect(
            ReportDocument.warningText(Self.sample(.weightTooLow), nn, s).hasSuffix(
                "ingen indeks i 2023 for Trondheim i 2023; Steinkjer i 2024: tilgjengeleg komponentvekt er under 67\u{00A0}% av totalen."
            ))
        // A winsorised value: 0.1 → 0.25 in the report's decimals.
        #expect(
            ReportDocument.warningText(Self.sample(.componentWinsorised), nn, s).hasSuffix(
                "i 2023: Trondheim 0,1 → 0,25."))
        // Without harmonise_to, 1507 and 1508 are both "Ålesund": each name gets its number.
        let en = KeyFindingsTests.data(SampleInput.rows(), .en)
        #expect(
            ReportDocument.warningText(Self.sample(.municipalitySplit), en, Strings(language: .en))
                .hasPrefix("Ålesund (1507) is divided between Ålesund (1508), Haram (1580)"))
    }
}
