import ApenCore

/// One municipality's value for a chart, in the indicator's own unit (shares 0…1).
struct ChartDatum: Sendable, Hashable {
    var code: String
    var name: String
    var value: Double
    var low: Double?
    var high: Double?
    var focus: Bool
}
