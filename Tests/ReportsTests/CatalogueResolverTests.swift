import ApenCore
import Testing
@testable import Reports

@Suite struct CatalogueResolverTests {
    let resolver = CatalogueResolver(SampleInput.catalogue)

    @Test(arguments: [
        ("survey.trust.index", "survey.<scale>.index", "Åpenhet (trust)", "Openness (trust)"),
        ("survey.transparency.agree_share", "survey.<scale>.agree_share", "Andel enige (transparency)", "Share agreeing (transparency)"),
        ("survey.responses", "survey.responses", "Antall svar", "Responses"),
        ("composite.openness", "composite.<id>", "Åpenhetsindeks (openness)", "Openness index (openness)"),
        // The more specific placeholder entry wins over composite.<id>.
        ("composite.openness.rank", "composite.<id>.rank", "Rangering på åpenhetsindeksen (openness)", "Rank on the openness index (openness)"),
        // A dotted component id is captured whole and shown by its own label.
        ("composite.openness.shift.foi.median_workdays", "composite.<id>.shift.<component>",
         "Rangendring uten komponent (openness, Median arbeidsdager til svar)", "Rank shift without component (openness, Median working days to answer)"),
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
        let entry = IndicatorInfo(id: "survey.<scale>.alpha", family: "survey", label: LocalizedText(nb: "Cronbachs alfa for <scale>", en: "Cronbach's alpha of <scale>"),
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
