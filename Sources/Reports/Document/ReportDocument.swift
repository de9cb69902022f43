import ApenCore

/// The content of `report.html` / `report.md`: header, key findings, overview heatmap, one
/// section per indicator family, data quality, warnings, methods appendix, provenance.
enum ReportDocument {
    /// Tables list every municipality up to this many; beyond, focus + quartiles.
    static let fullTableLimit = 30

    /// - Parameter keyFindings: the sentences of `KeyFindings.make(data)` when the caller has them.
    static func blocks(_ input: ReportInput, _ data: ReportData, _ charts: ChartSet, keyFindings: [String]? = nil)
        -> [Block]
    {
        let s = Strings(language: data.language)
        var out: [Block] = [.heading(level: 1, text: input.title, anchor: nil)]
        var lead: [String] = [
            s.period(data.years),
            s.municipalitiesCovered(
                data.municipalities.map(data.name).sorted(by: ReportDocument.byName), total: data.municipalities.count),
        ]
        if !data.focus.isEmpty { lead.append(s.focusLine(data.focus.map(data.name))) }
        let run = s.runLine(date: input.provenance.date, run: input.provenance.runID)
        if !run.isEmpty { lead.append(run) }
        out.append(.paragraph([.text(lead.joined(separator: " "))]))

        let findings = keyFindings ?? KeyFindings.make(data)
        out.append(
            .section(
                cls: "findings",
                [
                    .heading(level: 2, text: s.keyFindings, anchor: "findings"),
                    findings.isEmpty ? .paragraph([.text(s.noFindings)]) : .list(findings.map { [.text($0)] }),
                ]))
        out += ProfileDocument.linkBlocks(data, s)

        if let heat = charts.heatmap {
            out.append(
                .section(
                    cls: "keep",
                    [
                        .heading(level: 2, text: s.overview, anchor: "overview"),
                        .paragraph([.text(s.overviewText)]),
                        .figure(heat),
                    ]))
        }

        for (family, indicators) in data.families {
            out.append(.heading(level: 2, text: s.family(family), anchor: "family-" + ChartSet.fileSafe(family)))
            if family == "composite" {
                out += compositeBlocks(indicators, data, charts, s)
                continue
            }
            for ind in indicators {
                out += indicatorBlocks(ind, data, charts, s)
            }
        }

        out += qualityBlocks(input, data, s)
        if !input.warnings.isEmpty {
            out.append(.heading(level: 2, text: s.warnings, anchor: "warnings"))
            out.append(.list(input.warnings.map { [.text(warningText($0, data, s))] }))
        }
        out += methodsBlocks(data, s)
        out += provenanceBlocks(input, s)
        // Contents after the title and lead paragraph.
        out.insert(.contents(title: s.contents, sectionLinks(out)), at: 2)
        return out
    }

    /// (text, anchor) of every level-2 heading with an anchor, in order, sections included.
    static func sectionLinks(_ blocks: [Block]) -> [(text: String, anchor: String)] {
        blocks.flatMap { b -> [(text: String, anchor: String)] in
            switch b {
            case .heading(2, let text, let anchor?): return [(text, anchor)]
            case .section(_, let inner): return sectionLinks(inner)
            default: return []
            }
        }
    }

    /// A run warning in the report's language: indicators by their labels, municipalities by
    /// their names with their years.
    static func warningText(_ w: RunWarning, _ data: ReportData, _ s: Strings) -> String {
        let lang = data.language
        func label(_ id: String) -> String { data.resolver.resolve(id).label(lang) }
        func quoted(_ text: String) -> String { lang == .en ? "“\(text)”" : "«\(text)»" }
        let composite = w.source.hasPrefix("composite.")
        var source = w.source
        if w.kind == .rowsWithoutGroup, let id = w.indicator { source = quoted(label(id)) }
        let year = w.year.map(String.init) ?? ""
        var number = ""
        if let x = w.number {
            number =
                w.kind == .weightTooLow
                ? DisplayNumber.percent(share: x, digits: 0, language: lang)
                : DisplayNumber.decimal(x, digits: 2, language: lang)
        }
        var subject = w.indicator.map(label) ?? ""
        var groups = groupList(w.groups, data, s)
        // Numbers of the classification by name and number: a split's parts may share a name.
        func named(_ code: String) -> String {
            data.name(code) == code ? code : "\(data.name(code)) (\(code))"
        }
        if w.kind == .municipalitySplit || w.kind == .municipalityUnknown {
            subject = w.groups.first.map { named($0.municipality) } ?? ""
            groups = w.groups.dropFirst().map { named($0.municipality) }.joined(separator: ", ")
        }
        if w.kind == .groupMemberWithoutData {
            groups = w.groups.map { named($0.municipality) }.joined(separator: ", ")
        }
        return s.warning(
            w, source: source, label: subject, index: composite ? label(w.source) : "",
            groups: groups, number: number, year: year)
    }

    /// «Bodø i 2021–2023, 2025; Tromsø i 2023»: every municipality by name, in the given order,
    /// each with its years (runs of consecutive years as ranges), breakdowns or value changes; a
    /// name two numbers share, or one that carries its years of validity, gets its number. The
    /// list is whole: the run log shortens it and points here.
    static func groupList(_ groups: [RunWarning.Group], _ data: ReportData, _ s: Strings) -> String {
        let lang = data.language
        var order: [String] = []
        var years: [String: [Int]] = [:]
        var details: [String: [String]] = [:]
        for g in groups {
            if years[g.municipality] == nil && details[g.municipality] == nil { order.append(g.municipality) }
            if g.breakdown == nil && g.from == nil, let y = g.year {
                years[g.municipality, default: []].append(y)
                continue
            }
            details[g.municipality, default: []].append("")
            var d = ""
            if let b = g.breakdown { d = (g.year.map { "\($0) " } ?? "") + "[\(b)]" }
            if let from = g.from, let to = g.to {
                // The year of a changed value is in the sentence.
                d +=
                    (d.isEmpty ? "" : " ") + DisplayNumber.trimmed(from, maxDigits: 3, language: lang) + " → "
                    + DisplayNumber.trimmed(to, maxDigits: 3, language: lang)
            }
            details[g.municipality]![details[g.municipality]!.count - 1] = d
        }
        var nameCount: [String: Int] = [:]
        for m in order { nameCount[data.name(m), default: 0] += 1 }
        func named(_ m: String) -> String {
            let name = data.name(m)
            let ambiguous = nameCount[name, default: 0] > 1 || name.contains(where: \.isNumber)
            return ambiguous && name != m ? "\(name) (\(m))" : name
        }
        return order.map { m in
            var text = named(m)
            let ranges = yearRanges(years[m] ?? [])
            if !ranges.isEmpty { text += " " + s.inYears + " " + ranges.joined(separator: ", ") }
            let extra = (details[m] ?? []).filter { !$0.isEmpty }
            if !extra.isEmpty { text += " " + extra.joined(separator: ", ") }
            return text
        }.joined(separator: "; ")
    }

    /// [2021, 2022, 2023, 2025] → ["2021–2023", "2025"].
    static func yearRanges(_ years: [Int]) -> [String] {
        var out: [String] = []
        var start: Int?
        var last = 0
        for y in Set(years).sorted() {
            if start != nil, y == last + 1 {
                last = y
                continue
            }
            if let s = start { out.append(s == last ? "\(s)" : "\(s)–\(last)") }
            start = y
            last = y
        }
        if let s = start { out.append(s == last ? "\(s)" : "\(s)–\(last)") }
        return out
    }

    /// Names in a stable order: Unicode scalar order (not Norwegian collation, which puts Å last).
    static func byName(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    static func indicatorBlocks(_ ind: ResolvedIndicator, _ data: ReportData, _ charts: ChartSet, _ s: Strings)
        -> [Block]
    {
        var head: [Block] = [
            .heading(level: 3, text: ind.label(data.language), anchor: "ind-" + ChartSet.fileSafe(ind.id))
        ]
        let def = ind.info.definition.text(data.language)
        var p: [Inline] = []
        if !def.isEmpty { p.append(.text(def + " ")) }
        p += s.definitionNote(id: ind.id, methods: ind.info.methods)
        head.append(.paragraph(p))
        // The heading stays on the page of its first chart.
        if let c = charts.bars[ind.id] { head.append(.figure(c)) }
        var out: [Block] = [.section(cls: "keep", head)]
        if let c = charts.trends[ind.id] { out.append(.figure(c)) }
        if !data.rows(ind.id).isEmpty {
            let (table, subset) = valueTable(ind, data, s)
            out.append(.table(table))
            var notes: [String] = []
            if data.rows(ind.id).contains(where: { $0.ciLow != nil }) { notes.append(s.intervalNote) }
            if subset { notes.append(s.tableShowsSubset) }
            var shown = subset ? data.rows(ind.id).filter { data.isFocus($0.municipality) } : data.rows(ind.id)
            // The bar chart shows every municipality's latest year: its marks need the footnote too.
            if charts.bars[ind.id] != nil, let year = data.latestYear(ind.id) {
                shown += data.rows(ind.id, year: year).filter { !shown.contains($0) }
            }
            notes += reliabilityNotes(shown, data, s)
            if !notes.isEmpty { out.append(.note([.text(notes.joined(separator: " "))])) }
        }
        if let c = charts.subgroups[ind.id] { out.append(.figure(c)) }
        out += breakdownBlocks(ind, data, s)
        return out
    }

    /// Rows of a `by:` custom indicator: latest year, one line per municipality and breakdown
    /// value (focus municipalities only beyond `fullTableLimit` municipalities).
    static func breakdownBlocks(_ ind: ResolvedIndicator, _ data: ReportData, _ s: Strings) -> [Block] {
        let all = data.breakdownRows.filter { $0.indicator == ind.id }
        guard let year = all.map(\.year).max() else { return [] }
        var rows = all.filter { $0.year == year }
        let munis = Set(rows.map(\.municipality))
        if munis.count > fullTableLimit { rows = rows.filter { data.isFocus($0.municipality) } }
        guard !rows.isEmpty else { return [] }
        var t = TableModel(
            caption: "\(s.breakdown), \(year)", header: [s.municipality, s.breakdown, s.value],
            rows: rows.map { [data.name($0.municipality), $0.breakdown, cell($0, ind.info.unit, data)] },
            numeric: [false, false, true])
        t.emphasised = Set(rows.indices.filter { data.isFocus(rows[$0].municipality) })
        let notes = reliabilityNotes(rows, data, s)
        return [.table(t)] + (notes.isEmpty ? [] : [.note([.text(notes.joined(separator: " "))])])
    }

    /// Municipalities × years; cells "value (low–high)". Beyond `fullTableLimit`
    /// municipalities: focus rows plus lower quartile, median, upper quartile per year.
    static func valueTable(_ ind: ResolvedIndicator, _ data: ReportData, _ s: Strings) -> (TableModel, Bool) {
        let years = data.years(ind.id)
        let unit = ind.info.unit
        let lang = data.language
        let present = data.municipalities.filter { m in years.contains { data.row(ind.id, m, $0) != nil } }
        let subset = present.count > fullTableLimit
        let shownMunis = subset ? data.focus.filter(present.contains) : present
        var rows: [[String]] = []
        var emphasised = Set<Int>()
        for m in shownMunis {
            if data.isFocus(m) { emphasised.insert(rows.count) }
            rows.append([data.name(m)] + years.map { y in data.row(ind.id, m, y).map { cell($0, unit, data) } ?? "–" })
        }
        if subset {
            for (label, p) in [(s.quartile3, 0.75), (s.median, 0.5), (s.quartile1, 0.25)] {
                rows.append(
                    [label]
                        + years.map { y in
                            // Over the values the report shows (suppressed ones are no part of it).
                            Quantile.type7(
                                data.rows(ind.id, year: y).filter { !data.suppressed($0) }.map(\.value), p: p
                            ).map {
                                DisplayNumber.value($0, unit: unit, language: lang)
                            } ?? "–"
                        })
            }
        }
        var t = TableModel(header: [s.municipality] + years.map(String.init), rows: rows)
        t.emphasised = emphasised
        return (t, subset)
    }

    /// "value (low–high; df d)" and the marks of the row's reliability flags; the interval in
    /// the value's unit without repeating `%`, df where the interval is a t interval; «:» for a
    /// suppressed value.
    static func cell(_ r: IndicatorRow, _ unit: IndicatorUnit, _ data: ReportData) -> String {
        if data.suppressed(r) { return Suppression.symbol }
        let lang = data.language
        var c = DisplayNumber.value(r.value, unit: unit, language: lang)
        if let l = r.ciLow, let h = r.ciHigh {
            let digits = DisplayNumber.digits(for: unit)
            let df = r.df.map { "; \(Strings(language: lang).degreesOfFreedomShort) \($0)" } ?? ""
            c +=
                " (" + DisplayNumber.decimal(unit.axisValue(l), digits: digits, language: lang) + "–"
                + DisplayNumber.decimal(unit.axisValue(h), digits: digits, language: lang) + df + ")"
        }
        for (flag, _) in IndicatorFlags.names where r.flags.contains(flag) { c += Strings.mark(flag) }
        return c
    }

    /// The footnotes for the flags, t intervals and suppressed values among `rows` (one per
    /// kind, never silent); a suppressed value shows no flag or interval, so it needs neither.
    static func reliabilityNotes(_ rows: [IndicatorRow], _ data: ReportData, _ s: Strings) -> [String] {
        let visible = rows.filter { !data.suppressed($0) }
        var notes: [String] = []
        if visible.contains(where: { $0.df != nil && $0.ciLow != nil }) { notes.append(s.degreesOfFreedomNote) }
        for (flag, _) in IndicatorFlags.names where visible.contains(where: { $0.flags.contains(flag) }) {
            notes.append(s.flagNote(flag))
        }
        if let limit = data.options.suppressBelow, visible.count < rows.count { notes.append(s.suppressedNote(limit)) }
        return notes
    }

    static func compositeBlocks(_ indicators: [ResolvedIndicator], _ data: ReportData, _ charts: ChartSet, _ s: Strings)
        -> [Block]
    {
        var out: [Block] = []
        let lang = data.language
        // One subsection per composite index: composite.<id> (+ .rank, .shift.*).
        let indexIDs = Set(
            indicators.map { ind -> String in
                let parts = ind.id.split(separator: ".", omittingEmptySubsequences: false)
                return parts.count >= 2 ? "\(parts[0]).\(parts[1])" : ind.id
            }
        ).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for indexID in indexIDs {
            let index = data.indicator(indexID)
            let rank = data.indicator(indexID + ".rank")
            let shifts = indicators.filter { $0.isCompositeShift && $0.id.hasPrefix(indexID + ".shift.") }
            let label = index?.label(lang) ?? rank?.label(lang) ?? indexID
            out.append(.heading(level: 3, text: label, anchor: "ind-" + ChartSet.fileSafe(indexID)))
            if let index {
                let def = index.info.definition.text(lang)
                out.append(
                    .paragraph(
                        (def.isEmpty ? [] : [.text(def + " ")])
                            + s.definitionNote(
                                id: index.id, methods: index.info.methods.isEmpty ? "§6" : index.info.methods)))
            }
            if let rank, let c = charts.ranks[rank.id] { out.append(.figure(c)) }
            if let index, let c = charts.bars[index.id] { out.append(.figure(c)) }
            if let index, let c = charts.trends[index.id] { out.append(.figure(c)) }
            // Latest-year table: index, rank, interval.
            let year = [index, rank].compactMap { $0 }.compactMap { data.latestYear($0.id) }.max()
            if let year {
                var munis = data.municipalities.filter { m in
                    (index.map { data.row($0.id, m, year) != nil } ?? false)
                        || (rank.map { data.row($0.id, m, year) != nil } ?? false)
                }
                func rankOf(_ m: String) -> Double { rank.flatMap { data.row($0.id, m, year)?.value } ?? .infinity }
                munis.sort {
                    rankOf($0) != rankOf($1) ? rankOf($0) < rankOf($1) : $0.utf8.lexicographicallyPrecedes($1.utf8)
                }
                let all = munis.count
                if all > fullTableLimit {
                    // The ten best and the focus municipalities, in rank order; the rest are in indicators.csv.
                    munis = munis.enumerated().filter { $0.offset < 10 || data.isFocus($0.element) }.map(\.element)
                }
                var rows: [[String]] = []
                var emph = Set<Int>()
                for m in munis {
                    if data.isFocus(m) { emph.insert(rows.count) }
                    let iv =
                        index.flatMap { data.row($0.id, m, year) }.map {
                            DisplayNumber.value($0.value, unit: index!.info.unit, language: lang)
                        } ?? "–"
                    let rr = rank.flatMap { data.row($0.id, m, year) }
                    let rv = rr.map { DisplayNumber.trimmed($0.value, maxDigits: 1, language: lang) } ?? "–"
                    let ci =
                        rr.flatMap { r in
                            r.ciLow.flatMap { l in
                                r.ciHigh.map { h in
                                    DisplayNumber.trimmed(l, maxDigits: 1, language: lang) + "–"
                                        + DisplayNumber.trimmed(h, maxDigits: 1, language: lang)
                                }
                            }
                        } ?? "–"
                    rows.append([data.name(m), iv, rv, ci])
                }
                var t = TableModel(
                    caption: "\(label), \(year)", header: [s.municipality, s.compositeIndex, s.rank, s.rankInterval],
                    rows: rows)
                t.emphasised = emph
                out.append(.table(t))
                if all > munis.count { out.append(.note([.text(s.rankTableSubset(all))])) }
                // Pillar scores (composite.<id>.<pillar>), same municipalities and order.
                let pillars = indicators.filter { ind in
                    let parts = ind.id.split(separator: ".")
                    return ind.id.hasPrefix(indexID + ".") && parts.count == 3 && ind.info.unit == .score
                        && !data.rows(ind.id, year: year).isEmpty
                }
                if !pillars.isEmpty {
                    var prow: [[String]] = []
                    var pemph = Set<Int>()
                    for m in munis {
                        if data.isFocus(m) { pemph.insert(prow.count) }
                        prow.append(
                            [data.name(m)]
                                + pillars.map { p in
                                    data.row(p.id, m, year).map {
                                        DisplayNumber.value($0.value, unit: p.info.unit, language: lang)
                                    } ?? "–"
                                })
                    }
                    var pt = TableModel(
                        caption: s.pillarTable(label, year),
                        header: [s.municipality] + pillars.map { String($0.id.split(separator: ".").last!) },
                        rows: prow)
                    pt.emphasised = pemph
                    out.append(.table(pt))
                }
            }
            if !shifts.isEmpty {
                var rows: [[String]] = []
                for sh in shifts {
                    guard let y = data.latestYear(sh.id) else { continue }
                    let vals = data.rows(sh.id, year: y)
                    // The year's mean over the ranked municipalities is the row with an empty municipality (METHODS §6).
                    guard let v = vals.first(where: { $0.municipality.isEmpty })?.value else { continue }
                    let component = String(sh.id.dropFirst((indexID + ".shift.").count))
                    let compLabel = data.resolver.resolve(component).label(lang)
                    rows.append([compLabel, DisplayNumber.decimal(v, digits: 2, language: lang)])
                }
                if !rows.isEmpty {
                    out.append(
                        .table(TableModel(caption: s.sensitivity, header: [s.component, s.meanShift], rows: rows)))
                }
            }
            out += sobolBlocks(indexID, label, data, charts, s)
            out += coherenceBlocks(indexID, label, indicators, data, s)
            out += valueListBlocks(
                data.breakdownRows.filter { $0.indicator == indexID + ".treated" }, caption: s.treatedTable(label),
                valueHeader: s.treatedValue, original: true, data, s)
            out += valueListBlocks(
                data.breakdownRows.filter { $0.indicator == indexID + ".imputed" }, caption: s.imputedTable(label),
                valueHeader: s.imputedValue, original: false, data, s)
        }
        return out
    }

    /// "What the ranking depends on": the chart of total-order Sobol indices and the table of
    /// first- and total-order indices per factor (latest year), which is also the chart's data.
    static func sobolBlocks(_ indexID: String, _ label: String, _ data: ReportData, _ charts: ChartSet, _ s: Strings)
        -> [Block]
    {
        guard let (year, totals) = ChartSet.sobolTotals(indexID, data) else { return [] }
        let lang = data.language
        var out: [Block] = []
        if let c = charts.sensitivity[indexID] { out.append(.figure(c)) }
        let prefix = indexID + ".sobol_total."
        let rows = totals.map { total -> [String] in
            let factor = String(total.indicator.dropFirst(prefix.count))
            let first = data.row(indexID + ".sobol_first." + factor, "", year)
            let name = s.factorName(factor)
            return [
                name.prefix(1).uppercased() + name.dropFirst(),
                first.map { DisplayNumber.decimal($0.value, digits: 2, language: lang) } ?? "–",
                DisplayNumber.decimal(total.value, digits: 2, language: lang),
            ]
        }
        out.append(
            .table(
                TableModel(
                    caption: s.sobolTable(label, year), header: [s.uncertainFactor, s.firstOrder, s.totalOrder],
                    rows: rows)))
        out.append(.note([.text(s.sobolNote)]))
        return out
    }

    /// The coherence table (METHODS §6, latest year): per component, its correlation with the
    /// index (`corr.<component>`) and with every other component (`corr.<a>` rows with breakdown
    /// `<b>`), columns numbered; Cronbach's α in the note below.
    static func coherenceBlocks(
        _ indexID: String, _ label: String, _ indicators: [ResolvedIndicator], _ data: ReportData, _ s: Strings
    ) -> [Block] {
        let prefix = indexID + ".corr."
        let components = indicators.filter { $0.id.hasPrefix(prefix) }.map { String($0.id.dropFirst(prefix.count)) }
        let pairRows = data.breakdownRows.filter { $0.indicator.hasPrefix(prefix) && $0.municipality.isEmpty }
        let withIndex = components.flatMap { data.rows(prefix + $0) }.filter { $0.municipality.isEmpty }
        guard let year = (withIndex.map(\.year) + pairRows.map(\.year)).max() else { return [] }
        let lang = data.language
        var pair: [String: Double] = [:]
        for r in pairRows where r.year == year { pair[r.indicator + "\u{1F}" + r.breakdown] = r.value }
        func number(_ v: Double?) -> String { v.map { DisplayNumber.decimal($0, digits: 2, language: lang) } ?? "–" }
        var rows: [[String]] = []
        for (i, a) in components.enumerated() {
            var row = [
                "\(i + 1). " + data.resolver.resolve(a).label(lang),
                number(data.row(prefix + a, "", year)?.value),
            ]
            for (j, b) in components.enumerated() {
                row.append(i == j ? "1" : number(pair[prefix + a + "\u{1F}" + b]))
            }
            rows.append(row)
        }
        let alpha = data.row(indexID + ".alpha", "", year)
        return [
            .table(
                TableModel(
                    caption: s.coherenceTable(label, year),
                    header: [s.component, s.compositeIndex] + components.indices.map { String($0 + 1) }, rows: rows)),
            .note([
                .text(
                    s.coherenceNote(
                        alpha: alpha.map { DisplayNumber.decimal($0.value, digits: 2, language: lang) },
                        cases: alpha?.n ?? 0))
            ]),
        ]
    }

    /// Treated outliers or imputed values (breakdown rows `<index>.treated` / `.imputed`, the
    /// breakdown naming the component): municipality, year, component, [original value,] value.
    /// Focus municipalities first, then the latest year first; at most `fullTableLimit` rows.
    static func valueListBlocks(
        _ all: [IndicatorRow], caption: String, valueHeader: String, original: Bool, _ data: ReportData,
        _ s: Strings
    ) -> [Block] {
        guard !all.isEmpty else { return [] }
        let lang = data.language
        let sorted = all.sorted { a, b in
            let fa = data.isFocus(a.municipality)
            let fb = data.isFocus(b.municipality)
            if fa != fb { return fa }
            if a.year != b.year { return a.year > b.year }
            if a.breakdown != b.breakdown { return a.breakdown.utf8.lexicographicallyPrecedes(b.breakdown.utf8) }
            return a.municipality.utf8.lexicographicallyPrecedes(b.municipality.utf8)
        }
        let shown = Array(sorted.prefix(fullTableLimit))
        var emphasised = Set<Int>()
        let rows = shown.enumerated().map { (i, r) -> [String] in
            if data.isFocus(r.municipality) { emphasised.insert(i) }
            let component = data.resolver.resolve(r.breakdown)
            let unit = component.info.unit
            var row = [data.name(r.municipality), String(r.year), component.label(lang)]
            if original {
                row.append(
                    data.row(r.breakdown, r.municipality, r.year).map {
                        DisplayNumber.value($0.value, unit: unit, language: lang)
                    } ?? "–")
            }
            row.append(DisplayNumber.value(r.value, unit: unit, language: lang))
            return row
        }
        var t = TableModel(
            caption: caption,
            header: [s.municipality, s.year, s.component] + (original ? [s.originalValue] : []) + [valueHeader],
            rows: rows, numeric: [false, false, false] + (original ? [true] : []) + [true])
        t.emphasised = emphasised
        var out: [Block] = [.table(t)]
        if all.count > shown.count { out.append(.note([.text(s.rowsSubset(shown.count, all.count))])) }
        return out
    }

    static func qualityBlocks(_ input: ReportInput, _ data: ReportData, _ s: Strings) -> [Block] {
        guard !input.quality.isEmpty else { return [] }
        var out: [Block] = [
            .heading(level: 2, text: s.dataQuality, anchor: "quality"), .paragraph([.text(s.dataQualityText)]),
        ]
        var rows: [[String]] = []
        var links: [TableModel.Cell: String] = [:]
        let lang = data.language
        for q in input.quality {
            let share =
                q.rowsRead > 0
                ? DisplayNumber.percent(share: Double(q.rejected) / Double(q.rowsRead), digits: 1, language: lang) : "–"
            let link = q.rejectedRowsFile ?? ""
            if !link.isEmpty && q.rejected > 0 { links[TableModel.Cell(row: rows.count, column: 6)] = link }
            rows.append([
                q.name, q.file, DisplayNumber.decimal(Double(q.rowsRead), digits: 0, language: lang),
                DisplayNumber.decimal(Double(q.accepted), digits: 0, language: lang),
                DisplayNumber.decimal(Double(q.rejected), digits: 0, language: lang), share,
                q.rejected > 0 && !link.isEmpty ? link : s.none,
            ])
        }
        var t = TableModel(
            header: [s.source, s.file, s.rowsRead, s.accepted, s.rejected, s.rejectedShare, s.rejectedRows], rows: rows,
            numeric: [false, false, true, true, true, true, false])
        t.links = links
        out.append(.table(t))
        for q in input.quality where !q.coverage.isEmpty {
            let years = Array(Set(q.coverage.map(\.year))).sorted()
            let munis = Array(Set(q.coverage.map(\.municipality))).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            var counts: [String: Int] = [:]
            for c in q.coverage { counts["\(c.municipality)\u{1F}\(c.year)", default: 0] += c.rows }
            func count(_ v: Double) -> String { DisplayNumber.decimal(v, digits: 0, language: lang) }
            let many = munis.count > fullTableLimit
            let shown = many ? munis.filter(data.isFocus) : munis
            var body = shown.map { m in
                [data.name(m)] + years.map { y in counts["\(m)\u{1F}\(y)"].map { count(Double($0)) } ?? "–" }
            }
            if many {
                // Beyond the table limit: focus rows, then how many municipalities have rows and how many.
                let perYear = years.map { y in munis.compactMap { counts["\($0)\u{1F}\(y)"] }.map(Double.init).sorted()
                }
                body.append([s.municipalitiesWithRows] + perYear.map { count(Double($0.count)) })
                body.append([s.fewestRows] + perYear.map { $0.first.map(count) ?? "–" })
                body.append([s.median] + perYear.map { Quantile.type7(sorted: $0, p: 0.5).map(count) ?? "–" })
                body.append([s.mostRows] + perYear.map { $0.last.map(count) ?? "–" })
            }
            var ct = TableModel(
                caption: s.coverageCaption(q.name), header: [s.municipality] + years.map(String.init), rows: body)
            ct.emphasised = Set(shown.indices.filter { data.isFocus(shown[$0]) })
            out.append(.table(ct))
        }
        return out
    }

    static func methodsBlocks(_ data: ReportData, _ s: Strings) -> [Block] {
        var out: [Block] = [.heading(level: 2, text: s.methods, anchor: "methods"), .paragraph([.text(s.methodsText)])]
        var seen = Set<String>()
        let lang = data.language
        for ind in data.indicators where seen.insert(ind.entryID).inserted {
            let entry = data.resolver.entries.first { $0.id == ind.entryID }
            var info = entry ?? ind.info
            if entry == nil && ind.entryID != ind.id {
                // An inferred family entry (composite shifts): described once, generically.
                info.id = ind.entryID
                info.label = s.shiftEntryLabel
            }
            var p: [Inline] = [.strong(info.label.text(lang)), .text(" "), .code(info.id), .text(" — ")]
            let def = info.definition.text(lang)
            if !def.isEmpty { p.append(.text(def + " ")) }
            var meta = "\(s.unit): \(s.unitName(info.unit)); \(s.direction): \(s.directionText(info.direction))"
            if !info.methods.isEmpty { meta += "; METHODS.md \(info.methods)" }
            p.append(.text("(" + meta + ")."))
            out.append(.paragraph(p))
        }
        return out
    }

    static func provenanceBlocks(_ input: ReportInput, _ s: Strings) -> [Block] {
        let p = input.provenance
        var out: [Block] = [
            .heading(level: 2, text: s.provenance, anchor: "provenance"), .paragraph([.text(s.provenanceText)]),
        ]
        var rows: [[String]] = []
        if !p.date.isEmpty { rows.append([s.date, p.date]) }
        if !p.runID.isEmpty { rows.append([s.runID, p.runID]) }
        rows.append([s.toolVersion, p.toolVersion])
        if !p.pipelineHash.isEmpty { rows.append([s.pipelineHash, p.pipelineHash]) }
        if let year = p.municipalityStructure { rows.append([s.municipalityNumbers, s.municipalityStructure(year)]) }
        out.append(.table(TableModel(header: [s.item, s.value], rows: rows, numeric: [false, false])))
        if !p.inputFiles.isEmpty {
            out.append(
                .table(
                    TableModel(
                        caption: s.inputFiles, header: [s.file, "SHA-256"],
                        rows: p.inputFiles.map { [$0.path, $0.sha256] }, numeric: [false, false])))
        }
        return out
    }
}
