import ApenCore

/// `indicators.md`: every value, rounded for reading, one table per indicator family
/// (rows = municipality and year, columns = the family's indicators), then rows with a
/// breakdown in a long table of their own.
enum IndicatorTables {
    static func blocks(_ title: String, _ data: ReportData) -> [Block] {
        let s = Strings(language: data.language)
        let lang = data.language
        var out: [Block] = [
            .heading(level: 1, text: "\(title) — \(s.indicatorsTitle)", anchor: nil),
            .paragraph([.text(s.indicatorsIntro)]),
        ]
        for (family, indicators) in data.families {
            // Yearly summaries with an empty municipality (composite coherence) have no cell here.
            let cols = indicators.filter { ind in data.rows(ind.id).contains { !$0.municipality.isEmpty } }
            if !cols.isEmpty {
                out.append(.heading(level: 2, text: s.family(family), anchor: nil))
                var rows: [[String]] = []
                var emph = Set<Int>()
                for m in data.municipalities {
                    for y in data.years {
                        let cells = cols.map { ind in
                            data.row(ind.id, m, y).map { ReportDocument.cell($0, ind.info.unit, data) } ?? "–"
                        }
                        guard cells.contains(where: { $0 != "–" }) else { continue }
                        if data.isFocus(m) { emph.insert(rows.count) }
                        rows.append([data.name(m) == m ? m : "\(data.name(m)) (\(m))", String(y)] + cells)
                    }
                }
                var t = TableModel(
                    header: [s.municipality, s.year] + cols.map { $0.label(lang) }, rows: rows,
                    numeric: [false, true] + cols.map { _ in true })
                t.emphasised = emph
                out.append(.table(t))
                out.append(
                    .note(
                        cols.enumerated().flatMap { i, c -> [Inline] in
                            (i > 0 ? [.text("; ")] : []) + [.text(c.label(lang) + ": "), .code(c.id)]
                        }))
                let notes = ReportDocument.reliabilityNotes(cols.flatMap { data.rows($0.id) }, data, s)
                if !notes.isEmpty { out.append(.note([.text(notes.joined(separator: " "))])) }
            }
            let broken = data.breakdownRows.filter { r in indicators.contains { $0.id == r.indicator } }
            if !broken.isEmpty {
                // Resolved once per indicator: a national breakdown table has 10⁵ rows.
                var resolved: [String: ResolvedIndicator] = [:]
                var rows: [[String]] = []
                rows.reserveCapacity(broken.count)
                for r in broken {
                    let ind = resolved[r.indicator] ?? data.resolver.resolve(r.indicator)
                    resolved[r.indicator] = ind
                    rows.append([
                        ind.label(lang), data.name(r.municipality), String(r.year), r.breakdown,
                        ReportDocument.cell(r, ind.info.unit, data),
                    ])
                }
                out.append(
                    .table(
                        TableModel(
                            caption: s.breakdown,
                            header: [s.indicatorsTitle, s.municipality, s.year, s.breakdown, s.value],
                            rows: rows, numeric: [false, false, true, false, true])))
                let notes = ReportDocument.reliabilityNotes(broken, data, s)
                if !notes.isEmpty { out.append(.note([.text(notes.joined(separator: " "))])) }
            }
        }
        return out
    }
}
