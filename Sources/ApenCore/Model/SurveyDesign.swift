/// A scale of the survey codebook: its items, some reverse-coded (METHODS.md §2).
package struct ScaleSpec: Sendable, Hashable, Codable {
    package var name: String
    package var items: [String]
    package var reverse: [String]
    package init(name: String, items: [String], reverse: [String] = []) {
        self.name = name
        self.items = items
        self.reverse = reverse
    }
}

/// How a stratum with a single PSU is treated (METHODS.md §2, as R's `survey.lonely.psu`).
package enum LonelyPSU: String, Sendable, Hashable, Codable {
    case fail, remove, adjust
}

/// The survey's sampling design and Likert settings.
package struct SurveySettings: Sendable, Hashable, Codable {
    package var likert: ClosedRange<Double>
    package var missingCodes: [Double]
    package var scales: [ScaleSpec]
    /// Whether the design columns `stratum`, `psu` and `fpc` are declared.
    package var hasStrata: Bool
    package var hasPSU: Bool
    /// A finite-population-correction column (R's `svydesign(fpc = )`): N_h, the population
    /// PSU count of the stratum, or a sampling fraction ≤ 1 (METHODS.md §2).
    package var hasFPC: Bool
    package var lonelyPSU: LonelyPSU
    /// Text columns (declared extra columns) whose values are domains of their own: one row per
    /// (municipality, year, value) for index and agree share (METHODS.md §2 "Survey breakdowns").
    package var breakdowns: [String] = []

    /// - Parameter missingCodes: the declared codes; nil for the default of METHODS.md §1
    ///   (`defaultMissingCodes(likert:)`).
    package init(
        likert: ClosedRange<Double> = 1...5, missingCodes: [Double]? = nil, scales: [ScaleSpec] = [],
        hasStrata: Bool = false, hasPSU: Bool = false, hasFPC: Bool = false, lonelyPSU: LonelyPSU = .fail
    ) {
        self.likert = likert
        self.missingCodes = missingCodes ?? Self.defaultMissingCodes(likert: likert)
        self.scales = scales
        self.hasStrata = hasStrata
        self.hasPSU = hasPSU
        self.hasFPC = hasFPC
        self.lonelyPSU = lonelyPSU
    }

    /// METHODS.md §1: `[9]` when 9 lies outside the Likert range, none otherwise (on a 0–10
    /// scale 9 is an answer).
    package static func defaultMissingCodes(likert: ClosedRange<Double>) -> [Double] {
        likert.contains(9) ? [] : [9]
    }

    /// The first declared missing code inside the Likert range (METHODS.md §1: an error of the
    /// pipeline file), or nil.
    package static func codeInsideRange(_ codes: [Double], likert: ClosedRange<Double>) -> Double? {
        codes.first { likert.contains($0) }
    }
}
