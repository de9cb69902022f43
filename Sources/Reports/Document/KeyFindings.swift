import ApenCore

/// The short "key findings" list at the top of a report, generated in plain language.
///
/// Three kinds of finding, in this order:
/// 1. the composite rank of each focus municipality with its Monte-Carlo interval (METHODS §6);
/// 2. the five-working-day rule: where `foi.within_5_workdays_share` < 1, some innsynskrav were
///    not answered within 5 arbeidsdager, which offentleglova § 32 treats as a refusal (METHODS §5);
/// 3. the largest changes since the previous year for each focus municipality (or, without a
///    focus, across all municipalities), measured against the spread between municipalities so
///    that shares, indices and days compare.
enum KeyFindings {
    static let foiRule = "foi.within_5_workdays_share"

    static func make(_ data: ReportData) -> [String] {
        var out: [String] = []
        out += compositeFindings(data)
        out += foiFindings(data)
        out += changeFindings(data)
        return out
    }

    static func compositeFindings(_ data: ReportData) -> [String] {
        let nb = data.language == .nb
        var out: [String] = []
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
                let rank = DisplayNumber.trimmed(r.value, maxDigits: 1, language: data.language)
                var s =
                    nb
                    ? "\(data.name(code)) er nr. \(rank) av \(rows.count) kommuner på «\(label)» i \(year)"
                    : "\(data.name(code)) ranks \(rank) of \(rows.count) municipalities on “\(label)” in \(year)"
                // The rank the year before, when there is one: how the municipality moved.
                if let prev = data.rows(ind.id).last(where: { $0.municipality == code && $0.year < year }) {
                    let p = DisplayNumber.trimmed(prev.value, maxDigits: 1, language: data.language)
                    s += nb ? " (nr. \(p) i \(prev.year))" : " (\(p) in \(prev.year))"
                }
                if let l = r.ciLow, let h = r.ciHigh {
                    let lo = DisplayNumber.trimmed(l, maxDigits: 1, language: data.language)
                    let hi = DisplayNumber.trimmed(h, maxDigits: 1, language: data.language)
                    s +=
                        nb
                        ? "; med varierte vekter ligger rangen mellom \(lo) og \(hi) (5.–95. persentil)."
                        : "; with varied weights the rank lies between \(lo) and \(hi) (5th–95th percentile)."
                } else {
                    s += "."
                }
                out.append(s)
            }
        }
        return out
    }

    static func foiFindings(_ data: ReportData) -> [String] {
        let nb = data.language == .nb
        guard let year = data.latestYear(foiRule) else { return [] }
        let rows = data.rows(foiRule, year: year)
        let below = rows.filter { $0.value < 1 }
        var out: [String] = []
        let subjects = data.focus
        for code in subjects {
            guard let r = rows.first(where: { $0.municipality == code }) else { continue }
            let pct = DisplayNumber.percent(share: r.value, language: data.language)
            if r.value < 1 {
                out.append(
                    nb
                        ? "I \(data.name(code)) ble \(pct) av innsynskravene i \(year) besvart innen 5 arbeidsdager (\(r.n) krav). Et krav som ikke er besvart innen fem arbeidsdager, regnes som avslått og kan påklages (offentleglova § 32)."
                        : "In \(data.name(code)), \(pct) of access requests in \(year) were answered within 5 working days (\(r.n) requests). A request not answered within five working days counts as refused and may be appealed (Freedom of Information Act § 32)."
                )
            } else {
                out.append(
                    nb
                        ? "\(data.name(code)) besvarte alle innsynskrav i \(year) innen 5 arbeidsdager (\(r.n) krav)."
                        : "\(data.name(code)) answered all access requests in \(year) within 5 working days (\(r.n) requests)."
                )
            }
        }
        if rows.count > subjects.count || subjects.isEmpty {
            out.append(
                nb
                    ? "\(below.count) av \(rows.count) kommuner besvarte ikke alle innsynskrav innen 5 arbeidsdager i \(year)."
                    : "\(below.count) of \(rows.count) municipalities did not answer every access request within 5 working days in \(year)."
            )
        }
        return out
    }

    struct Change: Sendable {
        var indicator: ResolvedIndicator
        var municipality: String
        var from: IndicatorRow
        var to: IndicatorRow
        /// |Δ| relative to the spread between municipalities.
        var size: Double
    }

    /// Changes from each municipality's previous to its latest year, for indicators with a direction.
    static func changes(_ data: ReportData, municipalities: [String]) -> [Change] {
        var out: [Change] = []
        for ind in data.indicators where ind.info.direction != 0 && !ind.isCompositeRank && !ind.isCompositeShift {
            let all = data.rows(ind.id)
            guard let lo = all.map(\.value).min(), let hi = all.map(\.value).max() else { continue }
            for code in municipalities {
                let mine = all.filter { $0.municipality == code }
                guard mine.count >= 2 else { continue }
                let to = mine[mine.count - 1]
                let from = mine[mine.count - 2]
                let spread = hi - lo
                let scale = spread > 0 ? spread : max(abs(from.value), 1e-12)
                let size = abs(to.value - from.value) / scale
                guard size > 0 else { continue }
                out.append(Change(indicator: ind, municipality: code, from: from, to: to, size: size))
            }
        }
        return out.sorted { a, b in
            if a.size != b.size { return a.size > b.size }
            if a.municipality != b.municipality {
                return a.municipality.utf8.lexicographicallyPrecedes(b.municipality.utf8)
            }
            return a.indicator.id.utf8.lexicographicallyPrecedes(b.indicator.id.utf8)
        }
    }

    static func changeFindings(_ data: ReportData) -> [String] {
        var picked: [Change] = []
        if data.focus.isEmpty {
            picked = Array(changes(data, municipalities: data.municipalities).prefix(3))
        } else {
            for code in data.focus { picked += changes(data, municipalities: [code]).prefix(2) }
        }
        return picked.map { sentence($0, data) }
    }

    static func sentence(_ c: Change, _ data: ReportData) -> String {
        let nb = data.language == .nb
        let unit = c.indicator.info.unit
        let label = c.indicator.label(data.language)
        let up = c.to.value > c.from.value
        let better = (up ? 1 : -1) * c.indicator.info.direction > 0
        let from = DisplayNumber.value(c.from.value, unit: unit, language: data.language)
        let to = DisplayNumber.value(c.to.value, unit: unit, language: data.language)
        let delta = DisplayNumber.shownChange(from: c.from.value, to: c.to.value, unit: unit, language: data.language)
        // Overlapping 95 % intervals: the change may be sampling noise (a conservative reading;
        // separate intervals mean a clear difference, overlapping ones do not rule it out).
        var overlap = false
        if let l1 = c.from.ciLow, let h1 = c.from.ciHigh, let l2 = c.to.ciLow, let h2 = c.to.ciHigh {
            overlap = l1 <= h2 && l2 <= h1
        }
        if nb {
            return
                "\(data.name(c.municipality)): «\(label)» \(up ? "steg" : "falt") fra \(from) i \(c.from.year) til \(to) i \(c.to.year) (\(delta)), \(better ? "en forbedring" : "en svekkelse")"
                + (overlap ? ", men 95 %-intervallene overlapper, så endringen er usikker." : ".")
        }
        return
            "\(data.name(c.municipality)): “\(label)” \(up ? "rose" : "fell") from \(from) in \(c.from.year) to \(to) in \(c.to.year) (\(delta)), \(better ? "an improvement" : "a deterioration")"
            + (overlap ? ", but the 95% intervals overlap, so the change is uncertain." : ".")
    }
}
