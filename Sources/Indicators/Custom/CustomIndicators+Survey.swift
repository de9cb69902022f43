import ApenCore

/// Design-based custom indicators over a survey source (METHODS.md §2 "Custom indicators over
/// a survey source"): `mean` is ȳ_d of the `of` column over the domain's respondents with a
/// value, `share` is p̂ of the `of` condition over the domain's respondents matching `where`,
/// each a domain of its wave's design with the Taylor SE, design df and a t interval
/// (Korn–Graubard for a share), per municipality and per `by:` value — exactly as the built-in
/// survey indicators.
extension CustomIndicators {
    /// A domain: municipality and breakdown value (global indices; breakdown −1 = none), year.
    private struct Domain: Hashable {
        var municipality: Int32
        var year: Int32
        var breakdown: Int32
    }

    static func surveyDomains(
        _ def: CustomIndicator, tables: [Table], plans: [CustomTablePlan], globals: CustomGlobals,
        settings: SurveySettings, minN: Int, location: SourceLocation
    ) throws -> IndicatorOutputRows {
        let years = zip(tables, plans).map { t, plan in
            (0..<t.rowCount).map { plan.years.year($0) ?? GroupIndex.missingYear }
        }
        let frame = try SurveyDesignFrame(
            tables.map { SurveyInput(table: $0, settings: settings) }, years: years, failOnLonely: true)
        var records: [Domain: [SurveyEstimator.DesignRecord]] = [:]
        var hits: [Domain: Int] = [:]
        var present = Set<Domain>()
        var skipped = 0
        for (k, plan) in plans.enumerated() {
            for r in 0..<tables[k].rowCount {
                let code = plan.municipalityCodes[r]
                let year = years[k][r]
                guard code >= 0, year != GroupIndex.missingYear else {
                    skipped += 1
                    continue
                }
                var domains = [Domain(municipality: plan.municipalityGlobal[Int(code)], year: year, breakdown: -1)]
                if let b = plan.breakdown?.index(r), b >= 0 {
                    domains.append(Domain(municipality: domains[0].municipality, year: year, breakdown: b))
                }
                present.formUnion(domains)
                guard plan.filter.matches(r) else { continue }
                let y: Double
                if def.measure == .share {
                    y = plan.of!.matches(r) ? 1 : 0
                } else {
                    y = plan.values![r]
                    if y.isNaN { continue }
                }
                let record = frame.record(table: k, row: r, y: y)
                for d in domains {
                    records[d, default: []].append(record)
                    if y == 1 { hits[d, default: 0] += 1 }
                }
            }
        }
        var out = IndicatorOutputRows()
        var empty: [(text: String, group: RunWarning.Group)] = []
        for d in present {
            let municipality = globals.municipalities.strings[Int(d.municipality)]
            let breakdown = d.breakdown < 0 ? "" : "\(def.by ?? "")=" + globals.breakdowns.strings[Int(d.breakdown)]
            guard var recs = records[d] else {
                empty.append(
                    (
                        "\(municipality) \(d.year)" + (breakdown.isEmpty ? "" : " [\(breakdown)]"),
                        RunWarning.Group(
                            municipality, year: Int(d.year), breakdown: breakdown.isEmpty ? nil : breakdown)
                    ))
                continue
            }
            let estimate: SurveyEstimator.Estimate?
            do {
                estimate = try SurveyEstimator.estimate(
                    &recs, wavePSUs: frame.wavePSUs(year: d.year), stratum: frame.stratum(year: d.year))
            } catch {
                let stratum = frame.describe(
                    stratumCode: error.stratum, year: d.year, sources: tables.map(\.source))
                throw Diagnostic(location, "\(stratum) has a single PSU; declare lonely_psu: remove or adjust")
            }
            guard let e = estimate else { continue }
            let interval = def.measure == .share ? SurveyEstimator.kornGraubard(e, count: hits[d] ?? 0) : e.interval
            out.rows.append(
                IndicatorRow(
                    indicator: def.id, municipality: municipality, year: Int(d.year), breakdown: breakdown,
                    value: e.mean, n: e.n, se: e.se, ciLow: interval?.low, ciHigh: interval?.high, df: e.df,
                    flags: .survey(n: e.n, df: e.df, minN: minN)))
        }
        if skipped > 0 {
            out.warnings.append(
                Diagnostic(
                    location, "\(skipped) row(s) without a municipality or year were left out", severity: .warning,
                    warning: RunWarning(.rowsWithoutGroup, source: location.path, indicator: def.id, count: skipped)))
        }
        if !empty.isEmpty {
            empty.sort { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
            out.warnings.append(
                Diagnostic(
                    location,
                    "no value (no respondent in the domain) for \(empty.map(\.text).joined(separator: ", "))",
                    severity: .warning,
                    warning: RunWarning(
                        .noValue, source: location.path, indicator: def.id, groups: empty.map(\.group),
                        reason: .noRespondentInDomain)))
        }
        out.rows.sort(by: IndicatorRow.canonicalOrder)
        return out
    }
}
