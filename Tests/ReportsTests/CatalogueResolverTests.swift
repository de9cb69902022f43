import ApenCore
import Testing

@testable import Reports

@Suite struct CatalogueResolverTests {
    let resolver = CatalogueResolver(SampleInput.catalogue)

    @Test(arguments: [
        ("survey.trust.index", "survey.<scale>.index", "Åpenhet (trust)", "Openness (trust)"),
        (
            "survey.transparency.agree_share", "survey.<scale>.agree_share", "Andel enige (transparency)",
            "Share agreeing (transparency)"
        ),
        ("survey.responses", "survey.responses", "Antall svar", "Responses"),
        ("composite.openness", "composite.<id>", "Åpenhetsindeks (openness)", "Openness index (openness)"),
        // The more specific placeholder entry wins over composite.<id>.
        (
            "composite.openness.rank", "composite.<id>.rank", "Rangering på åpenhetsindeksen (openness)",
            "Rank on the openness index (openness)"
        ),
        // A dotted component id is captured whole and shown by its own label.
        (
            "composite.openness.shift.foi.median_workdays", "composite.<id>.shift.<component>",
            "Rangendring uten komponent (openness, Median arbeidsdager til svar)",
            "Rank shift without component (openness, Median working days to answer)"
        ),
    ])
    func resolves(_ id: String, _ entry: String, _ nb: String, _ en: String) {
        let r = resolver.resolve(id)
        #expect(r.entryID == entry)
        #expect(r.id == id)
        #expect(r.label(.nb) == nb)
        #expect(r.label(.en) == en)
        #expect(!r.inferred)
    }

    @Test func placeholderInLabelIsFilledInPlace() {
        let entry = IndicatorInfo(
            id: "survey.<scale>.alpha", family: "survey",
            label: LocalizedText(nb: "Cronbachs alfa for <scale>", en: "Cronbach's alpha of <scale>"),
            unit: .coefficient, direction: 0, inputs: [], definition: LocalizedText(nb: "", en: ""), methods: "§2")
        let r = CatalogueResolver([entry]).resolve("survey.trust.alpha")
        #expect(r.label(.nb) == "Cronbachs alfa for trust")
    }

    @Test func unknownIdsAreInferred() {
        let r = resolver.resolve("publication.decision_open_share")
        #expect(r.inferred)
        #expect(r.info.family == "publication")
        #expect(r.info.unit == .share)
        #expect(r.label(.nb) == "publication.decision_open_share")
        #expect(CatalogueResolver([]).resolve("composite.x.rank").info.unit == .rank)
    }

    @Test func placeholderNeedsAtLeastOneCharacter() {
        #expect(CatalogueResolver.match(CatalogueResolver.parse("survey.<scale>.index"), Array("survey..index")) == nil)
    }
}

@Suite struct CatalogueResolverQualifyTests {
    @Test(arguments: [
        ("Opplevd åpenhet, indeks (0–100)", "trust", "Opplevd åpenhet (trust), indeks (0–100)"),
        ("Andel som er enige", "trust", "Andel som er enige (trust)"),
        ("Skalaens pålitelighet (Cronbachs alfa)", "trust", "Skalaens pålitelighet (trust) (Cronbachs alfa)"),
    ])
    func scaleNameGoesBeforeTheLabelsOwnQualifier(_ label: String, _ value: String, _ expected: String) {
        #expect(CatalogueResolver.qualify(label, with: value) == expected)
    }

    @Test func compositeRowsWithoutEntriesGetMethodsWording() {
        // A pipeline catalogue lists composite.openness only; rank and shift are inferred from §6.
        let entries = [
            IndicatorInfo(
                id: "composite.openness", family: "composite",
                label: LocalizedText(nb: "Åpenhetsindeks", en: "Openness index"), unit: .score, direction: 1,
                inputs: [], definition: LocalizedText(nb: "", en: ""), methods: "§6"),
            IndicatorInfo(
                id: "foi.median_workdays", family: "foi",
                label: LocalizedText(nb: "Median arbeidsdager", en: "Median working days"), unit: .workdays,
                direction: -1,
                inputs: [], definition: LocalizedText(nb: "", en: ""), methods: "§5"),
        ]
        let r = CatalogueResolver(entries)
        let rank = r.resolve("composite.openness.rank")
        #expect(rank.info.unit == .rank && rank.info.direction == -1)
        #expect(rank.label(.nb) == "Åpenhetsindeks – rangering")
        let shift = r.resolve("composite.openness.shift.foi.median_workdays")
        #expect(shift.label(.nb) == "Åpenhetsindeks: rangendring uten «Median arbeidsdager»")
        #expect(shift.label(.en) == "Openness index: rank shift without “Median working days”")
        #expect(shift.entryID == "composite.<id>.shift.<component>")
        #expect(shift.info.direction == 0)
    }
}
