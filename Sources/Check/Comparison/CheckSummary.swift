/// Counts of a check: the one-line summary `N checked, N drifted, N missing, N added`.
package struct CheckSummary: Sendable, Hashable {
    /// Distinct rows in the baseline or the new results (every row looked at).
    package var checked: Int
    package var drifted: Int
    package var missing: Int
    package var added: Int
    /// Rows within tolerance whose `n` changed.
    package var nChanged: Int
    /// Rows whose verdict is ``Verdict/fail``.
    package var failures: Int
    /// Rows whose verdict is ``Verdict/warn``.
    package var warnings: Int

    package init(_ rows: [RowComparison]) {
        checked = rows.count
        drifted = rows.count(where: { $0.status == .drift })
        missing = rows.count(where: { $0.status == .missing })
        added = rows.count(where: { $0.status == .added })
        nChanged = rows.count(where: { $0.status == .nChanged })
        failures = rows.count(where: { $0.verdict == .fail })
        warnings = rows.count(where: { $0.verdict == .warn })
    }

    /// `12 checked, 1 drifted, 0 missing, 2 added, 0 n changed`.
    package var line: String {
        "\(checked) checked, \(drifted) drifted, \(missing) missing, \(added) added, \(nChanged) n changed"
    }

    /// `passed`, `passed with 2 warnings`, `failed: 1 failure, 2 warnings`.
    package var verdictText: String {
        let w = warnings == 1 ? "1 warning" : "\(warnings) warnings"
        if failures == 0 { return warnings == 0 ? "passed" : "passed with \(w)" }
        return "failed: " + (failures == 1 ? "1 failure" : "\(failures) failures") + (warnings == 0 ? "" : ", \(w)")
    }
}
