import ApenCore
import Testing

@testable import Check

struct ClosureResultsProviderTests {
    @Test func forwardsEachCall() throws {
        let p = ClosureResultsProvider(
            checkConfiguration: { CheckConfiguration(baseline: $0 + ".csv", tolerances: []) },
            currentResults: { [row($0, "1", 2020, 1)] },
            run: { ref, pipeline in
                RunSnapshot(id: 7, pipeline: pipeline ?? "\(ref)", started: "t", results: [], inputs: [], stages: [])
            })
        #expect(try p.checkConfiguration(pipelineFile: "p")?.baseline == "p.csv")
        #expect(try p.currentResults(pipelineFile: "q").map(\.indicator) == ["q"])
        #expect(try p.run(.previous, pipeline: nil).pipeline == "previous")
        #expect(try p.run(.latest, pipeline: "x").pipeline == "x")
    }
}
