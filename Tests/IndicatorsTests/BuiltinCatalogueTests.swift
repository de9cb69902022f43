import ApenCore
import Foundation
import Testing

@testable import Indicators

struct BuiltinCatalogueTests {
    /// Every indicator of METHODS.md §2–§5, written out from the document.
    static let methodsIDs: Set<String> = [
        "survey.<scale>.index", "survey.<scale>.agree_share", "survey.<scale>.alpha", "survey.responses",
        "engagement.participants", "engagement.participants_per_1000", "engagement.actions_per_participant",
        "engagement.repeat_share", "engagement.gini",
        "publication.open_share", "publication.exempt_share", "publication.lag_median_days", "publication.lag_p90_days",
        "opendata.open_licence_share", "opendata.stars_mean",
        "foi.within_3_workdays_share", "foi.within_5_workdays_share", "foi.median_workdays", "foi.granted_share",
    ]

    @Test func catalogueHoldsExactlyTheMethodsIndicators() {
        #expect(Set(BuiltinCatalogue.entries.map(\.id)) == Self.methodsIDs)
        #expect(BuiltinCatalogue.entries.count == Self.methodsIDs.count)
        for e in BuiltinCatalogue.entries {
            #expect(IndicatorFamily(indicatorID: e.id)?.rawValue == e.family, "\(e.id)")
            #expect(!e.label.nb.isEmpty && !e.label.en.isEmpty && e.label.nb != e.label.en, "\(e.id)")
            #expect(!e.definition.nb.isEmpty && !e.definition.en.isEmpty, "\(e.id)")
            #expect(["§2", "§3", "§4", "§5"].contains(e.methods))
        }
        // Only the survey mean and share have an interval (METHODS §2).
        #expect(
            BuiltinCatalogue.entries.filter(\.hasInterval).map(\.id) == [
                "survey.<scale>.index", "survey.<scale>.agree_share",
            ])
    }

    @Test func concreteIDs() {
        #expect(
            BuiltinCatalogue.ids(family: .survey, scales: ["trust", "voice"]) == [
                "survey.trust.index", "survey.voice.index", "survey.trust.agree_share", "survey.voice.agree_share",
                "survey.trust.alpha", "survey.voice.alpha", "survey.responses",
            ])
        #expect(BuiltinCatalogue.ids(family: .survey, scales: []) == ["survey.responses"])
        #expect(BuiltinCatalogue.ids(family: .foi, scales: ["trust"]).count == 4)
    }

    @Test(arguments: [
        ("survey.trust.index", "survey.<scale>.index"), ("survey.a_b.alpha", "survey.<scale>.alpha"),
        ("survey.responses", "survey.responses"), ("foi.median_workdays", "foi.median_workdays"),
    ])
    func infoResolvesPlaceholders(id: String, entry: String) {
        #expect(BuiltinCatalogue.info(for: id)?.id == entry)
    }

    @Test(arguments: ["survey.trust.nothing", "survey..index", "composite.x", "foi", "survey.trust.index.extra"])
    func infoOfUnknownIDs(id: String) {
        #expect(BuiltinCatalogue.info(for: id) == nil)
    }

    @Test func bokmalUsesTheCouncilWords() {
        let nb = BuiltinCatalogue.markdown(language: .nb)
        for word in ["innsynskrav", "arbeidsdager", "kommune", "offentlig journal"] {
            #expect(nb.lowercased().contains(word), "\(word)")
        }
        #expect(
            BuiltinCatalogue.markdown(language: .en).contains(
                "| `foi.median_workdays` | Access request response time, median (working days) | working days | ↓ |"))
    }

    /// Every built-in entry has its nynorsk label and definition, and none of them uses a
    /// bokmål-only form (the words below are not in Nynorskordboka).
    @Test func everyEntryHasNynorsk() {
        let bokmaal: Set<String> = [
            "ikke", "antall", "andel", "besvart", "innen", "dager", "arbeidsdager", "innbyggere", "deltakere",
            "respondenter", "poster", "journalposter", "offentlig", "åpen", "åpne", "fra", "bare", "også", "hvordan",
            "et", "noen", "vektet", "undersøkelsen", "helt", "teller",
        ]
        for e in BuiltinCatalogue.entries {
            for text in [e.label.nn, e.definition.nn] {
                #expect(text != nil && !text!.isEmpty, "\(e.id)")
                let words = Set((text ?? "").lowercased().split { !$0.isLetter }.map(String.init))
                #expect(words.isDisjoint(with: bokmaal), "\(e.id): \(words.intersection(bokmaal).sorted())")
            }
        }
        let nn = BuiltinCatalogue.markdown(language: .nn)
        for word in ["innsynskrav", "arbeidsdagar", "kommune", "offentleg journal", "ikkje"] {
            #expect(nn.lowercased().contains(word), "\(word)")
        }
    }

    /// `docs/indicators.md` is the generated English page. Regenerate with
    /// `APEN_UPDATE_DOCS=1 swift test --filter BuiltinCatalogueTests` (or `apen indicators --markdown`).
    @Test func docsPageIsUpToDate() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/indicators.md")
        let generated = BuiltinCatalogue.markdown(language: .en)
        if ProcessInfo.processInfo.environment["APEN_UPDATE_DOCS"] == "1" {
            try AtomicFile.write(generated, to: docs.path)
        }
        let committed = try String(contentsOf: docs, encoding: .utf8)
        #expect(committed == generated, "docs/indicators.md is stale: regenerate it")
    }
}
