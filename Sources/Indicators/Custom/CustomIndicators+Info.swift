import ApenCore

extension CustomIndicators {
    /// The catalogue entry of a custom indicator, for `apen indicators` and report footnotes.
    ///
    /// The label is the declared `label:` (the id when absent); the definition is written out
    /// from the measure and its conditions in the three languages; direction is 0 (neutral: the
    /// pipeline does not say whether more is better). Units: count/distinct → `count`, share →
    /// `share`, ratio → `ratio`, mean/weighted_mean/quantile → `score`. The family is `custom`,
    /// or the id's first word when that is not a built-in family (its own report section).
    ///
    /// ```swift
    /// CustomIndicators.info(def).definition.en   // "Share of rows where access == 'open', among rows where …"
    /// ```
    /// The first words of built-in indicator ids (METHODS §2–§6), and `custom`.
    static let builtinFamilies: Set<String> = [
        "survey", "engagement", "publication", "opendata", "foi", "composite", "custom",
    ]

    package static func info(_ def: CustomIndicator) -> IndicatorInfo {
        let unit: IndicatorUnit
        switch def.measure {
        case .count, .distinct: unit = .count
        case .share: unit = .share
        case .ratio: unit = .ratio
        case .mean, .weightedMean, .quantile: unit = .score
        }
        let of = def.of ?? ""
        let per = def.per ?? ""
        let weight = def.weight ?? ""
        let p = def.p.map { NumberText.shortest($0) } ?? ""
        var en: String
        var nb: String
        var nn: String
        switch def.measure {
        case .count:
            en = "Number of rows"
            nb = "Antall rader"
            nn = "Talet på rader"
        case .distinct:
            en = "Number of distinct values of \(of)"
            nb = "Antall ulike verdier av \(of)"
            nn = "Talet på ulike verdiar av \(of)"
        case .share:
            en = "Share of rows where \(of)"
            nb = "Andel rader der \(of)"
            nn = "Del rader der \(of)"
        case .mean:
            en = "Mean of \(of)"
            nb = "Gjennomsnitt av \(of)"
            nn = "Gjennomsnitt av \(of)"
        case .weightedMean:
            en = "Mean of \(of) weighted by \(weight)"
            nb = "Gjennomsnitt av \(of) vektet med \(weight)"
            nn = "Gjennomsnitt av \(of) vekta med \(weight)"
        case .quantile:
            en = "Quantile \(p) of \(of)"
            nb = "Kvantil \(p) av \(of)"
            nn = "Kvantil \(p) av \(of)"
        case .ratio:
            en = "Rows where \(of) per row where \(per)"
            nb = "Rader der \(of) per rad der \(per)"
            nn = "Rader der \(of) per rad der \(per)"
        }
        if let filter = def.filter {
            en += ", among rows where \(filter)"
            nb += ", blant rader der \(filter)"
            nn += ", blant rader der \(filter)"
        }
        en += " (source \(def.source)"
        nb += " (kilde \(def.source)"
        nn += " (kjelde \(def.source)"
        if let by = def.by {
            en += ", also by \(by)"
            nb += ", også fordelt på \(by)"
            nn += ", òg fordelt på \(by)"
        }
        en += ")."
        nb += ")."
        nn += ")."
        // A custom indicator that opens a dimension of its own (`partnerships.active`) gets its
        // own report section, named by its first word; one that extends a built-in family
        // (`publication.decision_open_share`) stays with the other custom indicators.
        let prefix = String(def.id.prefix { $0 != "." })
        let family = builtinFamilies.contains(prefix) ? "custom" : prefix
        return IndicatorInfo(
            id: def.id, family: family, label: def.label ?? LocalizedText(nb: def.id, en: def.id), unit: unit,
            direction: 0,
            inputs: [def.source], definition: LocalizedText(nb: nb, en: en, nn: nn),
            methods: "docs/custom-indicators.md")
    }
}
