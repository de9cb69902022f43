import ApenCore
import Ingest

/// The rows of a report indexed for drawing and writing: by indicator, municipality and year,
/// with every id resolved against the catalogue. Every list here is sorted, so nothing that
/// is built from it depends on hashing order.
struct ReportData: Sendable {
    let language: Language
    let options: ReportOptions
    /// Indicators present in the rows (ordinary rows), in report order: family, then id.
    let indicators: [ResolvedIndicator]
    /// Ordinary rows (empty breakdown) per indicator id, canonically sorted.
    let rowsByIndicator: [String: [IndicatorRow]]
    /// Rows with a breakdown, canonically sorted (tables only).
    let breakdownRows: [IndicatorRow]
    /// Municipality codes present in the rows, in UTF-8 byte order.
    let municipalities: [String]
    /// Years present in the rows, ascending.
    let years: [Int]
    /// Focus municipalities that appear in the rows, in the order the options give them.
    var focus: [String]
    let resolver: CatalogueResolver
    /// The year whose municipality structure the numbers follow (`harmonise_to`), if any.
    let structure: Int?
    /// Ordinary rows by (indicator, municipality, year) for O(1) look-ups in tables.
    private let index: [RowKey: IndicatorRow]

    struct RowKey: Hashable, Sendable {
        var indicator: String
        var municipality: String
        var year: Int
    }

    /// Families in the order sections appear; any other family follows, alphabetically.
    static let familyOrder = ["survey", "engagement", "publication", "opendata", "foi", "composite"]

    init(_ input: ReportInput) {
        language = input.language
        options = input.options
        structure = input.provenance.municipalityStructure
        resolver = CatalogueResolver(input.catalogue)
        let sorted = input.rows.filter { $0.value.isFinite }.canonicallySorted()
        var by: [String: [IndicatorRow]] = [:]
        var munis = Set<String>()
        var yrs = Set<Int>()
        var withBreakdown: [IndicatorRow] = []
        for r in sorted {
            // A composite shift's yearly mean has an empty municipality: a summary, not a municipality.
            if !r.municipality.isEmpty { munis.insert(r.municipality) }
            yrs.insert(r.year)
            if r.breakdown.isEmpty { by[r.indicator, default: []].append(r) } else { withBreakdown.append(r) }
        }
        rowsByIndicator = by
        var idx: [RowKey: IndicatorRow] = [:]
        for (_, list) in by {
            for r in list { idx[RowKey(indicator: r.indicator, municipality: r.municipality, year: r.year)] = r }
        }
        index = idx
        breakdownRows = withBreakdown
        municipalities = munis.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        years = yrs.sorted()
        var ids = Set(by.keys)
        for r in withBreakdown { ids.insert(r.indicator) }
        let resolver = self.resolver
        indicators = ids.map { resolver.resolve($0) }.sorted(by: ReportData.reportOrder)
        var seen = Set<String>()
        focus = input.options.focus.filter { munis.contains($0) && seen.insert($0).inserted }
    }

    static func familyRank(_ family: String) -> Int {
        familyOrder.firstIndex(of: family) ?? familyOrder.count
    }

    /// Family, then placeholder values (one survey scale's indicators together, indicators
    /// without a scale first), then catalogue order, then id.
    static func reportOrder(_ a: ResolvedIndicator, _ b: ResolvedIndicator) -> Bool {
        let fa = familyRank(a.info.family)
        let fb = familyRank(b.info.family)
        if fa != fb { return fa < fb }
        if a.info.family != b.info.family { return a.info.family.utf8.lexicographicallyPrecedes(b.info.family.utf8) }
        if a.captureKey != b.captureKey { return a.captureKey.utf8.lexicographicallyPrecedes(b.captureKey.utf8) }
        if a.entryIndex != b.entryIndex { return a.entryIndex < b.entryIndex }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }

    /// Families present, in report order, each with its indicators.
    var families: [(family: String, indicators: [ResolvedIndicator])] {
        var out: [(String, [ResolvedIndicator])] = []
        for ind in indicators {
            if let last = out.last, last.0 == ind.info.family {
                out[out.count - 1].1.append(ind)
            } else {
                out.append((ind.info.family, [ind]))
            }
        }
        return out.map { (family: $0.0, indicators: $0.1) }
    }

    func indicator(_ id: String) -> ResolvedIndicator? { indicators.first { $0.id == id } }

    /// The row is shown as «:» (`report: {suppress_below: N}`).
    func suppressed(_ r: IndicatorRow) -> Bool { Suppression.hides(r, options) }

    /// Display name (METHODS §9): the configured name (`report: names:`), else the name of a
    /// Norwegian municipality number in the shipped classification (in the structure the numbers
    /// follow), else the code as written.
    func name(_ code: String) -> String {
        options.names[code] ?? MunicipalityCrosswalk.shipped.displayName(of: code, in: structure) ?? code
    }

    func isFocus(_ code: String) -> Bool { focus.contains(code) }

    func rows(_ indicator: String) -> [IndicatorRow] { rowsByIndicator[indicator] ?? [] }

    func rows(_ indicator: String, year: Int) -> [IndicatorRow] { rows(indicator).filter { $0.year == year } }

    func row(_ indicator: String, _ municipality: String, _ year: Int) -> IndicatorRow? {
        index[RowKey(indicator: indicator, municipality: municipality, year: year)]
    }

    /// The latest year in which the indicator has an ordinary row.
    func latestYear(_ indicator: String) -> Int? { rows(indicator).map(\.year).max() }

    /// Years in which the indicator has rows, ascending.
    func years(_ indicator: String) -> [Int] { Array(Set(rows(indicator).map(\.year))).sorted() }

    /// Municipalities that are "the others" in trend charts: everyone not in focus.
    var others: [String] { municipalities.filter { !isFocus($0) } }
}
