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
            out.append(.list(input.warnings.map { [.text(shortened($0, s))] }))
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

    /// A warning cut to about `warningLimit` characters at a list comma, with how many list
    /// items were left out (a skipped-groups warning can name thousands of groups).
    static func shortened(_ w: String, _ s: Strings) -> String {
        guard w.count > warningLimit else { return w }
        let head = String(w.prefix(warningLimit))
        guard let cut = head.ranges(of: ", ").last?.lowerBound else { return head + "…" }
        let kept = String(head[..<cut])
        let rest = w[w.index(w.startIndex, offsetBy: kept.count)...]
        let omitted = rest.ranges(of: ", ").count
        return kept + " … " + s.andMore(omitted)
    }

    static let warningLimit = 400

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
            let shown = subset ? data.rows(ind.id).filter { data.isFocus($0.municipality) } : data.rows(ind.id)
            notes += reliabilityNotes(shown, s)
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
            rows: rows.map { [data.name($0.municipality), $0.breakdown, cell($0, ind.info.unit, data.language)] },
            numeric: [false, false, true])
        t.emphasised = Set(rows.indices.filter { data.isFocus(rows[$0].municipality) })
        return [.table(t)]
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
            rows.append([data.name(m)] + years.map { y in data.row(ind.id, m, y).map { cell($0, unit, lang) } ?? "–" })
        }
        if subset {
            for (label, p) in [(s.quartile3, 0.75), (s.median, 0.5), (s.quartile1, 0.25)] {
                rows.append(
                    [label]
                        + years.map { y in
                            Quantile.type7(data.rows(ind.id, year: y).map(\.value), p: p).map {
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
    /// the value's unit without repeating `%`, df where the interval is a t interval.
    static func cell(_ r: IndicatorRow, _ unit: IndicatorUnit, _ lang: Language) -> String {
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

    /// The footnotes for the flags and t intervals among `rows` (one per kind, never silent).
    static func reliabilityNotes(_ rows: [IndicatorRow], _ s: Strings) -> [String] {
        var notes: [String] = []
        if rows.contains(where: { $0.df != nil && $0.ciLow != nil }) { notes.append(s.degreesOfFreedomNote) }
        for (flag, _) in IndicatorFlags.names where rows.contains(where: { $0.flags.contains(flag) }) {
            notes.append(s.flagNote(flag))
        }
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
        }
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
