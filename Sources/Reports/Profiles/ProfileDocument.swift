import ApenCore

/// One municipality's profile page (issue 16): `profiles/<number>.html` and `.md`, one A4 page
/// with its latest figures, the change from the year before in words that agree with the
/// rounded numbers, its comparison groups, small trend charts, the findings the full report
/// states about it (composite rank with its 95 % interval, the five-working-day rule, clear
/// changes), reliability marks, and links back to the full report.
///
/// Numbers go through the report's own cell formatting (``ReportDocument/cell(_:_:_:)``), so
/// anything that changes how the report shows a value shows it the same way here.
enum ProfileDocument {
    /// The municipalities that get a profile: the focus ones (`profiles: true`) or every one
    /// in the rows (`profiles: all`).
    static func municipalities(_ data: ReportData) -> [String] {
        switch data.options.profiles {
        case .none: return []
        case .focus: return data.focus
        case .all: return data.municipalities
        }
    }

    /// At most this many trend charts on a page.
    static let maxCharts = 4

    /// The page's blocks; `ext` is `html` or `md`, for the links back to the report (the
    /// writer builds the HTML blocks once and derives the Markdown ones, ``markdownVersion(_:)``).
    static func blocks(_ input: ReportInput, _ data: ReportData, code: String, ext: String) -> [Block] {
        let s = Strings(language: data.language)
        let lang = data.language
        let name = data.name(code)
        let columns = ComparisonColumns(municipality: code, data: data, groupRows: input.groupRows)
        let report = "../report.\(ext)"
        var out: [Block] = [.heading(level: 1, text: s.profileTitle(name: name, code: code), anchor: nil)]
        let run = s.runLine(date: input.provenance.date, run: input.provenance.runID)
        out.append(
            .paragraph([
                .text(s.profileLead(report: input.title, groups: s.listed(columns.groups.map(\.inText))) + " "),
                .link(s.toFullReport, href: report),
                .text(run.isEmpty ? "." : ". " + run),
            ]))

        // The findings the report states, as it would with this municipality alone in focus.
        var own = data
        own.focus = [code]
        let findings = KeyFindings.items(own).filter { $0.finding.map { !$0.municipality.isEmpty } ?? true }
        if !findings.isEmpty {
            out.append(
                .section(
                    cls: "findings",
                    [
                        .heading(level: 2, text: s.keyFindings, anchor: "findings"),
                        .list(findings.map { [.text($0.text)] }),
                    ]))
        }

        // Latest figures: one row per indicator the municipality has.
        let changes = Dictionary(
            KeyFindings.changes(own, municipalities: [code]).map { ($0.indicator.id, $0) },
            uniquingKeysWith: { a, _ in a })
        // A scale's Cronbach's alpha describes the questionnaire, not the municipality: it stays
        // in the full report.
        let shown = data.indicators.filter { ind in
            !(ind.id.hasPrefix("survey.") && ind.id.hasSuffix(".alpha"))
                && !(ind.isCompositeRank || ind.isCompositeShift || ind.isCompositeRankMedian
                    || ind.isCompositeCoherence
                    || ind.isCompositePillar)
                && data.years.contains { data.row(ind.id, code, $0) != nil }
        }
        var rows: [[String]] = []
        var links: [TableModel.Cell: String] = [:]
        var flagged: [IndicatorRow] = []
        var composite = false
        for ind in shown {
            guard let latest = data.years.reversed().lazy.compactMap({ data.row(ind.id, code, $0) }).first else {
                continue
            }
            let unit = ind.info.unit
            flagged.append(latest)
            var row = [ind.label(lang), String(latest.year), ReportDocument.cell(latest, unit, data)]
            row.append(changeText(changes[ind.id], unit: unit, s: s, lang: lang))
            if ind.info.family == "composite" { composite = true }
            for g in columns.groups {
                guard let r = columns.row(ind.id, group: g.id, year: latest.year) else {
                    row.append("–")
                    continue
                }
                // The report's own cell, without the interval (the columns stay narrow; the
                // intervals are in groups.csv): value and reliability marks.
                var bare = r
                bare.ciLow = nil
                bare.ciHigh = nil
                flagged.append(bare)
                row.append(ReportDocument.cell(bare, unit, data))
            }
            links[TableModel.Cell(row: rows.count, column: 0)] =
                ext == "html" ? "\(report)#ind-\(ChartSet.fileSafe(ind.id))" : report
            rows.append(row)
        }
        if !rows.isEmpty {
            var table = TableModel(
                header: [s.indicatorHeader, s.year, name, s.changeFromYearBefore] + columns.groups.map(\.label),
                rows: rows, numeric: [false, true, true, false] + columns.groups.map { _ in true })
            table.links = links
            out.append(.heading(level: 2, text: s.latestFigures, anchor: "latest"))
            out.append(.table(table))
            var notes: [String] = [s.changeColumnNote]
            if flagged.contains(where: { $0.ciLow != nil }) { notes.append(s.intervalNote) }
            notes += ReportDocument.reliabilityNotes(flagged, data, s)
            if !columns.groups.isEmpty {
                notes.append(
                    s.groupsNote(columns.groups.map { g in (g.label, g.members.map(data.name)) }))
            }
            if composite { notes.append(s.compositeHasNoGroupValue) }
            out.append(.note([.text(notes.joined(separator: " "))]))
        }

        let charts = trendCharts(shown, data, columns, code: code, s: s)
        if !charts.isEmpty {
            out.append(.heading(level: 2, text: s.trendsHeading, anchor: "trends"))
            out.append(.section(cls: "profile-charts", charts.map { .figure($0) }))
        }
        return out
    }

    /// The change cell: a rise or fall only where the change is clear (METHODS §9) and the
    /// rounded figures differ; «no clear change» where it was tested; «–» where it could not be.
    static func changeText(_ c: KeyFindings.Change?, unit: IndicatorUnit, s: Strings, lang: Language) -> String {
        guard let c else { return "–" }
        let shown = DisplayNumber.shownChange(from: c.from.value, to: c.to.value, unit: unit, language: lang)
        guard c.interval.isClear, KeyFindings.shownFiguresDiffer(c) else { return s.noClearChangeCell }
        return s.changeCell(up: c.interval.change > 0, change: shown)
    }

    /// Trend charts of the composite's components (read off its shift rows), else of the first
    /// indicators with a direction; each against the county, the country and declared groups.
    static func trendCharts(
        _ shown: [ResolvedIndicator], _ data: ReportData, _ columns: ComparisonColumns, code: String, s: Strings
    ) -> [Chart] {
        var picked: [ResolvedIndicator] = []
        for ind in data.indicators where ind.isCompositeShift {
            guard let r = ind.id.range(of: ".shift.") else { continue }
            let component = String(ind.id[r.upperBound...])
            if let c = shown.first(where: { $0.id == component }), !picked.contains(where: { $0.id == c.id }) {
                picked.append(c)
            }
        }
        if picked.isEmpty { picked = shown.filter { $0.info.direction != 0 && $0.info.family != "composite" } }
        let lang = data.language
        let chartGroups = columns.groups.filter { $0.id != "country_excl_oslo" }
        var charts: [Chart] = []
        for ind in picked {
            guard charts.count < maxCharts else { break }
            let own = data.years.compactMap { data.row(ind.id, code, $0) }
            guard own.count >= 2 else { continue }
            let line = ProfileTrendChart.Line(
                name: data.name(code), years: own.map(\.year), points: own.map { ChartSet.datum($0, data) })
            var groups: [ProfileTrendChart.Line] = []
            var inText: [String] = []
            for g in chartGroups {
                let rows = columns.rows(ind.id, group: g.id)
                guard !rows.isEmpty else { continue }
                inText.append(g.inText)
                groups.append(
                    ProfileTrendChart.Line(
                        name: g.label, years: rows.map(\.year),
                        points: rows.map {
                            ChartDatum(code: g.id, name: g.label, value: $0.value, low: nil, high: nil, focus: false)
                        }))
            }
            let label = ind.label(lang)
            let year = own.last!.year
            var latest: [String] = [
                "\(line.name) \(DisplayNumber.value(own.last!.value, unit: ind.info.unit, language: lang))"
            ]
            for g in groups where g.years.last == year {
                latest.append(
                    "\(g.name) \(DisplayNumber.value(g.points.last!.value, unit: ind.info.unit, language: lang))")
            }
            let description = s.profileTrendDescription(
                label: label, name: line.name, groups: s.listed(inText), first: own.first!.year, last: year,
                latest: s.latestValuesSentence(year: year, values: latest.joined(separator: ", ")))
            charts.append(
                ProfileTrendChart.make(
                    slug: "profile-\(ChartSet.fileSafe(code))-\(ChartSet.fileSafe(ind.id))", title: label,
                    description: description, unit: ind.info.unit, municipality: line, groups: groups, language: lang))
        }
        return charts
    }

    /// One A4 page in print: smaller type, the charts two by two.
    static let css = """
        main { max-width: 1060px; }
        main table { width: 100%; font-size: 13px; }
        main tbody th { width: 34%; }
        main thead th.num { white-space: normal; }
        main td:nth-child(4) { white-space: nowrap; }
        section.profile-charts { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 18px; }
        section.profile-charts figure.chart { margin: 4px 0 8px; }
        section.profile-charts svg { width: 100%; height: auto; }
        @media print {
          body { font-size: 8.5pt; line-height: 1.3; }
          @page { size: A4; margin: 10mm 11mm 10mm; }
          h1 { font-size: 15pt; margin: 0 0 2px; }
          h2 { font-size: 11pt; margin: 6px 0 2px; padding-top: 2px; }
          p { margin: 2px 0 4px; }
          section.findings { margin: 6px 0; padding: 2px 10px 2px; }
          section.findings li { margin: 1px 0; }
          main table { font-size: 7.4pt; line-height: 1.1; }
          th, td { padding: 0.2pt 4pt; }
          .table-wrap { margin: 2px 0 4px; }
          p.note { font-size: 7pt; line-height: 1.25; }
          figcaption { font-size: 7pt; margin-top: 1px; }
          section.profile-charts { gap: 0 10mm; }
          section.profile-charts figure.chart { margin: 0 0 2px; }
          section.profile-charts svg { max-height: none; }
          section.profile-charts figcaption { display: none; }
          section.findings { font-size: 8pt; }
        }
        """
}

extension ProfileDocument {
    /// The full report's list of profile pages (after the key findings), or nothing.
    static func linkBlocks(_ data: ReportData, _ s: Strings) -> [Block] {
        let codes = municipalities(data)
        guard !codes.isEmpty else { return [] }
        return [
            .section(
                cls: "profiles",
                [
                    .heading(level: 2, text: s.profilesHeading, anchor: "profiles"),
                    .paragraph([.text(s.profilesText)]),
                    .list(codes.map { [.link("\(data.name($0)) (\($0))", href: "profiles/\(fileName($0)).html")] }),
                ])
        ]
    }

    /// A profile's file name (without extension) for a municipality code.
    static func fileName(_ code: String) -> String { ChartSet.fileSafe(code) }

    /// The same blocks with links to profile pages pointing at their Markdown files.
    static func markdownLinks(_ blocks: [Block]) -> [Block] {
        func fix(_ parts: [Inline]) -> [Inline] {
            parts.map { p in
                if case .link(let text, let href) = p, href.hasPrefix("profiles/"), href.hasSuffix(".html") {
                    return .link(text, href: String(href.dropLast(5)) + ".md")
                }
                return p
            }
        }
        return blocks.map { b in
            switch b {
            case .paragraph(let parts): return .paragraph(fix(parts))
            case .list(let items): return .list(items.map(fix))
            case .note(let parts): return .note(fix(parts))
            case .section(let cls, let inner): return .section(cls: cls, markdownLinks(inner))
            default: return b
            }
        }
    }

    /// Every profile file: `profiles/<number>.html`, `.md`, and the charts the Markdown links
    /// (`profiles/charts/*.svg`; the HTML has them inline).
    static func files(_ input: ReportInput, _ data: ReportData) -> [(name: String, text: String)] {
        var files: [(name: String, text: String)] = []
        let s = Strings(language: data.language)
        for code in municipalities(data) {
            let file = fileName(code)
            let title = s.profileTitle(name: data.name(code), code: code)
            let html = blocks(input, data, code: code, ext: "html")
            files.append(
                (
                    "profiles/\(file).html",
                    HTMLRenderer.render(title: title, language: data.language, blocks: html, extraCSS: css)
                ))
            let md = markdownVersion(html)
            files.append(("profiles/\(file).md", MarkdownRenderer.render(blocks: md)))
            for chart in figures(md) { files.append(("profiles/charts/\(chart.slug).svg", chart.fileText)) }
        }
        return files
    }

    /// A page's blocks with its links back to the report pointing at `report.md` (Markdown
    /// viewers make their own heading anchors, so without the `#ind-…` part).
    static func markdownVersion(_ blocks: [Block]) -> [Block] {
        func fix(_ href: String) -> String { href.hasPrefix("../report.html") ? "../report.md" : href }
        func fix(_ parts: [Inline]) -> [Inline] {
            parts.map { p in
                if case .link(let text, let href) = p { return .link(text, href: fix(href)) }
                return p
            }
        }
        return blocks.map { b in
            switch b {
            case .paragraph(let parts): return .paragraph(fix(parts))
            case .note(let parts): return .note(fix(parts))
            case .list(let items): return .list(items.map(fix))
            case .table(var t):
                t.links = t.links.mapValues(fix)
                return .table(t)
            case .section(let cls, let inner): return .section(cls: cls, markdownVersion(inner))
            default: return b
            }
        }
    }

    static func figures(_ blocks: [Block]) -> [Chart] {
        blocks.flatMap { b -> [Chart] in
            switch b {
            case .figure(let c): return [c]
            case .section(_, let inner): return figures(inner)
            default: return []
            }
        }
    }
}
