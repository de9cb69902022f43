import ApenCore

/// One municipality's value for a chart, in the indicator's own unit (shares 0…1).
struct ChartDatum: Sendable, Hashable {
    var code: String
    var name: String
    var value: Double
    var low: Double?
    var high: Double?
    var focus: Bool
    /// The marks of its reliability flags (`*`, `†`, `‡`), drawn hollow and marked.
    var marks: String = ""
    /// Shown as «:» (`report: {suppress_below: N}`): no bar or point, no place in the axis.
    var suppressed: Bool = false
}
