import ApenCore
import Foundation

/// How `apen run` runs a pipeline. Everything that varies between machines or moments —
/// the clock, the report date, the worker count — is injected here, so outputs can be pinned.
public struct RunOptions: Sendable {
    /// The SQLite store (default `.apen/store.sqlite`).
    public var storePath: String = ".apen/store.sqlite"
    /// Output folder; `nil` = `reports/<pipeline name>`.
    public var outputDirectory: String?
    /// Dispatch workers, for independent stages and inside CPU-heavy stages.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    public var force = false
    public var only: String?
    /// Wait for another run on the same store to finish instead of failing.
    public var waitForLock = true
    /// The run's timestamps in the store (ISO-8601 UTC).
    public var now: @Sendable () -> Date = { Date() }
    /// The date shown in reports (`yyyy-MM-dd`): from `SOURCE_DATE_EPOCH` when set. A pipeline's
    /// `report.date:` takes precedence (see ``dated(by:)``).
    public var reportDate: String = RunOptions.reportDate(environment: ProcessInfo.processInfo.environment, now: Date())
    /// Where progress lines go.
    public var progress: any ProgressReporter = SilentProgress()

    public init() {}

    /// These options for running `spec`: its `report.date`, when given, is the report date.
    func dated(by spec: PipelineSpec) -> RunOptions {
        var copy = self
        if let day = spec.reportDate { copy.reportDate = day.description }
        return copy
    }

    /// `SOURCE_DATE_EPOCH` (the reproducible-builds convention) as a UTC day, else `now`'s UTC day.
    package static func reportDate(environment: [String: String], now: Date) -> String {
        if let s = environment["SOURCE_DATE_EPOCH"], let secs = Int64(s.trimmingCharacters(in: .whitespaces)) {
            return Day(raw: Int32(floorDiv(secs, 86_400))).description
        }
        return Day(raw: Int32(floorDiv(Int64(now.timeIntervalSince1970.rounded(.down)), 86_400))).description
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

/// ISO-8601 UTC text of a date, second precision (`2026-11-30T05:20:44Z`), without Foundation formatters.
func isoTimestamp(_ date: Date) -> String {
    let secs = Int64(date.timeIntervalSince1970.rounded(.down))
    let day = Day(raw: Int32((secs - ((secs % 86_400) + 86_400) % 86_400) / 86_400))
    let s = ((secs % 86_400) + 86_400) % 86_400
    func p2(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(day)T\(p2(s / 3600)):\(p2(s / 60 % 60)):\(p2(s % 60))Z"
}
