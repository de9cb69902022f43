import ApenCore

extension CompositeIndex {
    /// The catalogue entries of a composite's outputs: the index, its rank, the median
    /// Monte-Carlo rank (when `samples` > 0), and one shift per component (none for a single
    /// component), in that order.
    ///
    /// The index is a `score` (higher is better); the rank is a `rank` with a 95 % interval
    /// (lower is better); the median rank and a shift are neutral `rank` summaries. The label is the declared `label:`
    /// (the id when absent).
    ///
    /// ```swift
    /// CompositeIndex.infos(def).map(\.id)
    /// // ["composite.openness", "composite.openness.rank", "composite.openness.rank_median", "composite.openness.shift.…"]
    /// ```
    package static func infos(_ def: CompositeDefinition) -> [IndicatorInfo] {
        let id = "composite.\(def.id)"
        let label = def.label ?? LocalizedText(nb: def.id, en: def.id)
        // A declared label without nynorsk reads as its bokmål in derived nynorsk labels.
        let nn = label.text(.nn)
        let inputs = def.components.map(\.indicator)
        let norm = def.normalisation.rawValue
        let sampling = def.uncertainty.samplingError
        var out = [
            IndicatorInfo(
                id: id, family: "composite", label: label, unit: .score, direction: 1, inputs: inputs,
                definition: LocalizedText(
                    nb: def.aggregation == .geometric
                        ? "Vektet geometrisk gjennomsnitt av \(inputs.count) normaliserte komponenter (\(norm))."
                        : "Vektet gjennomsnitt av \(inputs.count) normaliserte komponenter (\(norm)).",
                    en: def.aggregation == .geometric
                        ? "Weighted geometric mean of \(inputs.count) normalised components (\(norm))."
                        : "Weighted mean of \(inputs.count) normalised components (\(norm)).",
                    nn: def.aggregation == .geometric
                        ? "Vekta geometrisk gjennomsnitt av \(inputs.count) normaliserte komponentar (\(norm))."
                        : "Vekta gjennomsnitt av \(inputs.count) normaliserte komponentar (\(norm))."),
                methods: "§6"),
            IndicatorInfo(
                id: id + ".rank", family: "composite",
                label: LocalizedText(nb: "\(label.nb) – rangering", en: "\(label.en) – rank", nn: "\(nn) – rangering"),
                unit: .rank,
                direction: -1,
                inputs: [id],
                definition: LocalizedText(
                    nb:
                        "Rangering blant kommunene samme år (1 = høyest); 95 %-intervall (2,5.–97,5. persentil) fra \(def.samples) Monte Carlo-trekk av vektene (±\(NumberText.shortest(def.delta * 100)) %)\(sampling ? " og av komponentverdiene innenfor utvalgsfeilen" : "").",
                    en:
                        "Rank among municipalities that year (1 = highest); 95 % interval (2.5th–97.5th percentile) from \(def.samples) Monte-Carlo draws of the weights (±\(NumberText.shortest(def.delta * 100)) %)\(sampling ? " and of the component values within their sampling error" : "").",
                    nn:
                        "Rangering blant kommunane same år (1 = høgast); 95 %-intervall (2,5.–97,5. persentil) frå \(def.samples) Monte Carlo-trekk av vektene (±\(NumberText.shortest(def.delta * 100)) %)\(sampling ? " og av komponentverdiane innanfor utvalsfeilen" : "")."
                ),
                methods: "§6", hasInterval: true),
        ]
        for p in def.pillars {
            out.append(
                IndicatorInfo(
                    id: "\(id).\(p.id)", family: "composite",
                    label: LocalizedText(
                        nb: "\(label.nb) – søyle \(p.id)", en: "\(label.en) – pillar \(p.id)",
                        nn: "\(nn) – søyle \(p.id)"),
                    unit: .score, direction: 1, inputs: p.components,
                    definition: LocalizedText(
                        nb:
                            "Søylen \(p.id): \(p.components.count) normaliserte komponenter slått sammen (\(def.aggregation.rawValue)).",
                        en:
                            "Pillar \(p.id): \(p.components.count) normalised components combined (\(def.aggregation.rawValue)).",
                        nn:
                            "Søyla \(p.id): \(p.components.count) normaliserte komponentar slått saman (\(def.aggregation.rawValue))."
                    ),
                    methods: "§6"))
        }
        if def.samples > 0 {
            out.append(
                IndicatorInfo(
                    id: id + ".rank_median", family: "composite",
                    label: LocalizedText(
                        nb: "\(label.nb) – median rangering", en: "\(label.en) – median rank",
                        nn: "\(nn) – median rangering"),
                    unit: .rank, direction: 0, inputs: [id],
                    definition: LocalizedText(
                        nb: "Medianen av rangeringene i de \(def.samples) Monte Carlo-trekkene.",
                        en: "Median of the ranks in the \(def.samples) Monte-Carlo draws.",
                        nn: "Medianen av rangeringane i dei \(def.samples) Monte Carlo-trekka."),
                    methods: "§6"))
        }
        for c in def.components {
            out.append(
                IndicatorInfo(
                    id: "\(id).corr.\(c.indicator)", family: "composite",
                    label: LocalizedText(
                        nb: "\(label.nb) – korrelasjon med \(c.indicator)",
                        en: "\(label.en) – correlation with \(c.indicator)",
                        nn: "\(nn) – korrelasjon med \(c.indicator)"),
                    unit: .coefficient, direction: 0, inputs: [id, c.indicator],
                    definition: LocalizedText(
                        nb:
                            "Pearsons r mellom komponentens normaliserte verdier og indeksen det året (rad uten kommune); radene med en annen komponent som nedbryting gir korrelasjonen med den komponenten.",
                        en:
                            "Pearson's r between the component's normalised scores and the index that year (row without a municipality); the rows with another component as breakdown give the correlation with that component.",
                        nn:
                            "Pearsons r mellom dei normaliserte verdiane til komponenten og indeksen det året (rad utan kommune); radene med ein annan komponent som nedbryting gjev korrelasjonen med den komponenten."
                    ),
                    methods: "§6"))
        }
        for f in sobolFactors(def) where def.sensitivity {
            for (kind, nb, en, nnKind) in [
                ("sobol_first", "førsteordens Sobol-indeks", "first-order Sobol index", "Sobol-indeks av første orden"),
                ("sobol_total", "totalordens Sobol-indeks", "total-order Sobol index", "total Sobol-indeks"),
            ] {
                out.append(
                    IndicatorInfo(
                        id: "\(id).\(kind).\(f.name)", family: "composite",
                        label: LocalizedText(
                            nb: "\(label.nb) – \(nb), \(f.name)", en: "\(label.en) – \(en), \(f.name)",
                            nn: "\(nn) – \(nnKind), \(f.name)"),
                        unit: .coefficient, direction: 0, inputs: [id],
                        definition: LocalizedText(
                            nb:
                                "Andelen av variansen i kommunenes rang som skyldes \(f.name), veid med hver kommunes rangvarians (rad uten kommune).",
                            en:
                                "The share of the variance of the municipalities' ranks due to \(f.name), weighted by each municipality's rank variance (row without a municipality).",
                            nn:
                                "Delen av variansen i rangane til kommunane som kjem av \(f.name), vekta med rangvariansen til kvar kommune (rad utan kommune)."
                        ),
                        methods: "§6"))
            }
        }
        if def.components.count >= 2 {
            out.append(
                IndicatorInfo(
                    id: "\(id).alpha", family: "composite",
                    label: LocalizedText(
                        nb: "\(label.nb) – Cronbachs alfa", en: "\(label.en) – Cronbach's alpha",
                        nn: "\(nn) – Cronbachs alfa"),
                    unit: .coefficient, direction: 0, inputs: inputs,
                    definition: LocalizedText(
                        nb: "Cronbachs α for de normaliserte komponentene det året (rad uten kommune).",
                        en: "Cronbach's α of the normalised components that year (row without a municipality).",
                        nn: "Cronbachs α for dei normaliserte komponentane det året (rad utan kommune)."),
                    methods: "§6"))
        }
        if def.winsorise != nil {
            out.append(
                IndicatorInfo(
                    id: id + ".treated", family: "composite",
                    label: LocalizedText(
                        nb: "\(label.nb) – behandlede uteliggere", en: "\(label.en) – treated outliers",
                        nn: "\(nn) – handsama uteliggjarar"),
                    unit: .ratio, direction: 0, inputs: inputs,
                    definition: LocalizedText(
                        nb:
                            "Verdien en uteligger ble satt til (winsorisering) før normaliseringen, i komponentens enhet; nedbrytingen er komponenten.",
                        en:
                            "The value an outlier was set to (winsorisation) before normalisation, in the component's unit; the breakdown is the component.",
                        nn:
                            "Verdien ein uteliggjar vart sett til (winsorisering) før normaliseringa, i eininga til komponenten; nedbrytinga er komponenten."
                    ),
                    methods: "§6"))
        }
        if def.impute != .none {
            out.append(
                IndicatorInfo(
                    id: id + ".imputed", family: "composite",
                    label: LocalizedText(
                        nb: "\(label.nb) – imputerte verdier", en: "\(label.en) – imputed values",
                        nn: "\(nn) – imputerte verdiar"),
                    unit: .ratio, direction: 0, inputs: inputs,
                    definition: LocalizedText(
                        nb:
                            "Verdien som ble satt inn for en manglende komponent (impute: \(def.impute.rawValue)), i komponentens enhet; nedbrytingen er komponenten.",
                        en:
                            "The value filled in for a missing component (impute: \(def.impute.rawValue)), in the component's unit; the breakdown is the component.",
                        nn:
                            "Verdien som vart sett inn for ein manglande komponent (impute: \(def.impute.rawValue)), i eininga til komponenten; nedbrytinga er komponenten."
                    ),
                    methods: "§6"))
        }
        for c in def.components where def.components.count >= 2 {
            out.append(
                IndicatorInfo(
                    id: "\(id).shift.\(c.indicator)", family: "composite",
                    label: LocalizedText(
                        nb: "\(label.nb) – endring uten \(c.indicator)",
                        en: "\(label.en) – shift without \(c.indicator)",
                        nn: "\(nn) – endring utan \(c.indicator)"),
                    unit: .rank, direction: 0, inputs: [id],
                    definition: LocalizedText(
                        nb:
                            "Absolutt endring i rangering når \(c.indicator) utelates; raden uten kommune er årets gjennomsnitt.",
                        en:
                            "Absolute change in rank when \(c.indicator) is left out; the row without a municipality is the year's mean.",
                        nn:
                            "Absolutt endring i rangering når \(c.indicator) blir utelaten; rada utan kommune er gjennomsnittet for året."
                    ),
                    methods: "§6"))
        }
        return out
    }
}
