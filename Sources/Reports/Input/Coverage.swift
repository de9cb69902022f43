/// Accepted rows of a source for one municipality and year.
public struct Coverage: Sendable, Hashable {
    public var municipality: String
    public var year: Int
    public var rows: Int
    public init(municipality: String, year: Int, rows: Int) {
        self.municipality = municipality
        self.year = year
        self.rows = rows
    }
}
