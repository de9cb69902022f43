import ApenCore

/// The catalogue of built-in indicators (METHODS.md §2–§5): ids, labels in bokmål and
/// English, units, directions, inputs and definitions — what `apen indicators` lists, what
/// reports explain and what `docs/indicators.md` is generated from.
///
/// Survey indicators exist per codebook scale; their entries hold the placeholder
/// `<scale>` (`survey.<scale>.index`), and `ids(family:scales:)` makes them concrete.
///
/// ```swift
/// BuiltinCatalogue.ids(family: .survey, scales: ["trust"])
/// // ["survey.trust.index", "survey.trust.agree_share", "survey.trust.alpha", "survey.responses"]
/// BuiltinCatalogue.info(for: "survey.trust.index")?.unit   // .index
/// ```
package enum BuiltinCatalogue {
    /// The placeholder for a scale name in survey ids.
    package static let scalePlaceholder = "<scale>"

    /// Every built-in indicator, in METHODS.md order.
    package static let entries: [IndicatorInfo] =
        surveyEntries + engagementEntries + publicationEntries
        + opendataEntries + foiEntries

    /// Concrete ids of a family, in catalogue order; survey ids for each scale in `scales`.
    package static func ids(family: IndicatorFamily, scales: [String]) -> [String] {
        var out: [String] = []
        for e in entries where e.family == family.rawValue {
            if e.id.contains(scalePlaceholder) {
                for s in scales { out.append(e.id.replacingPlaceholder(with: s)) }
            } else {
                out.append(e.id)
            }
        }
        return out
    }

    /// The entry of a concrete or placeholder id: `survey.trust.index` resolves to
    /// `survey.<scale>.index`. nil for an id that is not built in.
    package static func info(for id: String) -> IndicatorInfo? {
        if let e = entries.first(where: { $0.id == id }) { return e }
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "survey", !parts[1].isEmpty else { return nil }
        return entries.first { $0.id == "survey.\(scalePlaceholder).\(parts[2])" }
    }

    /// The scale names of some survey inputs, in order of first declaration, without repeats.
    package static func scaleNames(_ surveys: [SurveyInput]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for s in surveys {
            for scale in s.settings.scales where seen.insert(scale.name).inserted { out.append(scale.name) }
        }
        return out
    }
}

extension String {
    /// `survey.<scale>.index` → `survey.trust.index`.
    fileprivate func replacingPlaceholder(with scale: String) -> String {
        let parts = split(separator: ".", omittingEmptySubsequences: false)
        return parts.map { $0 == BuiltinCatalogue.scalePlaceholder ? Substring(scale) : $0 }.joined(separator: ".")
    }
}
