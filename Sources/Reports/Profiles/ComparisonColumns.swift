import ApenCore
import Ingest

/// The comparison groups a profile shows for one municipality, and the group rows to read
/// their values from: its county, the country, the country without Oslo, and the declared
/// groups it belongs to (all declared groups when it belongs to none), at most two of those.
struct ComparisonColumns: Sendable {
    struct Group: Sendable {
        var id: String
        var label: String
        /// The label inside a sentence («sammenligning med Trøndelag, landet og storbyer»).
        var inText: String
        /// Municipalities in the report's rows that belong to the group, by code.
        var members: [String]
    }

    let groups: [Group]
    private let index: [Key: IndicatorRow]
    /// Rows per (indicator, group), by year.
    private let series: [Key: [IndicatorRow]]

    private struct Key: Hashable {
        var indicator: String
        var group: String
        var year: Int
    }

    static let maxDeclared = 2

    init(municipality code: String, data: ReportData, groupRows: [IndicatorRow]) {
        let s = Strings(language: data.language)
        var out: [Group] = []
        let munis = data.municipalities
        if code.count == 4 {
            let prefix = String(code.prefix(2))
            let label = County.named(prefix)?.name ?? prefix
            out.append(
                Group(
                    id: "county:" + prefix, label: label, inText: label, members: munis.filter { $0.hasPrefix(prefix) })
            )
        }
        out.append(Group(id: "country", label: s.countryGroup, inText: s.countryInText, members: munis))
        out.append(
            Group(
                id: "country_excl_oslo", label: s.countryWithoutOsloGroup, inText: s.countryWithoutOsloInText,
                members: munis.filter { $0 != "0301" }))
        let declared = data.options.groups.declared
        let own = declared.filter { $0.members.contains(code) }
        for g in (own.isEmpty ? declared : own).prefix(Self.maxDeclared) {
            let members = Set(g.members)
            out.append(
                Group(
                    id: g.name, label: Self.capitalised(g.name), inText: g.name,
                    members: munis.filter { members.contains($0) }))
        }
        var index: [Key: IndicatorRow] = [:]
        let wanted = Set(out.map(\.id))
        for r in groupRows where r.breakdown.isEmpty && r.value.isFinite && wanted.contains(r.municipality) {
            index[Key(indicator: r.indicator, group: r.municipality, year: r.year)] = r
        }
        // A group with no row at all (no member has data) is not shown.
        let present = Set(index.keys.map(\.group))
        self.groups = out.filter { present.contains($0.id) }
        self.index = index
        var series: [Key: [IndicatorRow]] = [:]
        for (k, r) in index { series[Key(indicator: k.indicator, group: k.group, year: 0), default: []].append(r) }
        self.series = series.mapValues { $0.sorted { $0.year < $1.year } }
    }

    func row(_ indicator: String, group: String, year: Int) -> IndicatorRow? {
        index[Key(indicator: indicator, group: group, year: year)]
    }

    func rows(_ indicator: String, group: String) -> [IndicatorRow] {
        series[Key(indicator: indicator, group: group, year: 0)] ?? []
    }

    /// A declared name as a heading: first letter upper case (`storbyer` → `Storbyer`).
    static func capitalised(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }
}
