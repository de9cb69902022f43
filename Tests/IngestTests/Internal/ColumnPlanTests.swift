import ApenCore
import Testing

@testable import Ingest

/// Option-time checks: these fail before the file is opened (the path need not exist).
@Suite struct ColumnPlanTests {
    static func options(_ kind: SourceKind, _ edit: (inout IngestOptions) -> Void = { _ in }) -> IngestOptions {
        var o = IngestOptions(source: "s", kind: kind, path: "in.csv")
        edit(&o)
        return o
    }

    @Test func columnsOfEachKind() throws {
        let plan = try ColumnPlan(Self.options(.publications))
        #expect(
            plan.columns.map(\.name) == [
                "municipality", "registered", "access", "record_id", "record_type", "published", "exemption_basis",
                "format", "licence", "linked",
            ])
        #expect(plan.columns.filter(\.required).map(\.name) == ["municipality", "registered", "access"])
        #expect(plan.columns.first { $0.name == "access" }?.rule == .oneOf(["exempt", "open", "partial"]))
    }

    @Test func surveyItemsAreNumbersWithTheLikertRule() throws {
        let plan = try ColumnPlan(
            Self.options(.survey) {
                $0.survey = SurveySettings(scales: [
                    ScaleSpec(name: "a", items: ["q1", "q2"]), ScaleSpec(name: "b", items: ["q2", "q3"]),
                ])
            })
        let items = plan.columns.filter { $0.rule == .likert }
        #expect(items.map(\.name) == ["q1", "q2", "q3"])  // the union, in scale order
        #expect(items.allSatisfy { $0.type == .number && !$0.required })
    }

    @Test(arguments: [
        ("columns", "kommune", "is not a column of a source of kind 'engagement'"),
        ("fixed", "kommune", "cannot be fixed: it is not a column of a source of kind 'engagement'"),
    ])
    func unknownCanonicalNames(option: String, name: String, message: String) {
        let options = Self.options(.engagement) {
            if option == "columns" { $0.columns = [name: "x"] } else { $0.fixed = [name: "x"] }
        }
        let error = #expect(throws: Diagnostic.self) { try ColumnPlan(options) }
        #expect(error?.location.field == name)
        #expect(error?.message.hasPrefix(message) == true)
    }

    @Test(arguments: [
        ("date", "2019-02-30", "fixed value: \"2019-02-30\" is an impossible date"),
        ("date", "", "fixed value: required value is empty"),
        ("municipality", "", "fixed value: required value is empty"),
    ])
    func badFixedValues(column: String, value: String, message: String) {
        let options = Self.options(.engagement) { $0.fixed = [column: value] }
        let error = #expect(throws: Diagnostic.self) { try ColumnPlan(options) }
        #expect(error?.message == message)
    }

    @Test func badDatePattern() {
        let options = Self.options(.engagement) { $0.dateFormat = .pattern("dd.MM.yy") }
        let error = #expect(throws: Diagnostic.self) { try ColumnPlan(options) }
        #expect(error?.message.hasPrefix("the date format 'dd.MM.yy' cannot be used") == true)
    }
}
