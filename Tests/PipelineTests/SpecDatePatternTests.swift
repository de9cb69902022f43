import Testing

@testable import Pipeline

struct SpecDatePatternTests {
    @Test(arguments: ["dd.MM.yyyy", "d/M/yyyy", "yyyyMMdd", "yyyy-MM-dd", "MM/dd/yyyy", "d. M. yyyy"])
    func valid(pattern: String) {
        #expect(SpecParser.datePatternProblem(pattern) == nil)
    }

    @Test(arguments: [
        ("dd.mm.yyyy", "'mm' is not a field (dd or d: day, MM or M: month, yyyy: year)"),
        ("yy-MM-dd", "'yy' is not a field (dd or d: day, MM or M: month, yyyy: year)"),
        ("dd.MM", "no year field"),
        ("dd.MM.dd.yyyy", "the day appears 2 times"),
        ("dMyyyy", "'d' and 'M' need a separator between them"),
        ("yyyyMd", "'yyyy' and 'M' need a separator between them"),
        ("dd–MM–yyyy", "separators must be ASCII, found '–'"),
    ])
    func invalid(pattern: String, problem: String) {
        #expect(SpecParser.datePatternProblem(pattern) == problem)
    }
}
