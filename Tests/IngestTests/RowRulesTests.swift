import ApenCore
import Testing

@testable import Ingest

/// The row rules of METHODS §1/§2/§4/§5/§7 per source kind: each bad row is listed with its
/// line, field and reason; good rows keep their values. Lines are annotated in make_fixtures.py.
@Suite struct RowRulesTests {
    struct Expected: Sendable, CustomStringConvertible {
        var line: Int
        var field: String?
        var reason: String
        var description: String { "\(line) \(field ?? "-")" }
    }

    static let survey: [Expected] = [
        .init(line: 3, field: "weight", reason: "weight is empty (with a weight column every row needs one)"),
        .init(line: 4, field: "weight", reason: "\"0\" is not a positive weight"),
        .init(line: 5, field: "weight", reason: "\"-1\" is not a positive weight"),
        .init(line: 6, field: "weight", reason: "\"1e999\" is not a finite number"),
        .init(line: 7, field: "q1", reason: "\"6\" is outside the Likert range [1, 5] and not a missing code"),
        .init(line: 9, field: "year", reason: "\"2019.5\" is not a whole year in 1…9999"),
        .init(line: 10, field: "year", reason: "\"abc\" is not a number"),
        .init(line: 11, field: "municipality", reason: "required value is empty"),
        .init(line: 12, field: "q1", reason: "\"0.5\" is outside the Likert range [1, 5] and not a missing code"),
    ]

    @Test func surveyRules() throws {
        var options = Fixture.options("survey_rules.csv", .survey)
        options.survey = SurveySettings(scales: [ScaleSpec(name: "s", items: ["q1", "q2"])])
        let (table, summary) = try Ingestor.readTable(options)
        check(summary, Self.survey)
        #expect(summary.rowsRead == 11)
        #expect(table.rowCount == 2)  // lines 2 and 8
        #expect(table.numbers("weight") == [1, 1])
        #expect(table.numbers("q1")?[0] == 4)
        #expect(table.numbers("q1")?[1].isNaN == true)  // 9 = missing code
        #expect(table.numbers("q2")?[1].isNaN == true)  // empty = missing
    }

    @Test func declaredMissingCodesAndRange() throws {
        var options = Fixture.options("survey_rules.csv", .survey)
        // With a 0…10 scale and missing code 6, line 7 (q1 = 6) is missing, line 12 (0.5) valid,
        // and 9 on line 8 is an answer.
        options.survey = SurveySettings(
            likert: 0...10, missingCodes: [6], scales: [ScaleSpec(name: "s", items: ["q1", "q2"])])
        let (table, summary) = try Ingestor.readTable(options)
        #expect(summary.rejected.map(\.line) == [3, 4, 5, 6, 9, 10, 11])
        #expect(table.rowCount == 4)  // lines 2, 7, 8, 12
        let q1 = try #require(table.numbers("q1"))
        #expect(q1[0] == 4 && q1[1].isNaN && q1[2] == 9 && q1[3] == 0.5)
    }

    @Test func publicationRules() throws {
        let (table, summary) = try Ingestor.readTable(Fixture.options("publications_rules.csv", .publications))
        check(
            summary,
            [Expected]([
                .init(line: 3, field: "published", reason: "published 2019-01-31 is before registered 2019-02-01"),
                .init(line: 5, field: "access", reason: "\"closed\" is not one of exempt, open, partial"),
                .init(line: 6, field: "access", reason: "required value is empty"),
            ]))
        #expect(table.strings("record_id") == ["r1", "r3"])
        // 2019-02-01 = 17928 days after 1970-01-01 (Python date arithmetic).
        #expect(table.days("published") == [17928, Column.missingDay])
    }

    @Test func accessRequestRules() throws {
        let (table, summary) = try Ingestor.readTable(Fixture.options("access_rules.csv", .accessRequests))
        check(
            summary,
            [Expected]([
                .init(line: 4, field: "answered", reason: "answered 2019-02-04 is before received 2019-02-05"),
                .init(line: 5, field: "outcome", reason: "\"maybe\" is not one of denied, granted, partial"),
            ]))
        #expect(table.strings("outcome") == ["granted", nil])  // outcome may be empty
        #expect(table.days("answered") == [17931, Column.missingDay])  // 2019-02-04
    }

    @Test func populationRules() throws {
        let (table, summary) = try Ingestor.readTable(Fixture.options("population_rules.csv", .population))
        check(
            summary,
            [Expected]([
                .init(line: 3, field: "population", reason: "\"0\" is not a positive number"),
                .init(line: 4, field: "year", reason: "\"0\" is not a whole year in 1…9999"),
            ]))
        #expect(table.numbers("population") == [212660])
        // An empty population is unknown, not bad: the row is skipped and its group listed.
        #expect(summary.unknownPopulation == ["5001 2019"])
        #expect(summary.warnings.count == 1)
    }

    private func check(
        _ summary: IngestSummary, _ expected: [Expected], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(summary.rejected.map(\.line) == expected.map(\.line), sourceLocation: sourceLocation)
        #expect(summary.rejected.map(\.field) == expected.map(\.field), sourceLocation: sourceLocation)
        #expect(summary.rejected.map(\.reason) == expected.map(\.reason), sourceLocation: sourceLocation)
    }
}
