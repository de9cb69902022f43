import ApenCore
import Foundation

/// The table columns shared by the text and Markdown renderings, and cell formatting.
enum CheckTableColumns {
    struct Column {
        var title: String
        var rightAligned: Bool
        var cell: (RowComparison) -> String
    }

    /// indicator, municipality, year, [breakdown], baseline, new, Δ, Δ%, n, tolerance, status, result.
    static func columns(withBreakdown: Bool) -> [Column] {
        var c: [Column] = [
            Column(title: "indicator", rightAligned: false) { $0.key.indicator },
            Column(title: "municipality", rightAligned: false) { $0.key.municipality },
            Column(title: "year", rightAligned: true) { String($0.key.year) },
        ]
        if withBreakdown { c.append(Column(title: "breakdown", rightAligned: false) { $0.key.breakdown }) }
        c += [
            Column(title: "baseline", rightAligned: true) { $0.baseline.map { NumberText.shortest($0.value) } ?? "" },
            Column(title: "new", rightAligned: true) { $0.current.map { NumberText.shortest($0.value) } ?? "" },
            Column(title: "Δ", rightAligned: true) { $0.delta.map(delta) ?? "" },
            Column(title: "Δ%", rightAligned: true, cell: percent),
            Column(title: "n", rightAligned: true, cell: n),
            Column(title: "tolerance", rightAligned: false) { $0.tolerance.summary },
            Column(title: "status", rightAligned: false) { $0.status.label },
            Column(title: "result", rightAligned: false) { $0.verdict.rawValue },
        ]
        return c
    }

    /// A signed difference to 6 significant digits (`+1.8`, `-2.5e-07`, `0`); the JSON output
    /// and the baseline/new columns keep full precision.
    static func delta(_ d: Double) -> String {
        d == 0 ? "0" : String(format: "%+.6g", d)
    }

    /// (new − old)/|old| as a signed percentage to 3 significant digits; `n/a` when old is 0
    /// and new is not; empty when the row is not in both.
    static func percent(_ r: RowComparison) -> String {
        guard let d = r.delta else { return "" }
        guard let rel = r.relativeDelta else { return d == 0 ? "0%" : "n/a" }
        return rel == 0 ? "0%" : String(format: "%+.3g%%", rel * 100)
    }

    /// `120`, or `120→118` when n changed.
    static func n(_ r: RowComparison) -> String {
        switch (r.baseline?.n, r.current?.n) {
        case (let b?, let c?): b == c ? String(b) : "\(b)→\(c)"
        case (let b?, nil): String(b)
        case (nil, let c?): String(c)
        case (nil, nil): ""
        }
    }

    /// Rows to show: every row with `all`, otherwise only warnings and failures.
    static func shown(_ report: CheckReport, all: Bool) -> [RowComparison] {
        all ? report.rows : report.rows.filter { $0.verdict != .ok }
    }

    /// Columns padded to their widest cell (Characters, so `Δ` and `æøå` count as one).
    static func alignedText(header: [String], rows: [[String]], rightAligned: [Bool]) -> String {
        var width = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { width[i] = max(width[i], c.count) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, c) in cells.enumerated() {
                let pad = String(repeating: " ", count: width[i] - c.count)
                parts.append(rightAligned[i] ? pad + c : c + pad)
            }
            var s = parts.joined(separator: "  ")
            while s.last == " " { s.removeLast() }
            return s + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    /// A Markdown table cell: `|`, `\`, `*`, `_`, backticks, brackets and `<` escaped; line breaks as spaces.
    static func markdown(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(ch)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    static func markdownTable(header: [String], rows: [[String]], rightAligned: [Bool]) -> String {
        var s = "| " + header.map(markdown).joined(separator: " | ") + " |\n"
        s += "|" + rightAligned.map { $0 ? "---:|" : "---|" }.joined() + "\n"
        for r in rows { s += "| " + r.map(markdown).joined(separator: " | ") + " |\n" }
        return s
    }
}
