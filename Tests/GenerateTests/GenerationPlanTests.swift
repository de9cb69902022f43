import ApenCore
import Testing

@testable import Generate

@Suite struct GenerationPlanTests {
    /// Rows per kind at scale 1 from the brief: 200 k survey, 1 M engagement, 500 k publications, 50 k requests.
    static let targets: [(SourceKind, Int)] = [
        (.survey, 200_000), (.engagement, 1_000_000), (.publications, 500_000), (.accessRequests, 50_000),
    ]

    @Test(arguments: [0.1, 1.0, 10.0])
    func totalsWithinFivePercentOfTargets(_ scale: Double) throws {
        let plan = try GenerationPlan(scale: scale, seed: 42)
        for (kind, target) in GenerationPlanTests.targets {
            let expected = Double(target) * scale
            let got = Double(plan.total(kind))
            #expect(abs(got - expected) / expected < 0.05, "\(kind) at scale \(scale): \(got) vs \(expected)")
        }
        #expect(plan.total(.population) == 357 * 10)
    }

    @Test func surveyGroupsAreEmptyOrAtLeastTheMinimum() throws {
        let plan = try GenerationPlan(scale: 0.1, seed: 3)
        var empty = 0
        for m in plan.municipalities {
            for y in plan.years {
                let n = plan.count(.survey, m, y)
                #expect(n == 0 || n >= GenerationPlan.minimumSurveyGroup)
                if n == 0 { empty += 1 }
            }
        }
        #expect(empty > 0)  // at scale 0.1 some small municipalities are not surveyed in some years
    }

    @Test func largerMunicipalitiesGetMoreRows() throws {
        let plan = try GenerationPlan(scale: 1, seed: 1, municipalities: ["0301", "5006"], years: 2024...2024)
        let oslo = plan.municipalities[0]
        let steinkjer = plan.municipalities[1]
        for kind in [SourceKind.survey, .engagement, .publications, .accessRequests] {
            #expect(plan.expected(kind, oslo, 2024) > 5 * plan.expected(kind, steinkjer, 2024))
        }
    }

    @Test func groupCountsDoNotDependOnTheSelection() throws {
        let all = try GenerationPlan(scale: 0.3, seed: 9)
        let one = try GenerationPlan(scale: 0.3, seed: 9, municipalities: ["5006"], years: 2020...2021)
        let m = one.municipalities[0]
        for kind in Generator.kinds {
            for y in 2020...2021 { #expect(one.count(kind, m, y) == all.count(kind, m, y)) }
        }
    }

    @Test(arguments: [0.0, -1.0, Double.nan, Double.infinity])
    func badScaleIsRejected(_ scale: Double) {
        #expect(throws: Diagnostic.self) { try GenerationPlan(scale: scale, seed: 1) }
    }
}
