import Foundation
import Testing

/// Comparison groups (issue 16) through the `apen` binary: a run writes `groups.csv` with the
/// pooled values and leaves `indicators.csv` as it was; a declared member with no data is a
/// warning; a member in no version of the classification, or listed twice in one group, is an
/// error at `file:line:column` with exit 2 (docs/bad-input.md, "Comparison groups"). YAML and
/// CSV positions are counted by hand in the comments.
@Suite struct ComparisonGroupsEndToEndTests {
    @Test(arguments: groupCases)
    func groupsBadInput(_ c: BadInputMatrixTests.Case) throws {
        try BadInputMatrixTests().badInput(c)
    }

    /// 5001 has participants a, b; 5006 has a, c; 0301 has d. Pooled distinct participants:
    /// peers {5001, 5006} → 3 (a once), county 50 → 3, country → 4, country without Oslo → 3.
    /// 1804 is declared but has no rows: a warning at its position (line 8 is
    /// `    peers: ["5001", "5006", "1804"]`, the third item at column 29), and the group pools
    /// the others.
    @Test func runWritesPooledGroupsBesideIndicators() throws {
        let ws = try Workspace(fixture: "bad")
        try ws.write("e.csv", bytes: Data(engagementCSV.utf8))
        try ws.write(
            "p.yaml",
            bytes: Data(
                (basePipeline + "report:\n  groups:\n    peers: [\"5001\", \"5006\", \"1804\"]\n").utf8))
        let run = try ApenProcess.run(["run", "p.yaml"], in: ws.url, timeout: 60)
        #expect(!run.timedOut)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let output = run.result.stdout + run.result.stderr
        #expect(
            output.contains(
                "p.yaml:8:29: group 'peers': 1804 Bodø has no rows in the data, so the group pools the other members"),
            "\(output)")
        let groups = try ws.read("reports/p/groups.csv").split(separator: "\n").map(String.init)
        #expect(
            groups == [
                "indicator,group,year,value,n,se,ci_low,ci_high,df,flag",
                "engagement.participants,country,2024,4.0,4,,,,,",
                "engagement.participants,country_excl_oslo,2024,3.0,3,,,,,",
                "engagement.participants,county:03,2024,1.0,1,,,,,",
                "engagement.participants,county:50,2024,3.0,3,,,,,",
                "engagement.participants,peers,2024,3.0,3,,,,,",
            ])
        let indicators = try ws.read("reports/p/indicators.csv").split(separator: "\n").map(String.init)
        #expect(
            indicators == [
                "indicator,municipality,year,value,n,se,ci_low,ci_high,df,flag",
                "engagement.participants,0301,2024,1.0,1,,,,,",
                "engagement.participants,5001,2024,2.0,2,,,,,",
                "engagement.participants,5006,2024,2.0,2,,,,,",
            ])
    }
}

private let engagementCSV = """
    municipality,date,participant_id
    5001,2024-01-05,a
    5001,2024-01-06,b
    5006,2024-02-05,a
    5006,2024-02-06,c
    0301,2024-03-01,d

    """

/// Lines 1–5 of every case's pipeline; `report:` starts on line 6.
private let basePipeline = """
    pipeline: p
    language: en
    sources:
      e: {kind: engagement, path: e.csv}
    indicators: [engagement.participants]

    """

let groupCases: [BadInputMatrixTests.Case] = [
    // Line 8 is `    peers: ["5001", "4444", "5001"]`: `[` at column 12, the items at 13, 21 and 29.
    // Line 9 is `    country: ["5001"]`: the key at column 5.
    BadInputMatrixTests.Case(
        name: "declared group with an unknown number, a duplicate and a built-in name",
        files: {
            [
                "p.yaml": Data(
                    (basePipeline
                        + "report:\n  groups:\n    peers: [\"5001\", \"4444\", \"5001\"]\n    country: [\"5001\"]\n")
                        .utf8),
                "e.csv": Data(engagementCSV.utf8),
            ]
        },
        args: ["validate", "p.yaml"], exit: 2,
        stderr: [
            "p.yaml:8:21: report.groups.peers[1]: municipality '4444' is in no version of classification 131 (2012–2024)",
            "p.yaml:8:29: report.groups.peers[2]: municipality 5001 is listed twice in the group (first as [0])",
            "p.yaml:9:5: report.groups.country: 'country' is the name of a built-in group (country, country_excl_oslo, county:<nn>); choose another",
        ]),
    // groups.csv: line 1 header; line 3 repeats 5001 in peers (column 1); line 4 has 999 in
    // column 1 (three digits: the hint to quote numbers); line 5 is fine (5001 in another group).
    BadInputMatrixTests.Case(
        name: "groups CSV with a duplicate member and an unknown number",
        files: {
            [
                "p.yaml": Data((basePipeline + "report:\n  groups: groups.csv\n").utf8),
                "groups.csv": Data("municipality,group\n5001,peers\n5001,peers\n999,peers\n5001,others\n".utf8),
                "e.csv": Data(engagementCSV.utf8),
            ]
        },
        args: ["validate", "p.yaml"], exit: 2,
        stderr: [
            "groups.csv:3:1: municipality 5001 is listed twice in group 'peers' (first on line 2)",
            "groups.csv:4:1: municipality '999' is in no version of classification 131 (2012–2024); numbers have four digits — quote them so a leading zero stays ('0999')",
        ]),
    // The group column comes first here: the bad number starts in column 10 of line 2 (after "storbyer,").
    BadInputMatrixTests.Case(
        name: "groups CSV with the columns the other way round",
        files: {
            [
                "p.yaml": Data((basePipeline + "report:\n  groups: groups.csv\n").utf8),
                "groups.csv": Data("group,municipality\nstorbyer,2345\n".utf8),
                "e.csv": Data(engagementCSV.utf8),
            ]
        },
        args: ["validate", "p.yaml"], exit: 2,
        stderr: ["groups.csv:2:10: municipality '2345' is in no version of classification 131 (2012–2024)"]),
    // A member of a groups CSV with no rows: a warning at its line and column, and the run goes on.
    BadInputMatrixTests.Case(
        name: "groups CSV member without data",
        files: {
            [
                "p.yaml": Data((basePipeline + "report:\n  groups: groups.csv\n").utf8),
                "groups.csv": Data("municipality,group\n5001,peers\n1804,peers\n".utf8),
                "e.csv": Data(engagementCSV.utf8),
            ]
        },
        args: ["run", "p.yaml"], exit: 0,
        stderr: [
            "warning: groups.csv:3:1: group 'peers': 1804 Bodø has no rows in the data, so the group pools the other members"
        ]),
]
