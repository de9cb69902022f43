/// Accepted rows of a source for one municipality and year.
package struct Coverage: Sendable, Hashable {
    package var municipality: String
    package var year: Int
    package var rows: Int
    package init(municipality: String, year: Int, rows: Int) {
        self.municipality = municipality
        self.year = year
        self.rows = rows
    }
}
