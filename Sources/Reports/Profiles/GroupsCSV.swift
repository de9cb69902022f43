import ApenCore

/// `groups.csv`: the comparison groups' rows in the indicator format of METHODS.md §1 with
/// `group` in place of `municipality` (`county:50`, `country`, `country_excl_oslo`, or a
/// declared group's name), in the same order and number format as `indicators.csv`.
enum GroupsCSV {
    static func render(_ rows: [IndicatorRow]) -> String {
        let text = IndicatorCSV.render(rows)
        guard let end = text.firstIndex(of: "\n") else { return text }
        let header = String(text[..<end]).replacingOccurrences(",municipality,", ",group,")
        return header + text[end...]
    }
}
