import ApenCore

/// A family of built-in indicators: the prefix of their ids and the source kind they read.
package enum IndicatorFamily: String, CaseIterable, Sendable, Hashable, Codable {
    /// `survey.*` — METHODS.md §2, from survey sources.
    case survey
    /// `engagement.*` — §3, from engagement sources (and population).
    case engagement
    /// `publication.*` — §4, from publications sources.
    case publication
    /// `opendata.*` — §4, from the dataset records of publications sources.
    case opendata
    /// `foi.*` — §5, from access-request (innsynskrav) sources.
    case foi

    /// The source kind the family reads.
    package var sourceKind: SourceKind {
        switch self {
        case .survey: return .survey
        case .engagement: return .engagement
        case .publication, .opendata: return .publications
        case .foi: return .accessRequests
        }
    }

    /// The family an indicator id belongs to (`"foi.median_workdays"` → `.foi`), if built in.
    package init?(indicatorID: String) {
        guard let dot = indicatorID.firstIndex(of: ".") else { return nil }
        self.init(rawValue: String(indicatorID[..<dot]))
    }
}
