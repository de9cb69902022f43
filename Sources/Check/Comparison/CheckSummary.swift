/// Counts of a check: the one-line summary `N checked, N drifted, N missing, N added`.
public struct CheckSummary: Sendable, Hashable {
    /// Distinct rows in the baseline or the new results (every row looked at).
    public var checked: Int
    public var drifted: Int
    public var missing: Int
    public var added: Int
    /// Rows within tolerance whose `n` changed.
    public var nChanged: Int
    /// Rows whose verdict is ``Verdict/fail``.
    public var failures: Int
    /// Rows whose verdict is ``Verdict/warn``.
    public var warnings: Int

    public init(_ rows: [RowComparison]) {
        checked = rows.count
        drifted = rows.count(where: { $0.status == .drift })
        missing = rows.count(where: { $0.status == .missing })
        added = rows.count(where: { $0.status == .added })
        nChanged = rows.count(where: { $0.status == .nChanged })
        failures = rows.count(where: { $0.verdict == .fail })
        warnings = rows.count(where: { $0.verdict == .warn })
    }

    /// `12 checked, 1 drifted, 0 missing, 2 added, 0 n changed`.
    public var line: String {
        "\(checked) checked, \(drifted) drifted, \(missing) missing, \(added) added, \(nChanged) n changed"
    }

    /// `passed`, `passed with 2 warnings`, `failed: 1 failure, 2 warnings`.
    public var verdictText: String {
        let w = warnings == 1 ? "1 warning" : "\(warnings) warnings"
        if failures == 0 { return warnings == 0 ? "passed" : "passed with \(w)" }
        return "failed: " + (failures == 1 ? "1 failure" : "\(failures) failures") + (warnings == 0 ? "" : ", \(w)")
    }
}
