import ApenCore

/// A municipality the generator writes rows for: its number and a plausible population.
///
/// The numbers are Norway's 357 municipality numbers in force on 1 January 2024 (a fact list,
/// see `Municipality.norway2024`). Populations are approximate 2024 figures for the largest
/// municipalities and the example's focus municipalities, and synthetic (but seed-independent)
/// for the rest, so "Oslo is big, Utsira is small" holds in every generated dataset.
package struct Municipality: Sendable, Hashable {
    /// The 4-digit municipality number, a text key (`"0301"` keeps its leading zero).
    package var code: String
    /// Residents in 2024 (approximate or synthetic; see the type's documentation).
    package var population2024: Int
    /// Yearly growth rate used to back-cast the population series.
    package var growth: Double

    package init(code: String, population2024: Int, growth: Double) {
        self.code = code
        self.population2024 = population2024
        self.growth = growth
    }

    /// The population in `year`: 2024's figure compounded backwards or forwards by `growth`,
    /// rounded to a whole person.
    package func population(in year: Int) -> Int {
        var p = Double(population2024)
        if year < 2024 {
            for _ in year..<2024 { p /= 1 + growth }
        } else {
            for _ in 2024..<year { p *= 1 + growth }
        }
        return max(50, Int(p.rounded()))
    }
}

extension Municipality {
    /// Norway's 357 municipalities of 1 January 2024, in number order, with populations.
    ///
    /// The number list follows the 2024 county structure (Oslo 03, Rogaland 11, Møre og
    /// Romsdal 15, Nordland 18, Østfold 31, Akershus 32, Buskerud 33, Innlandet 34, Vestfold 39,
    /// Telemark 40, Agder 42, Vestland 46, Trøndelag 50, Troms 55, Finnmark 56).
    package static let norway2024: [Municipality] = {
        var rng = Xoshiro256(seed: 0x4B4F_4D4D_554E_4500)  // fixed: populations do not depend on the user's seed
        return NorwegianMunicipalityNumbers.all.map { code in
            // Synthetic population: log-uniform-ish around a median of ~5 000 (Irwin–Hall normal in log2 space).
            let log2Pop = 12.3 + 1.45 * rng.normal()
            var pop = Int(exp2Approx(log2Pop))
            if let known = NorwegianMunicipalityNumbers.knownPopulation[code] { pop = known }
            let growth = 0.004 + 0.006 * rng.normal()
            return Municipality(code: code, population2024: max(200, pop), growth: growth)
        }
    }()

    /// Looks up municipalities by number, in the order given.
    /// - Throws: `Diagnostic` naming the first number that is not a 2024 municipality.
    package static func lookup(_ codes: [String]) throws -> [Municipality] {
        let byCode = Dictionary(uniqueKeysWithValues: norway2024.map { ($0.code, $0) })
        return try codes.map { code in
            guard let m = byCode[code] else {
                throw Diagnostic(
                    SourceLocation(path: "--municipalities"),
                    "'\(code)' is not one of Norway's 357 municipality numbers of 2024 (e.g. 0301, 5001, 5006)")
            }
            return m
        }
    }
}
