import ApenCore

/// The short "key findings" list at the top of a report, generated in plain language, and the
/// same findings as data (`findings.csv`, METHODS.md §9).
///
/// Three kinds of finding, in this order:
/// 1. the composite rank of each focus municipality with its Monte-Carlo interval (METHODS §6);
/// 2. the five-working-day rule: where `foi.within_5_workdays_share` < 1, some innsynskrav were
///    not answered within 5 arbeidsdager, which offentleglova § 32 treats as a refusal (METHODS §5);
/// 3. changes from the year before to the latest year that are larger than their uncertainty
///    (METHODS §9), show in the rounded figures and have neither year suppressed
///    (`report: {suppress_below: N}`): per focus municipality (or, without a focus, over all
///    municipalities) the clear changes, strongest first, at most three; when none is clear,
///    one sentence says so. A suppressed five-day share is not stated for its municipality either.
enum KeyFindings {
    static let foiRule = "foi.within_5_workdays_share"
    /// At most this many changes per focus municipality (or in all, without a focus).
    static let maxChanges = 3

    /// Shares of counted units (METHODS §9): their changes are tested with Newcombe's interval.
    static let countedShares: Set<String> = [
        "publication.open_share", "publication.exempt_share", "foi.within_3_workdays_share",
        "foi.within_5_workdays_share", "foi.granted_share", "opendata.open_licence_share", "engagement.repeat_share",
    ]

    /// A sentence of the list and, unless it only says that nothing changed clearly, its row.
    struct Item: Sendable {
        var text: String
        var finding: Finding?
    }

    /// The report's sentences.
    static func make(_ data: ReportData) -> [String] { items(data).map(\.text) }

    /// The report's sentences with their `findings.csv` rows, in the order the report states them.
    static func items(_ data: ReportData) -> [Item] {
        compositeFindings(data) + foiFindings(data) + changeFindings(data)
    }

    static func compositeFindings(_ data: ReportData) -> [Item] {
        let strings = Strings(language: data.language)
        var out: [Item] = []
        for ind in data.indicators where ind.isCompositeRank {
            guard let year = data.latestYear(ind.id) else { continue }
            let rows = data.rows(ind.id, year: year)
            let indexID = String(ind.id.dropLast(".rank".count))
            let label = data.indicator(indexID)?.label(data.language) ?? ind.label(data.language)
            let subjects =
                data.focus.isEmpty
                ? rows.sorted {
                    $0.value < $1.value
                        || ($0.value == $1.value
                            && $0.municipality.utf8.lexicographicallyPrecedes($1.municipality.utf8))
                }.prefix(1).map(\.municipality)
                : data.focus
            for code in subjects {
                guard let r = rows.first(where: { $0.municipality == code }) else { continue }
                func shown(_ x: Double) -> String { DisplayNumber.trimmed(x, maxDigits: 1, language: data.language) }
                // The rank the year before, when there is one: how the municipality moved.
                let prev = data.rows(ind.id).last(where: { $0.municipality == code && $0.year < year })
                var interval: (String, String)?
                if let l = r.ciLow, let h = r.ciHigh { interval = (shown(l), shown(h)) }
                let s = strings.rankSentence(
                    name: data.name(code), rank: shown(r.value), of: rows.count, label: label, year: year,
                    previous: prev.map { (shown($0.value), $0.year) }, interval: interval)
                let finding = Finding(
                    kind: .rank, indicator: ind.id, municipality: code, year: year, previousYear: prev?.year,
                    value: r.value, previousValue: prev?.value, ciLow: r.ciLow, ciHigh: r.ciHigh,
                    method: "monte_carlo")
                out.append(Item(text: s, finding: finding))
            }
        }
        return out
    }

    static func foiFindings(_ data: ReportData) -> [Item] {
        let strings = Strings(language: data.language)
        guard let year = data.latestYear(foiRule) else { return [] }
        let rows = data.rows(foiRule, year: year)
        let below = rows.filter { $0.value < 1 }
        var out: [Item] = []
        let subjects = data.focus
        for code in subjects {
            // A suppressed value is not stated in words either.
            guard let r = rows.first(where: { $0.municipality == code }), !data.suppressed(r) else { continue }
            let pct = DisplayNumber.percent(share: r.value, language: data.language)
            let finding = Finding(
                kind: .foiRule, indicator: foiRule, municipality: code, year: year, value: r.value,
                verdict: r.value < 1 ? "not_all_answered" : "all_answered", method: "offentleglova_32")
            let text =
                r.value < 1
                ? strings.notAllAnsweredInTime(name: data.name(code), share: pct, year: year, requests: r.n)
                : strings.allAnsweredInTime(name: data.name(code), year: year, requests: r.n)
            out.append(Item(text: text, finding: finding))
        }
        if rows.count > subjects.count || subjects.isEmpty {
            out.append(
                Item(
                    text: strings.municipalitiesNotAllInTime(below.count, of: rows.count, year: year),
                    finding: Finding(
                        kind: .foiRule, indicator: foiRule, municipality: "", year: year, value: Double(below.count),
                        verdict: "municipalities_not_all_answered", method: "offentleglova_32")))
        }
        return out
    }

    /// A change from a municipality's year before to its latest year that can be tested (§9).
    struct Change: Sendable {
        var indicator: ResolvedIndicator
        var municipality: String
        var from: IndicatorRow
        var to: IndicatorRow
        var interval: ChangeInterval
    }

    /// The testable changes (METHODS §9) of the given municipalities, clear or not: between each
    /// one's latest year of the indicator and the year before, both with n ≥ `min_n` and no
    /// `low_n` flag; shares of counted units by Newcombe's interval, estimates with an SE in both
    /// years by the t interval of the difference, nothing else.
    static func changes(_ data: ReportData, municipalities: [String]) -> [Change] {
        let minN = data.options.minN
        var out: [Change] = []
        let wanted = Set(municipalities)
        for ind in data.indicators where !ind.isCompositeRank && !ind.isCompositeShift {
            let counted = countedShares.contains(ind.id)
            // Each municipality's latest row: rows are sorted by municipality, then year.
            var latest: [String: IndicatorRow] = [:]
            let rows = data.rows(ind.id)
            if municipalities.count * data.years.count < rows.count {
                // A few municipalities (a profile): look their rows up instead of scanning all.
                for code in municipalities {
                    latest[code] = data.years.reversed().lazy.compactMap { data.row(ind.id, code, $0) }.first
                }
            } else {
                for r in rows where wanted.contains(r.municipality) { latest[r.municipality] = r }
            }
            for code in municipalities {
                guard let to = latest[code], let from = data.row(ind.id, code, to.year - 1)
                else { continue }
                guard from.n >= minN, to.n >= minN, !from.flags.contains(.lowN), !to.flags.contains(.lowN),
                    !data.suppressed(from), !data.suppressed(to)
                else {
                    continue
                }
                let interval: ChangeInterval?
                if counted {
                    interval = ChangeInterval.newcombe(
                        count: Int((to.value * Double(to.n)).rounded()), n: to.n,
                        previousCount: Int((from.value * Double(from.n)).rounded()), previousN: from.n)
                } else if let se = to.se, let se0 = from.se {
                    interval = ChangeInterval.tDifference(
                        value: to.value, se: se, df: to.df, previousValue: from.value, previousSE: se0,
                        previousDF: from.df)
                } else {
                    interval = nil
                }
                guard let interval, interval.low.isFinite, interval.high.isFinite else { continue }
                out.append(Change(indicator: ind, municipality: code, from: from, to: to, interval: interval))
            }
        }
        return out
    }

    /// Clear changes strongest first (|d| over the half-width of its interval), ties by
    /// indicator id, then municipality.
    static func clearOrdered(_ changes: [Change]) -> [Change] {
        changes.filter { $0.interval.isClear && shownFiguresDiffer($0) }.sorted { a, b in
            let sa = a.interval.strength
            let sb = b.interval.strength
            if sa != sb { return sa > sb }
            if a.indicator.id != b.indicator.id {
                return a.indicator.id.utf8.lexicographicallyPrecedes(b.indicator.id.utf8)
            }
            return a.municipality.utf8.lexicographicallyPrecedes(b.municipality.utf8)
        }
    }

    /// Whether the two figures a reader sees differ once rounded as the report shows them: a
    /// clear change between 45,21 and 45,24 is not stated as a rise from 45,2 to 45,2.
    static func shownFiguresDiffer(_ c: Change) -> Bool {
        let unit = c.indicator.info.unit
        let digits = DisplayNumber.digits(for: unit)
        return DisplayNumber.rounded(unit.axisValue(c.to.value), digits: digits)
            != DisplayNumber.rounded(unit.axisValue(c.from.value), digits: digits)
    }

    static func changeFindings(_ data: ReportData) -> [Item] {
        let s = Strings(language: data.language)
        var out: [Item] = []
        // One group per focus municipality, or one of all municipalities.
        let groups: [(subject: String?, municipalities: [String])] =
            data.focus.isEmpty ? [(nil, data.municipalities)] : data.focus.map { ($0, [$0]) }
        for group in groups {
            let tested = changes(data, municipalities: group.municipalities)
            let picked = clearOrdered(tested).prefix(maxChanges)
            if picked.isEmpty {
                guard !tested.isEmpty else { continue }
                let pairs = Set(tested.map { [$0.from.year, $0.to.year] })
                let years = pairs.count == 1 ? pairs.first : nil
                // A change larger than its uncertainty that the rounded figures do not show is
                // not stated, and the sentence must not claim there was none.
                let hiddenByRounding = tested.contains { $0.interval.isClear }
                out.append(
                    Item(
                        text: s.noClearChange(
                            name: group.subject.map(data.name), from: years?[0], to: years?[1],
                            hiddenByRounding: hiddenByRounding),
                        finding: nil))
                continue
            }
            for c in picked { out.append(Item(text: sentence(c, data), finding: finding(c))) }
        }
        return out
    }

    static func verdict(_ c: Change) -> String {
        let up = c.interval.change > 0
        switch c.indicator.info.direction {
        case 0: return up ? "increase" : "decrease"
        default: return (up ? 1 : -1) * c.indicator.info.direction > 0 ? "improvement" : "deterioration"
        }
    }

    static func finding(_ c: Change) -> Finding {
        Finding(
            kind: .change, indicator: c.indicator.id, municipality: c.municipality, year: c.to.year,
            previousYear: c.from.year, value: c.to.value, previousValue: c.from.value, change: c.interval.change,
            ciLow: c.interval.low, ciHigh: c.interval.high, verdict: verdict(c), method: c.interval.method.rawValue)
    }

    static func sentence(_ c: Change, _ data: ReportData) -> String {
        let lang = data.language
        let unit = c.indicator.info.unit
        let scale = unit == .share ? 100.0 : 1.0
        let digits = DisplayNumber.digits(for: unit)
        return Strings(language: lang).changeSentence(
            name: data.name(c.municipality), label: c.indicator.label(lang), up: c.interval.change > 0,
            from: DisplayNumber.value(c.from.value, unit: unit, language: lang), fromYear: c.from.year,
            to: DisplayNumber.value(c.to.value, unit: unit, language: lang), toYear: c.to.year,
            change: DisplayNumber.shownChange(from: c.from.value, to: c.to.value, unit: unit, language: lang),
            low: DisplayNumber.decimal(c.interval.low * scale, digits: digits, language: lang),
            high: DisplayNumber.decimal(c.interval.high * scale, digits: digits, language: lang),
            verdict: verdict(c))
    }
}
