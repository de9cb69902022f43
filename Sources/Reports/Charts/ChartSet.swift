import ApenCore

/// All charts of a report, built from its data in a fixed order.
///
/// Which kinds are drawn follows `ReportOptions.charts` (`bars`, `trends`, `heatmap`,
/// `composite`). Bars: every indicator except composite ranks and shifts, latest year.
/// Trends: indicators with at least two years. Heatmap: indicators with a direction (not
/// counts), latest year. Composite: one rank chart per `composite.<id>.rank`.
struct ChartSet: Sendable {
    var bars: [String: Chart] = [:]
    var trends: [String: Chart] = [:]
    var ranks: [String: Chart] = [:]
    /// Per composite index id (`composite.<id>`): the total-order Sobol indices per factor, latest year.
    var sensitivity: [String: Chart] = [:]
    /// Survey indices by subgroup (breakdown rows) for the focus municipalities, latest year.
    var subgroups: [String: Chart] = [:]
    var heatmap: Chart?
    /// Every chart in report order (file writing order).
    var all: [Chart] = []

    /// - Parameter jobs: workers drawing the indicators' charts (each indicator's on one); the
    ///   charts and their order do not depend on it.
    init(_ data: ReportData, jobs: Int = 1) {
        let strings = Strings(language: data.language)
        let kinds = Set(data.options.charts)
        let indicators = data.indicators
        let drawn = Parallel.map(count: indicators.count, jobs: jobs) { i -> IndicatorCharts in
            let ind = indicators[i]
            var charts = IndicatorCharts()
            guard !ind.isCompositeShift, !ind.isCompositeRankMedian, !ind.isCompositeCoherence, !ind.isCompositePillar,
                !data.rows(ind.id).isEmpty
            else { return charts }
            if ind.isCompositeRank {
                if kinds.contains("composite") { charts.rank = ChartSet.rank(ind, data, strings) }
                return charts
            }
            if kinds.contains("bars") { charts.bars = ChartSet.bars(ind, data, strings) }
            if kinds.contains("trends") { charts.trend = ChartSet.trend(ind, data, strings) }
            if kinds.contains("bars") { charts.subgroups = ChartSet.subgroups(ind, data, strings) }
            return charts
        }
        for (ind, charts) in zip(indicators, drawn) {
            if let c = charts.rank {
                ranks[ind.id] = c
                all.append(c)
            }
            if let c = charts.bars {
                bars[ind.id] = c
                all.append(c)
            }
            if let c = charts.trend {
                trends[ind.id] = c
                all.append(c)
            }
            if let c = charts.subgroups {
                subgroups[ind.id] = c
                all.append(c)
            }
        }
        if kinds.contains("composite") {
            for ind in data.indicators where ind.isCompositeRank {
                let indexID = String(ind.id.dropLast(".rank".count))
                if let c = ChartSet.sobol(indexID, data, strings) {
                    sensitivity[indexID] = c
                    all.append(c)
                }
            }
        }
        if kinds.contains("heatmap"), let c = ChartSet.heatmap(data, strings) {
            heatmap = c
            all.append(c)
        }
    }

    /// The charts of one indicator, in report order (a rank chart, or bars, trend, subgroups).
    private struct IndicatorCharts: Sendable {
        var rank: Chart?
        var bars: Chart?
        var trend: Chart?
        var subgroups: Chart?
    }

    /// A file-name-safe form of an id: letters, digits, `.`, `-`, `_` kept.
    static func fileSafe(_ s: String) -> String {
        String(s.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    static func datum(_ r: IndicatorRow, _ data: ReportData) -> ChartDatum {
        ChartDatum(
            code: r.municipality, name: data.name(r.municipality), value: r.value, low: r.ciLow, high: r.ciHigh,
            focus: data.isFocus(r.municipality), marks: marks(r), suppressed: data.suppressed(r))
    }

    /// The marks of a row's reliability flags, in the written order.
    static func marks(_ r: IndicatorRow) -> String {
        IndicatorFlags.names.filter { r.flags.contains($0.flag) }.map { Strings.mark($0.flag) }.joined()
    }

    /// What a chart's description adds about its flagged and suppressed values.
    static func reliability(_ data: [ChartDatum], _ options: ReportOptions, _ s: Strings) -> String {
        var out = ""
        if data.contains(where: { !$0.marks.isEmpty && !$0.suppressed }) { out += " " + s.chartFlagged }
        if let limit = options.suppressBelow, data.contains(where: \.suppressed) {
            out += " " + s.chartSuppressed(limit)
        }
        return out
    }

    static func bars(_ ind: ResolvedIndicator, _ data: ReportData, _ s: Strings) -> Chart? {
        guard let year = data.latestYear(ind.id) else { return nil }
        let rows = data.rows(ind.id, year: year)
        let lowerIsBetter = ind.info.direction < 0
        // Suppressed values go last, by code: their place in the order would tell their size.
        let sorted = rows.sorted { a, b in
            let ha = data.suppressed(a)
            let hb = data.suppressed(b)
            if ha != hb { return hb }
            if !ha && a.value != b.value { return lowerIsBetter ? a.value < b.value : a.value > b.value }
            return a.municipality.utf8.lexicographicallyPrecedes(b.municipality.utf8)
        }
        let label = ind.label(data.language)
        let ci = rows.contains { $0.ciLow != nil && $0.ciHigh != nil }
        let points = sorted.map { datum($0, data) }
        return BarChart.make(
            slug: "bars-" + fileSafe(ind.id), title: s.barsTitle(label, year),
            description: s.barsDesc(rows.count, year, ci: ci, neutral: ind.info.direction == 0)
                + reliability(points, data.options, s),
            axisTitle: s.axisTitle(ind.info.unit), unit: ind.info.unit, data: points,
            language: data.language
        ).chart
    }

    /// A survey index by subgroup (METHODS §2 "Survey breakdowns"): one bar per focus
    /// municipality and breakdown value in the latest year, with its 95 % interval.
    static func subgroups(_ ind: ResolvedIndicator, _ data: ReportData, _ s: Strings) -> Chart? {
        guard ind.id.hasPrefix("survey."), ind.id.hasSuffix(".index") else { return nil }
        let all = data.breakdownRows.filter { $0.indicator == ind.id && data.isFocus($0.municipality) }
        guard let year = all.map(\.year).max() else { return nil }
        var rows: [IndicatorRow] = []
        for code in data.focus {
            rows += all.filter { $0.year == year && $0.municipality == code }.sorted {
                $0.breakdown.utf8.lexicographicallyPrecedes($1.breakdown.utf8)
            }
        }
        guard !rows.isEmpty else { return nil }
        let points = rows.map { r in
            // `aldersgruppe=18-29` → "Trondheim · 18-29".
            let value = r.breakdown.split(separator: "=", maxSplits: 1).last.map(String.init) ?? r.breakdown
            return ChartDatum(
                code: r.municipality + "|" + r.breakdown, name: data.name(r.municipality) + " · " + value,
                value: r.value, low: r.ciLow, high: r.ciHigh, focus: false, marks: marks(r),
                suppressed: data.suppressed(r))
        }
        let label = ind.label(s.language)
        return BarChart.make(
            slug: "subgroups-" + fileSafe(ind.id), title: s.subgroupsTitle(label, year),
            description: s.subgroupsDesc(year) + reliability(points, data.options, s),
            axisTitle: s.axisTitle(ind.info.unit), unit: ind.info.unit,
            data: points, language: s.language
        ).chart
    }

    static func trend(_ ind: ResolvedIndicator, _ data: ReportData, _ s: Strings) -> Chart? {
        let years = data.years(ind.id)
        guard years.count >= 2 else { return nil }
        var focus: [TrendChart.Series] = []
        var hidden = false
        for code in data.focus {
            let all = data.rows(ind.id).filter { $0.municipality == code }
            // A suppressed year is left out of the line (and said in the description).
            hidden = hidden || all.contains(where: data.suppressed)
            let rows = all.filter { !data.suppressed($0) }
            guard !rows.isEmpty else { continue }
            focus.append(
                TrendChart.Series(
                    code: code, name: data.name(code), points: rows.map { datum($0, data) }, years: rows.map(\.year)))
        }
        let othersAreAll = data.focus.isEmpty
        var others: [Int: [Double]] = [:]
        var othersHidden = false
        for r in data.rows(ind.id) where othersAreAll || !data.isFocus(r.municipality) {
            if data.suppressed(r) {
                othersHidden = true
            } else {
                others[r.year, default: []].append(r.value)
            }
        }
        if focus.isEmpty && others.isEmpty { return nil }
        let label = ind.label(data.language)
        return TrendChart.make(
            slug: "trend-" + fileSafe(ind.id), title: s.trendTitle(label),
            description: s.trendDesc(focus.map(\.name), years.first!, years.last!)
                + reliability(focus.flatMap(\.points), data.options, s)
                + (!hidden && !othersHidden ? "" : " " + s.trendSuppressed(data.options.suppressBelow ?? 0)),
            axisTitle: s.axisTitle(ind.info.unit),
            unit: ind.info.unit, years: years, focus: focus, others: others, othersAreAll: othersAreAll, strings: s
        ).chart
    }

    static func heatmapColumns(_ data: ReportData) -> (year: Int, columns: [ResolvedIndicator])? {
        let candidates = data.indicators.filter {
            $0.info.direction != 0 && !$0.isCompositeRank && !$0.isCompositeShift && !$0.isCompositeRankMedian
                && !$0.isCompositeCoherence
                && !data.rows($0.id).isEmpty
        }
        guard let year = candidates.compactMap({ data.latestYear($0.id) }).max() else { return nil }
        let cols = candidates.filter { !data.rows($0.id, year: year).isEmpty }
        return cols.isEmpty ? nil : (year, cols)
    }

    static func heatmap(_ data: ReportData, _ s: Strings) -> Chart? {
        guard let (year, cols) = heatmapColumns(data), data.municipalities.count >= 2 else { return nil }
        let columns = cols.map { ind -> Heatmap.Column in
            var values: [String: Double] = [:]
            var hidden = Set<String>()
            for r in data.rows(ind.id, year: year) {
                // A suppressed value is no part of the column's min–max scale either.
                if data.suppressed(r) { hidden.insert(r.municipality) } else { values[r.municipality] = r.value }
            }
            return Heatmap.Column(
                id: ind.id, label: ind.label(data.language), direction: ind.info.direction, values: values,
                hidden: hidden)
        }
        let munis = data.municipalities.map { (code: $0, name: data.name($0), focus: data.isFocus($0)) }
        let rowsWithData = munis.filter { m in columns.contains { $0.values[m.code] != nil } }.count
        let anyHidden = columns.contains { !$0.hidden.isEmpty }
        let limit = data.options.suppressBelow ?? 0
        return Heatmap.make(
            slug: "heatmap", title: s.heatmapTitle(year),
            description: s.heatmapDesc(rowsWithData, columns.count, year)
                + (anyHidden ? " " + s.chartSuppressed(limit) : ""),
            columns: columns, municipalities: munis, strings: s,
            suppressedLegend: anyHidden ? s.suppressedLegend(limit) : nil
        ).chart
    }

    /// The total-order Sobol indices of a composite's rank per uncertain factor in the latest year
    /// that has them (rows `<index>.sobol_total.<factor>`, empty municipality), largest first.
    static func sobolTotals(_ indexID: String, _ data: ReportData) -> (year: Int, factors: [IndicatorRow])? {
        let prefix = indexID + ".sobol_total."
        let rows = data.indicators.filter { $0.id.hasPrefix(prefix) }.flatMap { data.rows($0.id) }
        guard let year = rows.map(\.year).max() else { return nil }
        let latest = rows.filter { $0.year == year && $0.municipality.isEmpty }.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.indicator.utf8.lexicographicallyPrecedes($1.indicator.utf8)
        }
        return latest.isEmpty ? nil : (year, latest)
    }

    /// "What the ranking depends on": one bar per uncertain factor, its total-order Sobol index.
    static func sobol(_ indexID: String, _ data: ReportData, _ s: Strings) -> Chart? {
        guard let (year, rows) = sobolTotals(indexID, data) else { return nil }
        let prefix = indexID + ".sobol_total."
        let label = data.indicator(indexID)?.label(data.language) ?? indexID
        let lang = data.language
        let factors = rows.map { (name: String($0.indicator.dropFirst(prefix.count)), value: $0.value) }
        let datums = factors.map { f in
            ChartDatum(
                code: f.name, name: s.factorName(f.name), value: f.value, low: nil, high: nil, focus: false)
        }
        return BarChart.make(
            slug: "sobol-" + fileSafe(indexID), title: s.sobolTitle(label, year),
            description: s.sobolDesc(
                year, factors.map { ($0.name, DisplayNumber.decimal($0.value, digits: 2, language: lang)) },
                municipalities: rows[0].n),
            axisTitle: s.sobolAxis, unit: .coefficient, data: datums, language: lang
        ).chart
    }

    static func rank(_ ind: ResolvedIndicator, _ data: ReportData, _ s: Strings) -> Chart? {
        guard let year = data.latestYear(ind.id) else { return nil }
        let rows = data.rows(ind.id, year: year)
        let indexID = String(ind.id.dropLast(".rank".count))
        let label = data.indicator(indexID)?.label(data.language) ?? ind.label(data.language)
        // The factors that vary, when the sensitivity rows name them (METHODS §6 order).
        let order = ["weights", "normalisation", "aggregation", "impute", "sampling_error"]
        let prefix = indexID + ".sobol_total."
        let named = Set(
            data.indicators.filter { $0.id.hasPrefix(prefix) }.map { String($0.id.dropFirst(prefix.count)) })
        return RankChart.make(
            slug: "rank-" + fileSafe(ind.id), title: s.rankTitle(label, year),
            description: s.rankDesc(rows.count, year, factors: order.filter(named.contains)),
            axisTitle: s.axisTitle(.rank), data: rows.map { datum($0, data) }, language: data.language
        ).chart
    }
}
