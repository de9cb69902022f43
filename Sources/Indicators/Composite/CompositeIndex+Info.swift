import ApenCore

extension CompositeIndex {
    /// The catalogue entries of a composite's outputs: the index, its rank, and one shift per
    /// component (none for a single component), in that order.
    ///
    /// The index is a `score` (higher is better); the rank is a `rank` with an interval (lower
    /// is better); a shift is a `rank` difference (neutral). The label is the declared `label:`
    /// (the id when absent).
    ///
    /// ```swift
    /// CompositeIndex.infos(def).map(\.id)   // ["composite.openness", "composite.openness.rank", "composite.openness.shift.…"]
    /// ```
    public static func infos(_ def: CompositeDefinition) -> [IndicatorInfo] {
        let id = "composite.\(def.id)"
        let label = def.label ?? LocalizedText(nb: def.id, en: def.id)
        let inputs = def.components.map(\.indicator)
        let norm = def.normalisation.rawValue
        var out = [
            IndicatorInfo(
                id: id, family: "composite", label: label, unit: .score, direction: 1, inputs: inputs,
                definition: LocalizedText(
                    nb: "Vektet gjennomsnitt av \(inputs.count) normaliserte komponenter (\(norm)).",
                    en: "Weighted mean of \(inputs.count) normalised components (\(norm))."),
                methods: "§6"),
            IndicatorInfo(
                id: id + ".rank", family: "composite",
                label: LocalizedText(nb: "\(label.nb) – rangering", en: "\(label.en) – rank"), unit: .rank,
                direction: -1,
                inputs: [id],
                definition: LocalizedText(
                    nb:
                        "Rangering blant kommunene samme år (1 = høyest); intervall fra \(def.samples) Monte Carlo-trekk av vektene (±\(NumberText.shortest(def.delta * 100)) %).",
                    en:
                        "Rank among municipalities that year (1 = highest); interval from \(def.samples) Monte-Carlo draws of the weights (±\(NumberText.shortest(def.delta * 100)) %)."
                ),
                methods: "§6", hasInterval: true),
        ]
        for c in def.components where def.components.count >= 2 {
            out.append(
                IndicatorInfo(
                    id: "\(id).shift.\(c.indicator)", family: "composite",
                    label: LocalizedText(
                        nb: "\(label.nb) – endring uten \(c.indicator)",
                        en: "\(label.en) – shift without \(c.indicator)"),
                    unit: .rank, direction: 0, inputs: [id],
                    definition: LocalizedText(
                        nb: "Gjennomsnittlig endring i rangering når \(c.indicator) utelates.",
                        en: "Mean change in rank when \(c.indicator) is left out."),
                    methods: "§6"))
        }
        return out
    }
}
