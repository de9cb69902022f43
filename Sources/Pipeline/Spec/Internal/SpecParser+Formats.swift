import ApenCore
import Foundation
import Ingest
import Yams

extension SpecParser {
    static let formatKeys = ["format", "records", "values", "extract", "na", "timezone", "dimensions", "sum"]

    /// `format`, `records`, `dimensions`, `sum`, `values`, `extract`, `na` and `timezone` of a
    /// source (docs/pipeline.md, "Formats and recoding"), each error at its node.
    mutating func parseFormatSettings(_ m: SpecMapping, key: String, kind: SourceKind?, options: inout IngestOptions) {
        var format = "csv"
        if let n = m.value("format"),
            let f = reader.choice(n, key: "\(key).format", among: ["csv", "json", "jsonl", "jsonstat"])
        {
            format = f
        }
        switch format {
        case "json": options.format = .json(records: nil)
        case "jsonl": options.format = .jsonLines
        case "jsonstat":
            var layout = IngestOptions.JSONStatLayout()
            if let n = m.value("dimensions"),
                let dm = reader.mapping(n, key: "\(key).dimensions", allowed: ["municipality", "year"])
            {
                if let v = dm.value("municipality").flatMap({ reader.string($0, key: "\(key).dimensions.municipality") }
                ) {
                    layout.municipality = v
                }
                if let v = dm.value("year").flatMap({ reader.string($0, key: "\(key).dimensions.year") }) {
                    layout.year = v
                }
            }
            if let n = m.value("sum"), let list = reader.strings(n, key: "\(key).sum", scalarAsList: true) {
                layout.sum = list.map(\.text)
            }
            options.format = .jsonStat(layout)
            if let kind, kind != .population, let n = m.value("format") {
                reader.error(
                    n.mark, "\(key).format: jsonstat is read for population sources only (this one is \(kind.rawValue))"
                )
            }
        default: break
        }
        if let n = m.value("records") {
            if format == "json" {
                if let path = reader.string(n, key: "\(key).records") { options.format = .json(records: path) }
            } else {
                reader.error(m.keyMark("records"), "\(key): 'records' applies only to format: json")
            }
        }
        for k in ["dimensions", "sum"] where format != "jsonstat" && m.has(k) {
            reader.error(m.keyMark(k), "\(key): '\(k)' applies only to format: jsonstat")
        }
        if format != "csv" {
            for k in ["delimiter", "encoding"] where m.has(k) {
                reader.error(m.keyMark(k), "\(key): '\(k)' applies only to CSV sources (JSON is UTF-8)")
            }
        }
        if format == "jsonstat", m.has("columns") {
            reader.error(
                m.keyMark("columns"), "\(key): a jsonstat source names its dimensions under 'dimensions', not 'columns'"
            )
        }
        let columns = kind.map { $0.requiredColumns + $0.optionalColumns } ?? []

        if let n = m.value("na"), let list = reader.strings(n, key: "\(key).na", scalarAsList: true) {
            options.na = list.map(\.text)
        }
        if let n = m.value("timezone"), let name = reader.string(n, key: "\(key).timezone") {
            if TimeZone(identifier: name) == nil {
                reader.error(
                    n.mark,
                    "\(key).timezone: '\(name)' is not an IANA time zone\(EditDistance.hint(for: name, among: TimeZone.knownTimeZoneIdentifiers)) (e.g. Europe/Oslo, UTC)"
                )
            } else {
                options.timeZone = name
            }
        }
        if let n = m.value("extract"), let em = reader.mapping(n, key: "\(key).extract", allowed: nil) {
            for e in em.entries {
                guard checkColumn(e.key, e.keyMark, in: columns, kind: kind, key: "\(key).extract") else { continue }
                guard let pattern = reader.string(e.value, key: "\(key).extract.\(e.key)") else { continue }
                if let problem = CellRecoder.patternProblem(pattern) {
                    reader.error(e.value.mark, "\(key).extract.\(e.key): \(problem)")
                    continue
                }
                options.extract[e.key] = pattern
            }
        }
        if let n = m.value("values"), let vm = reader.mapping(n, key: "\(key).values", allowed: nil) {
            for e in vm.entries {
                guard checkColumn(e.key, e.keyMark, in: columns, kind: kind, key: "\(key).values") else { continue }
                guard let mapping = reader.mapping(e.value, key: "\(key).values.\(e.key)", allowed: nil) else {
                    continue
                }
                var table: [String: String] = [:]
                for pair in mapping.entries {
                    guard let target = reader.string(pair.value, key: "\(key).values.\(e.key).\(pair.key)") else {
                        continue
                    }
                    if let kind, let problem = SpecParser.fixedValueProblem(target, column: e.key, kind: kind) {
                        reader.error(pair.value.mark, "\(key).values.\(e.key): target \(problem)")
                        continue
                    }
                    table[pair.key] = target
                }
                options.values[e.key] = table
            }
        }
    }

    private mutating func checkColumn(
        _ name: String, _ mark: Mark?, in columns: [String], kind: SourceKind?, key: String
    ) -> Bool {
        guard let kind, !columns.contains(name) else { return true }
        reader.error(
            mark,
            "\(key): '\(name)' is not a column of a \(kind.rawValue) source\(EditDistance.hint(for: name, among: columns)) (columns: \(columns.joined(separator: ", ")))"
        )
        return false
    }

    /// `municipalities: {harmonise_to: YEAR, digits: N}` (METHODS §8).
    mutating func parseMunicipalities(_ node: Node) -> (harmoniseTo: Int?, digits: Int?) {
        guard let m = reader.mapping(node, key: "municipalities", allowed: ["harmonise_to", "digits"]) else {
            return (nil, nil)
        }
        var year: Int?
        var digits: Int?
        if let n = m.value("harmonise_to"), let y = reader.integer(n, key: "municipalities.harmonise_to") {
            let years = MunicipalityCrosswalk.shipped.years
            if years.contains(y) {
                year = y
            } else {
                reader.error(
                    n.mark,
                    "municipalities.harmonise_to: \(y) is outside the shipped structures (\(years.lowerBound)–\(years.upperBound), classification 131)"
                )
            }
        }
        if let n = m.value("digits"), let d = reader.integer(n, key: "municipalities.digits") {
            if (1...8).contains(d) {
                digits = d
            } else {
                reader.error(n.mark, "municipalities.digits: expected a whole number from 1 to 8, found '\(d)'")
            }
        }
        return (year, digits)
    }
}
