/// What happened to one row between the baseline and the new results.
///
/// The raw values are the words used in every output format.
package enum RowStatus: String, Sendable, Hashable, CaseIterable {
    /// In both, value within tolerance, same `n`.
    case ok
    /// In both, value outside its tolerance (whatever `n` did). Always a failure.
    case drift
    /// In both, value within tolerance, but `n` differs (policy `n_changed`, default warn).
    case nChanged = "n_changed"
    /// In the baseline, not in the new results (policy `missing`, default fail).
    case missing
    /// In the new results, not in the baseline (policy `added`, default warn).
    case added

    /// The word shown in text and Markdown tables (`n changed` with a space).
    package var label: String { self == .nChanged ? "n changed" : rawValue }
}
