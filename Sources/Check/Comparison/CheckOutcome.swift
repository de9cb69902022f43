/// The result of `apen check` as a value; the command maps ``exitCode`` to the process exit.
///
/// | outcome | exit |
/// |---|---|
/// | every row within tolerance (warnings allowed) | 0 |
/// | any failure: drift, or missing/added/n changed under a `fail` policy | 1 |
/// | usage error, unreadable or malformed baseline, no baseline configured | 2 |
package enum CheckOutcome: Sendable, Hashable {
    case passed(CheckReport)
    case failed(CheckReport)
    /// The check could not be made; the reason is printed (e.g. `baseline.csv:7: field 'value': "x" is not a number`).
    case unusable(reason: String)

    /// The outcome of a finished comparison.
    package init(_ report: CheckReport) {
        self = report.passed ? .passed(report) : .failed(report)
    }

    /// 0 passed, 1 failed, 2 unusable.
    package var exitCode: Int32 {
        switch self {
        case .passed: 0
        case .failed: 1
        case .unusable: 2
        }
    }

    /// The report, when the comparison was made.
    package var report: CheckReport? {
        switch self {
        case .passed(let r), .failed(let r): r
        case .unusable: nil
        }
    }
}
