import Testing

@testable import Pipeline

struct SpecSelectionTests {
    /// METHODS.md §2: each scale gives index, agree_share and alpha; plus survey.responses.
    @Test func knownIDsExpandPerScale() {
        let ids = PipelineLoader.knownIndicatorIDs(scales: ["a", "b"], customIDs: ["x.y"], compositeIDs: ["c"])
        // Catalogue order: the per-scale ids, scale by scale within each kind of id, then responses.
        #expect(
            Set(ids.prefix(7)) == [
                "survey.responses", "survey.a.index", "survey.a.agree_share", "survey.a.alpha",
                "survey.b.index", "survey.b.agree_share", "survey.b.alpha",
            ])
        #expect(ids.suffix(3) == ["x.y", "composite.c", "composite.c.rank"])
        // §3: 5 engagement ids, §4: 4 publication + 2 open-data ids, §5: 4 FOI ids.
        #expect(ids.count == 7 + 5 + 6 + 4 + 3)
        #expect(Set(ids).count == ids.count)
    }

    /// valid.yaml: survey.* = responses + 2 scales × 3 = 7; engagement.participants = 1;
    /// publication.* = 4; foi.median_workdays = 1; 2 custom; composite + rank = 2 → 17.
    /// A composite component is computed even when `indicators:` does not select it.
    @Test func componentsAreSelected() throws {
        let spec = try SpecFixtures.load(
            """
            pipeline: c
            sources:
              r: {kind: access_requests, path: requests.csv}
            indicators: [foi.granted_share]
            composite:
              - id: speed
                components:
                  - {indicator: foi.median_workdays, direction: -1, goalposts: [0, 10]}
            """)
        #expect(
            spec.selectedIndicatorIDs == [
                "foi.median_workdays", "foi.granted_share", "composite.speed", "composite.speed.rank",
            ])
    }

    @Test func selectedIDsOfTheValidFixture() throws {
        let spec = try PipelineLoader.load(path: SpecFixtures.folder + "/valid.yaml")
        let ids = spec.selectedIndicatorIDs
        #expect(ids.count == 17)
        #expect(ids.contains("survey.trust.alpha") && ids.contains("publication.lag_p90_days"))
        #expect(!ids.contains("engagement.gini") && !ids.contains("opendata.stars_mean"))
        #expect(
            ids.suffix(4) == [
                "publication.decision_open_share", "survey.q01_p75", "composite.openness", "composite.openness.rank",
            ])
    }
}
