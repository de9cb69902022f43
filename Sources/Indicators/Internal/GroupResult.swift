import ApenCore

/// What one group produced: rows, skipped indicators with a reason, or a fatal error.
struct GroupResult: Sendable {
    var rows: [IndicatorRow] = []
    var skipped: [(indicator: String, reason: RunWarning.Reason)] = []
    var error: Diagnostic?

    mutating func skip(_ indicator: String, _ reason: RunWarning.Reason) { skipped.append((indicator, reason)) }

    /// Adds a row, or skips it when a number is not finite (METHODS §1: never NaN or
    /// infinity in an output; validated inputs cannot produce one, so this is a safety net).
    mutating func add(_ row: IndicatorRow) {
        let numbers = [row.value, row.se, row.ciLow, row.ciHigh].compactMap { $0 }
        if numbers.allSatisfy(\.isFinite) {
            rows.append(row)
        } else {
            skip(row.indicator, .notFinite)
        }
    }
}
