import ApenCore
import Reports
import Yams

extension SpecParser {
    static let chartKinds = ["bars", "trends", "heatmap", "composite"]

    /// `report:` — focus municipalities, chart kinds, display names, the date the report
    /// shows (`date:`, which then depends on neither the clock nor `SOURCE_DATE_EPOCH`), and
    /// `suppress_below:` (an integer ≥ 1: values with a smaller n are shown as «:»).
    mutating func parseReport(_ node: Node) -> (options: ReportOptions, date: Day?) {
        var options = ReportOptions()
        guard
            let m = reader.mapping(
                node, key: "report",
                allowed: ["focus", "charts", "names", "date", "suppress_below", "groups", "profiles"])
        else {
            return (options, nil)
        }
        if let n = m.value("focus"), let codes = reader.strings(n, key: "report.focus", scalarAsList: true) {
            options.focus = codes.map(\.text)
        }
        if let n = m.value("charts"), let items = reader.list(n, key: "report.charts", scalarAsList: true) {
            options.charts = items.enumerated().compactMap { i, item in
                reader.choice(item, key: "report.charts[\(i)]", among: SpecParser.chartKinds)
            }
        }
        if let n = m.value("names"), let nm = reader.mapping(n, key: "report.names", allowed: nil) {
            for e in nm.entries {
                if let name = reader.string(e.value, key: "report.names.\(e.key)") { options.names[e.key] = name }
            }
        }
        if let n = m.value("suppress_below"), let v = reader.integer(n, key: "report.suppress_below") {
            if v >= 1 {
                options.suppressBelow = v
            } else {
                reader.error(
                    n.mark,
                    "report.suppress_below: \(v) is not a count; give a whole number ≥ 1 (values with a smaller n are shown as «:»)"
                )
            }
        }
        if let n = m.value("groups") { options.groups = parseGroups(n) }
        if let n = m.value("profiles") {
            options.profiles = parseProfiles(n)
            // A profile compares with the groups, so profiles compute them.
            if options.profiles != .none { options.groups.enabled = true }
            if options.profiles == .focus, options.focus.isEmpty {
                reader.warning(
                    n.mark,
                    "report.profiles: true writes a profile for each focus municipality, and report.focus is empty: no profile is written (profiles: all writes one for every municipality)"
                )
            }
        }
        let date = m.value("date").flatMap { parseISODay($0, key: "report.date") }
        return (options, date)
    }
}
