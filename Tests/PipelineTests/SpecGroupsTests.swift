import ApenCore
import Reports
import Testing

@testable import Pipeline

/// `report: groups:` and `report: profiles:` in the pipeline file, and the groups stage they add
/// (issue 16): the report reads it, the check does not (group rows never reach a baseline).
struct SpecGroupsTests {
    static let base = """
        pipeline: t
        sources:
          e: {kind: engagement, path: engagement.csv}
        indicators: [engagement.participants]
        check: {baseline: baseline.csv}

        """

    @Test func groupsAndProfilesAreRead() throws {
        let spec = try SpecFixtures.load(
            Self.base + "report:\n  groups: {storbyer: [\"0301\", \"4601\"], nord: [\"1804\"]}\n  profiles: all\n")
        #expect(spec.report.groups.enabled)
        #expect(spec.report.groups.declared.map(\.name) == ["storbyer", "nord"])
        #expect(spec.report.groups.declared[0].members == ["0301", "4601"])
        #expect(spec.report.profiles == .all)
        let onlyBuiltIn = try SpecFixtures.load(Self.base + "report: {groups: true}\n")
        #expect(onlyBuiltIn.report.groups.enabled && onlyBuiltIn.report.groups.declared.isEmpty)
        #expect(onlyBuiltIn.report.profiles == ProfileScope.none)
        // Profiles compare with the groups, so they turn the groups on.
        let profiles = try SpecFixtures.load(Self.base + "report: {profiles: true}\n")
        #expect(profiles.report.groups.enabled && profiles.report.profiles == .focus)
        let neither = try SpecFixtures.load(Self.base)
        #expect(!neither.report.groups.enabled && neither.report.profiles == ProfileScope.none)
    }

    @Test func theGroupsStageFeedsTheReportNotTheCheck() throws {
        let spec = try SpecFixtures.load(Self.base + "report: {groups: {storbyer: [\"0301\"]}}\n")
        let graph = try StageGraph.build(spec, outputDirectory: "out", reportDate: "2025-01-01", hash: { _ in "h" })
        let groups = try #require(graph["groups"])
        #expect(groups.dependencies == [.ingest(source: "e")])
        #expect(graph["report"]?.dependencies.contains(.groups) == true)
        #expect(graph["check"]?.dependencies.contains(.groups) == false)
        #expect(!Stage.Kind.groups.producesResults)
        // The declared groups are part of the stage's key: changing them reruns it.
        let other = try SpecFixtures.load(Self.base + "report: {groups: {storbyer: [\"4601\"]}}\n")
        let otherGraph = try StageGraph.build(
            other, outputDirectory: "out", reportDate: "2025-01-01", hash: { _ in "h" })
        #expect(graph.keyed()["groups"]?.key != otherGraph.keyed()["groups"]?.key)
        let without = try StageGraph.build(
            try SpecFixtures.load(Self.base), outputDirectory: "out", reportDate: "2025-01-01", hash: { _ in "h" })
        #expect(without["groups"] == nil)
    }

    @Test func profilesWithoutFocusIsAWarning() {
        // Line 6 is `report: {profiles: true}`: the value at column 20.
        #expect(
            SpecFixtures.diagnostics(Self.base + "report: {profiles: true}\n", severity: .warning) == [
                "6:20: warning: report.profiles: true writes a profile for each focus municipality, and report.focus is empty: no profile is written (profiles: all writes one for every municipality)"
            ])
        #expect(
            SpecFixtures.diagnostics(
                Self.base + "report: {profiles: true, focus: [\"5001\"]}\n", severity: .warning
            ).isEmpty)
    }

    @Test func badValuesAreErrorsAtTheirPosition() {
        // Line 6 is `report: {groups: [a], profiles: some}`: the list at column 18, `some` at 33.
        #expect(
            SpecFixtures.diagnostics(Self.base + "report: {groups: [a], profiles: some}\n") == [
                "6:18: report.groups: expected true, a mapping name: [municipality numbers], or the path of a CSV municipality,group; found a list",
                "6:33: report.profiles: expected true (the focus municipalities), false or all; found 'some'",
            ])
        // `report.groups.bad name:` — a name with a space; line 8, column 5.
        #expect(
            SpecFixtures.diagnostics(Self.base + "report:\n  groups:\n    bad name: [\"5001\"]\n") == [
                "8:5: report.groups.bad name: a group name uses letters, digits, '.', '_' and '-' (found 'bad name')"
            ])
        #expect(
            SpecFixtures.diagnostics(Self.base + "report: {groups: missing.csv}\n").first?.hasPrefix(
                "6:18: report.groups: cannot read the groups file") == true)
    }
}
