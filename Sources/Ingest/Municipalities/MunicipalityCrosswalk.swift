import ApenCore

/// Norwegian municipality numbers mapped to the structure of 1 January of a year, by territory
/// (METHODS.md §8), from Statistics Norway's classification 131 as shipped in
/// `datasets/municipalities/harmonisation.csv` (see datasets/README.md for its source).
///
/// A number valid in the year is unchanged; a number whose territory lies in one municipality
/// of the year maps to it (a merger or a renumbering: Klæbu 1662 → 5001 in 2020); a number whose
/// territory is divided between several is a split (1507 Ålesund of 2020–2023 in 2024); a number
/// in no version 2012–2024 is unknown.
///
/// ```swift
/// let crosswalk = MunicipalityCrosswalk.shipped
/// crosswalk.outcome(of: "0101", in: 2024)   // .mapped("3101")
/// crosswalk.outcome(of: "1507", in: 2024)   // .split(["1508", "1580"])
/// ```
package struct MunicipalityCrosswalk: Sendable {
    package enum Outcome: Sendable, Equatable {
        case valid
        case mapped(String)
        case split([String])
        case unknown
    }

    /// The first year of each shipped structure (a version of the classification), ascending.
    package let structures: [Int]
    /// The last year whose 1 January structure is known (the change list has no later change).
    package let lastYear: Int
    private let table: [Int: [String: Outcome]]
    private let names: [String: String]
    /// Names of the numbers valid in each structure, by the structure's first year.
    private let validNames: [Int: [String: String]]
    /// Every name that a version gives a municipality on its own (not as a parallel name).
    private let singleNames: Set<String>

    /// The crosswalk compiled into Åpen.
    package static let shipped = MunicipalityCrosswalk(csv: shippedCSV, lastYear: 2025)

    /// Parses the crosswalk's CSV (`structure,code,status,harmonised,name`).
    init(csv: String, lastYear: Int) {
        var table: [Int: [String: Outcome]] = [:]
        var names: [String: String] = [:]
        var validNames: [Int: [String: String]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, let year = Int(f[0]) else { preconditionFailure("bad crosswalk line: \(line)") }
            let parts = f[3].split(separator: " ").map(String.init)
            switch f[2] {
            case "valid":
                table[year, default: [:]][f[1]] = .valid
                validNames[year, default: [:]][f[1]] = f[4]
            case "mapped": table[year, default: [:]][f[1]] = .mapped(parts[0])
            default: table[year, default: [:]][f[1]] = .split(parts)
            }
            names[f[1]] = f[4]
        }
        self.table = table
        self.names = names
        self.validNames = validNames
        self.singleNames = Set(names.values.filter { !$0.contains(" - ") })
            .union(validNames.values.flatMap { $0.values.filter { !$0.contains(" - ") } })
        self.structures = table.keys.sorted()
        self.lastYear = lastYear
    }

    /// The years `harmonise_to` accepts.
    package var years: ClosedRange<Int> { structures[0]...lastYear }

    /// The structure in force on 1 January of `year`: the latest version starting by then.
    package func structure(for year: Int) -> Int? {
        guard years.contains(year) else { return nil }
        return structures.last { $0 <= year }
    }

    /// What `code` becomes in the structure of 1 January `year` (`year` within `years`).
    package func outcome(of code: String, in year: Int) -> Outcome {
        guard let s = structure(for: year) else { return .unknown }
        return table[s]?[code] ?? .unknown
    }

    /// The municipality's name in the latest version that has the number.
    package func name(of code: String) -> String? { names[code] }

    /// The name a report shows for `code` (METHODS.md §9): its name in the structure of
    /// 1 January `year` when it is valid then (else in the latest version that has it), and of a
    /// parallel name in Norwegian and Sami or Kven ("Trondheim - Tråante", "Raarvihke -
    /// Røyrvik") the part that some version gives a municipality on its own ("Trondheim",
    /// "Røyrvik"); a parallel name with no such part ("Deatnu - Tana") is shown whole. `nil`
    /// for a number in no version (another country's area code).
    package func displayName(of code: String, in year: Int? = nil) -> String? {
        var name = names[code]
        if let year, let s = structure(for: year), let n = validNames[s]?[code] { name = n }
        guard let full = name else { return nil }
        guard full.contains(" - ") else { return full }
        let parts = full.split(separator: " - ").map(String.init)
        return parts.first { singleNames.contains($0) } ?? full
    }
}
