/// A scale of the survey codebook: its items, some reverse-coded (METHODS.md §2).
public struct ScaleSpec: Sendable, Hashable, Codable {
    public var name: String
    public var items: [String]
    public var reverse: [String]
    public init(name: String, items: [String], reverse: [String] = []) {
        self.name = name
        self.items = items
        self.reverse = reverse
    }
}

/// How a stratum with a single PSU is treated (METHODS.md §2, as R's `survey.lonely.psu`).
public enum LonelyPSU: String, Sendable, Hashable, Codable {
    case fail, remove, adjust
}

/// The survey's sampling design and Likert settings.
public struct SurveySettings: Sendable, Hashable, Codable {
    public var likert: ClosedRange<Double>
    public var missingCodes: [Double]
    public var scales: [ScaleSpec]
    /// Canonical column names of the design; `nil` when not declared.
    public var hasStrata: Bool
    public var hasPSU: Bool
    public var lonelyPSU: LonelyPSU

    public init(
        likert: ClosedRange<Double> = 1...5, missingCodes: [Double] = [9], scales: [ScaleSpec] = [],
        hasStrata: Bool = false, hasPSU: Bool = false, lonelyPSU: LonelyPSU = .fail
    ) {
        self.likert = likert
        self.missingCodes = missingCodes
        self.scales = scales
        self.hasStrata = hasStrata
        self.hasPSU = hasPSU
        self.lonelyPSU = lonelyPSU
    }
}
