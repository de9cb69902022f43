import ApenCore

/// A number `harmonise_to` could not map, kept as written (METHODS.md §8).
package struct HarmonisationNote: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// Its territory is divided between these numbers of the structure.
        case split([String])
        /// It is in no version of the classification.
        case unknown
    }

    package var code: String
    package var kind: Kind
    package var year: Int

    /// The run's warning, the same for every source that has the number.
    package var message: String {
        let crosswalk = MunicipalityCrosswalk.shipped
        func named(_ c: String) -> String { crosswalk.name(of: c).map { "\(c) \($0)" } ?? c }
        switch kind {
        case .split(let parts):
            return "municipality \(named(code)) is divided between \(parts.map(named).joined(separator: ", ")) "
                + "in the structure of 1 January \(year): its rows keep \(code) (METHODS §8)"
        case .unknown:
            return "municipality '\(code)' is in no version of classification 131 "
                + "(\(crosswalk.structures[0])–\(crosswalk.structures.last!)): kept as written"
        }
    }
}

extension HarmonisationNote {
    /// The note as data: the number first, then the numbers it is divided between.
    package var runWarning: RunWarning {
        switch kind {
        case .split(let parts):
            return RunWarning(
                .municipalitySplit, source: "", groups: ([code] + parts).map { RunWarning.Group($0) }, year: year)
        case .unknown:
            return RunWarning(.municipalityUnknown, source: "", groups: [RunWarning.Group(code)])
        }
    }
}

extension Table {
    /// The table with every municipality number mapped to the structure of 1 January `year`
    /// (METHODS §8), and the numbers kept because they were split or are unknown.
    ///
    /// Only the municipality column's dictionary changes (merged numbers share one code, in
    /// first-seen order), so every indicator then sees the merged unit as one municipality. A
    /// population table also adds up the rows of numbers merged into one for the same year
    /// (each number's one row; a number with two rows for a year is left for the indicator's
    /// conflict check).
    package func harmonisingMunicipalities(
        to year: Int, crosswalk: MunicipalityCrosswalk = .shipped
    ) -> (Table, [HarmonisationNote]) {
        guard let column = text("municipality") else { return (self, []) }
        var notes: [HarmonisationNote] = []
        var dictionary: [String] = []
        var index: [String: Int32] = [:]
        var remap = [Int32](repeating: -1, count: column.dictionary.count)
        for (code, value) in column.dictionary.enumerated() {
            var target = value
            switch crosswalk.outcome(of: value, in: year) {
            case .valid: break
            case .mapped(let m): target = m
            case .split(let parts): notes.append(HarmonisationNote(code: value, kind: .split(parts), year: year))
            case .unknown: notes.append(HarmonisationNote(code: value, kind: .unknown, year: year))
            }
            if let existing = index[target] {
                remap[code] = existing
            } else {
                index[target] = Int32(dictionary.count)
                remap[code] = Int32(dictionary.count)
                dictionary.append(target)
            }
        }
        var result = self
        let codes = column.codes.map { $0 < 0 ? -1 : remap[Int($0)] }
        result.columns["municipality"] = .text(TextColumn(codes: codes, dictionary: dictionary))
        if kind == .population, dictionary.count < column.dictionary.count {
            result = result.summingMergedPopulation(original: column.codes)
        }
        return (result, notes)
    }

    /// The population of every group that a skipped (unknown) group merges into set missing.
    func markingUnknownPopulation(_ groups: [String], harmonisedTo year: Int) -> Table {
        guard let m = text("municipality"), let y = numbers("year"), var p = numbers("population") else { return self }
        var unknown = Set<String>()
        for g in groups {
            let parts = g.split(separator: " ").map(String.init)
            guard parts.count == 2 else { continue }
            var code = parts[0]
            if case .mapped(let target) = MunicipalityCrosswalk.shipped.outcome(of: code, in: year) { code = target }
            unknown.insert(code + " " + parts[1])
        }
        for r in 0..<rowCount {
            guard let code = m[r], y[r].isFinite else { continue }
            if y[r] == y[r].rounded(), unknown.contains(code + " " + String(Int(y[r]))) { p[r] = .nan }
        }
        var result = self
        result.columns["population"] = .number(p)
        return result
    }

    /// Adds up, per (municipality, year), the populations of rows that came from different
    /// original numbers, each with one row for that year.
    private func summingMergedPopulation(original: [Int32]) -> Table {
        guard let m = text("municipality"), let y = numbers("year"), let p = numbers("population") else { return self }
        struct Key: Hashable {
            var municipality: Int32
            var year: Double
        }
        var rowsOf: [Key: [Int]] = [:]
        var order: [Key] = []
        for r in 0..<rowCount {
            let k = Key(municipality: m.codes[r], year: y[r])
            if rowsOf[k] == nil { order.append(k) }
            rowsOf[k, default: []].append(r)
        }
        var keep: [Int] = []
        var population = p
        for k in order {
            let rows = rowsOf[k]!
            let origins = rows.map { original[$0] }
            guard rows.count > 1, Set(origins).count == rows.count else {
                keep.append(contentsOf: rows)
                continue
            }
            var sum = 0.0
            for r in rows { sum += p[r] }
            population[rows[0]] = sum
            keep.append(rows[0])
        }
        keep.sort()
        var result = Table(source: source, kind: kind, rowCount: keep.count)
        for (name, column) in columns {
            switch column {
            case .text(let t):
                result.columns[name] = .text(TextColumn(codes: keep.map { t.codes[$0] }, dictionary: t.dictionary))
            case .number(let v):
                let values = name == "population" ? population : v
                result.columns[name] = .number(keep.map { values[$0] })
            case .date(let d):
                result.columns[name] = .date(keep.map { d[$0] })
            }
        }
        return result
    }
}
