import ApenCore

extension CheckConfiguration.Tolerance {
    /// Exact equality: no bound declared.
    package static let exact = CheckConfiguration.Tolerance()

    /// True when neither `abs` nor `rel` is declared, so only equal values pass.
    package var isExact: Bool { abs == nil && rel == nil }

    /// Whether `new` is within this tolerance of `old`.
    ///
    /// |new − old| ≤ `abs`, or |new − old| ≤ `rel`·|old| — either declared bound suffices
    /// (docs/check.md). With no bound declared the values must be equal (`-0.0 == 0.0`).
    ///
    /// ```swift
    /// CheckConfiguration.Tolerance(rel: 0.01).admits(old: 50, new: 50.4)   // true: 0.4 ≤ 0.5
    /// CheckConfiguration.Tolerance(abs: 0.1).admits(old: 50, new: 50.4)    // false
    /// ```
    package func admits(old: Double, new: Double) -> Bool {
        let delta = (new - old).magnitude
        if isExact { return new == old }
        if let a = abs, delta <= a { return true }
        if let r = rel, delta <= r * old.magnitude { return true }
        return false
    }

    /// `abs 1e-09`, `rel 0.005`, `abs 0.1 or rel 0.01`, or `exact`.
    package var summary: String {
        switch (abs, rel) {
        case (nil, nil): return "exact"
        case (let a?, nil): return "abs \(NumberText.shortest(a))"
        case (nil, let r?): return "rel \(NumberText.shortest(r))"
        case (let a?, let r?): return "abs \(NumberText.shortest(a)) or rel \(NumberText.shortest(r))"
        }
    }
}
