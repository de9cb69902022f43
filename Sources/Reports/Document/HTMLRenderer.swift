import ApenCore

/// Renders blocks to one self-contained HTML file: inline CSS and SVG, no script, no
/// external font or request. The markup is also well-formed XML (void elements self-closed,
/// everything escaped), so it can be checked with an XML parser.
enum HTMLRenderer {
    /// - Parameter extraCSS: styles after the common ones (a profile's one-page print layout).
    static func render(title: String, language: Language, blocks: [Block], extraCSS: String = "") -> String {
        let doc = Markup.element(
            "html", ["lang": language.rawValue, "xmlns": "http://www.w3.org/1999/xhtml"],
            [
                .element(
                    "head", [:],
                    [
                        .element("meta", ["charset": "utf-8"]),
                        .element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                        .element("title", [:], [.text(title)]),
                        .element("style", [:], [.text(extraCSS.isEmpty ? css : css + "\n" + extraCSS)]),
                    ]),
                .element("body", [:], [.element("main", [:], blocks.map(block))]),
            ])
        return "<!DOCTYPE html>\n" + doc.render() + "\n"
    }

    static func inline(_ parts: [Inline]) -> [Markup] {
        parts.map { p in
            switch p {
            case .text(let s): return .text(s)
            case .code(let s): return .element("code", [:], [.text(s)])
            case .strong(let s): return .element("strong", [:], [.text(s)])
            case .link(let s, let href): return .element("a", ["href": href], [.text(s)])
            }
        }
    }

    static func block(_ b: Block) -> Markup {
        switch b {
        case .heading(let level, let text, let anchor):
            if let anchor { return .element("h\(level)", ["id": anchor], [.text(text)]) }
            return .element("h\(level)", [:], [.text(text)])
        case .paragraph(let parts):
            return .element("p", [:], inline(parts))
        case .note(let parts):
            return .element("p", ["class": "note"], inline(parts))
        case .list(let items):
            return .element("ul", [:], items.map { .element("li", [:], inline($0)) })
        case .figure(let chart):
            return .element(
                "figure", ["class": "chart"],
                [
                    Markup(content: .rendered(chart.svgText)),
                    .element("figcaption", [:], [.text(chart.description)]),
                ])
        case .section(let cls, let blocks):
            return .element("section", ["class": cls], blocks.map(block))
        case .contents(let title, let entries):
            return .element(
                "nav", ["class": "contents", "aria-label": title],
                [
                    .element("p", [:], [.element("strong", [:], [.text(title)])]),
                    .element(
                        "ol", [:],
                        entries.map {
                            .element("li", [:], [.element("a", ["href": "#" + $0.anchor], [.text($0.text)])])
                        }),
                ])
        case .table(let t):
            var children: [Markup] = []
            if let c = t.caption { children.append(.element("caption", [:], [.text(c)])) }
            children.append(
                .element(
                    "thead", [:],
                    [
                        .element(
                            "tr", [:],
                            t.header.enumerated().map { j, h in
                                .element(
                                    "th", attributes: align(t, j) + [.init(name: "scope", value: "col")], [.text(h)])
                            })
                    ]))
            let body = t.rows.enumerated().map { i, row -> Markup in
                let cells = row.enumerated().map { j, cell -> Markup in
                    let content: [Markup] =
                        t.links[TableModel.Cell(row: i, column: j)].map { [.element("a", ["href": $0], [.text(cell)])] }
                        ?? [.text(cell)]
                    if j == 0 {
                        return .element("th", attributes: align(t, j) + [.init(name: "scope", value: "row")], content)
                    }
                    return .element("td", attributes: align(t, j), content)
                }
                return t.emphasised.contains(i) ? .element("tr", ["class": "focus"], cells) : .element("tr", [:], cells)
            }
            children.append(.element("tbody", [:], body))
            return .element("div", ["class": "table-wrap"], [.element("table", [:], children)])
        }
    }

    static func align(_ t: TableModel, _ j: Int) -> [Markup.Attribute] {
        j < t.numeric.count && t.numeric[j] ? [.init(name: "class", value: "num")] : []
    }

    /// Screen and print (A4) styles. No `<`, `>` or `&` (the style element is XML text).
    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #FFFFFF; color: #222222; font: 15px/1.5 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif; }
        main { max-width: 820px; margin: 0 auto; padding: 24px 20px 64px; }
        h1 { font-size: 28px; line-height: 1.2; margin: 8px 0 4px; }
        h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 8px; border-top: 2px solid #0072B2; }
        h3 { font-size: 17px; margin: 28px 0 6px; }
        p { margin: 6px 0 10px; }
        p.lead { font-size: 16px; color: #444444; }
        p.note { font-size: 13px; color: #555555; }
        code { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.86em; background: #F2F2F2; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
        section.findings { background: #F4F8FB; border-left: 4px solid #0072B2; padding: 4px 18px 6px; margin: 18px 0; }
        section.findings h2 { border-top: none; margin-top: 10px; }
        section.findings ul { padding-left: 20px; }
        nav.contents { font-size: 14px; margin: 12px 0 8px; }
        nav.contents p { margin: 0 0 2px; }
        nav.contents ol { margin: 0; padding-left: 22px; columns: 2; column-gap: 32px; }
        nav.contents a { color: #0072B2; text-decoration: none; display: inline-block; min-height: 24px; line-height: 24px; }
        section.findings li { margin: 6px 0; }
        section.profiles li a { display: inline-block; min-height: 24px; line-height: 24px; }
        figure.chart { margin: 14px 0 18px; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: 13px; color: #555555; margin-top: 4px; }
        .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
        table { border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { padding: 3px 10px; border-bottom: 1px solid #E3E3E3; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #999999; }
        th.num, td.num { text-align: right; white-space: nowrap; }
        tbody th { font-weight: normal; }
        tr.focus th, tr.focus td { font-weight: bold; background: #FBEEE6; }
        @page { size: A4; margin: 14mm 14mm 16mm; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          h2, h3 { break-after: avoid; }
          figure.chart, tr, section.keep, section.findings { break-inside: avoid; }
          figure.chart svg { max-height: 240mm; width: auto; max-width: 100%; }
          .table-wrap { overflow: visible; }
          a { color: inherit; }
          nav.contents { display: none; }
        }
        """
}
