import ApenCore

/// Chooses the tolerance for each indicator id from the `check: tolerance:` rules.
///
/// Rules are globs on the indicator id (``Glob``: `*` any run, `?` one character). When several
/// match, the most specific wins:
/// 1. a rule without wildcards (an exact id) beats every glob;
/// 2. among globs, the one with more literal characters (``Glob/specificity``) wins —
///    `survey.transparency.*` (21) beats `survey.*` (7), which beats `*` (0);
/// 3. on a tie, the rule written **later** in the file wins (as in `.gitignore`: a later
///    line refines an earlier one).
///
/// The rule named `default` applies only when no other rule matches; without a `default`,
/// an unmatched indicator must equal its baseline exactly.
///
/// ```swift
/// let table = ToleranceTable(configuration.tolerances)
/// table.resolve("survey.transparency.index").rule   // "survey.*"
/// ```
package struct ToleranceTable: Sendable {
    private struct Rule: Sendable {
        var glob: Glob
        var tolerance: CheckConfiguration.Tolerance
        var order: Int
    }

    private let rules: [Rule]
    private let fallback: ResolvedTolerance

    /// The key that names the fallback rule.
    package static let defaultKey = "default"

    /// Builds the table from the rules in file order (`"default"` among them or not).
    package init(_ tolerances: [(pattern: String, tolerance: CheckConfiguration.Tolerance)]) {
        var rules: [Rule] = []
        var fallback = ResolvedTolerance(tolerance: .exact, rule: nil)
        for (i, t) in tolerances.enumerated() {
            if t.pattern == Self.defaultKey {
                fallback = ResolvedTolerance(tolerance: t.tolerance, rule: Self.defaultKey)
            } else {
                rules.append(Rule(glob: Glob(t.pattern), tolerance: t.tolerance, order: i))
            }
        }
        self.rules = rules
        self.fallback = fallback
    }

    /// The tolerance for `indicator` and the rule it came from.
    /// - Complexity: O(rules × id length).
    package func resolve(_ indicator: String) -> ResolvedTolerance {
        var best: Rule?
        for rule in rules where rule.glob.matches(indicator) {
            guard let b = best else {
                best = rule
                continue
            }
            if Self.rank(rule) >= Self.rank(b) { best = rule }  // `>=`: later wins ties (rules are in file order)
        }
        guard let best else { return fallback }
        return ResolvedTolerance(tolerance: best.tolerance, rule: best.glob.pattern)
    }

    /// Exact ids first, then more literal characters.
    private static func rank(_ r: Rule) -> (Int, Int) {
        (r.glob.isLiteral ? 1 : 0, r.glob.specificity)
    }
}
