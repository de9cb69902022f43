extension ResolvedIndicator {
    /// A composite rank row (`composite.<id>.rank`).
    var isCompositeRank: Bool { info.family == "composite" && id.hasSuffix(".rank") && !id.contains(".shift.") }
    /// A composite leave-one-out shift row (`composite.<id>.shift.<component>`).
    var isCompositeShift: Bool { info.family == "composite" && id.contains(".shift.") }
    /// A composite's median Monte-Carlo rank (`composite.<id>.rank_median`).
    var isCompositeRankMedian: Bool { info.family == "composite" && id.hasSuffix(".rank_median") }
    /// A composite pillar's score (`composite.<id>.<pillar>`), shown in the composite section's
    /// pillar table rather than in charts of its own.
    var isCompositePillar: Bool {
        info.family == "composite" && info.unit == .score && id.split(separator: ".").count == 3
    }
    /// A composite's yearly summary row: coherence or Sobol index (`composite.<id>.corr.<component>`, `composite.<id>.alpha`),
    /// which has an empty municipality.
    var isCompositeCoherence: Bool {
        info.family == "composite"
            && (id.contains(".corr.") || id.contains(".sobol_")
                || (id.hasSuffix(".alpha") && id.split(separator: ".").count == 3))
    }
    /// Value shown in charts: shares as percentages, everything else as is.
    func display(_ x: Double) -> Double { info.unit == .share ? x * 100 : x }
}
