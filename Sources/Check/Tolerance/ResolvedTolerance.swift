/// The tolerance that applies to one indicator, and the rule it came from.
package struct ResolvedTolerance: Sendable, Hashable {
    /// The bounds; ``CheckConfiguration/Tolerance/exact`` when no rule matched and there is no `default`.
    package var tolerance: CheckConfiguration.Tolerance
    /// The pattern of the rule that matched (`"survey.*"`, an exact id, `"default"`), or `nil`
    /// when none matched and there is no `default`.
    package var rule: String?

    package init(tolerance: CheckConfiguration.Tolerance, rule: String?) {
        self.tolerance = tolerance
        self.rule = rule
    }

    /// `rel 0.005 (survey.*)`, `exact (no rule)`.
    package var summary: String { "\(tolerance.summary) (\(rule ?? "no rule"))" }
}
